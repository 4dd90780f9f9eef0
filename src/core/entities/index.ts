// What a capitalised run is, before it may speak: a person (a known first name), a place (a country),
// a common word of the language (capitalised only by position or by German grammar), or unknown.
// Data from scripts/build-entities.ts (npm packages, see README); parsed once, on first use.
import data from './data.json';

export type FirstNameGender = 'male' | 'female' | 'unisex';
export type EntityKind = 'person' | 'place' | 'common' | 'unknown';

interface Tables {
  firstNames: Map<string, FirstNameGender>;
  places: Set<string>;
  common: Record<string, Set<string>>;
  detect: Record<string, Set<string>>;
}

let tables: Tables | null = null;

/** The tables, built on the first call (the JSON is imported once; the sets cost ~20 ms to build). */
export function entityTables(): Tables {
  if (tables) return tables;
  const firstNames = new Map<string, FirstNameGender>();
  for (const g of ['male', 'female', 'unisex'] as const)
    for (const n of data.firstNames[g].split(' ')) if (n !== '') firstNames.set(n, g);
  const split = (s: string): Set<string> => new Set(s.split(' ').filter((w) => w !== ''));
  tables = {
    firstNames,
    places: new Set(data.places.split('|')),
    common: Object.fromEntries(Object.entries(data.common).map(([k, v]) => [k, split(v)])),
    detect: Object.fromEntries(Object.entries(data.detect).map(([k, v]) => [k, split(v)])),
  };
  return tables;
}

/** Gender of a known first name, or null when the data does not know the name. */
export function firstNameGender(word: string): FirstNameGender | null {
  return entityTables().firstNames.get(word.toLowerCase()) ?? null;
}

export const isPlace = (name: string): boolean => entityTables().places.has(name.toLowerCase());

/** A common word of `lang` (function words, adverbs, pronouns: "Sometimes", "Damit", "Among"). */
export const isCommonWord = (word: string, lang: string): boolean =>
  entityTables().common[lang]?.has(word.toLowerCase().replace(/[’']/g, "'")) ?? false;

/**
 * One word that names nobody: a common word of the language, or a compound of common words
 * ("Fifty-one"). (A frequent-word list, for "Learn" on a page that writes "learn", was tried and
 * moved no held-out figure: dropped.)
 */
export function isNobody(name: string, lang: string): boolean {
  if (entityKind(name, lang) === 'common') return true;
  const w = name.toLowerCase();
  if (w.includes(' ')) return false;
  const parts = w.split('-');
  return parts.length > 1 && parts.every((p) => isCommonWord(p, lang));
}

/**
 * The kind of a name: `common` for one word that is a common word of the language (or a contraction,
 * "I’d"), `place` for a country, `person` when it opens with a known first name; otherwise `unknown`.
 */
export function entityKind(name: string, lang: string): EntityKind {
  const words = name.split(' ').filter((w) => w !== '');
  if (words.length === 0) return 'unknown';
  if (isPlace(name)) return 'place';
  if (words.length === 1 && (isCommonWord(words[0]!, lang) || /^\p{L}+[’'](?:d|ll|m|re|ve|s|t)$/iu.test(words[0]!)))
    return 'common';
  if (words.length > 1 && firstNameGender(words[0]!) !== null) return 'person';
  return 'unknown';
}
