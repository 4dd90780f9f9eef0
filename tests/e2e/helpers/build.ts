// Runs a build script when its outputs are missing or older than the sources they come from.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'scripts/build.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** True when `outputs` (repo-relative) all exist and are newer than every source file. */
export function isBuildFresh(outputs: string[]): boolean {
  const oldestBuild = Math.min(
    ...outputs.map((p) => resolve(REPO_ROOT, p)).map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)),
  );
  const newestSource = Math.max(...SOURCES.map((p) => newestMtime(resolve(REPO_ROOT, p))));
  return oldestBuild > newestSource;
}

/** `npm run <script>` unless `outputs` are fresh; the build's own output goes to the terminal. */
export function ensureBuilt(script: string, outputs: string[], log: (line: string) => void): void {
  if (isBuildFresh(outputs)) return;
  log(`${outputs.join(', ')} missing or older than the sources: running npm run ${script}`);
  execFileSync('npm', ['run', script], { cwd: REPO_ROOT, stdio: 'inherit' });
}
