import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/analyze';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'quotelens-cli-'));
const paragraph = (n: number) =>
  `<p>The harbour board met for the ${n}th time this year to discuss the dredging plan, which has been delayed by rain, rising costs and a shortage of barges along the coast.</p>`;
const article = `<!doctype html><html lang="en"><head><title>Harbour plan</title>
<meta property="og:type" content="article"></head><body><article><h1>Harbour plan</h1>
${[1, 2, 3, 4, 5].map(paragraph).join('\n')}
<p>“We will finish before the storms,” said Ana Ortiz, the harbour master.</p>
</article></body></html>`;
writeFileSync(join(dir, 'article.html'), article);
writeFileSync(join(dir, 'empty.html'), '');
writeFileSync(join(dir, 'binary.bin'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));

async function analyze(...args: string[]): Promise<{ lines: Record<string, unknown>[]; code: number }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'src/cli/analyze.ts', ...args]);
    return {
      lines: stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
      code: 0,
    };
  } catch (err) {
    const e = err as { stdout: string; code: number };
    return {
      lines: e.stdout.trim()
        ? e.stdout
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l))
        : [],
      code: e.code,
    };
  }
}

describe('CLI contract', () => {
  it('prints one JSON object per file with the contract fields', async () => {
    const { lines, code } = await analyze(join(dir, 'article.html'));
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const out = lines[0]!;
    for (const key of ['file', 'ok', 'isArticle', 'lang', 'quotes', 'speakers', 'hidden', 'visibleText', 'ms']) {
      expect(out).toHaveProperty(key);
    }
    expect(out.ok).toBe(true);
    expect(out.lang).toBe('en');
    const quotes = out.quotes as { text: string; speaker: string | null; mention: string | null }[];
    expect(quotes.map((q) => q.text)).toContain('We will finish before the storms,');
    expect(typeof out.visibleText).toBe('string');
    expect(out.visibleText).toContain('dredging plan');
    // Added with reader comfort: the article's reading time in whole minutes (at least 1 for any text).
    expect(out.readingMinutes).toBeGreaterThanOrEqual(1);
  }, 30000);

  it('a bad file gives ok:false with an error, the run goes on, and the exit code is non-zero', async () => {
    const { lines, code } = await analyze(
      join(dir, 'empty.html'),
      join(dir, 'missing.html'),
      join(dir, 'binary.bin'),
      join(dir, 'article.html'),
    );
    expect(code).not.toBe(0);
    expect(lines.map((l) => l.ok)).toEqual([false, false, false, true]);
    expect(lines[0]).toMatchObject({ error: 'empty file' });
    expect(lines[1]).toMatchObject({ error: 'no such file' });
    expect(String(lines[2]?.error)).toContain('binary');
  }, 30000);

  it('parses options and rejects unknown ones', () => {
    expect(parseArgs(['--mode', 'focus', 'a.html'])).toMatchObject({ mode: 'focus', files: ['a.html'] });
    expect(parseArgs(['--mode=declutter', '--explain', 'a.html'])).toMatchObject({ explain: true });
    expect(typeof parseArgs(['--mode', 'zen', 'a.html'])).toBe('string');
    expect(typeof parseArgs(['--frobnicate', 'a.html'])).toBe('string');
    expect(typeof parseArgs([])).toBe('string');
  });
});
