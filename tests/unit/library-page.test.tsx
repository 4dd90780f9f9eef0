// The library page over a connector held in memory: lists, speaker page, search, text as text,
// the virtualised list, and that each control sends the change it names.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryConnector } from '../../src/library/connector';
import { parseImport } from '../../src/library/export';
import { Library } from '../../src/library/Library';
import { DEFAULT_LIBRARY_SETTINGS } from '../../src/library/model';
import type { ArticleRecord, LibraryChange, LibrarySnapshot } from '../../src/library/types';

const T0 = Date.UTC(2026, 10, 1);

function article(url: string, readAt: number, quotes: [string, string][]): ArticleRecord {
  return {
    url,
    title: `About ${new URL(url).pathname.slice(1)}`,
    site: new URL(url).hostname,
    readAt,
    quotes: quotes.map(([speaker, text], i) => ({ speaker, text, role: 'mayor', quoteId: `q${i}` })),
  };
}

function snapshotOf(articles: ArticleRecord[]): LibrarySnapshot {
  return { articles, overrides: {}, settings: { ...DEFAULT_LIBRARY_SETTINGS, pausedSites: [] }, problems: [] };
}

function memory(snapshot: LibrarySnapshot) {
  const changes: LibraryChange[] = [];
  const downloads: { name: string; text: string }[] = [];
  const opened: string[] = [];
  const connector: LibraryConnector = {
    load: async () => snapshot,
    change: async (c) => {
      changes.push(c);
      return snapshot;
    },
    openQuote: async (row, href) => {
      opened.push(href);
      return row.text.startsWith('Gone') ? 'missing' : 'found';
    },
    download: (name, _mime, text) => downloads.push({ name, text }),
  };
  return { connector, changes, downloads, opened };
}

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
  location.hash = '';
});

async function mount(snapshot: LibrarySnapshot) {
  const m = memory(snapshot);
  host = document.createElement('div');
  document.body.appendChild(host);
  await act(async () => {
    render(<Library connector={m.connector} />, host);
  });
  await act(async () => {});
  return m;
}

async function type(selector: string, value: string) {
  const input = host.querySelector<HTMLInputElement>(selector)!;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const three = snapshotOf([
  article('https://a.example/bridge', T0, [
    ['Ana Ortiz', 'The bridge opens in spring'],
    ['Ben Cole', 'Nobody asked us'],
  ]),
  article('https://b.example/budget', T0 + 86_400_000, [['ana ortiz', 'The budget holds']]),
  article('https://c.example/rain', T0 + 2 * 86_400_000, [['Lena Koch', 'Gone with the rain']]),
]);

describe('library page', () => {
  it('lists speakers most quoted first, one entry across articles, with role and sites', async () => {
    await mount(three);
    const rows = [...host.querySelectorAll('button.speaker')];
    expect(rows.map((r) => r.querySelector('.name')?.textContent)).toEqual(['Ana Ortiz', 'Lena Koch', 'Ben Cole']);
    expect(rows[0]!.querySelector('.n')?.textContent).toBe('2 quotes');
    expect(rows[0]!.querySelector('.meta')?.textContent).toContain('mayor');
    expect(rows[0]!.querySelector('.meta')?.textContent).toContain('a.example');
    expect(host.querySelector('.count')?.textContent).toBe('3 articles · 4 quotes · 3 speakers');
  });

  it("a speaker's page has their quotes from both articles, newest first, each linking back", async () => {
    const m = await mount(three);
    await act(async () => host.querySelector<HTMLButtonElement>('[data-speaker-key="ana ortiz"]')!.click());
    const texts = [...host.querySelectorAll('.quote-row .text')].map((p) => p.textContent);
    expect(texts).toEqual(['“The budget holds”', '“The bridge opens in spring”']);
    const link = host.querySelector<HTMLAnchorElement>('.quote-row a.open')!;
    expect(link.getAttribute('href')).toBe('https://b.example/budget#:~:text=The%20budget%20holds');
    await act(async () => link.click());
    await act(async () => {});
    expect(m.opened).toEqual(['https://b.example/budget#:~:text=The%20budget%20holds']);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Opened the article at the quote.');
  });

  it('search finds a word of one quote; the site filter narrows the speakers', async () => {
    await mount(three);
    await type('input[type="search"]', 'SPRING');
    expect([...host.querySelectorAll('.quote-row .text')].map((p) => p.textContent)).toEqual([
      '“The bridge opens in spring”',
    ]);
    await type('input[type="search"]', '');
    const select = host.querySelector<HTMLSelectElement>('.filters select')!;
    await act(async () => {
      select.value = 'c.example';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect([...host.querySelectorAll('button.speaker .name')].map((n) => n.textContent)).toEqual(['Lena Koch']);
  });

  it('page text is shown as text: markup in a quote, speaker or title stays literal', async () => {
    const evil = '<img src=x onerror="alert(1)">';
    await mount(snapshotOf([{ ...article('https://a.example/x', T0, [[evil, evil]]), title: evil }]));
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('button.speaker .name')?.textContent).toBe(evil);
    await act(async () => host.querySelector<HTMLButtonElement>('button.speaker')!.click());
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('.quote-row a.open')?.textContent).toBe(evil);
  });

  it('10,000 quotes: the list renders a window of rows, not all of them', async () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      article(
        `https://n${i % 7}.example/s${i}`,
        T0 + i,
        Array.from({ length: 5 }, (_, j) => [`Person ${j}`, `Words ${i}-${j}`] as [string, string]),
      ),
    );
    await mount(snapshotOf(many));
    await type('input[type="search"]', 'words');
    const list = host.querySelector('.vlist ul')!;
    expect(list.getAttribute('data-rows')).toBe('10000');
    const rendered = list.querySelectorAll('li').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(40);
    expect(list.querySelector('li')!.getAttribute('aria-setsize')).toBe('10000');
  });

  it('merge, split, delete and settings send their changes', async () => {
    const m = await mount(
      snapshotOf([
        article('https://a.example/x', T0, [
          ['Ana Ortiz', 'One'],
          ['Dr. Ana Ortiz', 'Two'],
          ['Ben Cole', 'Three'],
        ]),
      ]),
    );
    await act(async () => host.querySelector<HTMLButtonElement>('[data-speaker-key="ana ortiz"]')!.click());
    const split = [...host.querySelectorAll<HTMLButtonElement>('.names button')];
    expect(split).toHaveLength(2);
    await act(async () => split[1]!.click());
    const select = host.querySelector<HTMLSelectElement>('.actions select')!;
    await act(async () => {
      select.value = 'ben cole';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const merge = [...host.querySelectorAll<HTMLButtonElement>('.actions button')].find(
      (b) => b.textContent === 'Merge',
    )!;
    await act(async () => merge.click());
    const del = host.querySelector<HTMLButtonElement>('.quote-row .delete')!;
    await act(async () => del.click());
    const keep = host.querySelector<HTMLInputElement>('.controls input[role="switch"]')!;
    await act(async () => keep.click());
    expect(m.changes).toEqual([
      { kind: 'split', key: 'ana ortiz', name: 'Dr. Ana Ortiz' },
      { kind: 'merge', from: 'ana ortiz', into: 'ben cole' },
      { kind: 'deleteArticle', url: 'https://a.example/x' },
      { kind: 'settings', settings: { paused: true, pausedSites: [], maxArticles: 5000 } },
    ]);
  });

  it('"Delete everything" asks once more before it sends', async () => {
    const m = await mount(three);
    const button = [...host.querySelectorAll<HTMLButtonElement>('.controls button')].find(
      (b) => b.textContent === 'Delete everything',
    )!;
    await act(async () => button.click());
    expect(m.changes).toEqual([]);
    expect(button.textContent).toBe('Click again to delete');
    await act(async () => button.click());
    expect(m.changes).toEqual([{ kind: 'deleteAll' }]);
  });

  it('exports JSON that imports back to the same articles, and CSV and Markdown', async () => {
    const m = await mount(three);
    for (const kind of ['json', 'csv', 'md'])
      await act(async () => host.querySelector<HTMLButtonElement>(`[data-export="${kind}"]`)!.click());
    expect(m.downloads.map((d) => d.name.replace(/\d{4}-\d\d-\d\d/, 'DATE'))).toEqual([
      'quotelens-library-DATE.json',
      'quotelens-library-DATE.csv',
      'quotelens-library-DATE.md',
    ]);
    expect(
      parseImport(m.downloads[0]!.text)
        .articles.map((a) => a.url)
        .sort(),
    ).toEqual(three.articles.map((a) => a.url).sort());
  });
});
