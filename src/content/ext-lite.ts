// Browser quirk, content script only: the native MV3 APIs instead of webextension-polyfill
// (about 3 KB gzip of the content script's 20 KB budget). Firefox has a promise-based `browser`;
// Chrome's `chrome` returns promises in MV3 too. Replies go through sendResponse in both.
import type { RuntimeLike } from '../shared/rpc';
import type { StorageAreaLike } from '../shared/storage';

interface ExtensionGlobal {
  runtime: RuntimeLike;
  storage: { sync: StorageAreaLike; local: StorageAreaLike };
}

const g = globalThis as { browser?: ExtensionGlobal; chrome?: ExtensionGlobal };
const api = (g.browser?.runtime ? g.browser : g.chrome) as ExtensionGlobal;

export const runtime: RuntimeLike = api.runtime;
export const syncStorage: StorageAreaLike = api.storage.sync;
export const localStorageArea: StorageAreaLike = api.storage.local;
