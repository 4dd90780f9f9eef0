import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isSiteEnabled,
  isSiteForced,
  validateSettings,
  withForcedSite,
  withSite,
} from '../../src/shared/settings';

describe('settings', () => {
  it('missing settings give the defaults without complaint', () => {
    expect(validateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('a corrupt stored value falls back to defaults and says why', () => {
    for (const raw of ['garbage', 42, [1, 2], true]) {
      const { settings, problems } = validateSettings(raw);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problems.length).toBeGreaterThan(0);
    }
  });

  it('wrongly typed fields fall back one by one', () => {
    const { settings, problems } = validateSettings({ version: 1, declutter: 'yes', focus: true, disabledSites: 'x' });
    expect(settings.declutter).toBe(true);
    expect(settings.focus).toBe(true);
    expect(settings.disabledSites).toEqual([]);
    expect(problems).toHaveLength(2);
  });

  it('invalid site entries are dropped, valid ones normalised and deduplicated', () => {
    const { settings } = validateSettings({
      version: 1,
      disabledSites: ['News.Example', 'news.example', '<script>', 7],
    });
    expect(settings.disabledSites).toEqual(['news.example']);
  });

  it('a settings object from a newer version keeps what validates and says so', () => {
    const { settings, problems } = validateSettings({ version: 3, focus: true, newThing: 1 });
    expect(settings.focus).toBe(true);
    expect(settings.version).toBe(2);
    expect(problems[0]).toMatch(/unknown settings version 3/);
  });

  it('per-site switch adds and removes a host', () => {
    const off = withSite(DEFAULT_SETTINGS, 'News.Example', false);
    expect(isSiteEnabled(off, 'news.example')).toBe(false);
    expect(isSiteEnabled(withSite(off, 'news.example', true), 'news.example')).toBe(true);
  });

  it('a site entry covers its subdomains, and switching a subdomain on removes the entry that covers it', () => {
    const off = withSite(DEFAULT_SETTINGS, 'www.nytimes.com', false);
    expect(off.disabledSites).toEqual(['nytimes.com']);
    expect(isSiteEnabled(off, 'cooking.nytimes.com')).toBe(false);
    expect(isSiteEnabled(off, 'nytimes.com')).toBe(false);
    expect(isSiteEnabled(off, 'notnytimes.com')).toBe(true);
    const on = withSite({ ...off, disabledSites: ['nytimes.com', 'example.org'] }, 'cooking.nytimes.com', true);
    expect(on.disabledSites).toEqual(['example.org']);
  });

  it('keeps a known palette and replaces an unknown one with the default', () => {
    expect(validateSettings({ version: 1, palette: 'underline' }).settings.palette).toBe('underline');
    const bad = validateSettings({ version: 1, palette: 'neon' });
    expect(bad.settings.palette).toBe('standard');
    expect(bad.problems).toHaveLength(1);
  });

  it('migrates version 1 (no forcedSites) to version 2 without complaint', () => {
    const { settings, problems } = validateSettings({ version: 1, focus: true, disabledSites: ['a.example'] });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, focus: true, disabledSites: ['a.example'], forcedSites: [] });
    expect(problems).toEqual([]);
  });

  it('validates forcedSites like disabledSites', () => {
    const { settings, problems } = validateSettings({
      version: 2,
      forcedSites: ['Shop.Example', 'shop.example', 'a b', 3],
    });
    expect(settings.forcedSites).toEqual(['shop.example']);
    expect(problems).toEqual(['forcedSites had invalid entries; they were dropped']);
    expect(validateSettings({ version: 2, forcedSites: 'x' }).problems).toEqual([
      'forcedSites is not a list; using the default',
    ]);
  });

  it('"Run anyway" is remembered per site and covers its subdomains', () => {
    const forced = withForcedSite(DEFAULT_SETTINGS, 'www.Example.org', true);
    expect(forced.forcedSites).toEqual(['example.org']);
    expect(isSiteForced(forced, 'example.org')).toBe(true);
    expect(isSiteForced(forced, 'news.example.org')).toBe(true);
    expect(isSiteForced(forced, 'badexample.org')).toBe(false);
    expect(isSiteForced(forced, 'example.org.evil.test')).toBe(false);
    expect(withForcedSite(forced, 'example.org', true).forcedSites).toEqual(['example.org']);
  });

  it('un-forcing a subdomain removes the entry that covers it', () => {
    const forced = withForcedSite(DEFAULT_SETTINGS, 'example.org', true);
    expect(withForcedSite(forced, 'news.example.org', false).forcedSites).toEqual([]);
  });
});
