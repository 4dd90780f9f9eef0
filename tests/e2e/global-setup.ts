// Builds the e2e extensions (npm run build:e2e) when dist/e2e is missing or older than the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUTS = ['dist/e2e/chrome/manifest.json', 'dist/e2e/firefox/manifest.json'];
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'scripts/build.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function setup(): void {
  const built = OUTPUTS.map((p) => resolve(ROOT, p));
  const oldestBuild = Math.min(...built.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
  const newestSource = Math.max(...SOURCES.map((p) => newestMtime(resolve(ROOT, p))));
  if (oldestBuild > newestSource) return;
  process.stdout.write('e2e: dist/e2e is missing or older than the sources; running npm run build:e2e\n');
  execFileSync('npm', ['run', 'build:e2e'], { cwd: ROOT, stdio: 'inherit' });
}
