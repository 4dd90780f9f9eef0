// Attribution figures on German news (../shared/corpora/de-wikinews/train.jsonl). Its file is split by
// article id with a fixed seed (DEWIKI_SEED): 80% `train` (may be fitted to), 20% `heldout` (never).
// Speakers there are silver (derived from the annotated wording); scored as PolNeAR: a gold quote is
// found when a predicted span overlaps half of it, a missed quote counts as a wrong speaker.
// Usage: npx tsx scripts/eval-dewiki.ts [--part train|heldout] [--errors N] [--cards] [--no-write]
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../src/cli/analyze';
import type { AttributionFacts } from '../src/core/model/features';
import { findQuotes } from '../src/core/quotes';
import { type AttributeOptions, attributeSpeakers } from '../src/core/speakers';
import { collectTextBlocks } from '../src/core/text';
import type { Speaker } from '../src/core/types';
import { sharedPath } from '../tests/shared-data';
import {
  type AttribFigures,
  badCards,
  escapeHtml,
  evalOptions,
  type GoldSpeaker,
  goldMatches,
  heldOut,
  paragraphs,
  runEvalCli,
  Tally,
} from './eval-common';

/** Seed of the article split of de-wikinews train.jsonl. */

export const DEWIKI_SEED = 20;
/** Share of articles held out from fitting. */
export const DEWIKI_HELDOUT_SHARE = 0.2;

export interface DeArticle {
  id: string;
  title: string;
  text: string;
  quotes: { text: string; start: number; end: number; speaker: string | null; kind: string }[];
}

export function loadDewiki(part: 'train' | 'heldout' | 'all'): DeArticle[] {
  return readFileSync(sharedPath('corpora', 'de-wikinews', 'train.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as DeArticle)
    .filter((a) => part === 'all' || heldOut(a.id, DEWIKI_SEED, DEWIKI_HELDOUT_SHARE) === (part === 'heldout'));
}

export interface DePrediction {
  quotes: {
    start: number;
    end: number;
    speaker: string | null;
    step: string;
    confidence: number | null;
    facts: AttributionFacts | null;
    candidates: AttributionFacts[];
  }[];
  speakers: Speaker[];
}

/** The title as <h1>, each paragraph a <p>, through the same core as the CLI (lang "de"). */
export function predictDe(a: DeArticle, options: AttributeOptions = {}): DePrediction {
  const paras = paragraphs(a.text);
  const html = `<!doctype html><html lang="de"><head><title>${escapeHtml(a.title)}</title></head><body><h1>${escapeHtml(a.title)}</h1>${paras.map((p) => `<p>${escapeHtml(p.text)}</p>`).join('\n')}</body></html>`;
  const doc = parseHtml(html);
  const { blocks } = collectTextBlocks(doc.body);
  const spans = findQuotes(blocks);
  const { attributions, speakers, facts, candidates } = attributeSpeakers(blocks, spans, 'de', options);
  return {
    quotes: spans
      .filter((s) => s.block > 0)
      .map((s) => {
        const i = spans.indexOf(s);
        const off = paras[s.block - 1]!.start;
        return {
          start: off + s.start,
          end: off + s.end,
          speaker: attributions[i]!.speaker,
          step: attributions[i]!.step ?? attributions[i]!.rule,
          confidence: attributions[i]!.confidence ?? null,
          facts: facts?.[i] ?? null,
          candidates: candidates?.[i] ?? [],
        };
      }),
    speakers,
  };
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export function scoreDe(a: DeArticle, pred: DePrediction, t: Tally, errors: number): void {
  t.docs++;
  const gold: GoldSpeaker[] = a.quotes.map((q) => ({ speaker: q.speaker, accept: [] }));
  const rightPred = new Set<number>();
  a.quotes.forEach((g, gi) => {
    t.gold++;
    const k = pred.quotes.findIndex((p) => overlap(p, g) >= 0.5 * (g.end - g.start));
    if (k >= 0) t.found++;
    if (g.speaker === null) return;
    t.withSpeaker++;
    const got = k >= 0 ? pred.quotes[k]!.speaker : null;
    const step = k >= 0 ? pred.quotes[k]!.step : 'missed';
    t.byStep[step] ??= { quotes: 0, right: 0 };
    t.byStep[step].quotes++;
    if (goldMatches(got, gold[gi]!)) {
      t.right++;
      t.byStep[step].right++;
      rightPred.add(k);
    } else if (t.errors.length < errors)
      t.errors.push(
        `- ${a.id} gold=${g.speaker} got=${got ?? '(none)'} step=${step}\n  ${a.text.slice(Math.max(0, g.start - 160), g.end + 80).replace(/\n+/g, ' ¶ ')}`,
      );
  });
  pred.quotes.forEach((p, i) => {
    t.predicted++;
    if (p.speaker === null) return;
    t.attributed++;
    if (a.quotes.some((g) => overlap(p, g) > 0)) t.attributedHit++;
    if (rightPred.has(i)) t.attributedRight++;
  });
  const cards = badCards(pred.speakers, gold);
  t.cards += pred.speakers.length;
  t.bad += cards.bad;
  for (const n of cards.names) t.badNames.push(`${a.id}: ${n}`);
}

export function evaluateDewiki(
  part: 'train' | 'heldout' | 'all',
  errors = 0,
): { figures: AttribFigures; tally: Tally } {
  const t = new Tally();
  for (const a of loadDewiki(part)) scoreDe(a, predictDe(a, evalOptions()), t, errors);
  return { figures: t.figures(part), tally: t };
}

export const DEWIKI_FIGURES_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'bench',
  'attrib-dewiki-figures.json',
);

if (process.argv[1]?.endsWith('eval-dewiki.ts'))
  runEvalCli<'train' | 'heldout'>({
    command: 'npm run eval:dewiki',
    file: DEWIKI_FIGURES_FILE,
    seed: DEWIKI_SEED,
    parts: ['train', 'heldout'],
    evaluate: evaluateDewiki,
  });
