// The reference pages and what a reader expects on them: our own (tests/fixtures/reference-article,
// always there) and the seed the project was specified from (../shared, skipped when absent).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import { analyzePage } from '../../src/core/report';
import { hasShared, missingSharedMessage, sharedPath } from '../shared-data';

interface Expected {
  speakers: { name: string; role: string; min_quotes: number }[];
  quotes: { text: string; speaker: string; accept?: string[] }[];
  headline_quotes: string[];
  not_speakers: string[];
}

const OWN_DIR = resolve(import.meta.dirname, '../fixtures/reference-article');
const PAGES = [
  { name: 'our reference article', html: join(OWN_DIR, 'source.html'), expected: join(OWN_DIR, 'expected.json') },
  {
    name: 'seed article',
    html: sharedPath('fixtures', 'seed', 'article.html'),
    expected: sharedPath('fixtures', 'seed', 'expected.json'),
    shared: true,
  },
];

const seedPresent = hasShared('fixtures', 'seed', 'article.html');
if (!seedPresent) console.warn(missingSharedMessage('fixtures', 'seed', 'article.html'));

for (const page of PAGES) {
  describe.skipIf(page.shared === true && !seedPresent)(page.name, () => {
    const load = () => {
      const expected = JSON.parse(readFileSync(page.expected, 'utf8')) as Expected;
      return { report: analyzePage(parseHtml(readFileSync(page.html, 'utf8'))).report, expected };
    };
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

    it('attributes every expected quote to its speaker', () => {
      const { report, expected } = load();
      expect(expected.quotes.length).toBeGreaterThan(0);
      for (const q of expected.quotes) {
        const found = report.quotes.find((r) => norm(r.text) === norm(q.text));
        expect(found, q.text).toBeDefined();
        expect(q.accept ?? [q.speaker], q.text).toContain(found!.speaker);
      }
    });
    it('gives the main speaker a role and enough quotes', () => {
      const { report, expected } = load();
      for (const s of expected.speakers) {
        const sp = report.speakers.find((x) => x.name === s.name);
        expect(sp, s.name).toBeDefined();
        expect(sp!.role).toBe(s.role);
        expect(sp!.quotes).toBeGreaterThanOrEqual(s.min_quotes);
      }
    });
    it('names none of the people who are only talked about', () => {
      const { report, expected } = load();
      const names = report.speakers.map((s) => s.name);
      for (const n of expected.not_speakers) expect(names).not.toContain(n);
    });
    it('leaves headline quotes unattributed', () => {
      const { report, expected } = load();
      for (const h of expected.headline_quotes) {
        const found = report.quotes.find((r) => norm(r.text) === norm(h));
        expect(found, h).toBeDefined();
        expect(found!.speaker, h).toBeNull();
      }
    });
  });
}
