// The library's pure rules: names, validation, merges and splits, search, export and import.
import { describe, expect, it } from 'vitest';
import type { PageReport } from '../../src/core/types';
import { EXPORT_FORMAT, exportCsv, exportJson, exportMarkdown, parseImport } from '../../src/library/export';
import { quoteLink } from '../../src/library/links';
import {
  entryKeyOf,
  mayKeep,
  mergeArticles,
  mergeSpeakers,
  quoteRows,
  recordFromReport,
  speakerEntries,
  speakerKey,
  splitSpeaker,
  validateArticle,
  validateChange,
  validateSettings,
  withoutSpeaker,
} from '../../src/library/model';
import { buildIndex, searchQuotes } from '../../src/library/search';
import type { ArticleRecord } from '../../src/library/types';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

function article(url: string, readAt: number, quotes: [string, string, string?][], site?: string): ArticleRecord {
  return {
    url,
    title: `Title of ${url}`,
    site: site ?? new URL(url).hostname,
    readAt,
    quotes: quotes.map(([speaker, text, role], i) => ({ speaker, text, role: role ?? null, quoteId: `q${i}` })),
  };
}

const library = [
  article('https://a.example/harbour', T0, [
    ['Ada Frey', 'The harbour will reopen in May', 'port director'],
    ['Tom Price', 'We were not consulted'],
  ]),
  article('https://b.example/ferries', T0 + DAY, [
    ['Dr. Ada Frey', 'Ferries come back first'],
    ['Ada Frey', 'Cargo follows in June', 'port director'],
  ]),
  article('https://c.example/rain', T0 + 2 * DAY, [['Lena Koch', 'Die Pegel steigen']]),
];

describe('speaker names', () => {
  it('one person whatever the case, accents, spacing or honorific', () => {
    expect(speakerKey('Ada Frey')).toBe('ada frey');
    expect(speakerKey('  ADA   FREY ')).toBe('ada frey');
    expect(speakerKey('Dr. Ada Frey')).toBe('ada frey');
    expect(speakerKey('Mme Ada Frey')).toBe('ada frey');
    expect(speakerKey('José Müller')).toBe(speakerKey('Jose Muller'));
  });

  it('keeps different people apart, and a bare honorific stays a name', () => {
    expect(speakerKey('Ada Frey')).not.toBe(speakerKey('Ida Frey'));
    expect(speakerKey('Dr')).toBe('dr');
  });

  it('gathers one entry per person across articles, most quoted first, with roles and sites', () => {
    const entries = speakerEntries(quoteRows(library, {}));
    expect(entries.map((e) => [e.name, e.quotes, e.articles])).toEqual([
      ['Ada Frey', 3, 2],
      ['Lena Koch', 1, 1],
      ['Tom Price', 1, 1],
    ]);
    expect(entries[0]!.names).toEqual(['Ada Frey', 'Dr. Ada Frey']);
    expect(entries[0]!.roles).toEqual(['port director']);
    expect(entries[0]!.sites.sort()).toEqual(['a.example', 'b.example']);
  });
});

describe('merge and split by hand', () => {
  it('merges one entry into another, and later quotes of the merged name follow', () => {
    const merged = mergeSpeakers(library, {}, 'tom price', 'ada frey');
    expect(speakerEntries(quoteRows(library, merged)).map((e) => [e.key, e.quotes])).toEqual([
      ['ada frey', 4],
      ['lena koch', 1],
    ]);
    expect(entryKeyOf('Tom Price', merged)).toBe('ada frey');
  });

  it('a merge into an entry that is merged again follows it', () => {
    const once = mergeSpeakers(library, {}, 'tom price', 'lena koch');
    const twice = mergeSpeakers(library, once, 'lena koch', 'ada frey');
    expect(speakerEntries(quoteRows(library, twice)).map((e) => e.key)).toEqual(['ada frey']);
  });

  it('splits one written name off into an entry of its own', () => {
    const split = splitSpeaker(library, {}, 'ada frey', 'Dr. Ada Frey');
    const entries = speakerEntries(quoteRows(library, split));
    expect(entries.map((e) => [e.name, e.quotes])).toEqual([
      ['Ada Frey', 2],
      ['Lena Koch', 1], // one quote each: the most recently read first
      ['Dr. Ada Frey', 1],
      ['Tom Price', 1],
    ]);
  });

  it('splitting a merged name gives it back its own entry', () => {
    const merged = mergeSpeakers(library, {}, 'tom price', 'ada frey');
    const split = splitSpeaker(library, merged, 'ada frey', 'Tom Price');
    expect(entryKeyOf('Tom Price', split)).toBe('tom price');
    expect(entryKeyOf('Ada Frey', split)).toBe('ada frey');
  });

  it('a name alone in its entry cannot be split, and merging an entry into itself changes nothing', () => {
    expect(splitSpeaker(library, {}, 'lena koch', 'Lena Koch')).toEqual({});
    expect(mergeSpeakers(library, {}, 'lena koch', 'lena koch')).toEqual({});
  });

  it('deleting a speaker removes their quotes, and an article left empty', () => {
    const { kept, removed } = withoutSpeaker(library, {}, 'ada frey');
    expect(removed).toEqual(['https://b.example/ferries']);
    expect(kept.find((a) => a.url === 'https://a.example/harbour')!.quotes.map((q) => q.speaker)).toEqual([
      'Tom Price',
    ]);
  });
});

describe('validation of what arrives', () => {
  it('repairs a record: whitespace, fragment, missing date, repeated and empty quotes', () => {
    const { value, problems } = validateArticle(
      {
        url: 'https://a.example/x#top',
        title: '  A \n title ',
        quotes: [{ text: 'Yes', speaker: 'Ann' }, { text: 'Yes', speaker: 'Ann' }, { text: '', speaker: 'B' }, 7],
      },
      T0,
    );
    expect(value).toEqual({
      url: 'https://a.example/x',
      title: 'A title',
      site: 'a.example',
      readAt: T0,
      quotes: [{ text: 'Yes', speaker: 'Ann', role: null, quoteId: 'q0' }],
    });
    expect(problems.length).toBe(2);
  });

  it('refuses what is not an article of the web', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings', 42, undefined])
      expect(validateArticle({ url, quotes: [] }).value).toBeNull();
    expect(validateArticle(null).value).toBeNull();
  });

  it('settings: defaults, a bounded limit, clean site names', () => {
    expect(validateSettings(undefined)).toEqual({ paused: false, pausedSites: [], maxArticles: 5000 });
    expect(validateSettings({ maxArticles: -3, pausedSites: ['News.Example ', 'bad host!', 4] })).toEqual({
      paused: false,
      pausedSites: ['news.example'],
      maxArticles: 1,
    });
  });

  it('pausing: globally, and per site including its subdomains', () => {
    const s = validateSettings({ pausedSites: ['a.example'] });
    expect(mayKeep(s, 'https://a.example/x')).toBe(false);
    expect(mayKeep(s, 'https://www.a.example/x')).toBe(false);
    expect(mayKeep(s, 'https://ba.example/x')).toBe(true);
    expect(mayKeep({ ...s, paused: true }, 'https://b.example/')).toBe(false);
  });

  it('a change from the page is shape-checked', () => {
    expect(validateChange({ kind: 'deleteArticle', url: 'https://a.example/' })).toEqual({
      kind: 'deleteArticle',
      url: 'https://a.example/',
    });
    expect(() => validateChange({ kind: 'deleteArticle' })).toThrow(/bad url/);
    expect(() => validateChange({ kind: 'drop tables' })).toThrow(/unknown/);
    expect(() => validateChange('deleteAll')).toThrow();
  });

  it('a report becomes a record of its attributed quotes, with roles; a non-article none', () => {
    const report = {
      url: 'https://a.example/story',
      title: 'Story',
      site: 'a.example',
      isArticle: true,
      quotes: [
        { id: 'q0', text: 'We start today', speaker: 'Ada Frey' },
        { id: 'q1', text: 'nobody knows', speaker: null },
      ],
      speakers: [{ name: 'Ada Frey', role: 'port director' }],
    } as unknown as PageReport;
    expect(recordFromReport(report, T0)!.quotes).toEqual([
      { text: 'We start today', speaker: 'Ada Frey', role: 'port director', quoteId: 'q0' },
    ]);
    expect(recordFromReport({ ...report, isArticle: false }, T0)).toBeNull();
    expect(recordFromReport({ ...report, quotes: [report.quotes[1]!] }, T0)).toBeNull();
  });
});

describe('search and filters', () => {
  const index = buildIndex(quoteRows(library, {}));
  it('finds a word of a quote, ignoring case and accents, newest first', () => {
    expect(searchQuotes(index, { query: 'HARBOUR' }).map((r) => r.text)).toEqual(['The harbour will reopen in May']);
    expect(searchQuotes(index, { query: 'pegel' }).length).toBe(1);
    expect(searchQuotes(index, { query: 'ada' }).map((r) => r.url)).toEqual([
      'https://b.example/ferries',
      'https://b.example/ferries',
      'https://a.example/harbour',
    ]);
  });
  it('all words must match; speakers and roles are searched too', () => {
    expect(searchQuotes(index, { query: 'cargo june' }).length).toBe(1);
    expect(searchQuotes(index, { query: 'cargo may' }).length).toBe(0);
    expect(searchQuotes(index, { query: 'director' }).length).toBe(2);
  });
  it('filters by site and by read date', () => {
    expect(searchQuotes(index, { site: 'a.example' }).length).toBe(2);
    expect(searchQuotes(index, { from: T0 + DAY }).length).toBe(3);
    expect(searchQuotes(index, { from: T0 + DAY, to: T0 + 2 * DAY }).length).toBe(2);
  });
});

describe('export and import', () => {
  it('JSON round trip: importing an export adds nothing twice', () => {
    const json = exportJson(library, { 'tom price': 'ada frey' }, new Date(T0));
    const parsed = parseImport(json);
    expect(parsed.problems).toEqual([]);
    expect(parsed.overrides).toEqual({ 'tom price': 'ada frey' });
    const once = mergeArticles(library, parsed.articles);
    expect(once).toMatchObject({ added: 0, updated: 0 });
    expect(once.articles.length).toBe(3);
    const into = mergeArticles([library[0]!], parsed.articles);
    expect(into).toMatchObject({ added: 2, updated: 0 });
    expect(mergeArticles(into.articles, parsed.articles).added).toBe(0);
  });

  it('an import keeps the newer read of the same URL', () => {
    const newer = { ...library[0]!, readAt: T0 + 10 * DAY, title: 'Updated' };
    const { articles, updated } = mergeArticles(library, [newer]);
    expect(updated).toBe(1);
    expect(articles.find((a) => a.url === newer.url)!.title).toBe('Updated');
  });

  it('refuses a file that is not our export, or from a newer version', () => {
    expect(() => parseImport('not json')).toThrow(/not JSON/);
    expect(() => parseImport({ articles: [] })).toThrow(/not a Quotelens/);
    expect(() => parseImport({ format: EXPORT_FORMAT, version: 99, articles: [] })).toThrow(/newer/);
  });

  it('an imported article is validated like any other', () => {
    const parsed = parseImport({
      format: EXPORT_FORMAT,
      version: 1,
      articles: [{ url: 'javascript:x', quotes: [] }, library[2]],
    });
    expect(parsed.articles.map((a) => a.url)).toEqual(['https://c.example/rain']);
    expect(parsed.problems.length).toBe(1);
  });

  it('CSV: one row per quote, quoted fields, formulas defused', () => {
    const tricky = article('https://d.example/', T0, [['Eve, Jr.', '=HYPERLINK("x") and "more"']]);
    const csv = exportCsv([tricky], {});
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('speaker,role,quote,title,site,url,read,published');
    expect(lines[1]).toContain('"Eve, Jr."');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") and ""more"""`);
    expect(exportCsv(library, {}).trim().split('\r\n').length).toBe(1 + 5);
  });

  it('Markdown: a section per speaker, markup of the page escaped', () => {
    const md = exportMarkdown(
      [article('https://d.example/', T0, [['Eve', 'See [this](javascript:x) *now*']])],
      {},
      'Lib',
    );
    expect(md).toContain('## Eve');
    expect(md).toContain('“See \\[this\\](javascript:x) \\*now\\*”');
    expect(md).toContain('](<https://d.example/>)');
  });
});

describe('links back to the quote', () => {
  it('a text fragment of the quote, its directive separators escaped', () => {
    expect(quoteLink('https://a.example/x#old', 'Yes - and no, really')).toBe(
      'https://a.example/x#:~:text=Yes%20%2D%20and%20no%2C%20really',
    );
    const long = quoteLink('https://a.example/x', 'one two three four five six seven eight nine ten eleven twelve');
    expect(long).toBe(
      'https://a.example/x#:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve',
    );
  });
});
