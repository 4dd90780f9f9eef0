// Hand corrections per site: blocks the reader kept visible, and blocks the reader hid with the
// picker, each as a stable selector (core/selector.ts). Kept in storage.local (they can grow past
// storage.sync's 8 KB per item, and they describe this browser's pages). Schema, validation and
// migration are pure; storage access is passed in.
import { isSafeSelector } from '../core/selector';
import { CLUTTER_KINDS, type ClutterKind } from '../core/types';
import { coversHost, siteOf } from './sites';
import type { StorageAreaLike } from './storage';

export const CORRECTIONS_KEY = 'corrections';
export const CORRECTIONS_VERSION = 1;

/** Which list a correction is in: kept visible, or hidden by the reader. */
export type CorrectionList = 'keep' | 'hide';

export interface Correction {
  selector: string;
  /** For "keep": the kind we had hidden it as; for "hide": 'other'. */
  kind: ClutterKind;
  /** The start of the block's text when it was corrected, so the options page can name it. */
  text: string;
  /** When it was made (ms since 1970), to list the newest first. */
  at: number;
}

export interface SiteCorrections {
  keep: Correction[];
  hide: Correction[];
}

export interface Corrections {
  version: typeof CORRECTIONS_VERSION;
  /** Keyed by site (shared/sites.ts siteOf); an entry covers the site's subdomains. */
  sites: Record<string, SiteCorrections>;
}

/** Sites we keep corrections for; past it the oldest site goes (storage.local is 10 MB, but a list is read per page). */
export const MAX_CORRECTION_SITES = 500;
/** Corrections per list per site: a reader corrects a handful; more is a runaway script. */
export const MAX_CORRECTIONS_PER_LIST = 50;
/** Characters of block text kept to name a correction. */
export const CORRECTION_TEXT_CHARS = 80;
const SITE_RE = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/;

export const EMPTY_CORRECTIONS: Readonly<Corrections> = Object.freeze({ version: CORRECTIONS_VERSION, sites: {} });

export interface ValidatedCorrections {
  corrections: Corrections;
  problems: string[];
}

/** One correction from untrusted input (storage, or a content script's request), or null. */
export function validateCorrection(raw: unknown, list: CorrectionList): Correction | null {
  // Version 0 (never released, kept readable): a bare selector string.
  const obj = typeof raw === 'string' ? { selector: raw } : raw;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return null;
  const r = obj as Record<string, unknown>;
  if (typeof r.selector !== 'string' || !isSafeSelector(r.selector)) return null;
  const kind =
    list === 'hide'
      ? 'other'
      : (CLUTTER_KINDS as readonly unknown[]).includes(r.kind)
        ? (r.kind as ClutterKind)
        : 'other';
  const text = typeof r.text === 'string' ? r.text.replace(/\s+/g, ' ').trim().slice(0, CORRECTION_TEXT_CHARS) : '';
  const at = typeof r.at === 'number' && Number.isFinite(r.at) && r.at >= 0 ? Math.floor(r.at) : 0;
  return { selector: r.selector, kind, text, at };
}

/** Turns whatever storage holds into valid Corrections; what cannot be read is dropped and named. */
export function validateCorrections(raw: unknown): ValidatedCorrections {
  const problems: string[] = [];
  const corrections: Corrections = { version: CORRECTIONS_VERSION, sites: {} };
  if (raw === undefined || raw === null) return { corrections, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { corrections, problems: ['stored corrections are not an object; starting empty'] };
  }
  const sites = migrateCorrections(raw as Record<string, unknown>, problems);
  for (const [key, value] of Object.entries(sites)) {
    const site = siteOf(key);
    if (!SITE_RE.test(site)) {
      problems.push(`"${key.slice(0, 40)}" is not a site; dropped`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${site}: not a list of corrections; dropped`);
      continue;
    }
    const entry = corrections.sites[site] ?? { keep: [], hide: [] };
    for (const list of ['keep', 'hide'] as const) {
      const items = (value as Record<string, unknown>)[list];
      if (items === undefined) continue;
      if (!Array.isArray(items)) {
        problems.push(`${site}: ${list} is not a list; dropped`);
        continue;
      }
      for (const item of items) {
        const c = validateCorrection(item, list);
        if (c) entry[list] = withRule(entry[list], c);
        else problems.push(`${site}: a ${list} entry was not a selector we write; dropped`);
      }
    }
    if (entry.keep.length > 0 || entry.hide.length > 0) corrections.sites[site] = entry;
  }
  const names = Object.keys(corrections.sites);
  if (names.length > MAX_CORRECTION_SITES) {
    problems.push(`more than ${MAX_CORRECTION_SITES} sites; the oldest were dropped`);
    const newest = (s: string) =>
      Math.max(0, ...[...corrections.sites[s]!.keep, ...corrections.sites[s]!.hide].map((c) => c.at));
    const drop = names.sort((a, b) => newest(b) - newest(a)).slice(MAX_CORRECTION_SITES);
    for (const s of drop) delete corrections.sites[s];
  }
  return { corrections, problems };
}

/**
 * Brings an older stored shape up to the current one. Version 0 (before a version field) was a
 * plain map of site → lists, with bare selector strings (validateCorrection reads those); a
 * newer version is read site by site, keeping what validates.
 */
function migrateCorrections(obj: Record<string, unknown>, problems: string[]): Record<string, unknown> {
  if (obj.version === undefined && obj.sites === undefined) return obj;
  if (obj.version !== CORRECTIONS_VERSION) {
    problems.push(`unknown corrections version ${String(obj.version)}; reading what fits`);
  }
  const sites = obj.sites;
  if (typeof sites !== 'object' || sites === null || Array.isArray(sites)) {
    problems.push('sites is not a map; starting empty');
    return {};
  }
  return sites as Record<string, unknown>;
}

/** The list with `c` in it once (a newer correction of the same selector replaces the older), capped. */
function withRule(list: Correction[], c: Correction): Correction[] {
  const rest = list.filter((x) => x.selector !== c.selector);
  return [...rest, c].slice(-MAX_CORRECTIONS_PER_LIST);
}

/** Adds a correction for the host's site ("www." dropped); a keep undoes a hide of the same block and back. */
export function withCorrection(all: Corrections, host: string, list: CorrectionList, c: Correction): Corrections {
  const site = siteOf(host);
  const entry = all.sites[site] ?? { keep: [], hide: [] };
  const other: CorrectionList = list === 'keep' ? 'hide' : 'keep';
  const next: SiteCorrections = {
    ...entry,
    [list]: withRule(entry[list], c),
    [other]: entry[other].filter((x) => x.selector !== c.selector),
  } as SiteCorrections;
  return { ...all, sites: { ...all.sites, [site]: next } };
}

/** Removes one correction (the options page's undo); a site left with none is removed. */
export function withoutCorrection(all: Corrections, site: string, list: CorrectionList, selector: string): Corrections {
  const key = siteOf(site);
  const entry = all.sites[key];
  if (!entry) return all;
  const next = { ...entry, [list]: entry[list].filter((c) => c.selector !== selector) } as SiteCorrections;
  const sites = { ...all.sites };
  if (next.keep.length === 0 && next.hide.length === 0) delete sites[key];
  else sites[key] = next;
  return { ...all, sites };
}

/** The selectors that apply on a host: its site's and those of every domain it is under. */
export function rulesFor(all: Corrections, host: string): { keep: string[]; hide: string[] } {
  const keep: string[] = [];
  const hide: string[] = [];
  for (const [site, entry] of Object.entries(all.sites)) {
    if (!coversHost(site, host)) continue;
    keep.push(...entry.keep.map((c) => c.selector));
    hide.push(...entry.hide.map((c) => c.selector));
  }
  return { keep, hide };
}

/**
 * The selectors for a host straight from what storage holds, for the content script: the same
 * answer as rulesFor(validateCorrections(raw)) for what validates, without the validator's code
 * on every page (matchCorrections checks each selector again before it is used).
 */
export function storedRulesFor(raw: unknown, host: string): { keep: string[]; hide: string[] } {
  const keep: string[] = [];
  const hide: string[] = [];
  const sites = (raw as { sites?: unknown } | null)?.sites;
  if (typeof sites !== 'object' || sites === null) return { keep, hide };
  for (const [site, entry] of Object.entries(sites as Record<string, Partial<Record<CorrectionList, unknown>>>)) {
    if (!coversHost(site, host)) continue;
    for (const [list, out] of [
      ['keep', keep],
      ['hide', hide],
    ] as const) {
      const items = entry?.[list];
      if (!Array.isArray(items)) continue;
      for (const c of items) {
        const selector = (c as Correction | null)?.selector;
        if (typeof selector === 'string' && isSafeSelector(selector)) out.push(selector);
      }
    }
  }
  return { keep, hide };
}

export async function loadCorrections(area: StorageAreaLike): Promise<Corrections> {
  let raw: unknown;
  try {
    raw = (await area.get(CORRECTIONS_KEY))[CORRECTIONS_KEY];
  } catch {
    raw = undefined;
  }
  return validateCorrections(raw).corrections;
}

export async function storeCorrections(area: StorageAreaLike, next: unknown): Promise<Corrections> {
  const { corrections } = validateCorrections(next);
  await area.set({ [CORRECTIONS_KEY]: corrections });
  return corrections;
}
