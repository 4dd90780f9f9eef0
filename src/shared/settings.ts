// Settings schema, defaults, validation and migration. Pure: storage access lives in adapters.
import { PALETTES, type Palette } from './palette';
import { coversHost, siteOf } from './sites';

export const SETTINGS_KEY = 'settings';
/** 2: forcedSites (sites where Quotelens runs on pages it does not take for articles). */
export const SETTINGS_VERSION = 2;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Hide clutter on article pages. */
  declutter: boolean;
  /** Highlight quotations. */
  highlight: boolean;
  /** Hide everything outside the article too. */
  focus: boolean;
  /** Hide comment sections (on by default, as issue 13 asks; readers who come for them turn it off). */
  hideComments: boolean;
  /** Sites where Quotelens does nothing; an entry covers its subdomains (shared/sites.ts). */
  disabledSites: string[];
  /**
   * Sites where the reader chose "Run anyway": Quotelens treats their pages as articles even when
   * the detector says otherwise. An entry covers its subdomains ("example.com": "news.example.com").
   */
  forcedSites: string[];
  /** How quotes are painted: standard tints, strong tints, or underline only. */
  palette: Palette;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  declutter: true,
  highlight: true,
  focus: false,
  hideComments: true,
  disabledSites: [],
  forcedSites: [],
  palette: 'standard',
});

/** Longest list of sites we keep: storage.sync items are limited to 8 KB. */
const MAX_SITES = 300;
const HOST_RE = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/;

export interface ValidatedSettings {
  settings: Settings;
  /** What was wrong with the stored value; empty when it was fine. */
  problems: string[];
}

/** Turns whatever storage holds into valid Settings; anything unusable falls back to defaults. */
export function validateSettings(raw: unknown): ValidatedSettings {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [], forcedSites: [] };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: ['stored settings are not an object; using defaults'] };
  }
  const obj = migrate(raw as Record<string, unknown>, problems);
  for (const key of ['declutter', 'highlight', 'focus', 'hideComments'] as const) {
    const value = obj[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') settings[key] = value;
    else problems.push(`${key} is not a boolean; using the default`);
  }
  const palette = obj.palette;
  if (palette !== undefined) {
    if ((PALETTES as readonly unknown[]).includes(palette)) settings.palette = palette as Palette;
    else problems.push('palette is not one we know; using the default');
  }
  for (const key of ['disabledSites', 'forcedSites'] as const) {
    const sites = obj[key];
    if (sites === undefined) continue;
    if (Array.isArray(sites)) {
      const clean = sites
        .filter((s): s is string => typeof s === 'string')
        .map((s) => s.trim().toLowerCase())
        .filter((s) => HOST_RE.test(s));
      if (clean.length !== sites.length) problems.push(`${key} had invalid entries; they were dropped`);
      settings[key] = [...new Set(clean)].slice(0, MAX_SITES);
    } else problems.push(`${key} is not a list; using the default`);
  }
  return { settings, problems };
}

/**
 * Brings an older stored shape up to the current version. Version 1 is the first released one;
 * a newer version (a sync from a newer install) is read field by field, keeping what validates.
 */
function migrate(obj: Record<string, unknown>, problems: string[]): Record<string, unknown> {
  // Version 1 had no forcedSites: nothing was forced, which is the default.
  if (obj.version === 1) return { ...obj, version: SETTINGS_VERSION, forcedSites: [] };
  if (obj.version !== undefined && obj.version !== SETTINGS_VERSION) {
    problems.push(`unknown settings version ${String(obj.version)}; reading what fits`);
  }
  return obj;
}

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.some((entry) => coversHost(entry, host));
}

/**
 * Turns a site on or off. Off stores the site ("www." dropped), which covers its subdomains; on
 * removes every entry that covers the host, so the switch always does what it says.
 */
export function withSite(settings: Settings, host: string, enabled: boolean): Settings {
  const rest = settings.disabledSites.filter((s) => !coversHost(s, host));
  return { ...settings, disabledSites: enabled ? rest : [...rest, siteOf(host)] };
}

/** True when the reader chose "Run anyway" for this host's site (or a parent domain of it). */
export function isSiteForced(settings: Settings, host: string): boolean {
  return settings.forcedSites.some((entry) => coversHost(entry, host));
}

/** Forces the host's site, or un-forces it: then every entry that covers the host goes. */
export function withForcedSite(settings: Settings, host: string, forced: boolean): Settings {
  const site = siteOf(host);
  const rest = settings.forcedSites.filter((s) => s !== site && (forced || !coversHost(s, host)));
  return { ...settings, forcedSites: forced ? [...rest, site] : rest };
}
