// The built command line (`quotelens`, package.json "bin"): bundled to plain JavaScript, started
// with node alone, and giving the same answers as the source CLI (the contract of the README).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/cli/analyze';

const run = promisify(execFile);
const BIN = 'bin/quotelens.mjs';
const PAGE = 'tests/fixtures/reference-article/source.html';
const CONTRACT = ['file', 'ok', 'isArticle', 'lang', 'quotes', 'speakers', 'hidden', 'visibleText', 'ms'];

async function quotelens(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const withoutTime = (line: Record<string, unknown>) => ({ ...line, ms: 0 });

describe('quotelens (the built CLI)', () => {
  beforeAll(async () => {
    await run('npx', ['tsx', 'scripts/build-cli.ts']);
  }, 60_000);

  it('package.json names it as the bin, and the entry is plain JavaScript for node', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ quotelens: BIN });
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const bundle = readFileSync('dist/cli/cli.mjs', 'utf8');
    expect(bundle).not.toMatch(/from ['"]tsx|require\(['"]tsx/);
    expect(bundle).not.toMatch(/from ['"]happy-dom['"]/); // bundled in, not looked up at run time
  });

  it('`quotelens analyze FILE` prints the same JSON line as the source CLI', async () => {
    const { stdout, code } = await quotelens('analyze', PAGE);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    for (const key of CONTRACT) expect(line).toHaveProperty(key);
    const direct = await analyzeFile(PAGE, { mode: 'declutter', explain: false, hideComments: false });
    expect(withoutTime(line)).toEqual(withoutTime(JSON.parse(JSON.stringify(direct))));
    expect((line.speakers as { name: string }[])[0]?.name).toBe('Tomas Lindqvist');
  });

  it('keeps going past a bad file and exits 1; bad usage exits 2', async () => {
    const bad = await quotelens('analyze', 'no-such-file.html', PAGE);
    expect(bad.code).toBe(1);
    expect(
      bad.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { ok: boolean }).ok),
    ).toEqual([false, true]);
    const usage = await quotelens('analyse', PAGE);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: quotelens analyze');
    expect((await quotelens('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
