// The clutter vocabulary as plain data, and its compiled form. The word lists and regexes are
// written in lexicon/clutter.ts, which only the background, the CLI and the tests import: the
// content script gets the same data from the background through storage.local (it is data, not
// code shipped to every page) and passes it in, so the core stays pure and makes the same decisions
// everywhere. The data is stored ready to match (labels normalised, phrases joined into regexes)
// so that the page does only `new Map` and `new RegExp`.
import type { ClutterKind } from './types';

/** Kinds that a label or a class word can name ('other' is only given by focus mode). */
export type LabelKind = Exclude<ClutterKind, 'other'>;

/** Bumped when the shape of ClutterVocabulary changes: a stored copy of another shape is not read. */
export const VOCABULARY_VERSION = 1;

/** Words per kind of block, as the lexicon writes them. */
export type KindWords = Record<LabelKind, readonly string[]>;
/** Class words per kind; 'other' names the page's side column ("sidebar"), whatever its widgets are. */
export type ClassWords = KindWords & { other: readonly string[] };

/** Regexes of the vocabulary, as sources (compiled case-insensitive). */
export interface VocabularyPatterns {
  /** Inline prefixes of a one-line link to another story inside the article ("Read more: …"). */
  inlineRelatedPrefix: string;
  /** Text that only a cookie or consent notice says. */
  cookieText: string;
  /** Text of a newsletter sign-up. */
  newsletterText: string;
  /** Calls to action of self-promotion: subscriptions, donations, apps, notifications, events. */
  promoText: string;
  /** Share and follow prompts. */
  socialText: string;
  /** Names of the networks a share or follow prompt points to. */
  socialNetworks: string;
  /** Hosts that serve ads into iframes. */
  adHosts: string;
}

/** Everything the clutter finder reads that is words, not structure. JSON-safe. */
export interface ClutterVocabulary {
  version: number;
  /** Whole labels that head a block (every language, normalised by normalizeLabel) → kind. */
  labels: Record<string, LabelKind>;
  /** Whole class/id tokens → kind. */
  classTokens: Record<string, ClutterKind>;
  /** Two-token class phrases, joined without separator ("most-read" → "mostread") → kind. */
  classPhrases: Record<string, ClutterKind>;
  /** Phrases that name a block wherever they stand in a short label: one regex source per kind, in order. */
  labelPhrases: [LabelKind, string][];
  patterns: VocabularyPatterns;
  /** Hosts of social networks and share endpoints. */
  socialHosts: string[];
  /** IAB ad sizes ("300x250"). */
  adSizes: string[];
}

/** The vocabulary as lexicon/clutter.ts writes it: lists per kind (labels per language), regexes. */
export interface VocabularySource {
  classTokens: ClassWords;
  classPhrases: ClassWords;
  labels: Record<string, KindWords>;
  labelPhrases: KindWords;
  patterns: Record<keyof VocabularyPatterns, RegExp>;
  socialHosts: readonly string[];
  adSizes: readonly string[];
}

/** Lower case, digits and counters dropped, bracket and arrow punctuation dropped, spaces collapsed. */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\d()[\]:›»>|•·+→]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function kindMap<K extends ClutterKind>(
  words: Record<K, readonly string[]>,
  key: (w: string) => string = (w) => w,
): Record<string, K> {
  const out: Record<string, K> = {};
  for (const [kind, list] of Object.entries(words) as [K, readonly string[]][]) {
    // The first kind a word is listed under wins.
    for (const w of list) if (!Object.hasOwn(out, key(w))) out[key(w)] = kind;
  }
  return out;
}

/** The stored form of a lexicon: labels normalised, every language in one map, phrases as regexes. */
export function buildVocabulary(source: VocabularySource): ClutterVocabulary {
  const labels: Record<string, LabelKind> = {};
  for (const lang of Object.values(source.labels)) {
    for (const [label, kind] of Object.entries(kindMap(lang, normalizeLabel)))
      if (!Object.hasOwn(labels, label)) labels[label] = kind;
  }
  const patterns = Object.fromEntries(
    Object.entries(source.patterns).map(([name, re]) => [name, re.source]),
  ) as unknown as VocabularyPatterns;
  return {
    version: VOCABULARY_VERSION,
    labels,
    classTokens: kindMap(source.classTokens),
    classPhrases: kindMap(source.classPhrases),
    labelPhrases: (Object.entries(source.labelPhrases) as [LabelKind, readonly string[]][])
      .filter(([, phrases]) => phrases.length > 0)
      .map(([kind, phrases]) => [kind, `(?:^|[^\\p{L}])(?:${phrases.join('|')})(?:$|[^\\p{L}])`]),
    patterns,
    socialHosts: [...source.socialHosts],
    adSizes: [...source.adSizes],
  };
}

/** No words at all: the finder then decides from structure alone (links, shapes, layout). */
export const EMPTY_VOCABULARY: ClutterVocabulary = {
  version: VOCABULARY_VERSION,
  labels: {},
  classTokens: {},
  classPhrases: {},
  labelPhrases: [],
  patterns: {
    inlineRelatedPrefix: '',
    cookieText: '',
    newsletterText: '',
    promoText: '',
    socialText: '',
    socialNetworks: '',
    adHosts: '',
  },
  socialHosts: [],
  adSizes: [],
};

/** The vocabulary ready to match: maps, sets and regexes. */
export interface CompiledVocabulary {
  labelKinds: ReadonlyMap<string, LabelKind>;
  tokenKinds: ReadonlyMap<string, ClutterKind>;
  phraseKinds: ReadonlyMap<string, ClutterKind>;
  labelPhrases: readonly [RegExp, LabelKind][];
  /** Labels repeat across a page and across pages: one regex pass each (clutter.ts, phraseKind). */
  phraseCache: Map<string, LabelKind | null>;
  patterns: Record<keyof VocabularyPatterns, RegExp>;
  socialHosts: ReadonlySet<string>;
  adSizes: ReadonlySet<string>;
}

const compiled = new WeakMap<ClutterVocabulary, CompiledVocabulary>();

/** The vocabulary compiled once per data object (the CLI's constant, the content script's copy). Throws on a bad regex. */
export function compileVocabulary(v: ClutterVocabulary): CompiledVocabulary {
  let out = compiled.get(v);
  if (!out) {
    const patterns = {} as Record<keyof VocabularyPatterns, RegExp>;
    // An empty pattern matches nothing.
    for (const name of Object.keys(EMPTY_VOCABULARY.patterns) as (keyof VocabularyPatterns)[])
      patterns[name] = new RegExp(v.patterns[name] || '(?!)', 'i');
    out = {
      labelKinds: new Map(Object.entries(v.labels)),
      tokenKinds: new Map(Object.entries(v.classTokens)),
      phraseKinds: new Map(Object.entries(v.classPhrases)),
      labelPhrases: v.labelPhrases.map(([kind, source]) => [new RegExp(source, 'u'), kind]),
      phraseCache: new Map(),
      patterns,
      socialHosts: new Set(v.socialHosts),
      adSizes: new Set(v.adSizes),
    };
    compiled.set(v, out);
  }
  return out;
}

/**
 * A stored or received vocabulary if it is of this build's version and compiles; null otherwise
 * (the caller asks the background again, or reads the page by structure alone). Only the extension
 * writes it, so this guards against an old copy and damage, not against a hostile page.
 */
export function checkVocabulary(raw: unknown): ClutterVocabulary | null {
  const v = raw as ClutterVocabulary | null;
  try {
    if (v?.version === VOCABULARY_VERSION && compileVocabulary(v)) return v;
  } catch {
    // Damaged: not used.
  }
  return null;
}
