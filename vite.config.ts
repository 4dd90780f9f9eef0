// Builds the extension pages and background for one browser: TARGET=chrome|firefox (default
// chrome). The content script is built separately as one self-contained IIFE (scripts/build.ts):
// no loader; the web-accessible files are the two chunks it imports when the reader needs them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { PAGE_CHUNKS } from './src/shared/page-chunks';

export type Target = 'chrome' | 'firefox';

export const CONTENT_SCRIPT_OUT = 'content.js';
export { COMFORT_OUT, CORRECTION_UI_OUT, DECLUTTER_OUT, PAGE_CHUNKS } from './src/shared/page-chunks';

/**
 * The manifest's web_accessible_resources: those modules only, for the pages the content
 * script runs on (a content script's import() is fetched as the page's). Chrome serves it only at
 * a URL that changes every session (use_dynamic_url), so a page cannot probe a fixed
 * chrome-extension:// URL to learn the extension is installed; Firefox's moz-extension:// host is
 * already a random id per installation and it has no such key.
 */
export function chunkResources(target: Target): Record<string, unknown>[] {
  const matches = readSourceManifest().content_scripts.flatMap((cs) => cs.matches);
  const entry = { resources: PAGE_CHUNKS, matches };
  return [target === 'chrome' ? { ...entry, use_dynamic_url: true } : entry];
}

/**
 * The Firefox add-on id: final. AMO ties every listing, update and review to it and it can never
 * change after the first upload; quotelens.app is the project's own domain.
 */
export const ADDON_ID = 'quotelens@quotelens.app';

interface SourceManifest {
  background: { service_worker: string; type?: string };
  content_scripts: { matches: string[]; js: string[]; run_at?: string }[];
  [key: string]: unknown;
}

export function readSourceManifest(): SourceManifest {
  // Relative to the working directory (the repo root for every npm script): import.meta.url is not
  // a file: URL when this module is loaded inside a test environment.
  return JSON.parse(readFileSync(resolve('manifest.json'), 'utf8')) as SourceManifest;
}

/** The manifest crxjs sees for a target: background shape per browser, content script left out. */
export function manifestFor(target: Target): Record<string, unknown> {
  const { content_scripts: _contentScripts, background, ...rest } = readSourceManifest();
  if (target === 'chrome')
    return { ...rest, background: { service_worker: background.service_worker, type: 'module' } };
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: ADDON_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

export function outDirFor(target: Target, e2e: boolean): string {
  return e2e ? `dist/e2e/${target}` : `dist/${target}`;
}

export default defineConfig(() => {
  const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';
  const e2e = process.env.E2E === '1';
  return {
    define: { __E2E__: JSON.stringify(e2e) },
    plugins: [crx({ manifest: manifestFor(target) as unknown as ManifestV3Export, browser: target })],
    build: {
      outDir: outDirFor(target, e2e),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      // Pages the manifest does not name: crxjs builds only what it is given.
      rollupOptions: {
        input: { library: resolve('src/library/index.html'), firstRun: resolve('src/first-run/index.html') },
      },
    },
    server: { cors: { origin: [/chrome-extension:\/\//] } },
  };
});
