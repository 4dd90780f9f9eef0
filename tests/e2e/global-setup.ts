// Builds the e2e extensions (npm run build:e2e) when dist/e2e is missing or older than the sources.
import { ensureBuilt } from './helpers/build';

export function setup(): void {
  ensureBuilt('build:e2e', ['dist/e2e/chrome/manifest.json', 'dist/e2e/firefox/manifest.json'], (line) =>
    process.stdout.write(`e2e: ${line}\n`),
  );
}
