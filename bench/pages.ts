// The benchmark's workload: every page of ../shared/pages (readability, aeb and nonarticles) plus
// the seed article, and synthetic articles made from the seed page at several lengths for the
// scaling run.
import { readdirSync, readFileSync } from 'node:fs';
import { sharedPath } from '../tests/shared-data';
import type { PageSource } from './server';

/** Which set a page comes from: its own figures are reported per set. */
export type PageSet = 'seed' | 'readability' | 'aeb' | 'nonarticles';
export const PAGE_SETS: readonly PageSet[] = ['seed', 'readability', 'aeb', 'nonarticles'];

export interface BenchPage {
  name: string;
  path: string;
  source: PageSource;
  set: PageSet;
}

export const SEED_NAME = 'seed/article';
export const SCALES = [1, 4, 16, 64] as const;

/** The real pages, seed first; `limit` keeps an evenly spread subset (the seed always stays). */
export function realPages(limit?: number): BenchPage[] {
  const all: BenchPage[] = [];
  for (const set of ['readability', 'aeb'] as const) {
    const dir = sharedPath('pages', set);
    for (const d of readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .sort((a, b) => a.name.localeCompare(b.name)))
      all.push({
        name: `${set}/${d.name}`,
        path: `/${set}/${d.name}/source.html`,
        source: { file: `${dir}/${d.name}/source.html` },
        set,
      });
  }
  const nonDir = sharedPath('pages', 'nonarticles');
  for (const file of readdirSync(nonDir)
    .filter((f) => f.endsWith('.html'))
    .sort())
    all.push({
      name: `nonarticles/${file.replace(/\.html$/, '')}`,
      path: `/nonarticles/${file}`,
      source: { file: `${nonDir}/${file}` },
      set: 'nonarticles',
    });
  let chosen = all;
  if (limit !== undefined && limit < all.length + 1) {
    const n = Math.max(0, limit - 1);
    const step = all.length / Math.max(1, n);
    chosen = Array.from({ length: n }, (_, i) => all[Math.floor(i * step)]!);
  }
  return [
    {
      name: SEED_NAME,
      path: '/seed/article.html',
      source: { file: sharedPath('fixtures', 'seed', 'article.html') },
      set: 'seed',
    },
    ...chosen,
  ];
}

const CONTENT_OPEN = '<div class="entry-content">';

/**
 * The seed page with its article body repeated `times` times. Each copy shifts every number in
 * the text by the copy's index and numbers its headings, so no two paragraphs are identical.
 */
export function syntheticArticle(times: number): string {
  const html = readFileSync(sharedPath('fixtures', 'seed', 'article.html'), 'utf8');
  const start = html.indexOf(CONTENT_OPEN);
  if (start < 0) throw new Error('seed page: no entry-content block');
  const bodyStart = start + CONTENT_OPEN.length;
  // The entry-content div holds no nested divs that close it early except the ad blocks, which
  // are balanced; its end is the first "</div>" followed by the share bar.
  const bodyEnd = html.indexOf('<div class="post-share">', bodyStart);
  const closing = html.lastIndexOf('</div>', bodyEnd);
  const body = html.slice(bodyStart, closing);
  const copies: string[] = [];
  for (let k = 0; k < times; k++) {
    const varied =
      k === 0
        ? body
        : body
            .replace(
              />(?<text>[^<]+)</g,
              (_m, text: string) => `>${text.replace(/\d+/g, (d) => String(Number(d) + k))}<`,
            )
            .replace(/<\/h3>/g, ` (${k + 1})</h3>`);
    copies.push(varied);
  }
  return html.slice(0, bodyStart) + copies.join('\n') + html.slice(closing);
}

export function syntheticPages(): BenchPage[] {
  return SCALES.map((times) => ({
    name: `synthetic ${times}x`,
    path: `/synthetic/${times}x.html`,
    source: { html: syntheticArticle(times) },
    set: 'seed' as const,
  }));
}
