// Settings in storage.sync, always validated on the way in and out. The storage area is passed
// in, so the content script (no polyfill) and extension pages (polyfill) share this code.
import { SETTINGS_KEY, type Settings, validateSettings } from './settings';

export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: StorageAreaLike): Promise<Settings> {
  let raw: unknown;
  try {
    raw = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch (err) {
    console.warn('Quotelens: could not read settings; using defaults.', err);
    raw = undefined;
  }
  const { settings, problems } = validateSettings(raw);
  if (problems.length > 0) console.warn('Quotelens: stored settings were repaired:', problems.join('; '));
  return settings;
}

export async function storeSettings(area: StorageAreaLike, next: unknown): Promise<Settings> {
  const { settings } = validateSettings(next);
  await area.set({ [SETTINGS_KEY]: settings });
  return settings;
}
