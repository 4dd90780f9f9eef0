// npm run build:cli (also run by `prepare` after npm ci): bundles the command line into one plain
// JavaScript file, dist/cli/cli.mjs, with happy-dom and the core inside, so `quotelens` starts with
// node alone (no tsx, no TypeScript at run time). bin/quotelens.mjs is the committed entry.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

export const CLI_BUNDLE = 'dist/cli/cli.mjs';
/** The oldest Node in package.json's engines. */
const NODE_TARGET = 'node20.19';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const started = performance.now();
await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: CLI_BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: NODE_TARGET,
  minify: false,
  legalComments: 'eof',
  define: { __QUOTELENS_VERSION__: JSON.stringify(version) },
  // Bundled CommonJS dependencies call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __quotelensRequire } from 'node:module';\nconst require = __quotelensRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
process.stdout.write(`built ${CLI_BUNDLE} in ${Math.round(performance.now() - started)} ms\n`);
