import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('locales', () => {
  const en = load('en');

  it.each(['de', 'fr'])('%s has exactly the keys of en, each with a message', (lang) => {
    const other = load(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(other)) expect(value.message, key).not.toBe('');
  });

  it.each(['de', 'fr'])('%s uses the same placeholders as en', (lang) => {
    const other = load(lang);
    for (const [key, value] of Object.entries(en)) {
      const holders = (m: string) => (m.match(/\$P\d\$/g) ?? []).sort();
      expect(holders(other[key]!.message), key).toEqual(holders(value.message));
    }
  });

  it('the manifest names only messages that exist', () => {
    const manifest = readFileSync('manifest.json', 'utf8');
    for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) expect(en, key).toHaveProperty(key!);
  });
});
