// npm run build-for-amo: the source archive AMO's reviewers need for a minified add-on, as
// artifacts/quotelens-<version>-source.zip: every committed file (git archive of HEAD, so nothing
// from ../shared or node_modules), with the build steps in store/AMO-SOURCE.md.
// --verify: unpacks it in a temporary folder, runs `npm ci && npm run build` there, and checks
// that its dist/firefox is byte for byte the dist/firefox of this checkout (run npm run build first).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { verify: { type: 'boolean', default: false } } });
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const out = `artifacts/quotelens-${version}-source.zip`;
/** Files the reviewers' steps need at the archive's top level. */
const REQUIRED = ['package.json', 'package-lock.json', 'manifest.json', 'store/AMO-SOURCE.md', 'LICENSE'];

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' });

if (git('status', '--porcelain').trim() !== '')
  process.stderr.write('build-for-amo: uncommitted changes are not in the archive (it is HEAD)\n');
mkdirSync('artifacts', { recursive: true });
git('archive', '--format=zip', `--prefix=quotelens-${version}/`, '-o', out, 'HEAD');
const listed = new Set(git('ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter(Boolean));
for (const file of REQUIRED) if (!listed.has(file)) throw new Error(`build-for-amo: ${file} is not committed`);
process.stdout.write(`wrote ${out} (${listed.size} files, ${Math.round(statSync(out).size / 1024)} KiB)\n`);

function hashes(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else map.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return map;
}

if (values.verify) {
  const tmp = mkdtempSync(join(tmpdir(), 'quotelens-amo-'));
  try {
    execFileSync('unzip', ['-q', out, '-d', tmp]);
    const root = join(tmp, `quotelens-${version}`);
    const run = (...args: string[]) => execFileSync('npm', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    run('ci', '--no-audit', '--no-fund');
    run('run', 'build');
    const mine = hashes('dist/firefox');
    const theirs = hashes(join(root, 'dist/firefox'));
    const differ = [...new Set([...mine.keys(), ...theirs.keys()])].filter((f) => mine.get(f) !== theirs.get(f));
    if (differ.length > 0) throw new Error(`build-for-amo: the rebuilt dist/firefox differs: ${differ.join(', ')}`);
    process.stdout.write(`verified: a clean build from ${out} gives the same dist/firefox (${mine.size} files)\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
