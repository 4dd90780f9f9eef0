// The extension APIs from a reference the page cannot clobber. In Chromium `browser` is no global
// of the content script's world, so a page's `<form name="browser"><input name="runtime">` makes
// `globalThis.browser.runtime` resolve to the page's element (named properties of the window). We
// take the first candidate that is a real extension API object, once, at start-up, and keep it.
import type { RuntimeLike } from '../shared/rpc';
import type { StorageAreaLike } from '../shared/storage';

export interface ExtensionApi {
  runtime: RuntimeLike;
  storage: { sync: StorageAreaLike; local: StorageAreaLike };
}

/** A real extension namespace: no DOM node (a clobbered name resolves to one), with our methods. */
export function isExtensionApi(value: unknown): value is ExtensionApi {
  const v = value as { runtime?: Partial<RuntimeLike>; storage?: { sync?: Partial<StorageAreaLike> } } | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof Node) &&
    typeof v.runtime?.sendMessage === 'function' &&
    typeof v.runtime.getURL === 'function' &&
    typeof v.storage?.sync?.get === 'function'
  );
}

/** `browser` where it is the real thing (Firefox), else `chrome`; null when neither is. */
export function captureExtensionApi(scope: object = globalThis): ExtensionApi | null {
  let candidates: unknown[] = [];
  try {
    const g = scope as { browser?: unknown; chrome?: unknown };
    candidates = [g.browser, g.chrome];
  } catch {
    // A getter that throws is not an API either.
  }
  return (candidates.find(isExtensionApi) as ExtensionApi | undefined) ?? null;
}

/** True while this content script's extension is still there (disable, update, uninstall end it). */
export function contextAlive(api: ExtensionApi): boolean {
  try {
    return typeof api.runtime.id === 'string' && api.runtime.id.length > 0;
  } catch {
    return false;
  }
}
