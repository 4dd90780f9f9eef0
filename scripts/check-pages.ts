// Never hide the article: measures, over ../shared/pages, how much of each article stays visible.
// Usage: npx tsx scripts/check-pages.ts [--mode declutter|focus] [--baseline] [--write] [--verbose] [--page SLUG]
//   [--pages train|dev|all]
//   --baseline  hides nothing (the score of "all the page's text")
//   --write     records the figures in bench/pages-figures.json (both modes and the baseline)
//   --pages     lists the aeb pages of a split with their normalised tp/fp/fn, most fp first
//   The aeb line is split by site as scripts/eval-clutter.ts splits (same seed): tune on train.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHtml } from '../src/cli/parse-html';
import { analyzePage, visibleTextOf } from '../src/core/report';
import { collectTextBlocks, normalizeSpace } from '../src/core/text';
import type { Mode } from '../src/core/types';
import { hasShared, sharedPath } from '../tests/shared-data';
import { pageSplit, type Split } from './eval-clutter';

/** Sentence ends: ., !, ? or … followed by white space. Readability's text is plain prose. */
const SENTENCE_END = /(?<=[.!?…])\s+/;
/** Words as the article-extraction benchmark tokenises them (Python's \w+). */
export const WORD = /[\p{L}\p{N}_]+/gu;
/** The benchmark's shingle size. */
export const NGRAM = 4;

export interface ReadabilityFigures {
  pages: number;
  threw: number;
  sentences: number;
  sentencesKept: number;
  /** Share of expected.html sentences that stay visible, over all pages. */
  keptShare: number;
  /** Pages that lose at least one sentence, with what they lose. */
  losing: { page: string; lost: number; of: number; example: string }[];
  /** On article pages: share of expected.html sentences inside the article root (a diagnostic). */
  inRootShare: number;
  /** Article pages whose root misses more than a tenth of the sentences. */
  rootMisses: string[];
  /** Mean per-page token F1 of the visible text against expected.html (meaningful in focus mode). */
  tokenF1: number;
  articles: number;
  ms: number;
}

/** Word-4-gram precision, recall and F1 as the benchmark computes them, over some pages. */
export interface AebScore {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface AebFigures extends AebScore {
  threw: number;
  articles: number;
  ms: number;
  /** The same scores on the site split of scripts/eval-clutter.ts: tune on train, check on dev. */
  train: AebScore;
  dev: AebScore;
  /** Per page: split, normalised tp/fp/fn (for --pages). */
  perPage: { page: string; split: Split; tp: number; fp: number; fn: number }[];
}

export interface Figures {
  readability: ReadabilityFigures;
  aeb: AebFigures;
}

interface HappyDomWindow {
  happyDOM?: { close(): Promise<void> };
}

/** Windows parsed so far and not yet closed. */
const openWindows: HappyDomWindow[] = [];

/** Parses a page and hands it to `read`; its window is closed at the next `releasePages()`. */
function withPage<T>(html: string, read: (doc: Document) => T): T {
  const doc = parseHtml(html);
  if (doc.defaultView) openWindows.push(doc.defaultView as unknown as HappyDomWindow);
  return read(doc);
}

/** Closes the parsed windows: happy-dom frees a window only once its asynchronous close has run. */
async function releasePages(): Promise<void> {
  const windows = openWindows.splice(0);
  await Promise.all(windows.map((w) => w.happyDOM?.close()));
}

function bodyText(html: string): string {
  return withPage(html, (doc) =>
    collectTextBlocks(doc.body ?? doc.documentElement)
      .blocks.map((b) => normalizeSpace(b.text))
      .filter((t) => t !== '')
      .join('\n'),
  );
}

export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const s of normalizeSpace(line).split(SENTENCE_END)) {
      if (/[\p{L}\p{N}]/u.test(s)) out.push(s);
    }
  }
  return out;
}

function tokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

function counts<T>(items: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** tp, fp, fn of two bags. */
function bagMatch(truth: Map<string, number>, pred: Map<string, number>): [number, number, number] {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, t] of truth) {
    const p = pred.get(k) ?? 0;
    tp += Math.min(t, p);
    fn += Math.max(0, t - p);
  }
  for (const [k, p] of pred) fp += Math.max(0, p - (truth.get(k) ?? 0));
  return [tp, fp, fn];
}

export function tokenF1(truth: string, pred: string): number {
  const [tp, fp, fn] = bagMatch(counts(tokens(truth)), counts(tokens(pred)));
  if (tp === 0) return 0;
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return (2 * p * r) / (p + r);
}

function shingles(text: string): Map<string, number> {
  const t = tokens(text);
  const grams: string[] = [];
  for (let i = 0; i + NGRAM <= t.length; i++) grams.push(t.slice(i, i + NGRAM).join(' '));
  return counts(grams);
}

/** The benchmark's per-page counts, normalised so that long pages weigh the same as short ones. */
export function shingleCounts(truth: string, pred: string): [number, number, number] {
  const m = bagMatch(shingles(truth), shingles(pred));
  const s = m[0] + m[1] + m[2];
  return s > 0 ? [m[0] / s, m[1] / s, m[2] / s] : [0, 0, 0];
}

interface Visible {
  text: string;
  isArticle: boolean;
  /** Text of the article root (empty when there is none). */
  rootText: string;
}

function visibleOf(html: string, mode: Mode, baseline: boolean): Visible {
  return withPage(html, (doc) => {
    if (baseline) return { text: visibleTextOf(doc, new Set()), isArticle: false, rootText: '' };
    const analysis = analyzePage(doc, { mode });
    const root = analysis.root;
    return {
      text: visibleTextOf(doc, new Set(analysis.clutter.map((c) => c.element))),
      isArticle: analysis.report.isArticle,
      rootText: root
        ? normalizeSpace(
            collectTextBlocks(root)
              .blocks.map((b) => b.text)
              .join(' '),
          )
        : '',
    };
  });
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

export async function measureReadability(mode: Mode, baseline = false, only?: string): Promise<ReadabilityFigures> {
  const dir = sharedPath('pages', 'readability');
  const pages = readdirSync(dir)
    .filter((p) => !only || p === only)
    .sort();
  const fig: ReadabilityFigures = {
    pages: 0,
    threw: 0,
    sentences: 0,
    sentencesKept: 0,
    keptShare: 0,
    losing: [],
    inRootShare: 0,
    rootMisses: [],
    tokenF1: 0,
    articles: 0,
    ms: 0,
  };
  let f1Sum = 0;
  let inRoot = 0;
  let articleSentences = 0;
  const t0 = performance.now();
  for (const page of pages) {
    fig.pages++;
    const expected = bodyText(readFileSync(join(dir, page, 'expected.html'), 'utf8'));
    let visible: Visible;
    try {
      visible = visibleOf(readFileSync(join(dir, page, 'source.html'), 'utf8'), mode, baseline);
    } catch (err) {
      fig.threw++;
      fig.losing.push({ page, lost: -1, of: 0, example: `threw: ${(err as Error).message}` });
      await releasePages();
      continue;
    }
    if (visible.isArticle) fig.articles++;
    const flat = normalizeSpace(visible.text);
    const sentences = sentencesOf(expected);
    const lost = sentences.filter((s) => !flat.includes(s));
    fig.sentences += sentences.length;
    fig.sentencesKept += sentences.length - lost.length;
    if (visible.isArticle) {
      const missing = sentences.filter((s) => !visible.rootText.includes(s)).length;
      articleSentences += sentences.length;
      inRoot += sentences.length - missing;
      if (missing > 0.1 * sentences.length) fig.rootMisses.push(`${page} ${missing}/${sentences.length}`);
    }
    if (lost.length > 0)
      fig.losing.push({ page, lost: lost.length, of: sentences.length, example: lost[0]!.slice(0, 80) });
    f1Sum += tokenF1(expected, visible.text);
    await releasePages();
  }
  fig.ms = Math.round(performance.now() - t0);
  fig.keptShare = round(fig.sentencesKept / Math.max(1, fig.sentences));
  fig.tokenF1 = round(f1Sum / Math.max(1, fig.pages));
  fig.inRootShare = round(inRoot / Math.max(1, articleSentences));
  return fig;
}

/** Pooled score of per-page normalised counts. */
function aebScore(counts: readonly { tp: number; fp: number; fn: number }[]): AebScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of counts) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const precision = round(tp / Math.max(1e-9, tp + fp));
  const recall = round(tp / Math.max(1e-9, tp + fn));
  const f1 = round((2 * precision * recall) / Math.max(1e-9, precision + recall));
  return { pages: counts.length, precision, recall, f1 };
}

export async function measureAeb(mode: Mode, baseline = false): Promise<AebFigures> {
  const dir = sharedPath('pages', 'aeb');
  const pages = readdirSync(dir).sort();
  const perPage: AebFigures['perPage'] = [];
  let threw = 0;
  let articles = 0;
  const t0 = performance.now();
  for (const page of pages) {
    const truth = JSON.parse(readFileSync(join(dir, page, 'ground-truth.json'), 'utf8')) as {
      articleBody?: string;
      url?: string;
    };
    const split = pageSplit(truth.url, page);
    let visible: Visible;
    try {
      visible = visibleOf(readFileSync(join(dir, page, 'source.html'), 'utf8'), mode, baseline);
    } catch {
      threw++;
      perPage.push({ page, split, tp: 0, fp: 0, fn: 1 });
      await releasePages();
      continue;
    }
    if (visible.isArticle) articles++;
    const [tp, fp, fn] = shingleCounts(truth.articleBody ?? '', visible.text);
    perPage.push({ page, split, tp, fp, fn });
    await releasePages();
  }
  return {
    ...aebScore(perPage),
    threw,
    articles,
    ms: Math.round(performance.now() - t0),
    train: aebScore(perPage.filter((p) => p.split === 'train')),
    dev: aebScore(perPage.filter((p) => p.split === 'dev')),
    perPage,
  };
}

export const FIGURES_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'pages-figures.json');

function summary(label: string, f: Figures): string {
  const r = f.readability;
  const a = f.aeb;
  return [
    `${label}`,
    `  readability: ${r.pages} pages, ${r.threw} threw, ${r.articles} articles; sentences kept ${r.sentencesKept}/${r.sentences} = ${(100 * r.keptShare).toFixed(2)}%; token F1 ${r.tokenF1.toFixed(3)}; ${r.ms} ms`,
    `  readability roots: ${(100 * r.inRootShare).toFixed(2)}% of article sentences inside the root; roots missing >10%: ${r.rootMisses.join(', ') || 'none'}`,
    `  aeb: ${a.pages} pages, ${a.threw} threw, ${a.articles} articles; 4-gram P ${a.precision.toFixed(3)} R ${a.recall.toFixed(3)} F1 ${a.f1.toFixed(3)}; ${a.ms} ms`,
    `  aeb split: ${[a.train, a.dev].map((x, i) => `${i ? 'dev' : 'train'} ${x.pages} pages P ${x.precision.toFixed(4)} R ${x.recall.toFixed(4)} F1 ${x.f1.toFixed(4)}`).join('; ')}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      mode: { type: 'string', default: 'declutter' },
      baseline: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      page: { type: 'string' },
      pages: { type: 'string' },
    },
  });
  if (!hasShared('pages')) {
    process.stderr.write(`${sharedPath('pages')} not found (set QUOTELENS_SHARED)\n`);
    process.exitCode = 2;
    return;
  }
  const modeArg = args.mode;
  if (modeArg !== 'declutter' && modeArg !== 'focus') {
    process.stderr.write('--mode takes declutter or focus\n');
    process.exitCode = 2;
    return;
  }
  const { verbose, page: only } = args;
  if (only) {
    const r = await measureReadability(modeArg, args.baseline, only);
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  if (args.write) {
    const out: Record<string, Figures> = {};
    for (const [label, mode, baseline] of [
      ['baseline', 'declutter', true],
      ['declutter', 'declutter', false],
      ['focus', 'focus', false],
    ] as const) {
      out[label] = { readability: await measureReadability(mode, baseline), aeb: await measureAeb(mode, baseline) };
      process.stdout.write(`${summary(label, out[label])}\n`);
    }
    const lean = Object.fromEntries(
      Object.entries(out).map(([k, f]) => [
        k,
        {
          readability: { ...f.readability, losing: f.readability.losing.map((l) => l.page) },
          aeb: { ...f.aeb, perPage: undefined },
        },
      ]),
    );
    writeFileSync(
      FIGURES_FILE,
      `${JSON.stringify({ command: 'npx tsx scripts/check-pages.ts --write', ...lean }, null, 2)}\n`,
    );
    process.stdout.write(`wrote ${FIGURES_FILE}\n`);
    return;
  }
  const { baseline } = args;
  const f: Figures = {
    readability: await measureReadability(modeArg, baseline),
    aeb: await measureAeb(modeArg, baseline),
  };
  process.stdout.write(`${summary(baseline ? 'baseline (nothing hidden)' : modeArg, f)}\n`);
  if (args.pages) {
    // Per-page counts of one split (train: to look at; dev: figures only), worst precision first.
    const rows = f.aeb.perPage.filter((p) => args.pages === 'all' || p.split === args.pages);
    for (const p of rows.sort((x, y) => y.fp - x.fp))
      process.stdout.write(
        `    ${p.page} ${p.split} tp ${p.tp.toFixed(3)} fp ${p.fp.toFixed(3)} fn ${p.fn.toFixed(3)}\n`,
      );
  }
  const losing = f.readability.losing;
  if (losing.length > 0) {
    process.stdout.write(`  pages losing sentences (${losing.length}):\n`);
    for (const l of verbose ? losing : losing.slice(0, 30)) {
      process.stdout.write(`    ${l.page}: ${l.lost}/${l.of}  e.g. "${l.example}"\n`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
