// The IndexedDB store on fake-indexeddb: keeping, the same URL again, limits, pausing, deleting,
// import without duplicates, and the two ways a database goes wrong: an old version (migrated) and
// corrupt entries (repaired, or set aside and reported, never dropped silently).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../src/library/export';
import { DB_NAME, DB_VERSION, LibraryStore } from '../../src/library/store';
import type { ArticleRecord } from '../../src/library/types';

const T0 = Date.UTC(2026, 10, 1);

function article(n: number, speaker = 'Ada Frey', site = 'news.example'): ArticleRecord {
  return {
    url: `https://${site}/story-${n}`,
    title: `Story ${n}`,
    site,
    readAt: T0 + n * 1000,
    quotes: [{ text: `Sentence number ${n} of ours`, speaker, role: null, quoteId: 'q0' }],
  };
}

let store: LibraryStore;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory(); // a fresh, empty browser profile per test
  store = await LibraryStore.open();
});
afterEach(() => store.close());

describe('keeping', () => {
  it('keeps an article, and the same URL read again replaces its entry', async () => {
    expect(await store.keep(article(1))).toBe(true);
    const again = { ...article(1), title: 'Story 1, updated', readAt: T0 + 99_000 };
    expect(await store.keep({ ...again, url: `${again.url}#comments` })).toBe(true);
    const { articles } = await store.snapshot();
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ url: 'https://news.example/story-1', title: 'Story 1, updated' });
  });

  it('keeps nothing without an attributed quote, or from a page that is not http(s)', async () => {
    expect(await store.keep({ ...article(1), quotes: [] })).toBe(false);
    expect(await store.keep({ ...article(2), url: 'file:///home/me/page.html' })).toBe(false);
    expect((await store.snapshot()).articles).toHaveLength(0);
  });

  it('pausing, globally and per site, keeps nothing', async () => {
    await store.apply({ kind: 'settings', settings: { paused: true, pausedSites: [], maxArticles: 10 } });
    expect(await store.keep(article(1))).toBe(false);
    await store.apply({
      kind: 'settings',
      settings: { paused: false, pausedSites: ['news.example'], maxArticles: 10 },
    });
    expect(await store.keep(article(2))).toBe(false);
    expect(await store.keep(article(3, 'Ada Frey', 'other.example'))).toBe(true);
    expect((await store.snapshot()).articles.map((a) => a.site)).toEqual(['other.example']);
  });

  it('stays within the limit: the oldest read is dropped first', async () => {
    await store.apply({ kind: 'settings', settings: { paused: false, pausedSites: [], maxArticles: 3 } });
    for (const n of [5, 1, 4, 2, 3]) await store.keep(article(n));
    const urls = (await store.snapshot()).articles.map((a) => a.url).sort();
    expect(urls).toEqual([
      'https://news.example/story-3',
      'https://news.example/story-4',
      'https://news.example/story-5',
    ]);
  });

  it('lowering the limit drops the oldest at once; the default is 5,000', async () => {
    expect((await store.settings()).maxArticles).toBe(5000);
    for (let n = 1; n <= 6; n++) await store.keep(article(n));
    await store.apply({ kind: 'settings', settings: { paused: false, pausedSites: [], maxArticles: 2 } });
    expect((await store.snapshot()).articles.map((a) => a.url).sort()).toEqual([
      'https://news.example/story-5',
      'https://news.example/story-6',
    ]);
  });
});

describe('the snapshot', () => {
  it('is read again after every write', async () => {
    await store.keep(article(1));
    expect((await store.snapshot()).articles).toHaveLength(1);
    await store.keep(article(2));
    expect((await store.snapshot()).articles).toHaveLength(2);
    await store.apply({ kind: 'deleteArticle', url: article(1).url });
    expect((await store.snapshot()).articles.map((a) => a.url)).toEqual([article(2).url]);
    await expect(store.apply({ kind: 'import', data: 'nonsense' })).rejects.toThrow();
    expect((await store.snapshot()).articles).toHaveLength(1);
  });
});

describe('a reader in another context (the library page)', () => {
  it('sees what the background keeps, without a cache of its own', async () => {
    const page = await LibraryStore.open(undefined, { cache: false });
    try {
      expect((await page.snapshot()).articles).toHaveLength(0);
      await store.keep(article(1));
      expect((await page.snapshot()).articles).toHaveLength(1);
    } finally {
      page.close();
    }
  });
});

describe('changes from the library page', () => {
  beforeEach(async () => {
    await store.keep(article(1, 'Ada Frey'));
    await store.keep(article(2, 'Tom Price'));
    await store.keep(article(3, 'Ada Frey'));
  });

  it('deletes one article, one speaker, or everything', async () => {
    await store.apply({ kind: 'deleteArticle', url: 'https://news.example/story-1' });
    expect((await store.snapshot()).articles).toHaveLength(2);
    await store.apply({ kind: 'deleteSpeaker', key: 'ada frey' });
    expect((await store.snapshot()).articles.map((a) => a.quotes[0]!.speaker)).toEqual(['Tom Price']);
    await store.apply({ kind: 'deleteAll' });
    expect((await store.snapshot()).articles).toHaveLength(0);
  });

  it('a merge and a split are kept', async () => {
    await store.apply({ kind: 'merge', from: 'tom price', into: 'ada frey' });
    expect((await store.snapshot()).overrides).toEqual({ 'tom price': 'ada frey' });
    await store.apply({ kind: 'split', key: 'ada frey', name: 'Tom Price' });
    expect((await store.snapshot()).overrides).toMatchObject({ '=Tom Price': 'tom price' });
  });

  it('import merges, and importing the same export twice adds nothing', async () => {
    const before = await store.snapshot();
    const exported = exportJson([...before.articles, article(7, 'Lena Koch')], { 'lena koch': 'ada frey' }, new Date());
    await store.apply({ kind: 'import', data: exported });
    const once = await store.snapshot();
    expect(once.articles).toHaveLength(4);
    expect(once.overrides).toEqual({ 'lena koch': 'ada frey' });
    await store.apply({ kind: 'import', data: exported });
    expect((await store.snapshot()).articles).toHaveLength(4);
  });

  it('a file that is not an export is refused and changes nothing', async () => {
    await expect(store.apply({ kind: 'import', data: '{"hello": 1}' })).rejects.toThrow(/not a Quotelens/);
    expect((await store.snapshot()).articles).toHaveLength(3);
  });
});

describe('an old or damaged database', () => {
  it('migrates a version-1 database: every article kept, in the current shape', async () => {
    store.close();
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'url' });
      },
    });
    await v1.put('articles', {
      url: 'https://news.example/old',
      title: 'Old story',
      site: 'news.example',
      read: '2026-10-01T08:00:00Z',
      quotes: [{ text: 'We kept this one', speaker: 'Ada Frey' }],
    });
    await v1.put('articles', { url: 'https://news.example/broken', quotes: 'not a list' });
    v1.close();

    store = await LibraryStore.open();
    const { articles, problems } = await store.snapshot();
    expect(articles).toEqual([
      {
        url: 'https://news.example/old',
        title: 'Old story',
        site: 'news.example',
        readAt: Date.parse('2026-10-01T08:00:00Z'),
        quotes: [{ text: 'We kept this one', speaker: 'Ada Frey', role: null, quoteId: 'q0' }],
      },
    ]);
    // The entry with nothing usable is set aside and reported, not silently dropped.
    expect(problems.join('\n')).toMatch(/migrated from version 1/);
    expect(problems.join('\n')).toMatch(/1 unreadable entries are set aside/);
    const raw = await openDB(DB_NAME, DB_VERSION);
    expect(await raw.count('quarantine')).toBe(1);
    expect(raw.objectStoreNames.contains('meta')).toBe(true);
    raw.close();
  });

  it('repairs corrupt entries in place, and sets aside what cannot be read, with a note for each', async () => {
    await store.keep(article(1));
    store.close();
    const raw = await openDB(DB_NAME, DB_VERSION);
    await raw.put('articles', { ...article(2), readAt: 'yesterday?', quotes: [...article(2).quotes, { text: 5 }] });
    await raw.put('articles', { url: 'https://news.example/empty', quotes: [] });
    await raw.put('articles', { url: 'https://news.example/bare', quotes: article(3).quotes });
    await raw.put('meta', 'not settings', 'settings');
    raw.close();

    store = await LibraryStore.open();
    const first = await store.snapshot();
    expect(first.articles.map((a) => a.url).sort()).toEqual([
      'https://news.example/bare',
      'https://news.example/story-1',
      'https://news.example/story-2',
    ]);
    expect(first.articles.find((a) => a.url.endsWith('story-2'))!.quotes).toHaveLength(1);
    expect(first.settings.maxArticles).toBe(5000);
    expect(first.problems.some((p) => p.startsWith('repaired:'))).toBe(true);
    expect(first.problems.some((p) => p.includes('set aside'))).toBe(true);
    // Repaired once, for good: read afresh, the database has nothing new to repair.
    store.close();
    store = await LibraryStore.open();
    const second = await store.snapshot();
    expect(second.articles).toEqual(first.articles);
    expect(second.problems).toEqual(first.problems);
  });

  it('a database written by a newer version is read as it is, with a note', async () => {
    store.close();
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    await newer.put('articles', article(1));
    newer.close();
    store = await LibraryStore.open();
    const { articles, problems } = await store.snapshot();
    expect(articles).toHaveLength(1);
    expect(problems[0]).toMatch(/newer Quotelens/);
  });
});
