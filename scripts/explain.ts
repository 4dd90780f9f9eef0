// Prints why each block is hidden, why the page is (not) an article, and who said each quote, for one page.
// Usage: npx tsx scripts/explain.ts SLUG|FILE [--mode declutter|focus] [--show-comments]
//   SLUG is a folder of tests/fixtures, of ../shared/pages/readability or of ../shared/pages/aeb.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHtml } from '../src/cli/parse-html';
import { MODEL } from '../src/core/model/scorer';
import { describeReason } from '../src/core/page-kind-explain';
import { findQuotes } from '../src/core/quotes';
import { analyzePage } from '../src/core/report';
import { attributeSpeakers } from '../src/core/speakers';
import { normalizeSpace } from '../src/core/text';
import { sharedPath } from '../tests/shared-data';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The source.html a slug or path names, or null. */
export function resolvePage(arg: string): string | null {
  const candidates = [
    arg,
    join(arg, 'source.html'),
    join(repoRoot, 'tests', 'fixtures', arg, 'source.html'),
    sharedPath('pages', 'readability', arg, 'source.html'),
    sharedPath('pages', 'aeb', arg, 'source.html'),
  ];
  return candidates.find((p) => existsSync(p) && p.endsWith('.html')) ?? null;
}

function describe(el: Element): string {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).slice(0, 2).join('.');
  return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''}>`;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'declutter' },
      comments: { type: 'boolean', default: false },
      'show-comments': { type: 'boolean', default: false },
    },
  });
  const target = positionals[0];
  const mode = values.mode === 'focus' ? 'focus' : 'declutter';
  const file = target ? resolvePage(target) : null;
  if (!file) {
    process.stderr.write('usage: explain SLUG|FILE [--mode declutter|focus] [--show-comments]\n');
    process.exitCode = 2;
    return;
  }
  const doc = parseHtml(readFileSync(file, 'utf8'));
  const t0 = performance.now();
  const a = analyzePage(doc, { mode, hideComments: !values['show-comments'], now: () => performance.now() });
  const ms = performance.now() - t0;
  const out: string[] = [`${file}`, `article: ${a.report.isArticle}`];
  for (const r of a.report.articleReasons) out.push(`  ${describeReason(r)}`);
  if (a.root) out.push(`root: ${describe(a.root)}`);
  out.push(`hidden (${a.clutter.length}, mode ${mode}):`);
  for (const c of a.clutter) {
    const text = normalizeSpace(c.element.textContent ?? '').slice(0, 70);
    out.push(`  ${c.kind.padEnd(10)} ${describe(c.element)}  because ${c.reason}${text ? `  "${text}"` : ''}`);
  }
  // Who said what: each quote's sieve step (speakers-steps.ts), speaker and the model's confidence.
  const spans = findQuotes(a.blocks);
  const { attributions, lang } = attributeSpeakers(a.blocks, spans, a.report.lang);
  out.push(`quotes (${spans.length}, attributed in ${lang}; threshold ${MODEL.threshold}):`);
  spans.forEach((s, i) => {
    const at = attributions[i]!;
    const c = at.confidence === undefined ? '' : ` ${at.confidence.toFixed(2)}`;
    out.push(
      `  ${(at.step ?? at.rule).padEnd(28)} ${at.speaker ?? '(unattributed)'}${c}  “${normalizeSpace(s.text).slice(0, 60)}”`,
    );
  });
  out.push(`timings: ${JSON.stringify(a.report.timings)} total ${ms.toFixed(1)} ms`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
