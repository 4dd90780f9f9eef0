// How much of what readers call clutter is hidden, on the labelled real pages of ../shared/pages/aeb.
// Usage: npx tsx scripts/eval-clutter.ts [--mode declutter|focus] [--show-comments] [--misses] [--write]
//   A clutter block counts hidden when its `contains` text is no longer in the visible text (the
//   CLI's visibleText, white space ignored); every `keep` sentence must stay visible. A block whose
//   text is not in the page even with nothing hidden is not scored (it is listed and counted).
//   Pages are split by site (hostname) into train and dev with a fixed seed: tune on train, check
//   on dev.  --misses lists every block still visible and every keep hidden;  --write records the
//   figures in bench/clutter-figures.json, which the corpus tier guards.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHtml } from '../src/cli/analyze';
import { analyzePage, visibleTextOf } from '../src/core/report';
import { CLUTTER_KINDS, type ClutterKind, type Mode } from '../src/core/types';
import { hasShared, sharedPath } from '../tests/shared-data';

/** Seed of the site split: fixed, so train and dev stay the same pages from run to run. */
export const SPLIT_SEED = 13;
/** Share of sites in dev. */
export const DEV_SHARE = 0.3;

export type Split = 'train' | 'dev';

export interface Label {
  kind: ClutterKind;
  contains: string;
}

interface Tally {
  hidden: number;
  total: number;
}

export interface ClutterFigures {
  pages: number;
  threw: number;
  blocks: Tally;
  keeps: Tally & { visible: number };
  byKind: Record<string, Tally>;
  /**
   * Labelled blocks whose text is not in the page's visible text even with nothing hidden (text a
   * script writes, an image's alt, a box the saved page keeps hidden): nothing to score, so they
   * are left out of `blocks` and `byKind` rather than counted as hidden.
   */
  unscored: number;
  /** Share of blocks hidden. */
  hiddenShare: number;
}

export interface SplitFigures {
  all: ClutterFigures;
  train: ClutterFigures;
  dev: ClutterFigures;
  misses: string[];
}

/** FNV-1a over the seed and the site: a stable, well-spread split by site. */
export function splitOf(site: string, seed = SPLIT_SEED): Split {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < site.length; i++) {
    h ^= site.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 1000) / 1000 < DEV_SHARE ? 'dev' : 'train';
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** The split of an aeb page, by its site (its ground truth's url, else the page's name). */
export function pageSplit(url: string | undefined, page: string): Split {
  return splitOf(siteOf(url ?? page));
}

function empty(): ClutterFigures {
  const byKind: Record<string, Tally> = {};
  for (const k of CLUTTER_KINDS) byKind[k] = { hidden: 0, total: 0 };
  return {
    pages: 0,
    threw: 0,
    blocks: { hidden: 0, total: 0 },
    keeps: { hidden: 0, total: 0, visible: 0 },
    byKind,
    unscored: 0,
    hiddenShare: 0,
  };
}

/** One labelled page of ../shared/pages/aeb: its clutter.json, its site's split, its source. */
export interface LabelledPage {
  page: string;
  labels: { clutter: Label[]; keep: string[] };
  split: Split;
  source(): string;
}

/** The labelled pages in name order (a page without clutter.json is not one of them). */
export function* labelledPages(): Generator<LabelledPage> {
  const dir = sharedPath('pages', 'aeb');
  for (const page of readdirSync(dir).sort()) {
    let labels: LabelledPage['labels'];
    try {
      labels = JSON.parse(readFileSync(join(dir, page, 'clutter.json'), 'utf8'));
    } catch {
      continue;
    }
    const truth = JSON.parse(readFileSync(join(dir, page, 'ground-truth.json'), 'utf8')) as { url?: string };
    const split = pageSplit(truth.url, page);
    yield { page, labels, split, source: () => readFileSync(join(dir, page, 'source.html'), 'utf8') };
  }
}

interface HappyDomWindow {
  happyDOM?: { close(): Promise<void> };
}

/**
 * A text as compared: white space dropped, since the labels were read off rendered pages with a
 * space at every element's edge ("“ Knights of the Zodiac ”") where the text has none.
 */
const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * Visible text of one page as the CLI gives it, and the page's text with nothing hidden, both
 * squashed; null when it throws.
 */
function visibleOf(
  html: string,
  mode: Mode,
  hideComments: boolean,
): { text: string; all: string; window: HappyDomWindow | null } | null {
  const doc = parseHtml(html);
  const window = (doc.defaultView as unknown as HappyDomWindow | null) ?? null;
  try {
    const all = squash(visibleTextOf(doc, new Set()));
    const a = analyzePage(doc, { mode, hideComments });
    return { text: squash(visibleTextOf(doc, new Set(a.clutter.map((c) => c.element)))), all, window };
  } catch {
    return null;
  }
}

export async function measureClutter(mode: Mode = 'declutter', hideComments = true): Promise<SplitFigures> {
  const out: SplitFigures = { all: empty(), train: empty(), dev: empty(), misses: [] };
  for (const { page, labels, split, source } of labelledPages()) {
    const figs = [out.all, out[split]];
    for (const f of figs) f.pages++;
    const visible = visibleOf(source(), mode, hideComments);
    if (!visible) {
      for (const f of figs) f.threw++;
      out.misses.push(`${page} threw`);
    }
    const text = visible?.text ?? '';
    for (const c of labels.clutter) {
      const label = squash(c.contains);
      if (visible && !visible.all.includes(label)) {
        for (const f of figs) f.unscored++;
        out.misses.push(`${page} ${split} ${c.kind} (unscored: not in the page's text): ${c.contains.slice(0, 70)}`);
        continue;
      }
      const hidden = visible !== null && !text.includes(label);
      for (const f of figs) {
        f.blocks.total++;
        f.byKind[c.kind]!.total++;
        if (hidden) {
          f.blocks.hidden++;
          f.byKind[c.kind]!.hidden++;
        }
      }
      if (!hidden) out.misses.push(`${page} ${split} ${c.kind}: ${c.contains.slice(0, 90)}`);
    }
    for (const k of labels.keep) {
      const seen = text.includes(squash(k));
      for (const f of figs) {
        f.keeps.total++;
        if (seen) f.keeps.visible++;
        else f.keeps.hidden++;
      }
      if (!seen) out.misses.push(`${page} ${split} KEEP HIDDEN: ${k.slice(0, 90)}`);
    }
    await visible?.window?.happyDOM?.close();
  }
  for (const f of [out.all, out.train, out.dev]) f.hiddenShare = round(f.blocks.hidden / Math.max(1, f.blocks.total));
  return out;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const pct = (t: Tally) => `${t.hidden}/${t.total} = ${((100 * t.hidden) / Math.max(1, t.total)).toFixed(1)}%`;

export function table(f: SplitFigures): string {
  const rows = ['| kind | all | train | dev |', '|---|---|---|---|'];
  for (const k of CLUTTER_KINDS) {
    if (f.all.byKind[k]!.total === 0) continue;
    rows.push(`| ${k} | ${pct(f.all.byKind[k]!)} | ${pct(f.train.byKind[k]!)} | ${pct(f.dev.byKind[k]!)} |`);
  }
  rows.push(`| **all blocks** | **${pct(f.all.blocks)}** | ${pct(f.train.blocks)} | ${pct(f.dev.blocks)} |`);
  const keeps = (x: ClutterFigures) => `${x.keeps.visible}/${x.keeps.total} visible`;
  rows.push(`| keep sentences | ${keeps(f.all)} | ${keeps(f.train)} | ${keeps(f.dev)} |`);
  rows.push(`| not scored (text not in the page) | ${f.all.unscored} | ${f.train.unscored} | ${f.dev.unscored} |`);
  rows.push(
    `| pages (thrown) | ${f.all.pages} (${f.all.threw}) | ${f.train.pages} (${f.train.threw}) | ${f.dev.pages} (${f.dev.threw}) |`,
  );
  return rows.join('\n');
}

export const CLUTTER_FIGURES_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'bench',
  'clutter-figures.json',
);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'declutter' },
      'show-comments': { type: 'boolean', default: false },
      misses: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
    },
  });
  if (!hasShared('pages', 'aeb')) {
    process.stderr.write(`${sharedPath('pages', 'aeb')} not found (set QUOTELENS_SHARED)\n`);
    process.exitCode = 2;
    return;
  }
  const mode = values.mode;
  if (mode !== 'declutter' && mode !== 'focus') {
    process.stderr.write('--mode takes declutter or focus\n');
    process.exitCode = 2;
    return;
  }
  const f = await measureClutter(mode, !values['show-comments']);
  process.stdout.write(`${table(f)}\n`);
  if (values.misses) for (const m of f.misses) process.stdout.write(`  ${m}\n`);
  if (values.write) {
    const { misses, ...figures } = f;
    const record = { command: 'npm run eval:clutter -- --write', mode, hideComments: true, ...figures };
    writeFileSync(CLUTTER_FIGURES_FILE, `${JSON.stringify(record, null, 2)}\n`);
    process.stdout.write(`wrote ${CLUTTER_FIGURES_FILE}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
