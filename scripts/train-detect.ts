// Fits the article-detection models on the labelled pages and writes src/core/page-kind-model.ts.
// Usage: npm run train:detect [-- --dry]   (--dry: print the cross-validation, write nothing)
// Two L2-regularised logistic models, fitted by full-batch gradient descent from zero (so the run
// is deterministic; the seed below only orders the folds): the first look's over the cheap
// features, and the full one over cheap and text features. Cross-validation leaves one source
// out at a time (each non-article source repository is a fold; article sites are dealt into the
// folds by the seeded shuffle), so a page is never scored by a model that saw its site.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHEAP_NAMES, FEATURE_NAMES, type Feature } from '../src/core/page-kind';
import { hasDetectPages, type LabelledPage, loadDetectPages } from './detect-pages';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODEL_FILE = join(repoRoot, 'src', 'core', 'page-kind-model.ts');

/** Orders the article groups before they are dealt into folds. */
const SEED = 15;
/** L2 penalty on the standardised weights: 51 negatives and ~30 features overfit without it. */
const L2 = Number(process.env.DETECT_L2 ?? 0.05);
/** Gradient steps and their size (standardised features: one rate suits all). */
const STEPS = 4000;
const RATE = 0.3;
/**
 * Extra weight of a non-article page in the loss, on top of balancing the classes: a treated
 * shop costs a reader, a skipped article costs a click.
 */
const FAIL_SAFE = Number(process.env.DETECT_FAIL_SAFE ?? 2);
/** The full model's decision threshold. */
const ARTICLE_ABOVE = 0.5;
/**
 * Weights the labelled pages cannot teach, kept from the hand-weighed detector: the saved pages
 * carry no address of their own (only a canonical link, which search pages lack), so a search
 * URL never occurs among them.
 */
const FIXED_WEIGHTS: Partial<Record<Feature, number>> = { searchUrl: -3 };
/** First-look thresholds keep this factor away from the nearest cross-validated mistake. */
const FIRST_LOOK_MARGIN = 0.9;

type Row = { x: number[]; y: 0 | 1; page: LabelledPage };

interface Fitted {
  names: Feature[];
  mean: number[];
  sd: number[];
  w: number[];
  b: number;
}

function rowsOf(pages: LabelledPage[], names: Feature[]): Row[] {
  return pages
    .filter((p) => p.label !== null)
    .map((page) => {
      const all: Record<string, number> = { ...page.cheap, ...page.text };
      return { x: names.map((n) => all[n]!), y: page.label as 0 | 1, page };
    });
}

function fitLogistic(rows: Row[], names: Feature[]): Fitted {
  const d = names.length;
  const mean = names.map((_, j) => rows.reduce((s, r) => s + r.x[j]!, 0) / rows.length);
  const sd = names.map((_, j) => {
    const v = rows.reduce((s, r) => s + (r.x[j]! - mean[j]!) ** 2, 0) / rows.length;
    return Math.sqrt(v) || 1;
  });
  const z = rows.map((r) => r.x.map((v, j) => (v - mean[j]!) / sd[j]!));
  const n1 = rows.filter((r) => r.y === 1).length;
  const n0 = rows.length - n1;
  const cw = (y: 0 | 1) => (y === 1 ? rows.length / (2 * n1) : (FAIL_SAFE * rows.length) / (2 * n0));
  const total = rows.reduce((s, r) => s + cw(r.y), 0);
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < STEPS; step++) {
    const gw = w.map((wj) => L2 * wj);
    let gb = 0;
    rows.forEach((r, i) => {
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * z[i]![j]!;
      const p = 1 / (1 + Math.exp(-s));
      const e = (cw(r.y) * (p - r.y)) / total;
      gb += e;
      for (let j = 0; j < d; j++) gw[j]! += e * z[i]![j]!;
    });
    b -= RATE * gb;
    for (let j = 0; j < d; j++) w[j]! -= RATE * gw[j]!;
  }
  return { names, mean, sd, w, b };
}

function predict(m: Fitted, x: number[]): number {
  let s = m.b;
  for (let j = 0; j < m.names.length; j++) s += (m.w[j]! * (x[j]! - m.mean[j]!)) / m.sd[j]!;
  return 1 / (1 + Math.exp(-s));
}

/** Raw-feature weights: the standardisation folded in, so an absent feature contributes 0. */
function rawModel(m: Fitted): { bias: number; weights: Record<string, number> } {
  const weights: Record<string, number> = {};
  let bias = m.b;
  m.names.forEach((n, j) => {
    weights[n] = m.w[j]! / m.sd[j]!;
    bias -= (m.w[j]! * m.mean[j]!) / m.sd[j]!;
  });
  for (const [n, v] of Object.entries(FIXED_WEIGHTS)) if (n in weights) weights[n] = v;
  return { bias, weights };
}

/** mulberry32: a small seeded generator, so the folds are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold of each group: one per non-article source; article groups dealt round-robin after a seeded shuffle. */
function folds(pages: LabelledPage[]): Map<string, number> {
  const negGroups = [...new Set(pages.filter((p) => p.label === 0).map((p) => p.group))].sort();
  const fold = new Map(negGroups.map((g, i) => [g, i]));
  const posGroups = [...new Set(pages.filter((p) => p.label === 1).map((p) => p.group))].sort();
  const rand = seeded(SEED);
  for (let i = posGroups.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [posGroups[i], posGroups[j]] = [posGroups[j]!, posGroups[i]!];
  }
  posGroups.forEach((g, i) => {
    fold.set(g, i % negGroups.length);
  });
  return fold;
}

/** Out-of-fold probabilities of every labelled page (and of the unlabelled ones, from the full fit). */
function crossValidate(rows: Row[], names: Feature[], fold: Map<string, number>): number[] {
  const k = Math.max(...fold.values()) + 1;
  const out = new Array<number>(rows.length).fill(Number.NaN);
  for (let f = 0; f < k; f++) {
    const train = rows.filter((r) => fold.get(r.page.group) !== f);
    const m = fitLogistic(train, names);
    rows.forEach((r, i) => {
      if (fold.get(r.page.group) === f) out[i] = predict(m, r.x);
    });
  }
  return out;
}

function summary(title: string, rows: Row[], p: number[], threshold: number): Record<string, unknown> {
  const fp = rows.filter((r, i) => r.y === 0 && p[i]! >= threshold);
  const missed = (set: string) => rows.filter((r, i) => r.y === 1 && r.page.set === set && p[i]! < threshold);
  const count = (set: string) => rows.filter((r) => r.y === 1 && r.page.set === set).length;
  const out = {
    clearNonArticlesTakenForArticles: fp.length,
    clearNonArticles: rows.filter((r) => r.y === 0).length,
    aebRecognised: count('aeb') - missed('aeb').length,
    aeb: count('aeb'),
    readerableRecognised: count('readability') - missed('readability').length,
    readerable: count('readability'),
  };
  console.log(`${title}:`, JSON.stringify(out));
  for (const r of fp)
    console.log(`  taken for an article: ${r.page.id} (${r.page.kind}) p=${p[rows.indexOf(r)]!.toFixed(3)}`);
  for (const r of [...missed('aeb'), ...missed('readability')])
    console.log(`  missed: ${r.page.set}/${r.page.id} p=${p[rows.indexOf(r)]!.toFixed(3)}`);
  return out;
}

function formatModel(
  name: string,
  type: string,
  raw: { bias: number; weights: Record<string, number> },
  extra: string,
): string {
  const round = (v: number) => Math.round(v * 100) / 100;
  const lines = Object.entries(raw.weights).map(([k, v]) => `    ${round(v)}, // ${k}`);
  return `export const ${name}: ${type} = {\n  bias: ${round(raw.bias)},\n  weights: [\n${lines.join('\n')}\n  ],\n${extra}};\n`;
}

export interface TrainResult {
  cv: { firstLook: Record<string, unknown>; full: Record<string, unknown> };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dry: { type: 'boolean', default: false }, cache: { type: 'string' } } });
  if (!hasDetectPages()) {
    console.error('train:detect needs ../shared/pages/{aeb,readability,nonarticles} (or QUOTELENS_SHARED)');
    process.exitCode = 2;
    return;
  }
  // --cache FILE: reuse the evidence of an earlier run (while trying settings; never for the shipped fit).
  const cached = values.cache && existsSync(values.cache);
  const pages = cached ? (JSON.parse(readFileSync(values.cache!, 'utf8')) as LabelledPage[]) : await loadDetectPages();
  if (values.cache && !cached) writeFileSync(values.cache, JSON.stringify(pages));
  const fold = folds(pages);
  const cheapNames: Feature[] = CHEAP_NAMES;
  const allNames: Feature[] = FEATURE_NAMES;

  const cheapRows = rowsOf(pages, cheapNames);
  const cheapCv = crossValidate(cheapRows, cheapNames, fold);
  const lowestArticle = Math.min(...cheapRows.filter((r) => r.y === 1).map((r) => cheapCv[cheapRows.indexOf(r)]!));
  const highestNon = Math.max(...cheapRows.filter((r) => r.y === 0).map((r) => cheapCv[cheapRows.indexOf(r)]!));
  const notArticleBelow = lowestArticle * FIRST_LOOK_MARGIN;
  const articleAbove = 1 - (1 - highestNon) * FIRST_LOOK_MARGIN;
  const settled = cheapRows.filter((r, i) => r.y === 0 && cheapCv[i]! < notArticleBelow).length;
  console.log(
    `first look (cross-validated): lowest article p=${lowestArticle.toFixed(4)}, highest clear non-article p=${highestNon.toFixed(4)}`,
  );
  console.log(
    `  thresholds: not-article below ${notArticleBelow.toFixed(4)}, article above ${articleAbove.toFixed(4)}; settles ${settled} of ${cheapRows.filter((r) => r.y === 0).length} clear non-articles`,
  );
  const sortedP = (y: 0 | 1) =>
    cheapRows
      .map((r, i) => ({ r, p: cheapCv[i]! }))
      .filter((x) => x.r.y === y)
      .sort((a, b) => a.p - b.p);
  console.log(
    `  lowest articles: ${sortedP(1)
      .slice(0, 6)
      .map((x) => `${x.r.page.set}/${x.r.page.id} ${x.p.toFixed(3)}`)
      .join(', ')}`,
  );
  console.log(
    `  clear non-articles: ${sortedP(0)
      .map((x) => x.p.toFixed(3))
      .join(' ')}`,
  );
  const firstLook = summary('first look alone at 0.5', cheapRows, cheapCv, 0.5);

  const allRows = rowsOf(pages, allNames);
  const fullCv = crossValidate(allRows, allNames, fold);
  // The shipped decision: first look first, then the full model.
  const combined = fullCv.map((p, i) => (cheapCv[i]! < notArticleBelow ? 0 : p));
  const full = summary(
    `first look + full model at ${ARTICLE_ABOVE} (cross-validated)`,
    allRows,
    combined,
    ARTICLE_ABOVE,
  );

  const cheapModel = rawModel(fitLogistic(cheapRows, cheapNames));
  const fullModel = rawModel(fitLogistic(allRows, allNames));
  for (const [n, v] of Object.entries(fullModel.weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])))
    console.log(`  full weight ${n}: ${v.toFixed(3)}`);
  if (values.dry) return;
  const src = `// Generated by \`npm run train:detect\` (scripts/train-detect.ts) from the labelled pages in
// ../shared/pages: do not edit by hand. Cross-validated (leave one source out) on its last run:
// first look + full model: ${JSON.stringify(full)}.
import type { PageKindModel } from './page-kind';

${formatModel(
  'FIRST_LOOK_MODEL',
  'PageKindModel & { notArticleBelow: number; articleAbove: number }',
  cheapModel,
  `  notArticleBelow: ${Number(notArticleBelow.toPrecision(3))},\n  articleAbove: ${Number(articleAbove.toPrecision(3))},\n`,
)}
${formatModel('PAGE_MODEL', 'PageKindModel & { articleAbove: number }', fullModel, `  articleAbove: ${ARTICLE_ABOVE},\n`)}`;
  writeFileSync(MODEL_FILE, src);
  console.log(`wrote ${MODEL_FILE}`);
  writeFileSync(
    join(repoRoot, 'bench', 'detect-cv.json'),
    `${JSON.stringify({ command: 'npm run train:detect', seed: SEED, firstLookSettles: settled, firstLook, full }, null, 2)}\n`,
  );
}

await main();
