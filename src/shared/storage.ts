// Settings in storage.sync, always validated on the way in and out.
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, type Settings, validateSettings } from './settings';

export async function loadSettings(): Promise<Settings> {
  let raw: unknown;
  try {
    raw = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch (err) {
    console.warn('Quotelens: could not read settings; using defaults.', err);
    raw = undefined;
  }
  const { settings, problems } = validateSettings(raw);
  if (problems.length > 0) console.warn('Quotelens: stored settings were repaired:', problems.join('; '));
  return settings;
}

export async function storeSettings(next: unknown): Promise<Settings> {
  const { settings } = validateSettings(next);
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
  return settings;
}
