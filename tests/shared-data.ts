// The one way tests, benchmarks and scripts find ../shared (env QUOTELENS_SHARED, default ../shared
// beside the repo). Research data is read from there and never copied into the repo.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SHARED_DIR = resolve(repoRoot, process.env.QUOTELENS_SHARED ?? '../shared');

/** Absolute path of a file under ../shared. */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** True when ../shared (or the named part of it) is present. */
export function hasShared(...parts: string[]): boolean {
  return existsSync(sharedPath(...parts));
}

/** The message a skipped suite prints when ../shared is absent. */
export function missingSharedMessage(...parts: string[]): string {
  return `skipped: ${sharedPath(...parts)} not found (set QUOTELENS_SHARED to the shared data folder)`;
}
