// The extension APIs for the background, popup and options page: webextension-polyfill's
// promise-based `browser`, typed to the transport shapes rpc.ts takes.
import browser from 'webextension-polyfill';
import type { RuntimeLike, TabsLike } from './rpc';
import type { StorageAreaLike } from './storage';

export { browser };
export const runtime = browser.runtime as unknown as RuntimeLike;
export const tabs = browser.tabs as unknown as TabsLike;
export const syncStorage = browser.storage.sync as unknown as StorageAreaLike;
export const localStorageArea = browser.storage.local as unknown as StorageAreaLike;
