// Writes public/_locales/{en,de,fr}/messages.json from scripts/locales.source.json, so every
// language has the same keys (a test checks it). Placeholders: $1, $2 → Chrome's $P1$ form.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export const LANGS = ['en', 'de', 'fr'] as const;
const source = JSON.parse(readFileSync('scripts/locales.source.json', 'utf8')) as Record<string, string[]>;

for (const [i, lang] of LANGS.entries()) {
  const out: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {};
  for (const [key, texts] of Object.entries(source)) {
    const text = texts[i];
    if (!text) throw new Error(`missing ${lang} text for ${key}`);
    const holders = [...new Set(text.match(/\$\d/g) ?? [])];
    out[key] = { message: text.replace(/\$(\d)/g, '$$P$1$$') };
    if (holders.length > 0) {
      out[key].placeholders = Object.fromEntries(holders.map((h) => [`p${h.slice(1)}`, { content: h }]));
    }
  }
  mkdirSync(`public/_locales/${lang}`, { recursive: true });
  writeFileSync(`public/_locales/${lang}/messages.json`, `${JSON.stringify(out, null, 2)}\n`);
}
