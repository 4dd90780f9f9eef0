// The background's side of the quote library: keeps analysed articles in IndexedDB and serves
// the library page. The page costs nothing: the background asks the tab for its report after
// the content script says it is done (pageAnalyzed), so no byte of this is in the content script.
import { recordFromReport, validateChange } from '../library/model';
import { LibraryStore } from '../library/store';
import type { ArticleRecord, LibraryChange, LibrarySnapshot } from '../library/types';
import { tabs } from '../shared/ext';
import { callTab } from '../shared/rpc';
import { throttledPerKey } from '../shared/throttle';

let opened: Promise<LibraryStore> | null = null;

/** The one store, opened on first use (a failed open is tried again next time). */
function library(): Promise<LibraryStore> {
  opened ??= LibraryStore.open().catch((err: unknown) => {
    opened = null;
    throw err;
  });
  return opened;
}

/**
 * Keeps one article (validated again here: it may come from a content script). The one call the
 * background engine makes once it holds each page's PageReport (issue 11):
 * keepArticle(recordFromReport(report, Date.now())).
 */
export async function keepArticle(record: ArticleRecord | unknown): Promise<boolean> {
  return (await library()).keep(record);
}

/** After a tab's content script reports a finished article: fetch its report and keep it. */
export async function keepFromTab(tabId: number): Promise<boolean> {
  const state = await callTab(tabs, tabId, 'getState');
  if (state?.status !== 'ready' || !state.report) return false;
  let record: ArticleRecord | null;
  try {
    record = recordFromReport(state.report, Date.now());
  } catch {
    return false; // not the shape of a PageReport: nothing to keep
  }
  return record ? keepArticle(record) : false;
}

/** A live page reports again and again: its report is read and kept at most once per this (ms). */
const KEEP_AGAIN_MS = 5000;

/**
 * keepFromTab, throttled per page (a tab and its URL): a page's first report is kept at once,
 * later ones within KEEP_AGAIN_MS wait and become one.
 */
const keepSoon = throttledPerKey((tabId: number) => void keepFromTab(tabId).catch(() => false), KEEP_AGAIN_MS);

export function keepFromTabSoon(tabId: number, url: string): void {
  keepSoon(`${tabId} ${url}`, tabId);
}

export async function loadLibrary(): Promise<LibrarySnapshot> {
  return (await library()).snapshot();
}

/** One change from the library page; the page reads the result from the database itself. */
export async function changeLibrary(raw: LibraryChange | unknown): Promise<void> {
  const store = await library();
  await store.apply(validateChange(raw));
}
