// Rewrites tests/fixtures/*/expected.json from what the analysis finds now, for review as a diff
// (`git diff tests/fixtures`): `isArticle` and `clutter` are regenerated; `about`, `options`,
// `keep` and `hiddenSelectors` are kept as written by hand.
// Usage: npx tsx scripts/regen-fixtures.ts [SLUG...]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../src/cli/parse-html';
import { analyzePage } from '../src/core/report';
import { normalizeSpace } from '../src/core/text';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures');
/** Characters of a hidden block's text that identify it in expected.json. */
const SNIPPET_CHARS = 50;

interface ClutterEntry {
  kind: string;
  contains: string;
  count?: number;
}

function regenerate(slug: string): void {
  const dir = join(FIXTURES, slug);
  const file = join(dir, 'expected.json');
  const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const options = (old.options ?? {}) as { hideComments?: boolean };
  const doc = parseHtml(readFileSync(join(dir, 'source.html'), 'utf8'));
  const analysis = analyzePage(doc, { hideComments: options.hideComments ?? false });
  const found = analysis.clutter.map((c) => ({ kind: c.kind, text: normalizeSpace(c.element.textContent ?? '') }));
  // Entries written by hand stay while they still match (with their count now); new blocks are added.
  const clutter: ClutterEntry[] = [];
  const covered = new Set<number>();
  for (const entry of (old.clutter ?? []) as ClutterEntry[]) {
    const hits = found.flatMap((f, i) => (f.kind === entry.kind && f.text.includes(entry.contains) ? [i] : []));
    if (hits.length === 0) continue;
    for (const i of hits) covered.add(i);
    clutter.push(entry.count === undefined ? entry : { ...entry, count: hits.length });
  }
  found.forEach((f, i) => {
    const contains = f.text.slice(0, SNIPPET_CHARS).trim();
    if (!covered.has(i) && contains !== '') clutter.push({ kind: f.kind, contains });
  });
  const next = { ...old, isArticle: analysis.report.isArticle, clutter, keep: old.keep ?? [] };
  // Written on one line: the formatter then lays it out as it lays out the hand-written files.
  writeFileSync(file, `${JSON.stringify(next)}\n`);
}

const slugs = process.argv.slice(2);
const written: string[] = [];
for (const slug of slugs.length > 0 ? slugs : readdirSync(FIXTURES)) {
  if (!existsSync(join(FIXTURES, slug, 'source.html'))) continue;
  regenerate(slug);
  written.push(join(FIXTURES, slug, 'expected.json'));
}
// The repo's one formatter, so that the diff shows changes of content only.
if (written.length > 0) execFileSync('npx', ['biome', 'format', '--write', ...written], { stdio: 'ignore' });
process.stdout.write(`regenerated ${written.length} expected.json; review with: git diff tests/fixtures\n`);
