// Trains the attribution scorer (src/core/model/weights.json): a logistic model over the features of
// each attribution the sieve makes (src/core/model/features.ts), labelled right or wrong against
// PolNeAR train, the train part of de-wikinews (eval-dewiki's split) and the train sites of the labelled
// pages (eval-pages's split). The threshold is then chosen on dev data the weights never saw: PolNeAR
// dev and the held-out 20% of de-wikinews. German also gets weights of its own (`languages.de`), fitted
// to de-wikinews train alone, with its threshold chosen on that part's out-of-fold confidences (its
// held-out part stays for rejecting). Deterministic: full-batch gradient descent from zero weights over
// examples in a fixed order. Usage: npm run train [-- --no-write] [-- --languages-only] (refit only the
// per-language weights, keeping the shipped shared ones).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AttributionFacts, FEATURES, featureVector } from '../src/core/model/features';
import { type LanguageModel, MODEL, type Model, sigmoid } from '../src/core/model/scorer';
import { sharedPath } from '../tests/shared-data';
import { goldMatches, longestCommon, normQuote } from './eval-common';
import { loadDewiki, predictDe } from './eval-dewiki';
import { loadPages, predictPage } from './eval-pages';
import { type Article, predict, sameSpeaker } from './eval-polnear';

/** How much one example of each corpus counts: the real pages and German are what the train split lacks most. */
export const CORPUS_WEIGHT = { polnear: 1, dewiki: 3, pages: 5 } as const;
/** L2 penalty on the weights (not the bias): keeps rare features from taking extreme weights. */
const L2 = 0.001;
const ITERATIONS = 1500;
const LEARNING_RATE = 0.5;
/** A wrong name costs this many unattributed quotes when the threshold is chosen ("a reader forgives unattributed"). */
export const WRONG_NAME_COST = 1;
/** Thresholds tried on dev, in steps of 0.01 up to this. */
const MAX_THRESHOLD = 0.95;
/** Folds of a language's train part whose out-of-fold confidences choose that language's threshold. */
export const LANGUAGE_FOLDS = 5;
/**
 * A language's own threshold is the lowest whose out-of-fold attributed precision (named quotes that are
 * annotated quotations) reaches this: the precision target; below it, more names but more junk.
 */
export const LANGUAGE_PRECISION_FLOOR = 0.9;

interface Example {
  x: number[];
  y: 0 | 1;
  w: number;
  /** The quote it is a candidate for: the threshold is chosen on each quote's most confident candidate. */
  group: number;
  /** The quote is an annotated quotation (right name or not): what attributed precision counts. */
  hit?: boolean;
}

let groups = 0;
const group0 = (): number => groups++;
const example = (f: AttributionFacts, y: boolean, w: number, group: number): Example => ({
  x: featureVector(f),
  y: y ? 1 : 0,
  w,
  group,
});

function polnearExamples(split: string): Example[] {
  const out: Example[] = [];
  const lines = readFileSync(sharedPath('corpora', 'polnear', `${split}.jsonl`), 'utf8').split('\n');
  for (const line of lines) {
    if (line.trim() === '') continue;
    const a = JSON.parse(line) as Article;
    if (a.quotes.length === 0) continue; // not annotated (see eval-polnear): no labels to learn from
    for (const p of predict(a, { model: null, keepFacts: true })) {
      const ov = (g: { start: number; end: number }) =>
        Math.max(0, Math.min(p.end, g.end) - Math.max(p.start, g.start));
      const g = a.quotes.find((q) => ov(q) > 0);
      const group = group0();
      for (const f of p.candidates ?? []) {
        if (!g) out.push(example(f, false, CORPUS_WEIGHT.polnear, group));
        else if (g.speaker !== null)
          out.push(example(f, sameSpeaker(f.speaker, g.speaker), CORPUS_WEIGHT.polnear, group));
      }
    }
  }
  return out;
}

function dewikiExamples(part: 'train' | 'heldout'): Example[] {
  const out: Example[] = [];
  for (const a of loadDewiki(part))
    for (const p of predictDe(a, { model: null, keepFacts: true }).quotes) {
      const g = a.quotes.find((q) => Math.min(p.end, q.end) > Math.max(p.start, q.start));
      const group = group0();
      for (const f of p.candidates) {
        if (!g) out.push({ ...example(f, false, CORPUS_WEIGHT.dewiki, group), hit: false });
        else if (g.speaker !== null)
          out.push({
            ...example(f, goldMatches(f.speaker, { speaker: g.speaker, accept: [] }), CORPUS_WEIGHT.dewiki, group),
            hit: true,
          });
      }
    }
  return out;
}

function pagesExamples(part: 'train' | 'heldout'): Example[] {
  const out: Example[] = [];
  for (const page of loadPages()) {
    if (page.part !== part) continue;
    for (const p of predictPage(page, { model: null, keepFacts: true }).quotes) {
      const t = normQuote(p.text);
      const g = page.gold.quotes.find((q) => {
        const n = longestCommon(t, normQuote(q.text));
        return n >= 0.5 * normQuote(q.text).length || n >= 0.5 * t.length;
      });
      // A quotation nobody in the article is said to speak, or text that is no quotation: naming anyone is wrong.
      const group = group0();
      for (const f of p.candidates) {
        const right = g !== undefined && goldMatches(f.speaker, { speaker: g.speaker, accept: g.accept ?? [] });
        out.push(example(f, right, CORPUS_WEIGHT.pages, group));
      }
    }
  }
  return out;
}

function fitLogistic(examples: Example[]): { weights: number[]; bias: number } {
  const n = FEATURES.length;
  const w = new Float64Array(n);
  let b = 0;
  const total = examples.reduce((s, e) => s + e.w, 0);
  for (let it = 0; it < ITERATIONS; it++) {
    const g = new Float64Array(n);
    let gb = 0;
    for (const e of examples) {
      let z = b;
      for (let j = 0; j < n; j++) z += w[j]! * e.x[j]!;
      const err = (sigmoid(z) - e.y) * e.w;
      gb += err;
      for (let j = 0; j < n; j++) g[j]! += err * e.x[j]!;
    }
    for (let j = 0; j < n; j++) w[j]! -= LEARNING_RATE * (g[j]! / total + L2 * w[j]!);
    b -= (LEARNING_RATE * gb) / total;
  }
  return { weights: [...w].map((v) => Math.round(v * 1e4) / 1e4), bias: Math.round(b * 1e4) / 1e4 };
}

const score = (m: { weights: number[]; bias: number }, x: number[]): number =>
  sigmoid(x.reduce((z, v, j) => z + v * m.weights[j]!, m.bias));

/**
 * The threshold that maximises right names minus WRONG_NAME_COST × wrong names on dev, where each quote
 * names its most confident candidate (as attributeSpeakers does).
 */
function chooseThreshold(m: { weights: number[]; bias: number }, dev: Example[]): { threshold: number; gain: number } {
  const chosen = new Map<number, { c: number; y: 0 | 1 }>();
  for (const e of dev) {
    const c = score(m, e.x);
    const b = chosen.get(e.group);
    if (!b || c > b.c) chosen.set(e.group, { c, y: e.y });
  }
  let best = { threshold: 0, gain: -Infinity };
  for (let t = 0; t <= MAX_THRESHOLD + 1e-9; t += 0.01) {
    let gain = 0;
    for (const e of chosen.values()) if (e.c >= t) gain += e.y ? 1 : -WRONG_NAME_COST;
    if (gain > best.gain) best = { threshold: Math.round(t * 100) / 100, gain };
  }
  return best;
}

/**
 * One language's own weights, from its train examples alone; the threshold from out-of-fold confidences
 * (each quote scored by weights fitted without its fold), so no figure it is chosen on was fitted to.
 */
function fitLanguage(train: Example[]): LanguageModel & { right: number } {
  const m = fitLogistic(train);
  const oof = new Map<Example, number>();
  // Folds by the quote's place among this language's quotes, so the full run and --languages-only agree.
  const first = train.reduce((g, e) => Math.min(g, e.group), Infinity);
  const foldOf = (e: Example): number => (e.group - first) % LANGUAGE_FOLDS;
  for (let k = 0; k < LANGUAGE_FOLDS; k++) {
    const fold = fitLogistic(train.filter((e) => foldOf(e) !== k));
    for (const e of train) if (foldOf(e) === k) oof.set(e, score(fold, e.x));
  }
  const chosen = new Map<number, { c: number; y: 0 | 1; hit: boolean }>();
  for (const e of train) {
    const c = oof.get(e)!;
    const b = chosen.get(e.group);
    if (!b || c > b.c) chosen.set(e.group, { c, y: e.y, hit: e.hit ?? false });
  }
  for (let t = 0; t <= MAX_THRESHOLD + 1e-9; t += 0.01) {
    let named = 0;
    let hits = 0;
    let right = 0;
    for (const e of chosen.values())
      if (e.c >= t) {
        named++;
        if (e.hit) hits++;
        right += e.y;
      }
    if (named > 0 && hits / named >= LANGUAGE_PRECISION_FLOOR)
      return { weights: m.weights, bias: m.bias, threshold: Math.round(t * 100) / 100, right };
  }
  return { weights: m.weights, bias: m.bias, threshold: MAX_THRESHOLD, right: 0 };
}

const printTop = (weights: number[]): void => {
  const ranked = FEATURES.map((f, j) => [f, weights[j]!] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  for (const [f, v] of ranked.slice(0, 12)) process.stdout.write(`  ${f.padEnd(36)} ${v}\n`);
};

function main(): void {
  const t0 = Date.now();
  let model: Model = MODEL;
  if (!process.argv.includes('--languages-only')) {
    const train = [...polnearExamples('train'), ...dewikiExamples('train'), ...pagesExamples('train')];
    const dev = [...polnearExamples('dev'), ...dewikiExamples('heldout')];
    const m = fitLogistic(train);
    const { threshold, gain } = chooseThreshold(m, dev);
    model = { features: FEATURES, weights: m.weights, bias: m.bias, threshold };
    const pos = train.filter((e) => e.y === 1).length;
    process.stdout.write(
      `train examples ${train.length} (${pos} right), dev ${dev.length}; threshold ${threshold} (dev gain ${gain}) in ${Date.now() - t0} ms\n`,
    );
    printTop(m.weights);
  }
  const de = fitLanguage(dewikiExamples('train'));
  process.stdout.write(`de: own weights, threshold ${de.threshold} (out-of-fold train: ${de.right} right)\n`);
  printTop(de.weights);
  model = {
    features: model.features,
    weights: model.weights,
    bias: model.bias,
    threshold: model.threshold,
    languages: { de: { weights: de.weights, bias: de.bias, threshold: de.threshold } },
  };
  if (!process.argv.includes('--no-write')) {
    const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'model', 'weights.json');
    writeFileSync(out, `${JSON.stringify(model)}\n`);
    process.stdout.write(`wrote ${out}\n`);
  }
}

main();
