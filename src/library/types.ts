// The library's plain data: what is kept per article, the reader's choices, and what the library
// page gets from the background. Nothing here touches browser APIs.

/** One attributed quotation as kept: its text, who said it, and the report's id for it. */
export interface KeptQuote {
  text: string;
  speaker: string;
  role: string | null;
  /** The quote's id in the PageReport it came from ("q3"): a hint for finding it again. */
  quoteId: string;
}

/** One kept article. The URL (without its fragment) is the key: reading it again replaces it. */
export interface ArticleRecord {
  url: string;
  title: string;
  site: string;
  /** When it was (last) read, ms since the epoch. */
  readAt: number;
  /** When the page says it was published, ms since the epoch, if it says. */
  publishedAt?: number;
  quotes: KeptQuote[];
}

/** The reader's choices about keeping. */
export interface LibrarySettings {
  /** Keep nothing while true. */
  paused: boolean;
  /** Hostnames whose articles are not kept. */
  pausedSites: string[];
  /** At most this many articles; the oldest read is dropped first. */
  maxArticles: number;
}

/**
 * Hand-made speaker choices: a speaker name (or a normalised key) → the entry it belongs to.
 * A merge points every name of one entry at the other's key; a split points one name at a key
 * of its own (SPLIT_PREFIX + the name).
 */
export type SpeakerOverrides = Record<string, string>;

/** Everything the library page shows, in one answer. */
export interface LibrarySnapshot {
  articles: ArticleRecord[];
  overrides: SpeakerOverrides;
  settings: LibrarySettings;
  /** What was repaired or could not be read, in words; empty when all was well. */
  problems: string[];
}

/** The one way the library page changes the library (validated in the background). */
export type LibraryChange =
  | { kind: 'deleteArticle'; url: string }
  | { kind: 'deleteSpeaker'; key: string }
  | { kind: 'deleteAll' }
  | { kind: 'merge'; from: string; into: string }
  | { kind: 'split'; key: string; name: string }
  | { kind: 'settings'; settings: LibrarySettings }
  | { kind: 'import'; data: unknown };

/** A speaker entry across articles, as the library page lists it. */
export interface SpeakerEntry {
  key: string;
  /** The name shown: the one written most often. */
  name: string;
  /** Every name this entry gathers, most frequent first. */
  names: string[];
  /** Roles, most frequent first. */
  roles: string[];
  /** Sites, most frequent first. */
  sites: string[];
  quotes: number;
  articles: number;
  /** Newest readAt among its quotes. */
  lastReadAt: number;
}

/** A quote with its article, flattened for lists and search. */
export interface QuoteRow {
  /** Unique within a snapshot: article URL + quoteId. */
  id: string;
  text: string;
  speaker: string;
  speakerKey: string;
  role: string | null;
  quoteId: string;
  url: string;
  title: string;
  site: string;
  readAt: number;
  publishedAt?: number;
}
