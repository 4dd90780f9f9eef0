// The library is private: only extension pages may read or change it, and the content script
// carries none of it (the background fetches the report itself after pageAnalyzed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_METHODS, type BackgroundApi, isMessage, makeMessage } from '../../src/shared/messages';

describe('library messages', () => {
  it('are part of the one protocol', () => {
    expect(BACKGROUND_METHODS).toContain('libraryLoad');
    expect(BACKGROUND_METHODS).toContain('libraryChange');
    const msg = makeMessage<BackgroundApi, 'libraryChange'>('libraryChange', { kind: 'deleteAll' });
    expect(isMessage<BackgroundApi>(msg, BACKGROUND_METHODS)).toBe(true);
  });

  it('the background serves them only to extension pages', () => {
    const text = readFileSync('src/background/index.ts', 'utf8');
    expect(text).toMatch(/libraryLoad: \(sender\) => \(fromExtensionPage\(sender\) \? loadLibrary\(\) : refuse\(/);
    expect(text).toMatch(
      /libraryChange: \(sender, change\) => \(fromExtensionPage\(sender\) \? changeLibrary\(change\) : refuse\(/,
    );
  });

  it('a change is validated in the background before the store sees it', () => {
    expect(readFileSync('src/background/library.ts', 'utf8')).toMatch(/store\.apply\(validateChange\(raw\)\)/);
  });

  it('the content script imports nothing of the library', () => {
    for (const file of ['index.ts', 'page.ts'])
      expect(readFileSync(`src/content/${file}`, 'utf8')).not.toMatch(/library/);
  });
});
