#!/usr/bin/env node
// The `quotelens` command (package.json "bin"): starts the bundled CLI that `npm run build:cli`
// writes (npm ci runs it through "prepare"). Plain JavaScript, so it runs with node alone.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('quotelens: the CLI is not built yet: run npm run build:cli (npm ci does it too)\n');
  process.exit(2);
}
await import(bundle.href);
