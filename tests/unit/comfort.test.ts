// Reader comfort in focus mode (shared/comfort.ts): what is stored is checked, and the stylesheet
// says what the reader chose and nothing else.
import { describe, expect, it } from 'vitest';
import {
  COMFORT_KEY,
  comfortActive,
  comfortCss,
  DEFAULT_COMFORT,
  loadComfort,
  storeComfort,
  validateComfort,
} from '../../src/shared/comfort';
import type { StorageAreaLike } from '../../src/shared/storage';

function memoryArea(): StorageAreaLike & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (next) => void Object.assign(items, next),
  };
}

describe('reader comfort', () => {
  it('nothing stored is the page’s own, without complaint', () => {
    const problems: string[] = [];
    expect(validateComfort(undefined, problems)).toEqual(DEFAULT_COMFORT);
    expect(problems).toEqual([]);
    expect(comfortActive(DEFAULT_COMFORT)).toBe(false);
    expect(comfortCss(DEFAULT_COMFORT)).toBe('');
  });

  it('bad values fall back field by field and say so; sizes snap to the grid inside the bounds', () => {
    const problems: string[] = [];
    const c = validateComfort({ size: 1000, width: 'huge', spacing: 'loose', theme: 7 }, problems);
    expect(c).toEqual({ size: 200, width: 'page', spacing: 'loose', theme: 'page' });
    expect(problems).toHaveLength(1);
    expect(validateComfort({ size: 113 }, []).size).toBe(110);
    expect(validateComfort({ size: Number.NaN }, []).size).toBe(100);
    for (const raw of ['dark', 3, ['dark'], null]) {
      const p: string[] = [];
      expect(validateComfort(raw, p)).toEqual(DEFAULT_COMFORT);
      expect(p.length, String(raw)).toBe(raw === null ? 1 : 1);
    }
  });

  it('the sheet holds each chosen rule and only those, scoped to the marked root', () => {
    const size = comfortCss({ ...DEFAULT_COMFORT, size: 130 });
    expect(size).toBe('[data-quotelens-comfort]{zoom:1.3!important}');
    const width = comfortCss({ ...DEFAULT_COMFORT, width: 'medium' });
    expect(width).toContain('max-width:66ch');
    // The ancestors leave their floats and tracks, so the column centres on the page.
    expect(width).toContain('body :has([data-quotelens-comfort])');
    expect(width).not.toContain('zoom');
    expect(comfortCss({ ...DEFAULT_COMFORT, spacing: 'compact' })).toContain('line-height:1.4');
    const dark = comfortCss({ ...DEFAULT_COMFORT, theme: 'dark' });
    expect(dark).toContain('background:#1b1b1f');
    expect(dark).toContain('color-scheme:dark');
    // Our own hover card keeps its colours; images keep their backgrounds.
    expect(dark).toMatch(/:not\(\[data-quotelens-tip\],\[data-quotelens-ui\],img/);
    expect(comfortCss({ ...DEFAULT_COMFORT, theme: 'sepia' })).toContain('color-scheme:light');
  });

  it('stores null for the page’s own, so pages skip the chunk; refuses what does not validate', async () => {
    const area = memoryArea();
    await storeComfort(area, { ...DEFAULT_COMFORT, theme: 'sepia' });
    expect(area.items[COMFORT_KEY]).toEqual({ ...DEFAULT_COMFORT, theme: 'sepia' });
    expect((await loadComfort(area)).theme).toBe('sepia');
    await storeComfort(area, DEFAULT_COMFORT);
    expect(area.items[COMFORT_KEY]).toBeNull();
    expect(await loadComfort(area)).toEqual(DEFAULT_COMFORT);
    await expect(storeComfort(area, { theme: 'neon' })).rejects.toThrow(/bad arguments/);
    expect(area.items[COMFORT_KEY]).toBeNull();
  });
});

describe('reading time', () => {
  const block = (text: string, index = 0) => ({ index, text, tag: 'p', isHeading: false });

  it('counts words at 238 a minute, rounds, and gives at least a minute for any text', async () => {
    const { readingMinutes, wordCount } = await import('../../src/core/reading-time');
    expect(wordCount('The ferry’s crew, all 12 of them, went ashore at 6.30 a.m.')).toBe(12);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(readingMinutes([])).toBe(0);
    expect(readingMinutes([block('Short.')])).toBe(1);
    expect(readingMinutes([block(words(700)), block(words(728), 1)])).toBe(6);
  });

  it('counts a character of an unspaced script as half a word', async () => {
    const { wordCount } = await import('../../src/core/reading-time');
    expect(wordCount('東京都は新しい橋を建てる')).toBe(6);
    expect(wordCount('Der Fluss stieg über Nacht um zwei Meter.')).toBe(8);
  });
});

describe('the column comfort applies to', () => {
  it('is the root, widened to take in a headline kept outside it; never <html>', async () => {
    const { columnOf } = await import('../../src/content/comfort');
    document.body.innerHTML = `<main id="m"><header><h1>Harbour reopens</h1></header><div id="root"><p>Text.</p></div></main>
      <aside data-quotelens-hidden="other"><h1>Elsewhere</h1></aside>`;
    const root = document.getElementById('root')!;
    expect(columnOf(document, root).id).toBe('m');
    document.body.innerHTML = `<div id="root"><h1>Harbour reopens</h1><p>Text.</p></div>`;
    expect(columnOf(document, document.getElementById('root')!).id).toBe('root');
    document.body.innerHTML = `<div id="root"><p>Text.</p></div><aside data-quotelens-hidden="other"><h1>Other</h1></aside>`;
    expect(columnOf(document, document.getElementById('root')!).id).toBe('root');
    document.body.innerHTML = '';
  });
});
