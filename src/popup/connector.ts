// The popup reads and acts through one connector: the real one talks to the page's content
// script and the background; the mock serves a full default PageState plus overrides, so the UI
// is tested and screenshotted without a browser.
import type { PageReport } from '../core/types';
import { type Comfort, DEFAULT_COMFORT } from '../shared/comfort';
import type { PageState, Toggles } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { DEFAULT_SETTINGS } from '../shared/settings';

/** What the popup can see of the tab: a state, or why there is none. */
export type TabView =
  /** comfort: the reader's choices for focus mode (shared/comfort.ts); absent until focus mode asks for them. */
  | { kind: 'page'; state: PageState; siteEnabled: boolean; comfort?: Comfort }
  | { kind: 'restricted' }
  | { kind: 'not-analysed' };

export interface PopupConnector {
  load(): Promise<TabView>;
  setToggles(toggles: Partial<Toggles>): Promise<PageState>;
  showHidden(show: boolean): Promise<PageState>;
  scrollToQuote(id: string): Promise<boolean>;
  /** The reader's comfort choices, asked only once focus mode is on (the first paint does not wait for them). */
  loadComfort(): Promise<Comfort>;
  /** Stores the reader's comfort choices and applies them to the page now (focus mode). */
  setComfort(comfort: Comfort): Promise<PageState>;
  setSiteEnabled(host: string, enabled: boolean): Promise<PageState | null>;
  /** "Run anyway": remember the choice for the host's site and treat this page as an article now. */
  runAnyway(host: string): Promise<PageState | null>;
  /** Starts the page's "hide a block" picker (and lets the page store what the reader hides). */
  startPicker(): Promise<PageState>;
  copy(text: string): Promise<boolean>;
  /** Reloads the page's tab (a tab opened before install or enable has no content script). */
  reloadTab(): Promise<void>;
}

export const EMPTY_REPORT: PageReport = {
  version: 1,
  url: 'https://news.example/story',
  title: 'A story',
  site: 'news.example',
  lang: 'en',
  isArticle: true,
  mode: 'declutter',
  articleReasons: [],
  quotes: [],
  speakers: [],
  hidden: [],
  timings: {},
  notes: [],
};

export function defaultState(report: Partial<PageReport> = {}, state: Partial<PageState> = {}): PageState {
  return {
    status: 'ready',
    host: 'news.example',
    report: { ...EMPTY_REPORT, ...report },
    toggles: { declutter: true, highlight: true, focus: false },
    hiddenNow: report.hidden?.length ?? 0,
    ms: 4,
    ...state,
  };
}

/** A connector over fixed data; records calls for tests. */
export function mockConnector(view: TabView, settings: Settings = DEFAULT_SETTINGS) {
  const calls: string[] = [];
  let current = view;
  const state = () => (current.kind === 'page' ? current.state : defaultState());
  const connector: PopupConnector & { calls: string[]; settings: Settings } = {
    calls,
    settings,
    load: async () => current,
    setToggles: async (t) => {
      calls.push(`setToggles ${JSON.stringify(t)}`);
      if (current.kind === 'page')
        current = { ...current, state: { ...current.state, toggles: { ...current.state.toggles, ...t } } };
      return state();
    },
    showHidden: async (show) => {
      calls.push(`showHidden ${show}`);
      const s = state();
      if (current.kind === 'page')
        current = { ...current, state: { ...s, hiddenNow: show ? 0 : (s.report?.hidden.length ?? 0) } };
      return state();
    },
    scrollToQuote: async (id) => {
      calls.push(`scrollToQuote ${id}`);
      return true;
    },
    loadComfort: async () => {
      calls.push('loadComfort');
      return current.kind === 'page' && current.comfort ? current.comfort : { ...DEFAULT_COMFORT };
    },
    setComfort: async (comfort) => {
      calls.push(`setComfort ${JSON.stringify(comfort)}`);
      if (current.kind === 'page') current = { ...current, comfort };
      return state();
    },
    setSiteEnabled: async (host, enabled) => {
      calls.push(`setSiteEnabled ${host} ${enabled}`);
      if (current.kind === 'page')
        current = { ...current, siteEnabled: enabled, state: { ...current.state, status: enabled ? 'ready' : 'off' } };
      return state();
    },
    startPicker: async () => {
      calls.push('startPicker');
      return state();
    },
    runAnyway: async (host) => {
      calls.push(`runAnyway ${host}`);
      if (current.kind === 'page') current = { ...current, state: { ...current.state, status: 'ready' } };
      return state();
    },
    copy: async (text) => {
      calls.push(`copy ${text.length}`);
      return true;
    },
    reloadTab: async () => {
      calls.push('reloadTab');
    },
  };
  return connector;
}
