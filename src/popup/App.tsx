// The toolbar popup: article status, switches, who said what, what was hidden, export.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageKind } from '../core/page-kind';
import type { ClutterKind, PageReport, Quote, Speaker } from '../core/types';
import type { ComfortControls } from '../shared/ComfortControls';
import type { Comfort } from '../shared/comfort';
import { type MessageKey, t } from '../shared/i18n';
import type { PageState, Toggles } from '../shared/messages';
import { colourIndex, SPEAKER_COLOURS, UNATTRIBUTED } from '../shared/palette';
import { Switch } from '../shared/Switch';
import type { PopupConnector, TabView } from './connector';
import { summaryJson, summaryMarkdown } from './export';

/** Quotes shown per speaker before "Show all". */
const QUOTES_COLLAPSED = 3;
/** While the page is still being read: how often, and how many times, the popup asks again. */
const POLL_MS = 250;
const MAX_POLLS = 40;

export function App({ connector, initial }: { connector: PopupConnector; initial?: Promise<TabView> }) {
  const [view, setView] = useState<TabView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (initial ?? connector.load()).then(setView, (err: Error) => setError(err.message));
  }, [connector, initial]);

  // The page may still be reading when the popup opens: ask again shortly, a bounded number of times.
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    if (view?.kind !== 'page' || view.state.status !== 'loading' || polls >= MAX_POLLS) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      connector.load().then(setView, (err: Error) => setError(err.message));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [view, polls, connector]);

  // Reader comfort's controls show in focus mode only: their code and the stored choices are
  // fetched then, once, so the popup's first paint waits for neither.
  const focusOn = view?.kind === 'page' && view.state.status === 'ready' && view.state.toggles.focus;
  const [controls, setControls] = useState<{ Controls: typeof ComfortControls } | null>(null);
  useEffect(() => {
    if (!focusOn || controls) return;
    void Promise.all([import('../shared/ComfortControls'), connector.loadComfort().catch(() => null)]).then(
      ([module, comfort]) => {
        const chosen = comfort ?? { ...module.DEFAULT_COMFORT };
        setView((v) => (v?.kind === 'page' && v.comfort === undefined ? { ...v, comfort: chosen } : v));
        setControls({ Controls: module.ComfortControls });
      },
      (err: Error) => setError(err.message),
    );
  }, [focusOn, controls, connector]);

  const setComfort = useCallback(
    (comfort: Comfort) => {
      setView((v) => (v?.kind === 'page' ? { ...v, comfort } : v));
      connector.setComfort(comfort).then(
        (state) => setView((v) => (v?.kind === 'page' ? { ...v, state } : v)),
        (err: Error) => setError(err.message),
      );
    },
    [connector],
  );

  const update = useCallback((next: Promise<PageState | null>, siteEnabled?: boolean) => {
    next.then(
      (state) =>
        setView((v) => (v?.kind === 'page' && state ? { ...v, state, siteEnabled: siteEnabled ?? v.siteEnabled } : v)),
      (err: Error) => setError(err.message),
    );
  }, []);

  return (
    <main class="popup" data-popup-state={stateName(view, error)}>
      <header class="top">
        <span class="logo" aria-hidden="true">
          ❝
        </span>
        <h1>Quotelens</h1>
        <a class="options" href="../library/index.html" target="_blank" rel="noreferrer">
          {t('libOpenLibrary')}
        </a>
        <a class="options" href="../options/index.html" target="_blank" rel="noreferrer">
          {t('options')}
        </a>
      </header>
      {error ? (
        <p class="empty" role="alert">
          {t('errorState', error)}
        </p>
      ) : (
        <Body view={view} connector={connector} update={update} setComfort={setComfort} Controls={controls?.Controls} />
      )}
    </main>
  );
}

function stateName(view: TabView | null, error: string | null): string {
  if (error) return 'error';
  if (!view) return 'loading';
  if (view.kind !== 'page') return view.kind;
  const { state } = view;
  if (state.status === 'ready' && state.report && state.report.quotes.length === 0) return 'no-quotes';
  return state.status === 'skipped' ? 'not-article' : state.status;
}

interface BodyProps {
  view: TabView | null;
  connector: PopupConnector;
  update: (next: Promise<PageState | null>, siteEnabled?: boolean) => void;
  setComfort: (comfort: Comfort) => void;
  /** Reader comfort's controls, once their module is loaded (focus mode). */
  Controls?: typeof ComfortControls;
}

function Body({ view, connector, update, setComfort, Controls }: BodyProps) {
  if (!view)
    return (
      <p class="empty" aria-live="polite">
        {t('loading')}
      </p>
    );
  if (view.kind === 'restricted') return <p class="empty">{t('restricted')}</p>;
  // Opened before Quotelens was installed, enabled or updated: Chromium cannot bring the tab back
  // without the scripting permission, so the reader reloads it with one click.
  if (view.kind === 'not-analysed')
    return (
      <div class="empty">
        <p>{t('notAnalysed')}</p>
        <button type="button" class="secondary" data-action="reload-tab" onClick={() => void connector.reloadTab()}>
          {t('reloadTab')}
        </button>
      </div>
    );
  const { state, siteEnabled } = view;
  const report = state.report;
  const toggle = (key: keyof Toggles) => (on: boolean) => update(connector.setToggles({ [key]: on }));
  return (
    <>
      <section class="article" aria-label={report?.title ?? state.host}>
        {report?.title ? <h2 class="title">{report.title}</h2> : null}
        <p class="site">
          {state.host}
          {state.status === 'ready' ? <span class="badge">{t('articleRecognised')}</span> : null}
          {state.status === 'ready' && report?.readingMinutes ? (
            <span class="reading-time" data-reading-minutes={report.readingMinutes}>
              {t('readingTime', report.readingMinutes)}
            </span>
          ) : null}
        </p>
      </section>
      <section class="switches">
        <Switch
          label={t('switchSite')}
          on={siteEnabled}
          onChange={(on) => update(connector.setSiteEnabled(state.host, on), on)}
        />
        {state.status === 'ready' ? (
          <>
            <Switch label={t('switchDeclutter')} on={state.toggles.declutter} onChange={toggle('declutter')} />
            <Switch label={t('switchHighlight')} on={state.toggles.highlight} onChange={toggle('highlight')} />
            <Switch label={t('switchFocus')} on={state.toggles.focus} onChange={toggle('focus')} />
          </>
        ) : null}
      </section>
      {state.status === 'ready' && state.toggles.focus ? (
        <section class="comfort-section" aria-labelledby="comfort-h">
          <h2 id="comfort-h">{t('comfortHeading')}</h2>
          {view.comfort && Controls ? (
            <Controls comfort={view.comfort} onChange={setComfort} />
          ) : (
            <p class="empty" aria-live="polite">
              {t('loading')}
            </p>
          )}
        </section>
      ) : null}
      {state.status === 'loading' ? (
        <p class="empty" aria-live="polite">
          {t('loading')}
        </p>
      ) : null}
      {state.status === 'off' ? <p class="empty">{t('siteOff')}</p> : null}
      {state.status === 'skipped' ? (
        <Skipped kind={report?.pageKind} onRun={() => update(connector.runAnyway(state.host))} />
      ) : null}
      {state.status === 'error' ? (
        <p class="empty" role="alert">
          {t('errorState', state.error ?? '')}
        </p>
      ) : null}
      {state.status === 'ready' && report ? (
        <>
          <Speakers report={report} onJump={(id) => void connector.scrollToQuote(id)} />
          <Hidden
            report={report}
            hiddenNow={state.hiddenNow}
            onShow={(show) => update(connector.showHidden(show))}
            onPick={() => update(connector.startPicker().then(closeUnlessTab))}
          />
          <Export report={report} connector={connector} />
        </>
      ) : null}
    </>
  );
}

const KIND_TEXT: Record<PageKind, MessageKey> = {
  article: 'kindOther',
  reference: 'kindReference',
  product: 'kindProduct',
  forum: 'kindForum',
  docs: 'kindDocs',
  search: 'kindSearch',
  listing: 'kindListing',
  app: 'kindApp',
  home: 'kindHome',
  other: 'kindOther',
};

/** Why the page was left alone, and the one click that overrules it for the site. */
function Skipped({ kind, onRun }: { kind: PageKind | undefined; onRun: () => void }) {
  return (
    <div class="skipped">
      <p class="empty">{t('notArticle')}</p>
      <p class="status">{t('notArticleKind', t(KIND_TEXT[kind ?? 'other']))}</p>
      <button type="button" class="run-anyway" data-action="run-anyway" onClick={onRun}>
        {t('runAnyway')}
      </button>
    </div>
  );
}

function Speakers({ report, onJump }: { report: PageReport; onJump: (id: string) => void }) {
  if (report.quotes.length === 0) return <p class="empty">{t('noQuotes')}</p>;
  const unattributed = report.quotes.filter((q) => q.speaker === null && !q.title);
  const numberOf = new Map(report.quotes.map((q, i) => [q.id, i + 1]));
  return (
    <section class="speakers" aria-labelledby="speakers-h">
      <h2 id="speakers-h">{t('speakersHeading')}</h2>
      <ul class="cards">
        {report.speakers.map((s, i) => (
          <SpeakerCard
            key={s.name}
            speaker={s}
            colour={SPEAKER_COLOURS[colourIndex(i)]!.line}
            quotes={report.quotes.filter((q) => q.speaker === s.name)}
            numberOf={numberOf}
            total={report.quotes.length}
            onJump={onJump}
          />
        ))}
        {unattributed.length > 0 ? (
          <SpeakerCard
            speaker={{
              name: t('unattributed'),
              role: null,
              aliases: [],
              quotes: unattributed.length,
              quoteIds: [],
              type: 'descriptive',
            }}
            colour={UNATTRIBUTED.line}
            quotes={unattributed}
            numberOf={numberOf}
            total={report.quotes.length}
            onJump={onJump}
            unattributed
          />
        ) : null}
      </ul>
    </section>
  );
}

interface CardProps {
  speaker: Speaker;
  colour: string;
  quotes: Quote[];
  numberOf: Map<string, number>;
  total: number;
  onJump: (id: string) => void;
  unattributed?: boolean;
}

function SpeakerCard({ speaker, colour, quotes, numberOf, total, onJump, unattributed }: CardProps) {
  const [open, setOpen] = useState(false);
  const shown = open ? quotes : quotes.slice(0, QUOTES_COLLAPSED);
  const count = quotes.length === 1 ? t('quoteCountOne') : t('quoteCount', quotes.length);
  const aliases = speaker.aliases.filter((a) => a !== speaker.name);
  return (
    <li
      class={`card${unattributed ? ' unattributed' : ''}`}
      data-speaker={unattributed ? '' : speaker.name}
      style={{ '--chip': colour }}
    >
      <div class="who">
        <span class="chip" style={{ background: colour }} aria-hidden="true" />
        <span class="name">{speaker.name}</span>
        <span class="count">{count}</span>
      </div>
      {speaker.role ? <p class="role">{speaker.role}</p> : null}
      {aliases.length > 0 ? <p class="aliases">{t('aliases', aliases.join(', '))}</p> : null}
      <ul class="quotes">
        {shown.map((q) => (
          <li key={q.id}>
            <button
              type="button"
              class="quote"
              data-quote-id={q.id}
              title={t('jumpToQuote')}
              aria-label={`${t('quoteNumber', numberOf.get(q.id) ?? 0, total)}: ${q.text}`}
              onClick={() => onJump(q.id)}
            >
              “{q.text}”
            </button>
          </li>
        ))}
      </ul>
      {quotes.length > QUOTES_COLLAPSED ? (
        <button type="button" class="more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('showFewer') : t('showAll', quotes.length)}
        </button>
      ) : null}
    </li>
  );
}

/** A toolbar popup closes so the reader can pick on the page; the popup opened as a tab stays. */
function closeUnlessTab<T>(value: T): T {
  if (!new URLSearchParams(location.search).has('tabId')) setTimeout(() => window.close(), 0);
  return value;
}

function Hidden({
  report,
  hiddenNow,
  onShow,
  onPick,
}: {
  report: PageReport;
  hiddenNow: number;
  onShow: (show: boolean) => void;
  onPick: () => void;
}) {
  const counts = new Map<ClutterKind, number>();
  for (const h of report.hidden) counts.set(h.kind, (counts.get(h.kind) ?? 0) + 1);
  return (
    <section class="hidden" aria-labelledby="hidden-h">
      <h2 id="hidden-h">{t('hiddenHeading')}</h2>
      {counts.size === 0 ? (
        <p class="muted">{t('hiddenNothing')}</p>
      ) : (
        <>
          <ul class="kinds">
            {[...counts].map(([kind, n]) => (
              <li key={kind} data-kind={kind}>
                {t(`kind_${kind}` as MessageKey)} <strong>{n}</strong>
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" data-action="show-hidden" onClick={() => onShow(hiddenNow > 0)}>
            {hiddenNow > 0 ? t('showHidden') : t('hideAgain')}
          </button>
          {hiddenNow === 0 ? (
            <p class="muted" data-hint="outlined">
              {t('hiddenOutlined')}
            </p>
          ) : null}
        </>
      )}
      <button type="button" class="secondary" data-action="pick" onClick={onPick}>
        {t('pickBlock')}
      </button>
    </section>
  );
}

function Export({ report, connector }: { report: PageReport; connector: PopupConnector }) {
  const [status, setStatus] = useState('');
  const copy = (text: string) => connector.copy(text).then((ok) => setStatus(ok ? t('copied') : t('copyFailed')));
  if (report.quotes.length === 0) return null;
  return (
    <section class="export">
      <button type="button" class="secondary" onClick={() => copy(summaryMarkdown(report, t('unattributed')))}>
        {t('copyMarkdown')}
      </button>
      <button type="button" class="secondary" onClick={() => copy(summaryJson(report))}>
        {t('copyJson')}
      </button>
      <span class="status" role="status">
        {status}
      </span>
    </section>
  );
}
