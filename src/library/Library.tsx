// The library page: speakers across everything read (most quoted first), a speaker's quotes
// (newest first, each linking back), search, filters, hand-made merges and splits, and the
// reader's controls over keeping and their data. Page text is rendered as text, never as HTML.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { SiteList } from '../shared/SiteList';
import { Switch } from '../shared/Switch';
import type { LibraryConnector, OpenResult } from './connector';
import { exportCsv, exportJson, exportMarkdown } from './export';
import { quoteLink } from './links';
import { MAX_MAX_ARTICLES, MIN_MAX_ARTICLES, quoteRows, speakerEntries } from './model';
import { buildIndex, type QuoteFilter, searchQuotes } from './search';
import type { LibraryChange, LibrarySnapshot, QuoteRow, SpeakerEntry } from './types';
import { VirtualList } from './VirtualList';

/** Row heights of the two virtualised lists, in px (CSS clamps each row to fit). */
export const SPEAKER_ROW_PX = 64;
export const QUOTE_ROW_PX = 96;
const DAY_MS = 86_400_000;
const HOST_RE = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/;

type View = { kind: 'speakers' } | { kind: 'speaker'; key: string };

/** Site and dates the reader filters by, as the inputs hold them. */
interface Filters {
  query: string;
  site: string;
  from: string;
  to: string;
}

function toFilter(f: Filters): QuoteFilter {
  const filter: QuoteFilter = { query: f.query };
  if (f.site) filter.site = f.site;
  if (f.from) filter.from = Date.parse(`${f.from}T00:00:00`);
  if (f.to) filter.to = Date.parse(`${f.to}T00:00:00`) + DAY_MS;
  return filter;
}

// Counts in words; the extension i18n API has no plural rules, so "one" has its own message.
const articlesText = (n: number) => (n === 1 ? t('libArticleOne') : t('libArticles', n));
const quotesText = (n: number) => (n === 1 ? t('quoteCountOne') : t('quoteCount', n));
const speakersText = (n: number) => (n === 1 ? t('libSpeakerCountOne') : t('libSpeakerCount', n));

function day(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function kilobytes(n: number): string {
  return (n / 1024).toLocaleString(undefined, { maximumFractionDigits: n < 10_240 ? 1 : 0 });
}

function viewFromHash(): View {
  const key = new URLSearchParams(location.hash.slice(1)).get('speaker');
  return key ? { kind: 'speaker', key } : { kind: 'speakers' };
}

export function Library({ connector }: { connector: LibraryConnector }) {
  const [snapshot, setSnapshot] = useState<LibrarySnapshot | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [view, setView] = useState<View>(() =>
    typeof location === 'undefined' ? { kind: 'speakers' } : viewFromHash(),
  );
  const [filters, setFilters] = useState<Filters>({ query: '', site: '', from: '', to: '' });

  useEffect(() => {
    connector.load().then(
      (s) => {
        setSnapshot(s);
        performance.mark('quotelens-library:loaded');
      },
      (err: Error) => setError(err.message),
    );
    const onHash = () => setView(viewFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [connector]);

  const change = (c: LibraryChange, done?: (s: LibrarySnapshot) => string) =>
    connector.change(c).then(
      (s) => {
        setSnapshot(s);
        setStatus(done ? done(s) : t('libSaved'));
      },
      (err: Error) => setStatus(t('libError', err.message)),
    );

  const rows = useMemo(() => (snapshot ? quoteRows(snapshot.articles, snapshot.overrides) : []), [snapshot]);
  const index = useMemo(() => buildIndex(rows), [rows]);
  const allEntries = useMemo(() => speakerEntries(rows), [rows]);
  const filter = toFilter(filters);
  const narrowed = filters.site !== '' || filters.from !== '' || filters.to !== '';
  const inRange = useMemo(
    () => (narrowed ? searchQuotes(index, { ...filter, query: '' }) : rows),
    [index, rows, narrowed, filter.site, filter.from, filter.to],
  );
  const entries = useMemo(() => (narrowed ? speakerEntries(inRange) : allEntries), [inRange, allEntries, narrowed]);
  const searching = filters.query.trim() !== '';
  const results = useMemo(() => {
    if (!searching) return [];
    const start = performance.now();
    const found = searchQuotes(index, filter);
    performance.measure('quotelens-library:search', { start, end: performance.now() });
    return found;
  }, [index, searching, filters]);
  const sites = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.site, (counts.get(r.site) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  }, [rows]);

  const go = (next: View) => {
    location.hash = next.kind === 'speaker' ? `speaker=${encodeURIComponent(next.key)}` : '';
    setView(next);
  };

  if (error || !snapshot)
    return (
      <main class="library">
        <h1>{t('libTitle')}</h1>
        {error ? (
          <p role="alert">{t('libError', error)}</p>
        ) : (
          <p class="muted" aria-live="polite">
            {t('libLoading')}
          </p>
        )}
      </main>
    );

  const entry = view.kind === 'speaker' ? allEntries.find((e) => e.key === view.key) : undefined;
  const open = (row: QuoteRow, href: string) =>
    connector.openQuote(row, href).then(
      (r: OpenResult) =>
        setStatus(t(r === 'found' ? 'libOpenFound' : r === 'missing' ? 'libOpenMissing' : 'libOpened')),
      (err: Error) => setStatus(t('libError', err.message)),
    );
  const deleteArticle = (url: string) => change({ kind: 'deleteArticle', url }, () => t('libDeletedArticle'));

  return (
    <main class="library" data-library-quotes={rows.length}>
      <header class="bar">
        <h1>
          <span class="logo" aria-hidden="true">
            ❝
          </span>{' '}
          {t('libTitle')}
        </h1>
        <p class="muted count" data-library-count={snapshot.articles.length}>
          {[articlesText(snapshot.articles.length), quotesText(rows.length), speakersText(allEntries.length)].join(
            ' · ',
          )}
        </p>
      </header>
      <section class="filters" aria-label={t('libFilters')}>
        <input
          type="search"
          class="search"
          aria-label={t('libSearch')}
          placeholder={t('libSearch')}
          value={filters.query}
          onInput={(e) => setFilters({ ...filters, query: e.currentTarget.value })}
        />
        <label>
          <span>{t('libSite')}</span>
          <select value={filters.site} onChange={(e) => setFilters({ ...filters, site: e.currentTarget.value })}>
            <option value="">{t('libAllSites')}</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('libFrom')}</span>
          <input
            type="date"
            value={filters.from}
            onInput={(e) => setFilters({ ...filters, from: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t('libTo')}</span>
          <input
            type="date"
            value={filters.to}
            onInput={(e) => setFilters({ ...filters, to: e.currentTarget.value })}
          />
        </label>
      </section>
      <p class="status" role="status">
        {status}
      </p>
      {snapshot.articles.length === 0 ? <p class="muted empty">{t('libEmpty')}</p> : null}
      {searching ? (
        <Quotes
          heading={t('libResults', results.length)}
          rows={results}
          onOpen={open}
          onDelete={deleteArticle}
          showSpeaker
          onSpeaker={(key) => go({ kind: 'speaker', key })}
        />
      ) : view.kind === 'speaker' && entry ? (
        <SpeakerPage
          entry={entry}
          entries={allEntries}
          rows={searchQuotes(index, { ...filter, speakerKey: entry.key })}
          onBack={() => go({ kind: 'speakers' })}
          onOpen={open}
          onDelete={deleteArticle}
          change={change}
          go={go}
        />
      ) : (
        <Speakers entries={entries} onPick={(key) => go({ kind: 'speaker', key })} />
      )}
      <Controls snapshot={snapshot} connector={connector} change={change} rows={rows.length} />
    </main>
  );
}

function Speakers({ entries, onPick }: { entries: SpeakerEntry[]; onPick: (key: string) => void }) {
  useEffect(() => {
    performance.mark('quotelens-library:rendered');
  }, [entries]);
  return (
    <section class="list" aria-labelledby="speakers-h">
      <h2 id="speakers-h">{t('libSpeakers', entries.length)}</h2>
      <VirtualList items={entries} rowHeight={SPEAKER_ROW_PX} label={t('libSpeakersList')} itemKey={(e) => e.key}>
        {(e) => (
          <button type="button" class="speaker" data-speaker-key={e.key} onClick={() => onPick(e.key)}>
            <span class="name">{e.name}</span>
            <span class="n">{quotesText(e.quotes)}</span>
            <span class="meta">
              {[e.roles[0], e.sites.slice(0, 3).join(', ')].filter(Boolean).join(' · ')}
              {e.articles > 1 ? ` · ${articlesText(e.articles)}` : ''}
            </span>
          </button>
        )}
      </VirtualList>
    </section>
  );
}

interface QuotesProps {
  heading: string;
  rows: QuoteRow[];
  onOpen: (row: QuoteRow, href: string) => void;
  onDelete: (url: string) => void;
  showSpeaker?: boolean;
  onSpeaker?: (key: string) => void;
}

function Quotes({ heading, rows, onOpen, onDelete, showSpeaker, onSpeaker }: QuotesProps) {
  useEffect(() => {
    performance.mark('quotelens-library:rendered');
  }, [rows]);
  return (
    <section class="list" aria-labelledby="quotes-h">
      <h2 id="quotes-h">{heading}</h2>
      <VirtualList items={rows} rowHeight={QUOTE_ROW_PX} label={heading} itemKey={(r) => r.id}>
        {(r) => {
          const href = quoteLink(r.url, r.text);
          return (
            <article class="quote-row" data-quote-url={r.url}>
              <p class="text">“{r.text}”</p>
              <p class="meta">
                {showSpeaker && onSpeaker ? (
                  <button type="button" class="link" onClick={() => onSpeaker(r.speakerKey)}>
                    {r.speaker}
                  </button>
                ) : null}
                {showSpeaker ? ' · ' : null}
                <a
                  href={href}
                  target="_blank"
                  rel="noreferrer"
                  class="open"
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(r, href);
                  }}
                >
                  {r.title}
                </a>
                {` · ${r.site} · ${day(r.readAt)}`}
                <button
                  type="button"
                  class="delete"
                  aria-label={t('libDeleteArticle', r.title)}
                  title={t('libDeleteArticle', r.title)}
                  onClick={() => onDelete(r.url)}
                >
                  ×
                </button>
              </p>
            </article>
          );
        }}
      </VirtualList>
    </section>
  );
}

interface SpeakerPageProps {
  entry: SpeakerEntry;
  entries: SpeakerEntry[];
  rows: QuoteRow[];
  onBack: () => void;
  onOpen: (row: QuoteRow, href: string) => void;
  onDelete: (url: string) => void;
  change: (c: LibraryChange, done?: (s: LibrarySnapshot) => string) => Promise<void>;
  go: (v: View) => void;
}

function SpeakerPage({ entry, entries, rows, onBack, onOpen, onDelete, change, go }: SpeakerPageProps) {
  const [into, setInto] = useState('');
  const others = entries.filter((e) => e.key !== entry.key);
  return (
    <section class="speaker-page" data-speaker-page={entry.key}>
      <button type="button" class="secondary" onClick={onBack}>
        ← {t('libBack')}
      </button>
      <h2 class="who">{entry.name}</h2>
      <p class="muted">
        {[entry.roles.join(', '), entry.sites.join(', '), articlesText(entry.articles)].filter(Boolean).join(' · ')}
      </p>
      {entry.names.length > 1 ? (
        <ul class="names" aria-label={t('libNames')}>
          {entry.names.map((name) => (
            <li key={name}>
              <span>{name}</span>
              <button
                type="button"
                class="secondary"
                onClick={() => change({ kind: 'split', key: entry.key, name }, () => t('libSplitDone', name))}
              >
                {t('libSplit')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="actions">
        <label>
          <span>{t('libMergeInto')}</span>
          <select value={into} onChange={(e) => setInto(e.currentTarget.value)}>
            <option value="">—</option>
            {others.map((e) => (
              <option key={e.key} value={e.key}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="secondary"
          disabled={into === ''}
          onClick={() =>
            change({ kind: 'merge', from: entry.key, into }, () => t('libMerged')).then(() =>
              go({ kind: 'speaker', key: into }),
            )
          }
        >
          {t('libMerge')}
        </button>
        <Confirm
          label={t('libDeleteSpeaker')}
          onConfirm={() => change({ kind: 'deleteSpeaker', key: entry.key }, () => t('libDeleted')).then(onBack)}
        />
      </div>
      <Quotes heading={t('libQuotesOf', rows.length)} rows={rows} onOpen={onOpen} onDelete={onDelete} />
    </section>
  );
}

/** A destructive button that asks once more ("Click again to confirm") instead of a modal dialog. */
function Confirm({ label, onConfirm }: { label: string; onConfirm: () => void }) {
  const [armed, setArmed] = useState(false);
  return (
    <button
      type="button"
      class={`secondary danger${armed ? ' armed' : ''}`}
      onClick={() => {
        setArmed(!armed);
        if (armed) onConfirm();
      }}
      onBlur={() => setArmed(false)}
    >
      {armed ? t('libConfirm') : label}
    </button>
  );
}

interface ControlsProps {
  snapshot: LibrarySnapshot;
  connector: LibraryConnector;
  change: (c: LibraryChange, done?: (s: LibrarySnapshot) => string) => Promise<void>;
  rows: number;
}

function Controls({ snapshot, connector, change, rows }: ControlsProps) {
  const { settings, articles, overrides } = snapshot;
  const [limit, setLimit] = useState(String(settings.maxArticles));
  const bytes = useMemo(() => new TextEncoder().encode(JSON.stringify(articles)).length, [articles]);
  const stamp = new Date().toISOString().slice(0, 10);
  const saveSettings = (next: typeof settings) => change({ kind: 'settings', settings: next });

  const addSite = (host: string): string => {
    if (!HOST_RE.test(host)) return t('optionsInvalidSite');
    void saveSettings({ ...settings, pausedSites: [...settings.pausedSites, host] });
    return '';
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const before = new Set(articles.map((a) => a.url));
    const text = await file.text();
    input.value = '';
    await change({ kind: 'import', data: text }, (s) =>
      t('libImported', s.articles.filter((a) => !before.has(a.url)).length),
    );
  };

  return (
    <section class="controls" aria-labelledby="controls-h">
      <h2 id="controls-h">{t('libControls')}</h2>
      <div class="grid">
        <fieldset>
          <legend>{t('libKeeping')}</legend>
          <Switch
            label={t('libKeep')}
            on={!settings.paused}
            onChange={(on) => void saveSettings({ ...settings, paused: !on })}
          />
          <p class="muted">{t('libPausedSites')}</p>
          <SiteList
            sites={settings.pausedSites}
            addLabel={t('libPauseSite')}
            errorId="paused-site-error"
            onAdd={addSite}
            onRemove={(host) =>
              void saveSettings({ ...settings, pausedSites: settings.pausedSites.filter((h) => h !== host) })
            }
          />
        </fieldset>
        <fieldset>
          <legend>{t('libStorage')}</legend>
          <p data-library-bytes={bytes}>
            {t('libSize', articlesText(articles.length), quotesText(rows), kilobytes(bytes))}
          </p>
          <form
            class="add"
            onSubmit={(e) => {
              e.preventDefault();
              void saveSettings({ ...settings, maxArticles: Number(limit) });
            }}
          >
            <label>
              <span>{t('libLimit')}</span>
              <input
                type="number"
                min={MIN_MAX_ARTICLES}
                max={MAX_MAX_ARTICLES}
                value={limit}
                onInput={(e) => setLimit(e.currentTarget.value)}
              />
            </label>
            <button type="submit" class="secondary">
              {t('libSetLimit')}
            </button>
          </form>
        </fieldset>
        <fieldset>
          <legend>{t('libData')}</legend>
          <div class="buttons">
            <button
              type="button"
              class="secondary"
              data-export="json"
              onClick={() =>
                connector.download(
                  `quotelens-library-${stamp}.json`,
                  'application/json',
                  exportJson(articles, overrides, new Date()),
                )
              }
            >
              {t('libExportJson')}
            </button>
            <button
              type="button"
              class="secondary"
              data-export="csv"
              onClick={() =>
                connector.download(`quotelens-library-${stamp}.csv`, 'text/csv', exportCsv(articles, overrides))
              }
            >
              {t('libExportCsv')}
            </button>
            <button
              type="button"
              class="secondary"
              data-export="md"
              onClick={() =>
                connector.download(
                  `quotelens-library-${stamp}.md`,
                  'text/markdown',
                  exportMarkdown(articles, overrides, t('libTitle')),
                )
              }
            >
              {t('libExportMarkdown')}
            </button>
          </div>
          <label class="import">
            <span>{t('libImport')}</span>
            <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget)} />
          </label>
          <Confirm
            label={t('libDeleteAll')}
            onConfirm={() => void change({ kind: 'deleteAll' }, () => t('libDeleted'))}
          />
        </fieldset>
      </div>
      {snapshot.problems.length > 0 ? (
        <details class="problems">
          <summary>{t('libProblems', snapshot.problems.length)}</summary>
          <ul>
            {snapshot.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
