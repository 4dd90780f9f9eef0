// Quote and speaker figures on the PolNeAR corpus (../shared/corpora/polnear).
// Usage: npx tsx scripts/eval-polnear.ts [--split dev|train] [--errors N] [--no-write] [--dump FILE]
// (--dump writes every gold quote with a speaker and our answer as JSON, for error analysis; keep it out of the repo)
// Each article is rendered as a simple HTML page (first paragraph = the title as <h1>, the others as
// <p>), parsed with the CLI's parseHtml, and run through collectTextBlocks → findQuotes →
// attributeSpeakers on <body> directly: article detection is skipped, so short articles count too.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../src/cli/parse-html';
import type { AttributionFacts } from '../src/core/model/features';
import { findQuotes } from '../src/core/quotes';
import { type AttributeOptions, attributeSpeakers } from '../src/core/speakers';
import { collectTextBlocks } from '../src/core/text';
import { sharedPath } from '../tests/shared-data';
import { escapeHtml, evalOptions, paragraphs, pct, sameSpeaker } from './eval-common';

export { sameSpeaker };

export interface GoldQuote {
  text: string;
  start: number;
  end: number;
  kind: 'direct' | 'mixed';
  speaker: string | null;
  speaker_alt: string | null;
  speaker_agreement?: string | null;
  speaker_mention?: string | null;
  mention_is_pronoun?: boolean;
}

/** One gold quote with a speaker and what we predicted for it (`--dump FILE`, for error analysis). */
export interface DumpRow {
  id: string;
  ok: boolean;
  /** We match the other silver source (`speaker_alt`) instead. */
  okAlt: boolean;
  gold: string;
  alt: string | null;
  agree: string | null;
  goldMention: string | null;
  goldPronoun: boolean;
  got: string | null;
  gotMention: string | null;
  step: string;
  quote: string;
  context: string;
}

export interface Article {
  id: string;
  title: string;
  text: string;
  quotes: GoldQuote[];
}

interface Predicted {
  start: number;
  end: number;
  speaker: string | null;
  /** The words that named the speaker ("he", "Rutte"), or null. */
  mention: string | null;
  step: string;
  kind: string;
  /** What the model scored (with `keepFacts`). */
  facts?: AttributionFacts | null;
  candidates?: AttributionFacts[];
}

export interface Figures {
  split: string;
  articles: number;
  gold_quotes: number;
  gold_with_speaker: number;
  predicted_quotes: number;
  predicted_attributed: number;
  /** Gold quotes overlapped >= 50% (of the gold span) by a predicted quote. */
  quote_recall: number;
  /** Attributed predicted quotes that overlap a gold quote (the "precision of attributed quotes"). */
  quote_precision: number;
  /** The same over every article, the ones with no annotated quotation too. */
  quote_precision_all: number;
  /** Articles with no annotated quotation (left out of the precision figures). */
  unannotated_articles: number;
  /** All predicted quotes, attributed or not, that overlap a gold quote. */
  span_precision: number;
  /** Right speaker over gold quotes with a known speaker; a missed quote counts as wrong. */
  speaker_accuracy: number;
  by_kind: Record<string, { gold: number; recall: number; with_speaker: number; speaker_accuracy: number }>;
  by_rule: Record<string, { quotes: number; right: number; accuracy: number }>;
}

function renderPage(article: Article): { html: string; offsets: number[] } {
  const paras = paragraphs(article.text);
  const body = paras.map((p, i) => (i === 0 ? `<h1>${escapeHtml(p.text)}</h1>` : `<p>${escapeHtml(p.text)}</p>`));
  return {
    html: `<!doctype html><html lang="en"><head><title>${escapeHtml(article.title)}</title></head><body>${body.join('\n')}</body></html>`,
    offsets: paras.map((p) => p.start),
  };
}

export function predict(article: Article, options: AttributeOptions = {}): Predicted[] {
  const { html, offsets } = renderPage(article);
  const doc = parseHtml(html);
  const { blocks } = collectTextBlocks(doc.body);
  if (blocks.length !== offsets.length)
    throw new Error(`${article.id}: ${blocks.length} blocks for ${offsets.length} paragraphs`);
  const spans = findQuotes(blocks);
  const { attributions, facts, candidates } = attributeSpeakers(blocks, spans, 'en', options);
  return spans.map((s, i) => ({
    facts: facts?.[i] ?? null,
    candidates: candidates?.[i] ?? [],
    start: offsets[s.block]! + s.start,
    end: offsets[s.block]! + s.end,
    speaker: attributions[i]!.speaker,
    mention: attributions[i]!.mention,
    step: attributions[i]!.step ?? attributions[i]!.rule,
    kind: s.kind,
  }));
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** The article text around a gold quote, paragraph breaks shown as ¶ (for error listings). */
const around = (t: string, g: GoldQuote, before: number, after: number): string =>
  t.slice(Math.max(0, g.start - before), Math.min(t.length, g.end + after)).replace(/\n\s*\n/g, ' ¶ ');

export function evaluate(split: string, errors = 0, dump: DumpRow[] | null = null): Figures {
  const lines = readFileSync(sharedPath('corpora', 'polnear', `${split}.jsonl`), 'utf8').split('\n');
  const articles = lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Article);
  let gold = 0;
  let found = 0;
  let withSpeaker = 0;
  let right = 0;
  let predictedN = 0;
  let predictedHit = 0;
  let attributedN = 0;
  let attributedHit = 0;
  const byKind: Record<string, { gold: number; found: number; ws: number; right: number }> = {};
  const byRule: Record<string, { quotes: number; right: number }> = {};
  const errorLines: string[] = [];
  let unannotated = 0;
  let attributedAllN = 0;
  let attributedAllHit = 0;
  for (const article of articles) {
    const preds = predict(article, evalOptions());
    // Articles the corpus annotates no quotation in (NYT pages typed with '' marks) say nothing about
    // precision: their quotations exist but are not labelled. Counted apart in quote_precision_all.
    const annotated = article.quotes.length > 0;
    if (!annotated) unannotated++;
    for (const p of preds) {
      const hit = article.quotes.some((g) => overlap(p, g) > 0);
      if (p.speaker !== null) {
        attributedAllN++;
        if (hit) attributedAllHit++;
      }
      if (!annotated) continue;
      predictedN++;
      if (hit) predictedHit++;
      if (p.speaker !== null) {
        attributedN++;
        if (hit) attributedHit++;
      }
    }
    for (const g of article.quotes) {
      byKind[g.kind] ??= { gold: 0, found: 0, ws: 0, right: 0 };
      const k = byKind[g.kind]!;
      gold++;
      k.gold++;
      const match = preds.find((p) => overlap(p, g) >= 0.5 * (g.end - g.start));
      if (match) {
        found++;
        k.found++;
      }
      if (g.speaker === null) continue;
      withSpeaker++;
      k.ws++;
      const ok = match !== undefined && sameSpeaker(match.speaker, g.speaker);
      const rule = match ? match.step : 'missed';
      if (dump) {
        dump.push({
          id: article.id,
          ok,
          okAlt: match !== undefined && g.speaker_alt !== null && sameSpeaker(match.speaker, g.speaker_alt),
          gold: g.speaker,
          alt: g.speaker_alt,
          agree: g.speaker_agreement ?? null,
          goldMention: g.speaker_mention ?? null,
          goldPronoun: g.mention_is_pronoun === true,
          got: match?.speaker ?? null,
          gotMention: match?.mention ?? null,
          step: rule,
          quote: g.text.slice(0, 80),
          context: around(article.text, g, 300, 150),
        });
      }
      byRule[rule] ??= { quotes: 0, right: 0 };
      const r = byRule[rule]!;
      r.quotes++;
      if (ok) {
        right++;
        k.right++;
        r.right++;
      } else if (errorLines.length < errors) {
        const ctx = around(article.text, g, 160, 100).replace(g.text, `[[${g.text.slice(0, 60)}…]]`);
        errorLines.push(`- gold=${g.speaker} got=${match?.speaker ?? '(none)'} rule=${rule}\n  ${ctx}`);
      }
    }
  }
  const figures: Figures = {
    split,
    articles: articles.length,
    gold_quotes: gold,
    gold_with_speaker: withSpeaker,
    predicted_quotes: predictedN,
    predicted_attributed: attributedN,
    quote_recall: pct(found, gold),
    quote_precision: pct(attributedHit, attributedN),
    quote_precision_all: pct(attributedAllHit, attributedAllN),
    unannotated_articles: unannotated,
    span_precision: pct(predictedHit, predictedN),
    speaker_accuracy: pct(right, withSpeaker),
    by_kind: Object.fromEntries(
      Object.entries(byKind).map(([k, v]) => [
        k,
        { gold: v.gold, recall: pct(v.found, v.gold), with_speaker: v.ws, speaker_accuracy: pct(v.right, v.ws) },
      ]),
    ),
    by_rule: Object.fromEntries(
      Object.entries(byRule)
        .sort((a, b) => b[1].quotes - a[1].quotes)
        .map(([k, v]) => [k, { quotes: v.quotes, right: v.right, accuracy: pct(v.right, v.quotes) }]),
    ),
  };
  if (errors > 0) process.stdout.write(`${errorLines.join('\n')}\n\n`);
  return figures;
}

function printTable(f: Figures): void {
  const rows = [
    ['split', f.split],
    ['articles', String(f.articles)],
    ['gold quotes (with speaker)', `${f.gold_quotes} (${f.gold_with_speaker})`],
    ['predicted quotes (attributed)', `${f.predicted_quotes} (${f.predicted_attributed})`],
    ['quote recall', `${f.quote_recall}%`],
    ['quote precision (attributed)', `${f.quote_precision}%`],
    [
      '  … with unannotated articles',
      `${f.quote_precision_all}% (${f.unannotated_articles} articles with no gold quote)`,
    ],
    ['span precision (all spans)', `${f.span_precision}%`],
    ['speaker accuracy', `${f.speaker_accuracy}%`],
  ];
  for (const [k, v] of Object.entries(f.by_kind))
    rows.push([`  kind ${k}`, `recall ${v.recall}% · speaker ${v.speaker_accuracy}% of ${v.with_speaker}`]);
  for (const [k, v] of Object.entries(f.by_rule))
    rows.push([`  rule ${k}`, `${v.right}/${v.quotes} right (${v.accuracy}%)`]);
  for (const [k, v] of rows) process.stdout.write(`${k!.padEnd(32)} ${v}\n`);
}

function main(): void {
  const argv = process.argv.slice(2);
  let split = 'dev';
  let errors = 0;
  let write = true;
  let dumpTo: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--split') split = argv[++i] ?? 'dev';
    else if (argv[i] === '--errors') errors = Number(argv[++i] ?? '20');
    else if (argv[i] === '--no-write') write = false;
    else if (argv[i] === '--dump') dumpTo = argv[++i] ?? null;
  }
  const dump: DumpRow[] | null = dumpTo ? [] : null;
  const figures = evaluate(split, errors, dump);
  if (dumpTo && dump) writeFileSync(dumpTo, `${JSON.stringify(dump, null, 1)}\n`);
  printTable(figures);
  if (write && split === 'dev') {
    const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'polnear-figures.json');
    writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`wrote ${out}\n`);
  }
}

if (process.argv[1]?.endsWith('eval-polnear.ts')) main();
