// The library's rules, pure: what a valid kept article is, how a PageReport becomes one, which
// speaker names are one person, hand-made merges and splits, and the storage bound. Everything
// that arrives from a content script, an import file or an old database passes validateArticle.
import type { PageReport } from '../core/types';
import type {
  ArticleRecord,
  KeptQuote,
  LibraryChange,
  LibrarySettings,
  QuoteRow,
  SpeakerEntry,
  SpeakerOverrides,
} from './types';

/** The reader's default bound (issue 16): the last 5,000 articles. */
export const DEFAULT_MAX_ARTICLES = 5000;
/** The smallest and largest bound the reader may set: one article, and what IndexedDB holds comfortably. */
export const MIN_MAX_ARTICLES = 1;
export const MAX_MAX_ARTICLES = 100_000;
/** Longest text we keep per field: a quote longer than this is a parsing accident, not speech. */
const MAX_QUOTE_CHARS = 4000;
const MAX_TITLE_CHARS = 500;
const MAX_NAME_CHARS = 200;
const MAX_URL_CHARS = 4000;
/** Most quotes kept per article: the core caps a page far below this; an import must not flood us. */
const MAX_QUOTES_PER_ARTICLE = 1000;
/** Most paused sites: a hand-kept list, not a block list. */
const MAX_PAUSED_SITES = 1000;
const HOST_RE = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/;
/** A split-off name's entry key: cannot collide with a normalised key, which never holds "=". */
export const SPLIT_PREFIX = '=';

export const DEFAULT_LIBRARY_SETTINGS: Readonly<LibrarySettings> = Object.freeze({
  paused: false,
  pausedSites: [],
  maxArticles: DEFAULT_MAX_ARTICLES,
});

/**
 * Titles that say nothing about who a person is, so "Dr. Ada Frey" and "Ada Frey" are one entry.
 * en, de and fr forms; matched only as a whole first word.
 */
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'herr',
  'frau',
  'm',
  'mme',
  'mlle',
  'monsieur',
  'madame',
]);

/** Folds text for comparing and searching: no accents, lower case, single spaces. */
export function fold(text: string): string {
  // Plain ASCII has no accents to strip: skip the Unicode decomposition (most of the cost).
  const decomposed = ASCII_RE.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
  return decomposed.toLowerCase().replace(/\s+/g, ' ').trim();
}
const ASCII_RE = /^[\x20-\x7e]*$/;

/** The key that makes spellings of one name one entry: folded, punctuation and honorifics dropped. */
export function speakerKey(name: string): string {
  const words = fold(name)
    .replace(/[’']s$/u, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  return words.join(' ');
}

/** The entry a name belongs to, after the reader's merges and splits. */
export function entryKeyOf(name: string, overrides: SpeakerOverrides): string {
  const auto = speakerKey(name);
  return overrides[SPLIT_PREFIX + name] ?? overrides[auto] ?? auto;
}

// ---- validation: untrusted in, valid out ----

function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, max);
}

/** An http(s) URL without its fragment, or null. */
export function cleanUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL_CHARS) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function cleanTime(value: unknown): number | undefined {
  if (typeof value === 'string' && value.trim() !== '') return cleanTime(Date.parse(value));
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

function cleanQuote(value: unknown, index: number): KeptQuote | null {
  if (typeof value !== 'object' || value === null) return null;
  const q = value as Record<string, unknown>;
  const text = cleanText(q.text, MAX_QUOTE_CHARS);
  const speaker = cleanText(q.speaker, MAX_NAME_CHARS);
  if (!text || !speaker) return null;
  return {
    text,
    speaker,
    role: cleanText(q.role, MAX_NAME_CHARS),
    quoteId: cleanText(q.quoteId, MAX_NAME_CHARS) ?? `q${index}`,
  };
}

export interface Validated<T> {
  value: T | null;
  /** What was repaired or dropped; empty when the input was already valid. */
  problems: string[];
}

/** Turns whatever arrived into a valid ArticleRecord, repairing what it can, or null. */
export function validateArticle(raw: unknown, now: number = Date.now()): Validated<ArticleRecord> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { value: null, problems: ['an article entry is not an object'] };
  const a = raw as Record<string, unknown>;
  const url = cleanUrl(a.url);
  if (!url) return { value: null, problems: ['an article entry has no usable http(s) URL'] };
  const problems: string[] = [];
  const host = new URL(url).host;
  const rawQuotes = Array.isArray(a.quotes) ? a.quotes : [];
  if (!Array.isArray(a.quotes)) problems.push(`${url}: quotes were not a list`);
  const quotes: KeptQuote[] = [];
  const seen = new Set<string>();
  for (const [i, q] of rawQuotes.slice(0, MAX_QUOTES_PER_ARTICLE).entries()) {
    const quote = cleanQuote(q, i);
    const dedupe = quote ? `${quote.speaker}\u0000${quote.text}` : '';
    if (quote && !seen.has(dedupe)) {
      seen.add(dedupe);
      quotes.push(quote);
    }
  }
  if (quotes.length < Math.min(rawQuotes.length, MAX_QUOTES_PER_ARTICLE))
    problems.push(`${url}: ${rawQuotes.length - quotes.length} unusable or repeated quotes dropped`);
  const readAt = cleanTime(a.readAt);
  if (readAt === undefined) problems.push(`${url}: no read date; set to now`);
  const site = cleanText(a.site, MAX_NAME_CHARS)?.toLowerCase();
  const record: ArticleRecord = {
    url,
    title: cleanText(a.title, MAX_TITLE_CHARS) ?? url,
    site: site && HOST_RE.test(site) ? site : host,
    readAt: readAt ?? now,
    quotes,
  };
  const publishedAt = cleanTime(a.publishedAt);
  if (publishedAt !== undefined) record.publishedAt = publishedAt;
  return { value: record, problems };
}

export function validateSettings(raw: unknown): LibrarySettings {
  const s = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const max = typeof s.maxArticles === 'number' && Number.isFinite(s.maxArticles) ? Math.floor(s.maxArticles) : NaN;
  const sites = Array.isArray(s.pausedSites) ? s.pausedSites : [];
  return {
    paused: s.paused === true,
    pausedSites: [
      ...new Set(
        sites
          .filter((h): h is string => typeof h === 'string')
          .map((h) => h.trim().toLowerCase())
          .filter((h) => HOST_RE.test(h)),
      ),
    ].slice(0, MAX_PAUSED_SITES),
    maxArticles: Number.isNaN(max) ? DEFAULT_MAX_ARTICLES : Math.max(MIN_MAX_ARTICLES, Math.min(MAX_MAX_ARTICLES, max)),
  };
}

export function validateOverrides(raw: unknown): SpeakerOverrides {
  const out: SpeakerOverrides = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [from, to] of Object.entries(raw)) {
    if (typeof to === 'string' && from.length <= MAX_NAME_CHARS + 1 && to.length <= MAX_NAME_CHARS + 1 && to !== '')
      out[from] = to;
  }
  return out;
}

// ---- keeping ----

/** The record to keep for a report, or null when there is nothing to keep (no article, no attributed quote). */
export function recordFromReport(report: PageReport, readAt: number, publishedAt?: number): ArticleRecord | null {
  if (!report.isArticle) return null;
  const speakers = new Map(report.speakers.map((s) => [s.name, s]));
  const quotes = report.quotes
    .filter((q) => q.speaker !== null)
    .map((q) => ({
      text: q.text,
      speaker: q.speaker,
      role: speakers.get(q.speaker ?? '')?.role ?? null,
      quoteId: q.id,
    }));
  if (quotes.length === 0) return null;
  return validateArticle(
    { url: report.url, title: report.title, site: report.site, readAt, publishedAt, quotes },
    readAt,
  ).value;
}

/** Whether the reader's settings let us keep an article from this URL. */
export function mayKeep(settings: LibrarySettings, url: string): boolean {
  if (settings.paused) return false;
  const host = new URL(url).hostname.toLowerCase();
  return !settings.pausedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/**
 * Merges imported articles into what we have: one entry per URL, the newer read wins (a tie
 * keeps ours), so importing the same export twice changes nothing.
 */
export function mergeArticles(
  ours: readonly ArticleRecord[],
  theirs: readonly ArticleRecord[],
): { articles: ArticleRecord[]; added: number; updated: number } {
  const byUrl = new Map(ours.map((a) => [a.url, a]));
  let added = 0;
  let updated = 0;
  for (const a of theirs) {
    const have = byUrl.get(a.url);
    if (!have) added++;
    else if (a.readAt > have.readAt) updated++;
    else continue;
    byUrl.set(a.url, a);
  }
  return { articles: [...byUrl.values()], added, updated };
}

// ---- speakers across articles ----

/** Every kept quote as a row, newest read first (page order within an article). */
export function quoteRows(articles: readonly ArticleRecord[], overrides: SpeakerOverrides): QuoteRow[] {
  const sorted = [...articles].sort((a, b) => b.readAt - a.readAt || (a.url < b.url ? -1 : 1));
  const rows: QuoteRow[] = [];
  // Names repeat across thousands of quotes: normalise each once.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = entryKeyOf(name, overrides);
      keys.set(name, key);
    }
    return key;
  };
  for (const a of sorted) {
    for (const q of a.quotes) {
      const row: QuoteRow = {
        id: `${a.url}#${q.quoteId}`,
        text: q.text,
        speaker: q.speaker,
        speakerKey: keyOf(q.speaker),
        role: q.role,
        quoteId: q.quoteId,
        url: a.url,
        title: a.title,
        site: a.site,
        readAt: a.readAt,
      };
      if (a.publishedAt !== undefined) row.publishedAt = a.publishedAt;
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Keys most frequent first; a tie goes to a capitalised spelling ("Ana Ortiz" before "ana
 * ortiz"), then to the shorter one ("Ana Ortiz" before "Dr. Ana Ortiz").
 */
function byCount(counts: Map<string, number>): string[] {
  const cased = (s: string) => (/\p{Lu}/u.test(s) ? 1 : 0);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || cased(b[0]) - cased(a[0]) || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .map(([k]) => k);
}

function bump(counts: Map<string, number>, key: string | null): void {
  if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Speaker entries, most quoted first (then most recent, then name). */
export function speakerEntries(rows: readonly QuoteRow[]): SpeakerEntry[] {
  const groups = new Map<
    string,
    {
      names: Map<string, number>;
      roles: Map<string, number>;
      sites: Map<string, number>;
      urls: Set<string>;
      n: number;
      last: number;
    }
  >();
  for (const r of rows) {
    let g = groups.get(r.speakerKey);
    if (!g) {
      g = { names: new Map(), roles: new Map(), sites: new Map(), urls: new Set(), n: 0, last: 0 };
      groups.set(r.speakerKey, g);
    }
    bump(g.names, r.speaker);
    bump(g.roles, r.role);
    bump(g.sites, r.site);
    g.urls.add(r.url);
    g.n++;
    g.last = Math.max(g.last, r.readAt);
  }
  const entries: SpeakerEntry[] = [];
  for (const [key, g] of groups) {
    const names = byCount(g.names);
    entries.push({
      key,
      name: names[0]!,
      names,
      roles: byCount(g.roles),
      sites: byCount(g.sites),
      quotes: g.n,
      articles: g.urls.size,
      lastReadAt: g.last,
    });
  }
  return entries.sort((a, b) => b.quotes - a.quotes || b.lastReadAt - a.lastReadAt || a.name.localeCompare(b.name));
}

/** Overrides after merging entry `from` into entry `into`: every name now in `from` points at `into`. */
export function mergeSpeakers(
  articles: readonly ArticleRecord[],
  overrides: SpeakerOverrides,
  from: string,
  into: string,
): SpeakerOverrides {
  if (from === into) return overrides;
  const next: SpeakerOverrides = {};
  // Earlier merges into `from` follow it into `into`, names not in the library now included.
  for (const [k, v] of Object.entries(overrides)) next[k] = v === from ? into : v;
  for (const name of namesIn(articles, overrides, from)) {
    if (next[SPLIT_PREFIX + name] !== undefined) next[SPLIT_PREFIX + name] = into;
    else next[speakerKey(name)] = into;
  }
  return withoutIdentities(next);
}

/**
 * Overrides after splitting one written name off its entry: back to its own normalised entry
 * when a merge put it here, else into an entry of its own.
 */
export function splitSpeaker(
  articles: readonly ArticleRecord[],
  overrides: SpeakerOverrides,
  key: string,
  name: string,
): SpeakerOverrides {
  const names = namesIn(articles, overrides, key);
  if (!names.includes(name) || names.length < 2) return overrides;
  const auto = speakerKey(name);
  const next = { ...overrides, [SPLIT_PREFIX + name]: auto !== key ? auto : SPLIT_PREFIX + name };
  return withoutIdentities(next);
}

/** Drops merges that change nothing (a normalised key pointing at itself); a split name's own entry stays. */
function withoutIdentities(overrides: SpeakerOverrides): SpeakerOverrides {
  const out: SpeakerOverrides = {};
  for (const [k, v] of Object.entries(overrides)) if (k !== v || k.startsWith(SPLIT_PREFIX)) out[k] = v;
  return out;
}

/** The written names whose quotes sit in entry `key` now. */
export function namesIn(articles: readonly ArticleRecord[], overrides: SpeakerOverrides, key: string): string[] {
  const names = new Set<string>();
  for (const a of articles)
    for (const q of a.quotes) if (entryKeyOf(q.speaker, overrides) === key) names.add(q.speaker);
  return [...names];
}

/** Articles after deleting every quote of entry `key`; an article left without quotes goes too. */
export function withoutSpeaker(
  articles: readonly ArticleRecord[],
  overrides: SpeakerOverrides,
  key: string,
): { kept: ArticleRecord[]; changed: ArticleRecord[]; removed: string[] } {
  const kept: ArticleRecord[] = [];
  const changed: ArticleRecord[] = [];
  const removed: string[] = [];
  for (const a of articles) {
    const quotes = a.quotes.filter((q) => entryKeyOf(q.speaker, overrides) !== key);
    if (quotes.length === a.quotes.length) kept.push(a);
    else if (quotes.length === 0) removed.push(a.url);
    else {
      const next = { ...a, quotes };
      kept.push(next);
      changed.push(next);
    }
  }
  return { kept, changed, removed };
}

/** A change from the library page, shape-checked (it crossed the message boundary); throws when unusable. */
export function validateChange(raw: unknown): LibraryChange {
  if (typeof raw !== 'object' || raw === null) throw new Error('a library change must be an object');
  const c = raw as Record<string, unknown>;
  const str = (key: string): string => {
    const v = c[key];
    if (typeof v !== 'string' || v === '' || v.length > MAX_URL_CHARS) throw new Error(`library change: bad ${key}`);
    return v;
  };
  switch (c.kind) {
    case 'deleteArticle':
      return { kind: 'deleteArticle', url: str('url') };
    case 'deleteSpeaker':
      return { kind: 'deleteSpeaker', key: str('key') };
    case 'deleteAll':
      return { kind: 'deleteAll' };
    case 'merge':
      return { kind: 'merge', from: str('from'), into: str('into') };
    case 'split':
      return { kind: 'split', key: str('key'), name: str('name') };
    case 'settings':
      return { kind: 'settings', settings: validateSettings(c.settings) };
    case 'import':
      return { kind: 'import', data: c.data };
    default:
      throw new Error('unknown library change');
  }
}
