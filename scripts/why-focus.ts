// Where focus mode's false positives are, block by block, on the aeb pages of one split:
// npx tsx scripts/why-focus.ts [--split train|dev] [--page ID] [--min SHARE]
//   For each page whose visible text (focus mode) has at least SHARE (default 0.03) of its
//   word-4-grams outside the page's articleBody, the visible blocks that hold them: the count, inside
//   or outside the root, the block's element and four ancestors, and its first words. A 4-gram is
//   counted on the block of its last word, so each block start carries up to three from the block
//   before it. Tune on train (the site split of scripts/eval-clutter.ts); dev is for figures only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHtml } from '../src/cli/parse-html';
import { analyzePage, visibleBlocksOf } from '../src/core/report';
import { normalizeSpace } from '../src/core/text';
import { sharedPath } from '../tests/shared-data';
import { NGRAM, WORD } from './check-pages';
import { pageSplit } from './eval-clutter';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'train' },
    page: { type: 'string' },
    min: { type: 'string', default: '0.03' },
  },
});
const tag = (el: Element) => {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).slice(0, 2).join('.');
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''}`;
};

async function main(): Promise<void> {
  const dir = sharedPath('pages', 'aeb');
  for (const page of readdirSync(dir).sort()) {
    if (values.page && page !== values.page) continue;
    const truth = JSON.parse(readFileSync(join(dir, page, 'ground-truth.json'), 'utf8'));
    if (!values.page && pageSplit(truth.url, page) !== values.split) continue;
    const doc = parseHtml(readFileSync(join(dir, page, 'source.html'), 'utf8'));
    const a = analyzePage(doc, { mode: 'focus' });
    const hidden = new Set(a.clutter.map((c) => c.element));
    const blocks = visibleBlocksOf(doc, hidden);
    const truthWords = (truth.articleBody ?? '').match(WORD) ?? [];
    const grams = new Map<string, number>();
    for (let i = 0; i + NGRAM <= truthWords.length; i++) {
      const k = truthWords.slice(i, i + NGRAM).join(' ');
      grams.set(k, (grams.get(k) ?? 0) + 1);
    }
    const words: { w: string; b: number }[] = [];
    blocks.forEach((b, i) => {
      for (const w of normalizeSpace(b.text).match(WORD) ?? []) words.push({ w, b: i });
    });
    const fpOf = new Map<number, number>();
    let total = 0;
    for (let i = 0; i + NGRAM <= words.length; i++) {
      total++;
      const k = words
        .slice(i, i + NGRAM)
        .map((x) => x.w)
        .join(' ');
      const n = grams.get(k) ?? 0;
      if (n > 0) grams.set(k, n - 1);
      else fpOf.set(words[i + NGRAM - 1]!.b, (fpOf.get(words[i + NGRAM - 1]!.b) ?? 0) + 1);
    }
    const fp = [...fpOf.values()].reduce((x, y) => x + y, 0);
    if (fp < Number(values.min) * Math.max(1, total)) continue;
    const root = a.root;
    process.stdout.write(`\n${page} ${fp}/${total} 4-grams not in the body; root ${root ? tag(root) : 'none'}\n`);
    for (const [i, n] of [...fpOf].sort((x, y) => x[0] - y[0])) {
      if (n < NGRAM - 1) continue;
      const el = blocks[i]!.element;
      const chain: string[] = [];
      for (let e: Element | null = el; e && e !== doc.body && chain.length < 5; e = e.parentElement) chain.push(tag(e));
      const where = root ? (root.contains(el) ? 'in ' : 'out') : '-';
      process.stdout.write(
        `  ${String(n).padStart(4)} ${where} ${chain.join(' < ').slice(0, 140)} | ${normalizeSpace(blocks[i]!.text).slice(0, 90)}\n`,
      );
    }
    await (doc.defaultView as unknown as { happyDOM?: { close(): Promise<void> } }).happyDOM?.close();
  }
}

void main();
