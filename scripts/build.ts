// npm run build: dist/chrome and dist/firefox from the one manifest.json.
// npm run build:e2e (E2E=1): the same with test hooks, into dist/e2e/<target>.
// Per target: (1) vite + crxjs build the popup, options page and background; (2) vite builds the
// content script as one IIFE; (3) the correction UI, reader comfort and the declutter stage as one
// ES module each, which the content script imports when the reader or an article needs them; (4) the manifest gets the content script
// entry and lists those modules, alone, as web-accessible (Chrome: behind a per-session URL,
// use_dynamic_url).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type LibraryOptions, type Plugin } from 'vite';
import {
  COMFORT_OUT,
  CONTENT_SCRIPT_OUT,
  CORRECTION_UI_OUT,
  chunkResources,
  DECLUTTER_OUT,
  outDirFor,
  readSourceManifest,
  type Target,
} from '../vite.config';

const e2e = process.env.E2E === '1';
/**
 * Readability-readerable.js is CommonJS (`module.exports = …`): bundled as is, it brings the CJS
 * interop helpers (~300 B gzip) into the content script. Its one export becomes an ES export here.
 */
const readerableAsEsm: Plugin = {
  name: 'quotelens-readerable-esm',
  transform(code, id) {
    if (!id.endsWith('Readability-readerable.js')) return null;
    const cjsExport = /if \(typeof module === "object"\) \{[^}]*module\.exports = isProbablyReaderable;\s*\}/;
    if (!cjsExport.test(code))
      throw new Error('Readability-readerable.js: its CommonJS export changed; update readerableAsEsm');
    return { code: code.replace(cjsExport, 'export default isProbablyReaderable;'), map: null };
  },
};

/**
 * A script that runs in pages (the content script, the correction UI's module): one file of its
 * own, built outside crxjs with the test hooks' define and the readerable plugin.
 */
function buildPageScript(outDir: string, lib: LibraryOptions) {
  return build({
    configFile: false,
    logLevel: 'warn',
    define: { __E2E__: JSON.stringify(e2e) },
    plugins: [readerableAsEsm],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      // QUOTELENS_NO_MINIFY=1 keeps the scripts' names, for scripts/prof-page.ts.
      minify: process.env.QUOTELENS_NO_MINIFY !== '1',
      copyPublicDir: false,
      lib,
      rollupOptions: { output: { extend: false } },
    },
  });
}

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const unknown = positionals.find((a) => a !== 'chrome' && a !== 'firefox');
if (unknown) throw new Error(`build [chrome] [firefox]: unknown target ${unknown}`);
const only = positionals as Target[];
const targets: Target[] = only.length > 0 ? only : ['chrome', 'firefox'];

for (const target of targets) {
  process.env.TARGET = target;
  const outDir = outDirFor(target, e2e);
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'warn' });
  await buildPageScript(outDir, {
    entry: resolve('src/content/index.ts'),
    formats: ['iife'],
    name: 'quotelensContent',
    fileName: () => CONTENT_SCRIPT_OUT,
  });
  for (const [source, out] of [
    ['src/content/correction-ui.ts', CORRECTION_UI_OUT],
    ['src/content/comfort.ts', COMFORT_OUT],
    ['src/core/declutter.ts', DECLUTTER_OUT],
  ] as const) {
    await buildPageScript(outDir, { entry: resolve(source), formats: ['es'], fileName: () => out });
  }
  const manifestPath = resolve(outDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  const source = readSourceManifest();
  manifest.content_scripts = source.content_scripts.map((cs) => ({ ...cs, js: [CONTENT_SCRIPT_OUT] }));
  manifest.web_accessible_resources = chunkResources(target);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`built ${outDir}\n`);
}
