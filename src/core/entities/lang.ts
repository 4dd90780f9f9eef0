// A small language detector for article text: share of non-Latin letters first (Cyrillic, CJK, Arabic …
// are "other" for attribution), then hits on each language's most frequent function words
// (stopwords-iso, trimmed by scripts/build-entities.ts). Used by the core, so the CLI and the
// background engine agree; the extension may ask the browser (i18n.detectLanguage) first.
import { entityTables } from './index';

/** Letters read: an article's first few thousand characters decide its language. */
export const DETECT_SAMPLE_CHARS = 6000;
/** Below this many function-word hits the text is too short to overrule <html lang>. */
export const MIN_DETECT_HITS = 12;
/** The best language must have this many times the hits of the runner-up to count as sure. */
export const DETECT_MARGIN = 1.5;
/** Share of letters outside the Latin script above which the text is not en/de/fr. */
const MAX_NON_LATIN = 0.3;

export interface DetectedLang {
  /** ISO 639-1 code, or "other" for a script we have no word lists for. */
  lang: string;
  /** True when the margin over the runner-up is clear. */
  sure: boolean;
}

export function detectLanguage(text: string): DetectedLang {
  const sample = text.slice(0, DETECT_SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters > 0 && 1 - latin / letters > MAX_NON_LATIN) return { lang: 'other', sure: true };
  const hits = new Map<string, number>();
  const words = sample.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  const detect = entityTables().detect;
  for (const w of words)
    for (const [lang, set] of Object.entries(detect)) if (set.has(w)) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  const ranked = [...hits].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < MIN_DETECT_HITS) return { lang: 'und', sure: false };
  return { lang: best[0], sure: !second || best[1] >= DETECT_MARGIN * second[1] };
}
