// Word lists per language, as data. Every language file has the same keys (a unit test checks it).
import type { Lang } from '../types';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import type { Lexicon } from './types';

export { FIRST_NAMES, type Lexicon } from './types';

export const LEXICONS: Record<Lang, Lexicon> = { en, de, fr };

export function lexiconFor(lang: Lang): Lexicon {
  return LEXICONS[lang];
}
