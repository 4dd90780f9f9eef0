// Who may store a hand correction. The reader corrects on the page itself (the in-page "Keep
// visible" control, the picker), and the toolbar popup closes as soon as the page is clicked, so
// the write must come from the content script. It is allowed only under a grant an extension page
// gave (the popup's "Show hidden" or "Hide a block", for that tab), for a while, and only for the
// site the content script runs on. Pure: the background passes the sender, grants and clock in.
import type { CorrectionList } from './corrections';
import { validateCorrection } from './corrections';
import type { CorrectionRequest } from './messages';
import type { MessageSender } from './rpc';

/** How long a grant lasts: long enough to correct a page, short enough to go stale. */
export const GRANT_MS = 15 * 60 * 1000;
/** Tabs with a live grant at once (a map in storage.session, pruned as it is written). */
export const MAX_GRANTS = 50;

/** tabId → time (ms since 1970) the grant ends. */
export type Grants = Record<string, number>;

/** Adds a grant for a tab, dropping ended ones. */
export function withGrant(grants: Grants, tabId: number, now: number): Grants {
  const live = Object.entries(grants).filter(([, until]) => until > now);
  const next = Object.fromEntries(live.slice(-(MAX_GRANTS - 1)));
  next[String(tabId)] = now + GRANT_MS;
  return next;
}

/** The host the sender may store a correction for, or an error that says why not. */
export function correctionHost(sender: MessageSender, grants: Grants, now: number): string {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || typeof sender.url !== 'string') {
    throw new Error('Quotelens: corrections come from the top frame of a tab');
  }
  const until = grants[String(tabId)];
  if (until === undefined || until <= now) {
    throw new Error('Quotelens: no correction grant for this tab (open the popup first)');
  }
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    throw new Error('Quotelens: the sender has no page address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('Quotelens: not a web page');
  return url.hostname;
}

/** The request as data we trust: a known list and a correction that validates, or an error. */
export function checkCorrectionRequest(raw: unknown): CorrectionRequest {
  if (typeof raw !== 'object' || raw === null) throw new Error('Quotelens: bad correction request');
  const r = raw as Record<string, unknown>;
  const list = r.list;
  if (list !== 'keep' && list !== 'hide') throw new Error('Quotelens: bad correction list');
  const correction = validateCorrection(r.correction, list as CorrectionList);
  if (!correction) throw new Error('Quotelens: bad correction');
  return { list, correction };
}
