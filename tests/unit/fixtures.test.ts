// One test per page fixture, generated from its expected.json: our own pages under tests/fixtures
// and the reference page in ../shared/fixtures/seed (skipped when ../shared is absent).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import { analyzePage, visibleTextOf } from '../../src/core/report';
import { normalizeSpace } from '../../src/core/text';
import type { ClutterKind, Mode } from '../../src/core/types';
import { hasShared, missingSharedMessage, sharedPath } from '../shared-data';

interface Expected {
  isArticle?: boolean;
  /** The seed page spells it this way. */
  is_article?: boolean;
  options?: { hideComments?: boolean };
  clutter: { kind: ClutterKind; contains: string; count?: number }[];
  hiddenSelectors?: { kind: ClutterKind; selector: string }[];
  keep: string[];
}

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function fixtureDirs(): { name: string; dir: string }[] {
  const own = existsSync(FIXTURES)
    ? readdirSync(FIXTURES)
        .filter((d) => existsSync(join(FIXTURES, d, 'expected.json')))
        .map((d) => ({ name: d, dir: join(FIXTURES, d) }))
    : [];
  return own;
}

function load(dir: string, file: string) {
  const html = readFileSync(join(dir, file), 'utf8');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  return { html, expected };
}

function run(html: string, expected: Expected, mode: Mode) {
  const doc = parseHtml(html);
  const before = doc.documentElement.outerHTML;
  const analysis = analyzePage(doc, { mode, hideComments: expected.options?.hideComments ?? false });
  const hidden = new Set(analysis.clutter.map((c) => c.element));
  const visible = normalizeSpace(visibleTextOf(doc, hidden));
  return { doc, analysis, visible, unchanged: doc.documentElement.outerHTML === before };
}

function checkPage(html: string, expected: Expected): void {
  const { doc, analysis, visible, unchanged } = run(html, expected, 'declutter');
  expect(unchanged, 'the analysis must not change the document').toBe(true);
  expect(analysis.report.isArticle).toBe(expected.isArticle ?? expected.is_article);
  for (const block of analysis.clutter) expect(block.reason, 'every hidden block says why').not.toBe('');
  for (const want of expected.clutter) {
    const matching = analysis.clutter.filter(
      (c) => c.kind === want.kind && normalizeSpace(c.element.textContent ?? '').includes(want.contains),
    );
    const label = `${want.kind} block containing "${want.contains}"`;
    if (want.count !== undefined) expect(matching.length, label).toBe(want.count);
    else expect(matching.length, label).toBeGreaterThan(0);
    expect(visible.includes(want.contains), `"${want.contains}" must not stay visible`).toBe(false);
  }
  for (const want of expected.hiddenSelectors ?? []) {
    const el = doc.querySelector(want.selector);
    expect(el, want.selector).not.toBeNull();
    const block = analysis.clutter.find((c) => c.element === el || c.element.contains(el!));
    expect(block?.kind, `${want.selector} hidden as ${want.kind}`).toBe(want.kind);
  }
  for (const text of expected.keep) expect(visible, 'kept text').toContain(normalizeSpace(text));
  if (!(expected.isArticle ?? expected.is_article)) expect(analysis.clutter).toEqual([]);
}

/** Focus mode hides more, never the article: its title and every paragraph of the root stay. */
function checkFocus(html: string, expected: Expected): void {
  const { analysis, visible } = run(html, expected, 'focus');
  if (!analysis.root) return;
  const title = analysis.root.ownerDocument.querySelector('h1');
  if (title) expect(visible).toContain(normalizeSpace(title.textContent ?? ''));
  for (const block of analysis.blocks) {
    if (block.tag === 'p' && block.text.length > 80) expect(visible).toContain(normalizeSpace(block.text));
  }
  for (const want of expected.clutter) expect(visible.includes(want.contains)).toBe(false);
}

describe('page fixtures (tests/fixtures)', () => {
  const dirs = fixtureDirs();
  it('has at least six fixtures of our own', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(6);
  });
  for (const { name, dir } of dirs) {
    it(`${name}: declutter hides the clutter and keeps the article`, () => {
      const { html, expected } = load(dir, 'source.html');
      checkPage(html, expected);
    });
    it(`${name}: focus mode keeps the title and the body`, () => {
      const { html, expected } = load(dir, 'source.html');
      checkFocus(html, expected);
    });
  }
});

const SEED = ['fixtures', 'seed'];
describe.skipIf(!hasShared(...SEED, 'expected.json'))('reference page (../shared/fixtures/seed)', () => {
  it('declutter hides every clutter block with its kind and keeps every keep text', () => {
    const { html, expected } = load(sharedPath(...SEED), 'article.html');
    checkPage(html, expected);
  });
  it('focus mode keeps the title and the body', () => {
    const { html, expected } = load(sharedPath(...SEED), 'article.html');
    checkFocus(html, expected);
  });
});
if (!hasShared(...SEED, 'expected.json')) console.warn(missingSharedMessage(...SEED));
