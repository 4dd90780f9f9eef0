import { describe, expect, it } from 'vitest';
import { LEXICONS } from '../../src/core/lexicon';

describe('lexicons', () => {
  const langs = Object.keys(LEXICONS) as (keyof typeof LEXICONS)[];
  it('en, de and fr have the same keys', () => {
    const keys = (l: keyof typeof LEXICONS) => Object.keys(LEXICONS[l]).sort();
    for (const l of langs) expect(keys(l)).toEqual(keys('en'));
  });
  it('have the same pronoun groups', () => {
    for (const l of langs)
      expect(Object.keys(LEXICONS[l].pronouns).sort()).toEqual(['female', 'male', 'neuter', 'plural']);
  });
  it('every word list is non-empty, trimmed and lower case where it is matched in lower case', () => {
    for (const l of langs) {
      const lex = LEXICONS[l];
      for (const key of ['speechVerbs', 'accordingTo', 'roleNouns', 'orgWords', 'determiners'] as const) {
        expect(lex[key].length, `${l}.${key}`).toBeGreaterThan(0);
        for (const w of lex[key]) {
          expect(w, `${l}.${key}`).toBe(w.trim());
          expect(w, `${l}.${key}`).toBe(w.toLowerCase());
          expect(w, `${l}.${key}`).not.toBe('');
        }
      }
    }
  });
});
