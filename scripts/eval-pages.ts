// Attribution figures on the labelled real pages (../shared/pages/aeb/ID/quotes.json), scored as in
// ../shared/pages/README.md: a gold quote is found when a predicted span covers half of it, a missed quote
// counts as a wrong speaker, and a card is bad when it names no quoted speaker or repeats one.
// Pages are split by site with a fixed seed (PAGES_SEED): `train` may be fitted to, `heldout` never.
// Usage: npx tsx scripts/eval-pages.ts [--part train|heldout|all] [--errors N] [--cards] [--no-write]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../src/cli/analyze';
import { CLUTTER_VOCABULARY as vocabulary } from '../src/core/lexicon/clutter';
import type { AttributionFacts } from '../src/core/model/features';
import { findQuotes } from '../src/core/quotes';
import { readPage } from '../src/core/report';
import { type AttributeOptions, attributeSpeakers } from '../src/core/speakers';
import type { Speaker } from '../src/core/types';
import { sharedPath } from '../tests/shared-data';
import {
  type AttribFigures,
  badCards,
  evalOptions,
  type GoldSpeaker,
  goldMatches,
  heldOut,
  longestCommon,
  normQuote,
  runEvalCli,
  Tally,
} from './eval-common';

/** Seed of the by-site split of the labelled pages (fixed so train and held-out never swap). */

export const PAGES_SEED = 12;
/** Share of sites held out from fitting. */
export const PAGES_HELDOUT_SHARE = 0.5;
/** A gold quote is found when a predicted span covers this share of it (../shared/pages/README.md). */
const COVER = 0.5;

interface GoldFile {
  url: string;
  is_article: boolean;
  quotes: { text: string; speaker: string | null; accept?: string[] }[];
  not_speakers?: string[];
}

export interface PageCase {
  id: string;
  site: string;
  part: 'train' | 'heldout';
  html: string;
  gold: GoldFile;
}

export const siteOf = (url: string): string => new URL(url).hostname.replace(/^www\./, '');

export function loadPages(): PageCase[] {
  const dir = sharedPath('pages', 'aeb');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const gold = JSON.parse(readFileSync(`${dir}/${id}/quotes.json`, 'utf8')) as GoldFile;
      const site = siteOf(gold.url);
      return {
        id,
        site,
        part: heldOut(site, PAGES_SEED, PAGES_HELDOUT_SHARE) ? 'heldout' : 'train',
        html: readFileSync(`${dir}/${id}/source.html`, 'utf8'),
        gold,
      } satisfies PageCase;
    });
}

/** What the pipeline gives for one page: each quote's text, speaker and sieve step, and the cards. */
export interface PagePrediction {
  quotes: {
    text: string;
    speaker: string | null;
    step: string;
    confidence: number | null;
    facts: AttributionFacts | null;
    candidates: AttributionFacts[];
  }[];
  speakers: Speaker[];
}

export function predictPage(p: PageCase, options: AttributeOptions = {}): PagePrediction {
  const doc = parseHtml(p.html, p.gold.url);
  const a = readPage(doc, { url: p.gold.url, vocabulary });
  if (!a.report.isArticle) return { quotes: [], speakers: [] };
  // What the engine does (core/engine.ts attributeBlocks), kept apart for the sieve step, the
  // confidence and the facts the model scored.
  const spans = findQuotes(a.blocks);
  const { attributions, speakers, facts, candidates } = attributeSpeakers(a.blocks, spans, a.report.lang, options);
  return {
    quotes: spans.map((s, i) => ({
      text: s.text,
      speaker: attributions[i]!.speaker,
      step: attributions[i]!.step ?? attributions[i]!.rule,
      confidence: attributions[i]!.confidence ?? null,
      facts: facts?.[i] ?? null,
      candidates: candidates?.[i] ?? [],
    })),
    speakers,
  };
}

/** Index of the predicted quote that covers half of `gold`, or -1. */
export function coveringQuote(preds: { text: string }[], gold: string): number {
  const g = normQuote(gold);
  let best = -1;
  let bestLen = 0;
  preds.forEach((p, i) => {
    const n = longestCommon(normQuote(p.text), g);
    if (n >= COVER * g.length && n > bestLen) {
      best = i;
      bestLen = n;
    }
  });
  return best;
}

export function scorePage(p: PageCase, pred: PagePrediction, t: Tally, errors: number): void {
  t.docs++;
  const gold = p.gold.quotes;
  const goldSpeakers: GoldSpeaker[] = gold.map((g) => ({ speaker: g.speaker, accept: g.accept ?? [] }));
  const matchedPred = new Set<number>();
  const rightPred = new Set<number>();
  gold.forEach((g, gi) => {
    t.gold++;
    const k = coveringQuote(pred.quotes, g.text);
    if (k >= 0) {
      t.found++;
      matchedPred.add(k);
    }
    if (g.speaker === null) return;
    t.withSpeaker++;
    const got = k >= 0 ? pred.quotes[k]!.speaker : null;
    const ok = goldMatches(got, goldSpeakers[gi]!);
    const step = k >= 0 ? pred.quotes[k]!.step : 'missed';
    t.byStep[step] ??= { quotes: 0, right: 0 };
    t.byStep[step].quotes++;
    if (ok) {
      t.right++;
      t.byStep[step].right++;
      rightPred.add(k);
    } else if (t.errors.length < errors)
      t.errors.push(`- ${p.id} gold=${g.speaker} got=${got ?? '(none)'} step=${step}\n  “${g.text.slice(0, 90)}”`);
  });
  pred.quotes.forEach((q, i) => {
    t.predicted++;
    if (q.speaker === null) return;
    t.attributed++;
    // Half of the gold quote, or half of the prediction, is shared: the prediction is that quotation.
    const hit =
      matchedPred.has(i) ||
      gold.some((g) => longestCommon(normQuote(q.text), normQuote(g.text)) >= COVER * normQuote(q.text).length);
    if (hit) t.attributedHit++;
    if (rightPred.has(i)) t.attributedRight++;
  });
  const cards = badCards(pred.speakers, goldSpeakers);
  t.cards += pred.speakers.length;
  t.bad += cards.bad;
  for (const n of cards.names) t.badNames.push(`${p.id}: ${n}`);
}

export function evaluatePages(part: 'train' | 'heldout' | 'all', errors = 0): { figures: AttribFigures; tally: Tally } {
  const t = new Tally();
  for (const p of loadPages()) {
    if (part !== 'all' && p.part !== part) continue;
    scorePage(p, predictPage(p, evalOptions()), t, errors);
  }
  return { figures: t.figures(part), tally: t };
}

export const PAGES_FIGURES_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'bench',
  'attrib-pages-figures.json',
);

if (process.argv[1]?.endsWith('eval-pages.ts'))
  runEvalCli<'train' | 'heldout' | 'all'>({
    command: 'npm run eval:pages',
    file: PAGES_FIGURES_FILE,
    seed: PAGES_SEED,
    parts: ['train', 'heldout'],
    evaluate: evaluatePages,
  });
