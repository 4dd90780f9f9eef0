// Both ends of the typed protocol over webextension-polyfill's runtime/tabs messaging.
import browser, { type Runtime } from 'webextension-polyfill';
import { type BackgroundApi, type ContentApi, isMessage, type Method, makeMessage, type Reply } from './messages';

type Args<A, M extends Method<A>> = A[M] extends (...a: infer P) => unknown ? P : never;

/** Calls a background method. */
export async function callBackground<M extends Method<BackgroundApi>>(
  method: M,
  ...args: Args<BackgroundApi, M>
): Promise<Reply<BackgroundApi, M>> {
  return (await browser.runtime.sendMessage(makeMessage<BackgroundApi, M>(method, ...args))) as Reply<BackgroundApi, M>;
}

/** Calls a content-script method in a tab's top frame. */
export async function callTab<M extends Method<ContentApi>>(
  tabId: number,
  method: M,
  ...args: Args<ContentApi, M>
): Promise<Reply<ContentApi, M>> {
  return (await browser.tabs.sendMessage(tabId, makeMessage<ContentApi, M>(method, ...args), { frameId: 0 })) as Reply<
    ContentApi,
    M
  >;
}

export type Handlers<A> = {
  [M in Method<A>]: (sender: Runtime.MessageSender, ...args: Args<A, M>) => Reply<A, M> | Promise<Reply<A, M>>;
};

/**
 * Serves an API on runtime.onMessage. Only messages from this extension itself, of the right
 * shape and a known method, are answered; everything else is ignored (returns undefined).
 */
export function serve<A>(
  methods: readonly Method<A>[],
  handlers: Handlers<A>,
  options: { signal?: AbortSignal; accept?: (sender: Runtime.MessageSender) => boolean } = {},
): void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (options.accept && !options.accept(sender)) return undefined;
    if (!isMessage<A>(message, methods)) return undefined;
    const handler = handlers[message.method] as (s: Runtime.MessageSender, ...a: unknown[]) => unknown;
    return Promise.resolve().then(() => handler(sender, ...(message.args as unknown[])));
  };
  browser.runtime.onMessage.addListener(listener);
  options.signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
