// Both ends of the typed protocol. The transport is passed in: extension pages and the background
// use webextension-polyfill (src/shared/ext.ts); the content script uses the browsers' own MV3
// promise APIs (src/content/ext-lite.ts) to keep the polyfill out of its 30 KB budget.
import { type BackgroundApi, type ContentApi, isMessage, type Method, makeMessage, type Reply } from './messages';

type Args<A, M extends Method<A>> = A[M] extends (...a: infer P) => unknown ? P : never;

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type MessageListener = (
  message: unknown,
  sender: MessageSender,
  sendResponse: (response: unknown) => void,
) => true | undefined;

/** The part of runtime messaging we use; both the polyfill and the native MV3 APIs fit it. */
export interface RuntimeLike {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(fn: MessageListener): void;
    removeListener(fn: MessageListener): void;
  };
}

export interface TabsLike {
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

/** Calls a background method. */
export async function callBackground<M extends Method<BackgroundApi>>(
  runtime: RuntimeLike,
  method: M,
  ...args: Args<BackgroundApi, M>
): Promise<Reply<BackgroundApi, M>> {
  return unwrap(await runtime.sendMessage(makeMessage<BackgroundApi, M>(method, ...args))) as Reply<BackgroundApi, M>;
}

/** Calls a content-script method in a tab's top frame. */
export async function callTab<M extends Method<ContentApi>>(
  tabs: TabsLike,
  tabId: number,
  method: M,
  ...args: Args<ContentApi, M>
): Promise<Reply<ContentApi, M>> {
  const reply = await tabs.sendMessage(tabId, makeMessage<ContentApi, M>(method, ...args), { frameId: 0 });
  return unwrap(reply) as Reply<ContentApi, M>;
}

/** Replies travel as { ok, value } or { ok: false, error } so an error is an error at both ends. */
type Envelope = { ok: true; value: unknown } | { ok: false; error: string };

function unwrap(reply: unknown): unknown {
  const env = reply as Envelope | undefined;
  if (!env || typeof env !== 'object' || !('ok' in env)) throw new Error('Quotelens: no answer from the other side');
  if (!env.ok) throw new Error(env.error);
  return env.value;
}

export type Handlers<A> = {
  [M in Method<A>]: (sender: MessageSender, ...args: Args<A, M>) => Reply<A, M> | Promise<Reply<A, M>>;
};

/**
 * Serves an API on runtime.onMessage. Only messages from this extension itself, of the right
 * shape and a known method, are answered; everything else is ignored (no reply at all).
 */
export function serve<A>(
  runtime: RuntimeLike,
  methods: readonly Method<A>[],
  handlers: Handlers<A>,
  options: { signal?: AbortSignal; accept?: (sender: MessageSender) => boolean } = {},
): void {
  const listener: MessageListener = (message, sender, sendResponse) => {
    if (sender.id !== runtime.id) return undefined;
    if (options.accept && !options.accept(sender)) return undefined;
    if (!isMessage<A>(message, methods)) return undefined;
    const handler = handlers[message.method] as (s: MessageSender, ...a: unknown[]) => unknown;
    Promise.resolve()
      .then(() => handler(sender, ...(message.args as unknown[])))
      .then(
        (value) => sendResponse({ ok: true, value } satisfies Envelope),
        (err: unknown) =>
          sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies Envelope),
      );
    return true;
  };
  runtime.onMessage.addListener(listener);
  options.signal?.addEventListener('abort', () => runtime.onMessage.removeListener(listener), { once: true });
}

export interface RetryOptions {
  /** Tries in all, the first one included. */
  attempts: number;
  /** A try with no answer by then counts as failed (ms). */
  timeoutMs: number;
  /** Wait before the next try after a failed one (ms). */
  pauseMs: number;
}

/**
 * Calls `call` until it answers: a try that fails or gets no answer within the timeout is made
 * again, up to `attempts` in all; the last failure is thrown. For requests to a background that
 * may be stopping or starting (a Chrome service worker, a Firefox event page): a message sent
 * while it stops can be lost, and the next one wakes it.
 */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  let last: unknown = new Error('Quotelens: no attempt made');
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Quotelens: no answer in time')), options.timeoutMs);
    });
    try {
      return await Promise.race([call(), timeout]);
    } catch (err) {
      last = err;
    } finally {
      clearTimeout(timer);
    }
  }
  throw last;
}
