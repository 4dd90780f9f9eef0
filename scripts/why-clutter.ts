// Why labelled clutter stays visible, block by block: npx tsx scripts/why-clutter.ts [--split train|dev] [--list]
//   For each missed `contains` of ../shared/pages/aeb/ID/clutter.json (declutter mode, comments
//   hidden) the smallest element whose text holds it, and the cause: the page is not taken for an
//   article; the text is not in the visible text to begin with; the block is the root (or holds it);
//   a candidate exists but is protected (inside the article / by prose / title / byline) or scored
//   below the threshold; no candidate on or around it at all, inside or outside the root.
import { parseArgs } from 'node:util';
import { parseHtml } from '../src/cli/analyze';
import { findClutterCandidates } from '../src/core/clutter';
import { CLUTTER_VOCABULARY } from '../src/core/lexicon/clutter';
import { analyzePage, visibleTextOf } from '../src/core/report';
import { normalizeSpace } from '../src/core/text';
import { labelledPages } from './eval-clutter';

const { values } = parseArgs({
  options: { split: { type: 'string' }, list: { type: 'boolean', default: false } },
});
const tally = new Map<string, number>();
const lines: string[] = [];
const tag = (el: Element) => {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).slice(0, 2).join('.');
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''}`;
};

for (const { page, labels, split, source } of labelledPages()) {
  if (values.split && values.split !== split) continue;
  const doc = parseHtml(source());
  const a = analyzePage(doc, { mode: 'declutter', hideComments: true });
  const hidden = new Set(a.clutter.map((c) => c.element));
  const visible = normalizeSpace(visibleTextOf(doc, hidden));
  const none = normalizeSpace(visibleTextOf(doc, new Set()));
  const cands = a.root
    ? findClutterCandidates(doc, a.root, { mode: 'declutter', hideComments: true, vocabulary: CLUTTER_VOCABULARY })
    : [];
  const all = [...doc.body.getElementsByTagName('*')];
  for (const c of labels.clutter) {
    const want = normalizeSpace(c.contains);
    if (!visible.includes(want)) continue;
    let cause: string;
    let where = '';
    if (!a.report.isArticle) cause = 'not an article';
    else if (!none.includes(want)) cause = 'text not visible by markup (split/lazy)';
    else {
      // Smallest element holding the text.
      let el: Element | null = null;
      const bare = want.replace(/\s+/g, '');
      for (const e of all) if ((e.textContent ?? '').replace(/\s+/g, '').includes(bare)) el = e;
      if (!el) cause = 'text across blocks';
      else {
        where = tag(el);
        const root = a.root!;
        const inRoot = root.contains(el);
        const holdsRoot = el.contains(root);
        // Candidates on the element, its ancestors up to the root, or its descendants.
        const near = cands.filter((k) => k.element.contains(el!) || el!.contains(k.element));
        const best = near.sort((x, y) => y.score - x.score)[0];
        if (holdsRoot) cause = 'holds the root';
        else if (!best) cause = `no candidate (${inRoot ? 'in root' : 'outside root'})`;
        else if (best.reasons.includes('protected'))
          cause = `candidate protected (${inRoot ? 'in root' : 'outside root'})`;
        else cause = `candidate below threshold (${best.score})`;
        if (best) where += ` | ${best.kind} ${best.score}: ${best.reasons.join(' + ')} @ ${tag(best.element)}`;
      }
    }
    const key = `${cause}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    tally.set(`  kind ${c.kind}: ${cause}`, (tally.get(`  kind ${c.kind}: ${cause}`) ?? 0) + 1);
    lines.push(`${page} ${split} ${c.kind} [${cause}] ${want.slice(0, 70)} || ${where}`);
  }
  await (doc.defaultView as unknown as { happyDOM?: { close(): Promise<void> } }).happyDOM?.close();
}
for (const [k, n] of [...tally].sort(
  (x, y) => (x[0].startsWith(' ') ? 1 : 0) - (y[0].startsWith(' ') ? 1 : 0) || y[1] - x[1],
))
  process.stdout.write(`${String(n).padStart(4)} ${k}\n`);
if (values.list) for (const l of lines) process.stdout.write(`${l}\n`);
