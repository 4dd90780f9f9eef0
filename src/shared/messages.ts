// The one typed message protocol. Each side is an interface of method signatures; a message is
// { channel, method, args } and its reply is the method's return value. Both ends validate shape.
import type { ClutterVocabulary } from '../core/clutter-vocabulary';
import type { EngineResult } from '../core/engine';
import type { BlockText, Lang, PageReport } from '../core/types';
import type { LibraryChange, LibrarySnapshot } from '../library/types';
import type { Comfort } from './comfort';
import type { Correction, CorrectionList, Corrections } from './corrections';
import type { Settings } from './settings';

export const CHANNEL = 'quotelens/v1';

export type PageStatus = 'loading' | 'ready' | 'off' | 'skipped' | 'error';

export interface Toggles {
  declutter: boolean;
  highlight: boolean;
  focus: boolean;
}

/** What the content script knows about its page. */
export interface PageState {
  status: PageStatus;
  host: string;
  report: PageReport | null;
  toggles: Toggles;
  /** Number of blocks hidden right now (0 after "show hidden"). */
  hiddenNow: number;
  /** Main-thread milliseconds our work took. */
  ms: number;
  error?: string;
}

/** Served by the content script (called by the popup and background through tabs.sendMessage). */
export interface ContentApi {
  getState(): PageState;
  setToggles(toggles: Partial<Toggles>): PageState;
  /** Show everything we hid (one-click undo), or hide it again. */
  showHidden(show: boolean): PageState;
  scrollToQuote(id: string): boolean;
  /** Reader comfort in focus mode changed (the popup stored it too); the comfort chunk checks it. */
  setComfort(comfort: Comfort): PageState;
  /** Turn Quotelens on/off for this page now (the per-site choice is saved by the caller). */
  setEnabled(enabled: boolean): PageState;
  /** The "hide a block" picker: hover highlights a block, click hides it, Esc leaves. */
  startPicker(): PageState;
  /** Reads a page judged not to be an article as one ("Run anyway"). */
  runAnyway(): PageState;
  /** Stored corrections changed (the options page undid one): apply the site's set again. */
  correctionsChanged(): PageState;
}

/** A hand correction a page asks to store: the block's selector, kind and text (untrusted). */
export interface CorrectionRequest {
  list: CorrectionList;
  correction: Correction;
}

/** Content script → background: the article's text blocks, for the attribution engine. */
export interface AnalyzeRequest {
  blocks: BlockText[];
  lang: Lang;
}

/** The engine's answer: quotes (offsets into the request's blocks) and speakers. */
export interface AnalyzeReply extends EngineResult {
  /** True when this request started the engine (a fresh or woken background). */
  cold: boolean;
  /** Background milliseconds for the whole request: checks, engine, start-up when cold. */
  ms: number;
}

/** Served by the background (called by content scripts, popup and options). */
export interface BackgroundApi {
  /** Content script → background: the page's quote count, for the toolbar badge. */
  pageAnalyzed(summary: { quotes: number; status: PageStatus }): void;
  getSettings(): Settings;
  /**
   * Content script → background: the clutter vocabulary (plain data), asked only when storage.local
   * holds no valid copy yet (shared/vocabulary.ts). Public data; any sender may ask.
   */
  getClutterVocabulary(): ClutterVocabulary;
  /** Content script → background: quotes and speakers of the article's blocks (input untrusted). */
  analyzeBlocks(request: AnalyzeRequest): AnalyzeReply;
  saveSettings(settings: Settings): Settings;
  setSiteEnabled(host: string, enabled: boolean): Settings;
  /** Popup → background: remember "Run anyway" for the host's site (and its subdomains), or forget it. */
  setSiteForced(host: string, forced: boolean): Settings;
  /** Popup and options → background: the reader's comfort choices for focus mode (shared/comfort.ts). */
  getComfort(): Comfort;
  /** Stores them (input checked; extension pages only). */
  setComfort(comfort: Comfort): Comfort;
  /**
   * Popup → background: the content script of this tab may store hand corrections for its own
   * site for a while (the reader started "Show hidden" or the picker there). Extension pages only.
   */
  allowCorrections(tabId: number): void;
  /**
   * Stores a hand correction for the sender's site: from a content script only with a live grant
   * for its tab (allowCorrections), and only for the host it runs on; input checked.
   */
  addCorrection(request: CorrectionRequest): Corrections;
  /** The options page's list. Extension pages only. */
  getCorrections(): Corrections;
  /** The options page's undo. Extension pages only. */
  removeCorrection(site: string, list: CorrectionList, selector: string): Corrections;
  /** e2e builds only: open the popup as a tab for the sender's tab (headless has no toolbar). */
  e2eOpenPopup(): void;
  /** Library page → background: the whole quote library (extension pages only: it is private). */
  libraryLoad(): LibrarySnapshot;
  /** Library page → background: one change (delete, merge, settings, import…); extension pages only. */
  libraryChange(change: LibraryChange): void;
}

export type Api = ContentApi | BackgroundApi;
export type Method<A> = Extract<keyof A, string>;

export interface Message<A, M extends Method<A> = Method<A>> {
  channel: typeof CHANNEL;
  method: M;
  args: A[M] extends (...args: infer P) => unknown ? P : never;
}

export type Reply<A, M extends keyof A> = A[M] extends (...args: never[]) => infer R ? Awaited<R> : never;

export function makeMessage<A, M extends Method<A>>(
  method: M,
  ...args: A[M] extends (...a: infer P) => unknown ? P : never
): Message<A, M> {
  return { channel: CHANNEL, method, args } as Message<A, M>;
}

/** Shape check for anything arriving over runtime messaging: untrusted until proven otherwise. */
export function isMessage<A>(value: unknown, methods: readonly Method<A>[]): value is Message<A> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.channel === CHANNEL &&
    typeof v.method === 'string' &&
    (methods as readonly string[]).includes(v.method) &&
    Array.isArray(v.args) &&
    v.args.length <= 4
  );
}

export const CONTENT_METHODS = [
  'getState',
  'setToggles',
  'showHidden',
  'scrollToQuote',
  'setComfort',
  'setEnabled',
  'startPicker',
  'runAnyway',
  'correctionsChanged',
] as const satisfies readonly Method<ContentApi>[];
export const BACKGROUND_METHODS = [
  'pageAnalyzed',
  'getSettings',
  'getClutterVocabulary',
  'analyzeBlocks',
  'saveSettings',
  'setSiteEnabled',
  'setSiteForced',
  'getComfort',
  'setComfort',
  'allowCorrections',
  'addCorrection',
  'getCorrections',
  'removeCorrection',
  'e2eOpenPopup',
  'libraryLoad',
  'libraryChange',
] as const satisfies readonly Method<BackgroundApi>[];
