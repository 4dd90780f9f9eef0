// The clutter vocabulary is data: it survives a trip through storage (JSON) unchanged in effect,
// a damaged or old copy is not read, and the content script falls back to asking the background,
// then to structure alone. The content script's sources never import the lexicon.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../src/core/article';
import { findClutterBlocks, labelKind } from '../../src/core/clutter';
import { checkVocabulary, EMPTY_VOCABULARY, VOCABULARY_VERSION } from '../../src/core/clutter-vocabulary';
import { CLUTTER_VOCABULARY } from '../../src/core/lexicon/clutter';
import type { StorageAreaLike } from '../../src/shared/storage';
import { loadVocabulary, publishVocabulary, VOCABULARY_KEY } from '../../src/shared/vocabulary';
import { articlePage } from './page-helpers';

function memoryArea(initial: Record<string, unknown> = {}): StorageAreaLike & { writes: number } {
  const data = { ...initial };
  const area = {
    writes: 0,
    get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items: Record<string, unknown>) => {
      area.writes++;
      Object.assign(data, structuredClone(items));
    },
  };
  return area;
}

const copy = () => JSON.parse(JSON.stringify(CLUTTER_VOCABULARY)) as unknown;

describe('the clutter vocabulary as data', () => {
  it('decides the same after a trip through JSON', () => {
    const stored = checkVocabulary(copy());
    expect(stored).not.toBeNull();
    for (const label of ['Most Read', 'Meistgelesen', 'Les plus lus', 'Popular on Valley Times', 'The river rose'])
      expect(labelKind(label, stored!)).toBe(labelKind(label, CLUTTER_VOCABULARY));
    const doc = articlePage({
      after: '<aside><h3>Most read</h3><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></aside>',
    });
    const root = detectArticle(doc).root;
    const kinds = (vocabulary: typeof CLUTTER_VOCABULARY) =>
      findClutterBlocks(doc, root, { mode: 'declutter', hideComments: true, vocabulary }).map((b) => b.kind);
    expect(kinds(stored!)).toEqual(kinds(CLUTTER_VOCABULARY));
    expect(kinds(stored!)).toContain('trending');
  });

  it('reads nothing by words with the empty vocabulary', () => {
    expect(labelKind('Most Read', EMPTY_VOCABULARY)).toBeNull();
  });

  it('refuses another version and a damaged copy', () => {
    expect(checkVocabulary({ ...(copy() as object), version: VOCABULARY_VERSION + 1 })).toBeNull();
    expect(checkVocabulary({ ...(copy() as object), labelPhrases: [['related', '(unclosed']] })).toBeNull();
    expect(checkVocabulary({ version: VOCABULARY_VERSION })).toBeNull();
    expect(checkVocabulary('words')).toBeNull();
    expect(checkVocabulary(null)).toBeNull();
  });
});

describe('the vocabulary from the background to the page', () => {
  it('is written once by the background and read from storage without asking it', async () => {
    const area = memoryArea();
    expect(await publishVocabulary(area, CLUTTER_VOCABULARY)).toBe(true);
    expect(await publishVocabulary(area, CLUTTER_VOCABULARY)).toBe(false);
    expect(area.writes).toBe(1);
    let asked = 0;
    const loaded = await loadVocabulary(area, async () => {
      asked++;
      return copy();
    });
    expect(loaded.source).toBe('storage');
    expect(asked).toBe(0);
    expect(labelKind('Meistgelesen', loaded.vocabulary)).toBe('trending');
  });

  it('asks the background when storage has no valid copy, and reads structure alone when that fails too', async () => {
    const stale = memoryArea({ [VOCABULARY_KEY]: { version: 0 } });
    const asked = await loadVocabulary(stale, async () => copy());
    expect(asked.source).toBe('background');
    expect(labelKind('Les plus lus', asked.vocabulary)).toBe('trending');
    const none = await loadVocabulary(memoryArea(), () => Promise.reject(new Error('no background')));
    expect(none.source).toBe('none');
    expect(none.vocabulary).toBe(EMPTY_VOCABULARY);
  });

  it('is not imported by the content script', () => {
    const imports = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => join(file, '..', `${m[1]}.ts`));
    // Every module the content script reaches through relative imports.
    const seen = new Set<string>();
    const queue = readdirSync('src/content').map((f) => join('src/content', f));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file) || !file.endsWith('.ts')) continue;
      seen.add(file);
      try {
        queue.push(...imports(file));
      } catch {
        // A package or a directory index: not ours to follow.
      }
    }
    expect([...seen].filter((f) => f.includes('lexicon/clutter'))).toEqual([]);
    expect(seen.has(join('src/core/clutter.ts'))).toBe(true);
  });
});
