// Gzip sizes of what the browser loads: the content script (one IIFE), the popup (its HTML's
// scripts and stylesheets plus every chunk they import statically) and the background with its
// engine (the manifest's service worker or background scripts plus every chunk they import).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleSizes {
  contentScript: FileSize;
  popup: FileGroup;
  background: FileGroup;
}

export interface FileGroup {
  files: FileSize[];
  bytes: number;
  gzip: number;
}

function sizeOf(root: string, file: string): FileSize {
  const buf = readFileSync(join(root, file));
  return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** Files an extension page loads: <script src>, modulepreload and stylesheet links, static and dynamic imports. */
export function pageAssets(root: string, htmlPath: string): string[] {
  const html = readFileSync(join(root, htmlPath), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  return withImports(
    root,
    refs.map((r) => (r.startsWith('/') ? r.slice(1) : join(dirname(htmlPath), r))),
  );
}

/** The files and every chunk they import (static and dynamic), each once. */
function withImports(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(root, file))) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const js = readFileSync(join(root, file), 'utf8');
    // Static imports and dynamic import() of chunks: the popup loads its app lazily on every open.
    for (const m of js.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)) {
      const spec = m[1]!;
      queue.push(spec.startsWith('/') ? spec.slice(1) : join(dirname(file), spec));
    }
  }
  return [...seen];
}

/** The background's files: the manifest's service worker (Chrome) or scripts (Firefox) and their imports. */
export function backgroundAssets(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] };
  };
  const bg = manifest.background ?? {};
  return withImports(root, bg.service_worker ? [bg.service_worker] : (bg.scripts ?? []));
}

function group(root: string, files: string[]): FileGroup {
  const sizes = files.map((f) => sizeOf(root, f));
  return { files: sizes, bytes: sizes.reduce((s, f) => s + f.bytes, 0), gzip: sizes.reduce((s, f) => s + f.gzip, 0) };
}

export function bundleSizes(distDir: string): BundleSizes {
  const root = resolve(distDir);
  return {
    contentScript: sizeOf(root, 'content.js'),
    popup: group(root, pageAssets(root, 'src/popup/index.html')),
    background: group(root, backgroundAssets(root)),
  };
}
