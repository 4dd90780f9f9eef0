// A generated quote library for the benchmark (npm run bench:library): our own words, seeded,
// so every run reads the same data.
import type { ArticleRecord } from '../src/library/types';

/** Quotes per generated article: a typical news story quotes a handful of times. */
const QUOTES_PER_ARTICLE = 5;
/** Distinct speakers and sites: a few are quoted often, most rarely (a squared uniform draw). */
const SPEAKERS = 400;
const SITES = 25;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS =
  'we will build the harbour bridge budget vote river council spring school nurses ferry market winter road tram roof library farmers plan water rain people town money year work safe late trust open close ask need'.split(
    ' ',
  );

export function generateLibrary(quotes: number, seed = 42): ArticleRecord[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const articles: ArticleRecord[] = [];
  const t0 = Date.UTC(2026, 0, 1);
  for (let a = 0; a * QUOTES_PER_ARTICLE < quotes; a++) {
    const site = `site${a % SITES}.example`;
    const n = Math.min(QUOTES_PER_ARTICLE, quotes - a * QUOTES_PER_ARTICLE);
    articles.push({
      url: `https://${site}/news/${a}`,
      title: `Story ${a}: ${pick(WORDS)} and ${pick(WORDS)}`,
      site,
      readAt: t0 + a * 3_600_000,
      quotes: Array.from({ length: n }, (_, i) => ({
        text: Array.from({ length: 8 + Math.floor(rand() * 20) }, () => pick(WORDS)).join(' '),
        speaker: `Speaker ${Math.floor(rand() ** 2 * SPEAKERS)}`,
        role: rand() < 0.5 ? 'council member' : null,
        quoteId: `q${i}`,
      })),
    });
  }
  return articles;
}
