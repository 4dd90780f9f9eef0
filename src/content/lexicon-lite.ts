// Size quirk, content script only: its bundle carries the English word lists; German and French
// ones come from the background on pages in those languages. scripts/build.ts makes
// src/core/lexicon/index.ts resolve to this file in the content build; same exports, plus
// provideLexicon.
import { en } from '../core/lexicon/en';
import type { Lexicon } from '../core/lexicon/types';
import type { Lang } from '../core/types';

export { FIRST_NAMES, type Lexicon } from '../core/lexicon/types';

export const LEXICONS: Partial<Record<Lang, Lexicon>> = { en };

export function lexiconFor(lang: Lang): Lexicon {
  return LEXICONS[lang] ?? en;
}

/** Installs a language's word lists received from the background, after a shape check. */
export function provideLexicon(lang: Lang, lexicon: unknown): boolean {
  if (!isLexicon(lexicon)) return false;
  LEXICONS[lang] = lexicon;
  return true;
}

function isLexicon(value: unknown): value is Lexicon {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (Object.keys(en) as (keyof Lexicon)[]).every((key) => typeof v[key] === typeof en[key] && v[key] !== null);
}
