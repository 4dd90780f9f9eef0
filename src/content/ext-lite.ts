// Browser quirk, content script only: the native MV3 APIs instead of webextension-polyfill
// (about 3 KB gzip of the content script's budget). Firefox has a promise-based `browser`;
// Chrome's `chrome` returns promises in MV3 too. Replies go through sendResponse in both. Taken
// once at start-up from a reference the page cannot clobber (safe-api.ts).
import type { RuntimeLike } from '../shared/rpc';
import type { StorageAreaLike } from '../shared/storage';
import { captureExtensionApi, type ExtensionApi } from './safe-api';

const captured = captureExtensionApi();
if (!captured) throw new Error('Quotelens: no extension API in this world');

export const api: ExtensionApi = captured;
export const runtime: RuntimeLike = captured.runtime;
export const syncStorage: StorageAreaLike = captured.storage.sync;
export const localStorageArea: StorageAreaLike = captured.storage.local;
