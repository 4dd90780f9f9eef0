// Hand corrections in storage.local: validation, migration, per-site lists that cover
// subdomains, and who may write them (the grant the popup gives a tab).
import { describe, expect, it } from 'vitest';
import {
  checkCorrectionRequest,
  correctionHost,
  GRANT_MS,
  MAX_GRANTS,
  withGrant,
} from '../../src/shared/correction-grants';
import {
  CORRECTIONS_VERSION,
  type Correction,
  EMPTY_CORRECTIONS,
  MAX_CORRECTIONS_PER_LIST,
  rulesFor,
  storedRulesFor,
  validateCorrections,
  withCorrection,
  withoutCorrection,
} from '../../src/shared/corrections';
import { coversHost, entryFor, siteOf } from '../../src/shared/sites';

const c = (selector: string, text = 'Most read'): Correction => ({ selector, kind: 'trending', text, at: 1 });

describe('site entries', () => {
  it('an entry covers its subdomains, not look-alike domains', () => {
    expect(coversHost('nytimes.com', 'www.nytimes.com')).toBe(true);
    expect(coversHost('nytimes.com', 'cooking.nytimes.com')).toBe(true);
    expect(coversHost('nytimes.com', 'nytimes.com')).toBe(true);
    expect(coversHost('nytimes.com', 'notnytimes.com')).toBe(false);
    expect(coversHost('www.nytimes.com', 'nytimes.com')).toBe(true);
    expect(coversHost('cooking.nytimes.com', 'www.nytimes.com')).toBe(false);
  });
  it('a site is stored without "www." and in lower case', () => {
    expect(siteOf('WWW.Example.COM.')).toBe('example.com');
  });
  it('the most specific entry wins', () => {
    expect(entryFor(['example.com', 'news.example.com'], 'a.news.example.com')).toBe('news.example.com');
    expect(entryFor(['example.org'], 'example.com')).toBeUndefined();
  });
});

describe('validateCorrections', () => {
  it('nothing stored is an empty set without complaint', () => {
    expect(validateCorrections(undefined)).toEqual({ corrections: EMPTY_CORRECTIONS, problems: [] });
  });

  it('a corrupt stored value starts empty and says why', () => {
    for (const raw of ['x', 3, [1], true]) {
      const { corrections, problems } = validateCorrections(raw);
      expect(corrections.sites).toEqual({});
      expect(problems.length).toBeGreaterThan(0);
    }
  });

  it('drops entries it would not have written, one by one, and names each', () => {
    const { corrections, problems } = validateCorrections({
      version: 1,
      sites: {
        'news.example': { keep: [c('aside.rail'), { selector: 'div, body' }, 7], hide: 'nope' },
        '<script>': { keep: [c('#x')] },
        'other.example': null,
      },
    });
    expect(corrections.sites).toEqual({ 'news.example': { keep: [c('aside.rail')], hide: [] } });
    expect(problems).toHaveLength(5);
  });

  it('migrates version 0 (no version, bare selector strings) and merges "www." into the site', () => {
    const { corrections } = validateCorrections({
      'www.news.example': { keep: ['aside.rail'] },
      'news.example': { hide: ['div.promo'] },
    });
    expect(corrections.version).toBe(CORRECTIONS_VERSION);
    expect(corrections.sites['news.example']).toEqual({
      keep: [{ selector: 'aside.rail', kind: 'other', text: '', at: 0 }],
      hide: [{ selector: 'div.promo', kind: 'other', text: '', at: 0 }],
    });
  });

  it('reads a newer version site by site and says so', () => {
    const { corrections, problems } = validateCorrections({ version: 9, sites: { 'a.example': { hide: [c('#ad')] } } });
    expect(corrections.sites['a.example']?.hide[0]?.selector).toBe('#ad');
    expect(problems[0]).toMatch(/unknown corrections version 9/);
  });

  it('caps each list, keeping the newest', () => {
    const many = Array.from({ length: MAX_CORRECTIONS_PER_LIST + 5 }, (_, i) =>
      c(`#box${String.fromCharCode(97 + (i % 26))}${'x'.repeat(Math.floor(i / 26))}`),
    );
    const { corrections } = validateCorrections({ version: 1, sites: { 'a.example': { keep: many } } });
    expect(corrections.sites['a.example']!.keep).toHaveLength(MAX_CORRECTIONS_PER_LIST);
    expect(corrections.sites['a.example']!.keep.at(-1)).toEqual(many.at(-1));
  });
});

describe('changing corrections', () => {
  it('a keep and a hide of the same block replace each other', () => {
    const hidden = withCorrection(EMPTY_CORRECTIONS, 'www.news.example', 'hide', c('div.box'));
    expect(hidden.sites['news.example']!.hide).toHaveLength(1);
    const kept = withCorrection(hidden, 'news.example', 'keep', c('div.box'));
    expect(kept.sites['news.example']).toEqual({ keep: [c('div.box')], hide: [] });
  });

  it('undo removes one correction, and a site left with none', () => {
    const two = withCorrection(
      withCorrection(EMPTY_CORRECTIONS, 'a.example', 'keep', c('#one')),
      'a.example',
      'hide',
      c('#two'),
    );
    const one = withoutCorrection(two, 'a.example', 'keep', '#one');
    expect(one.sites['a.example']).toEqual({ keep: [], hide: [c('#two')] });
    expect(withoutCorrection(one, 'www.a.example', 'hide', '#two').sites).toEqual({});
  });

  it("a host gets its site's corrections and those of every domain it is under", () => {
    let all = withCorrection(EMPTY_CORRECTIONS, 'example.com', 'hide', c('#ad'));
    all = withCorrection(all, 'sport.example.com', 'keep', c('aside.scores'));
    all = withCorrection(all, 'example.org', 'hide', c('#other'));
    expect(rulesFor(all, 'live.sport.example.com')).toEqual({ keep: ['aside.scores'], hide: ['#ad'] });
    expect(rulesFor(all, 'www.example.com')).toEqual({ keep: [], hide: ['#ad'] });
  });

  it("the content script's lean reader gives rulesFor's answer", () => {
    const raw = {
      version: 1,
      sites: { 'example.com': { hide: [c('#ad'), c('div, body')], keep: [c('aside.x')] }, 'x.org': { keep: 'bad' } },
    };
    for (const host of ['example.com', 'www.example.com', 'x.org', 'none.net']) {
      expect(storedRulesFor(raw, host)).toEqual(rulesFor(validateCorrections(raw).corrections, host));
    }
    expect(storedRulesFor('garbage', 'example.com')).toEqual({ keep: [], hide: [] });
  });
});

describe('who may store a correction', () => {
  const tab = (id: number, url = 'https://www.news.example/story') => ({ id: 'ext', url, tab: { id }, frameId: 0 });

  it('a tab the popup granted may, for the host it runs on', () => {
    const grants = withGrant({}, 7, 1000);
    expect(correctionHost(tab(7), grants, 1000 + GRANT_MS - 1)).toBe('www.news.example');
  });

  it('without a grant, after it ended, from another tab or a subframe it may not', () => {
    const grants = withGrant({}, 7, 1000);
    expect(() => correctionHost(tab(8), grants, 1001)).toThrow(/no correction grant/);
    expect(() => correctionHost(tab(7), grants, 1000 + GRANT_MS)).toThrow(/no correction grant/);
    expect(() => correctionHost({ ...tab(7), frameId: 3 }, grants, 1001)).toThrow(/top frame/);
    expect(() => correctionHost({ id: 'ext', url: 'chrome-extension://x/popup.html' }, grants, 1001)).toThrow();
    expect(() => correctionHost(tab(7, 'file:///etc/passwd'), grants, 1001)).toThrow(/not a web page/);
  });

  it('grants are bounded and ended ones are dropped', () => {
    let grants = {};
    for (let i = 0; i < MAX_GRANTS + 10; i++) grants = withGrant(grants, i, 0);
    expect(Object.keys(grants)).toHaveLength(MAX_GRANTS);
    expect(Object.keys(withGrant(grants, 999, GRANT_MS + 1))).toEqual(['999']);
  });

  it('checks the request as untrusted input', () => {
    expect(
      checkCorrectionRequest({ list: 'keep', correction: c('aside.rail', 'x'.repeat(500)) }).correction.text,
    ).toHaveLength(80);
    for (const bad of [
      null,
      'x',
      { list: 'delete', correction: c('#a') },
      { list: 'hide', correction: { selector: '*' } },
    ]) {
      expect(() => checkCorrectionRequest(bad)).toThrow();
    }
    // A hide correction is always of kind 'other': a page cannot label its block as something else.
    expect(checkCorrectionRequest({ list: 'hide', correction: c('#a') }).correction.kind).toBe('other');
  });
});
