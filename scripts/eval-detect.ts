// Measures article detection on the labelled pages of ../shared/pages, as the shipped code decides.
// Usage: npm run eval:detect [-- --write] [--verbose]
//   --write    records the figures in bench/detect-figures.json (the corpus tier guards them)
//   --verbose  prints every page's verdict and reasons
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeReason } from '../src/core/page-kind-explain';
import { hasDetectPages, type LabelledPage, loadDetectPages } from './detect-pages';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DETECT_FIGURES_FILE = join(repoRoot, 'bench', 'detect-figures.json');

export interface DetectFigures {
  clearNonArticles: number;
  /** Clear non-articles taken for articles, by file and kind. */
  takenForArticles: string[];
  /** Clear non-articles the first look settled before any walk over the text. */
  settledByFirstLook: number;
  /** Pages of all three sets. */
  pages: number;
  /** Pages of all three sets the settling first look (the content script's) stopped before its last features. */
  settledEarly: number;
  /** Pages where the settling first look's verdict differs from the full one's (must be none). */
  settleDisagrees: string[];
  /** Pages of all three sets whose walk the settling detection (the content script's) stopped before its end. */
  settledInWalk: number;
  /** Pages where the settling detection's verdict (first look and walk) differs from the full one's (must be none). */
  walkSettleDisagrees: string[];
  aeb: number;
  aebRecognised: number;
  aebMissed: string[];
  readerable: number;
  readerableRecognised: number;
  readerableMissed: string[];
  /** Borderline reference pages and what Quotelens does on them. */
  borderline: string[];
  /** Readability pages its own check calls not readerable (synthetic tests mostly). */
  notReaderable: string[];
}

function outcome(p: LabelledPage): string {
  const v = p.verdict;
  return `${p.id} (${p.kind}): ${v.isArticle ? 'article' : `skipped as ${v.kind}`}, p=${v.confidence.toFixed(2)}`;
}

export async function measureDetection(): Promise<DetectFigures> {
  const pages = await loadDetectPages();
  const clear = pages.filter((p) => p.set === 'nonarticles' && !p.borderline);
  const aeb = pages.filter((p) => p.set === 'aeb');
  const readerable = pages.filter((p) => p.set === 'readability' && p.label === 1);
  return {
    clearNonArticles: clear.length,
    takenForArticles: clear.filter((p) => p.verdict.isArticle).map(outcome),
    settledByFirstLook: clear.filter((p) => p.verdict.firstLook === 'not-article').length,
    pages: pages.length,
    settledEarly: pages.filter((p) => p.verdict.settled.early).length,
    settleDisagrees: pages
      .filter((p) => p.verdict.settled.verdict !== p.verdict.firstLook)
      .map((p) => `${p.set}/${p.id}: ${p.verdict.firstLook}, settled ${p.verdict.settled.verdict}`),
    settledInWalk: pages.filter((p) => p.verdict.settledWalk.early).length,
    walkSettleDisagrees: pages
      .filter((p) => p.verdict.settledWalk.isArticle !== p.verdict.isArticle)
      .map(
        (p) =>
          `${p.set}/${p.id}: ${p.verdict.isArticle ? 'article' : 'not'}, settled ${p.verdict.settledWalk.isArticle ? 'article' : 'not'}`,
      ),
    aeb: aeb.length,
    aebRecognised: aeb.filter((p) => p.verdict.isArticle).length,
    aebMissed: aeb.filter((p) => !p.verdict.isArticle).map(outcome),
    readerable: readerable.length,
    readerableRecognised: readerable.filter((p) => p.verdict.isArticle).length,
    readerableMissed: readerable.filter((p) => !p.verdict.isArticle).map(outcome),
    borderline: pages.filter((p) => p.borderline).map(outcome),
    notReaderable: pages.filter((p) => p.set === 'readability' && p.label === null).map(outcome),
  };
}

export function readDetectFigures(): DetectFigures {
  return (JSON.parse(readFileSync(DETECT_FIGURES_FILE, 'utf8')) as { figures: DetectFigures }).figures;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { write: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
  });
  if (!hasDetectPages()) {
    console.error('eval:detect needs ../shared/pages/{aeb,readability,nonarticles} (or QUOTELENS_SHARED)');
    process.exitCode = 2;
    return;
  }
  if (values.verbose) {
    for (const p of await loadDetectPages())
      console.log(`${p.set}/${outcome(p)}\n    ${p.verdict.reasons.map(describeReason).join('\n    ')}`);
  }
  const f = await measureDetection();
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(
    `clear non-articles taken for articles: ${f.takenForArticles.length} of ${f.clearNonArticles} (goal <= 1)`,
  );
  for (const s of f.takenForArticles) console.log(`  ${s}`);
  console.log(`  settled by the first look alone: ${f.settledByFirstLook} of ${f.clearNonArticles}`);
  console.log(
    `first look with settle (content script): stopped early on ${f.settledEarly} of ${f.pages} pages, verdict differs on ${f.settleDisagrees.length}`,
  );
  for (const s of f.settleDisagrees) console.log(`  ${s}`);
  console.log(
    `detection with settle (content script): the walk stopped early on ${f.settledInWalk} of ${f.pages} pages, verdict differs on ${f.walkSettleDisagrees.length}`,
  );
  for (const s of f.walkSettleDisagrees) console.log(`  ${s}`);
  console.log(`aeb articles recognised: ${f.aebRecognised} of ${f.aeb} (${pct(f.aebRecognised, f.aeb)})`);
  for (const s of f.aebMissed) console.log(`  missed ${s}`);
  console.log(
    `readerable Readability pages recognised: ${f.readerableRecognised} of ${f.readerable} (${pct(f.readerableRecognised, f.readerable)})`,
  );
  for (const s of f.readerableMissed) console.log(`  missed ${s}`);
  console.log('borderline pages:');
  for (const s of f.borderline) console.log(`  ${s}`);
  console.log('Readability pages not readerable by its own check:');
  for (const s of f.notReaderable) console.log(`  ${s}`);
  if (values.write) {
    writeFileSync(
      DETECT_FIGURES_FILE,
      `${JSON.stringify({ command: 'npm run eval:detect -- --write', figures: f }, null, 2)}\n`,
    );
    console.log(`wrote ${DETECT_FIGURES_FILE}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
