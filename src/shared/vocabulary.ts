// The clutter vocabulary on its way from the background to the content script: the background
// keeps a copy in storage.local (written when it starts, if the stored one differs), which the
// content script reads beside its settings; storage needs no awake service worker. Only when no
// valid copy is there yet (a page opened in the instant after install) does the content script ask
// the background, once; failing that it reads the page by structure alone.
import { type ClutterVocabulary, checkVocabulary, EMPTY_VOCABULARY } from '../core/clutter-vocabulary';
import type { StorageAreaLike } from './storage';

export const VOCABULARY_KEY = 'clutterVocabulary';

export interface LoadedVocabulary {
  vocabulary: ClutterVocabulary;
  /** Where it came from; 'none' means no words at all (structure alone). */
  source: 'storage' | 'background' | 'none';
}

/** The stored vocabulary, else the background's answer to `ask`, else the empty one. Never throws. */
export async function loadVocabulary(area: StorageAreaLike, ask: () => Promise<unknown>): Promise<LoadedVocabulary> {
  try {
    const stored = checkVocabulary((await area.get(VOCABULARY_KEY))[VOCABULARY_KEY]);
    if (stored) return { vocabulary: stored, source: 'storage' };
  } catch {
    // Unreadable storage: ask the background.
  }
  try {
    const sent = checkVocabulary(await ask());
    if (sent) return { vocabulary: sent, source: 'background' };
  } catch {
    // No background answer either: structure alone.
  }
  return { vocabulary: EMPTY_VOCABULARY, source: 'none' };
}

/** Writes `vocabulary` to storage unless the same is stored already; true when it wrote. */
export async function publishVocabulary(area: StorageAreaLike, vocabulary: ClutterVocabulary): Promise<boolean> {
  const stored = (await area.get(VOCABULARY_KEY))[VOCABULARY_KEY];
  if (JSON.stringify(stored) === JSON.stringify(vocabulary)) return false;
  await area.set({ [VOCABULARY_KEY]: vocabulary });
  return true;
}
