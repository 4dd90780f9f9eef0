// How well hand corrections carry to a site's other pages, on the labelled aeb pages: the 30 sites
// with two pages each. A reader's corrections are simulated from the labels of page A, their
// stable selectors (core/selector.ts) are applied to page B of the same site, and B's labels say
// whether they named the right blocks and whether any article sentence of B would be hidden.
//   npx tsx scripts/eval-corrections.ts
import { readdirSync, readFileSync } from 'node:fs';
import { parseHtml } from '../src/cli/parse-html';
import { CLUTTER_VOCABULARY as vocabulary } from '../src/core/lexicon/clutter';
import { readPage } from '../src/core/report';
import { matchCorrections, stableSelector } from '../src/core/selector';
import { siteOf } from '../src/shared/sites';
import { hasShared, missingSharedMessage, sharedPath } from '../tests/shared-data';

/** Widening a pick stops at this much text: past it the "box" is a page column, not a block. */
const MAX_PICK_CHARS = 2000;

interface Labels {
  clutter: { kind: string; contains: string }[];
  keep: string[];
}

interface Page {
  id: string;
  doc: Document;
  root: Element | null;
  hidden: Element[];
  labels: Labels;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const textOf = (el: Element) => norm(el.textContent ?? '');

function load(id: string): Page {
  const dir = sharedPath('pages', 'aeb', id);
  const { url } = JSON.parse(readFileSync(`${dir}/ground-truth.json`, 'utf8')) as { url: string };
  const doc = parseHtml(readFileSync(`${dir}/source.html`, 'utf8'), url);
  const read = readPage(doc, { mode: 'declutter', url, vocabulary });
  const labels = JSON.parse(readFileSync(`${dir}/clutter.json`, 'utf8')) as Labels;
  return { id, doc, root: read.root, hidden: read.clutter.map((c) => c.element), labels };
}

/** The block a reader would pick for a label: the text's element, widened (←) to the whole box. */
function pickFor(page: Page, contains: string): Element | null {
  const needle = norm(contains);
  let best: Element | null = null;
  for (const el of page.doc.body.querySelectorAll('*')) if (textOf(el).includes(needle)) best = el;
  if (!best) return null;
  const holdsArticle = (el: Element) =>
    (page.root !== null && el.contains(page.root)) || page.labels.keep.some((k) => textOf(el).includes(norm(k)));
  if (holdsArticle(best)) return null;
  for (let up = best.parentElement; up && up !== page.doc.body; up = up.parentElement) {
    if (holdsArticle(up) || textOf(up).length > MAX_PICK_CHARS) break;
    best = up;
  }
  return best;
}

function main(): void {
  if (!hasShared('pages', 'aeb')) {
    console.log(missingSharedMessage('pages', 'aeb'));
    return;
  }
  const bySite = new Map<string, string[]>();
  for (const id of readdirSync(sharedPath('pages', 'aeb')).sort()) {
    const { url } = JSON.parse(readFileSync(sharedPath('pages', 'aeb', id, 'ground-truth.json'), 'utf8')) as {
      url: string;
    };
    const site = siteOf(new URL(url).hostname);
    bySite.set(site, [...(bySite.get(site) ?? []), id]);
  }
  const n = {
    labelsOnB: 0,
    labelsCovered: 0,
    picks: 0,
    selectors: 0,
    matchOnB: 0,
    rightOnB: 0,
    keepsHiddenOnB: 0,
    keepsOnB: 0,
    keptHiddenBlocks: 0,
  };
  const c = { keepSelectors: 0, keepMatch: 0, keepRight: 0 };
  let pairs = 0;
  for (const ids of bySite.values()) {
    if (ids.length < 2) continue;
    const pages = ids.map(load);
    for (const a of pages) {
      for (const b of pages) {
        if (a === b) continue;
        pairs++;
        // "Hide a block": every labelled clutter block of A, picked as a reader would.
        const hide: string[] = [];
        for (const label of a.labels.clutter) {
          const pick = pickFor(a, label.contains);
          if (!pick) continue;
          n.picks++;
          const s = stableSelector(pick);
          if (s) hide.push(s);
        }
        n.selectors += hide.length;
        const found = matchCorrections(b.doc, b.root, { keep: [], hide });
        n.matchOnB += found.hide.length;
        const labelled = b.labels.clutter.map((l) => norm(l.contains));
        n.rightOnB += found.hide.filter((el) => labelled.some((l) => textOf(el).includes(l))).length;
        n.keepsOnB += b.labels.keep.length;
        n.labelsOnB += labelled.length;
        n.labelsCovered += labelled.filter((l) => found.hide.some((el) => textOf(el).includes(l))).length;
        const lost = b.labels.keep.filter((k) => found.hide.some((el) => textOf(el).includes(norm(k))));
        n.keepsHiddenOnB += lost.length;
        // "Keep visible": every block our rules hid on A, kept; does it name a block they hide on B?
        const keep = a.hidden.map(stableSelector).filter((s): s is string => s !== null);
        c.keepSelectors += keep.length;
        n.keptHiddenBlocks += a.hidden.length;
        const kept = matchCorrections(b.doc, b.root, { keep, hide: [] }).keep;
        c.keepMatch += kept.size;
        c.keepRight += b.hidden.filter((el) => kept.has(el)).length;
      }
    }
  }
  const pct = (x: number, y: number) => `${y === 0 ? 0 : ((100 * x) / y).toFixed(1)}%`;
  console.log(`site pairs (page A's corrections applied on page B of the same site): ${pairs}`);
  console.log(
    `hide picks from A's labels: ${n.picks}, with a stable selector: ${n.selectors} (${pct(n.selectors, n.picks)})`,
  );
  console.log(
    `  on B: ${n.matchOnB} blocks hidden, ${n.rightOnB} of them labelled clutter on B (${pct(n.rightOnB, n.matchOnB)})`,
  );
  console.log(
    `  B's labelled clutter blocks those hide: ${n.labelsCovered} of ${n.labelsOnB} (${pct(n.labelsCovered, n.labelsOnB)})`,
  );
  console.log(`  B's keep sentences hidden: ${n.keepsHiddenOnB} of ${n.keepsOnB}`);
  console.log(
    `keeps of the blocks our rules hid on A: ${n.keptHiddenBlocks}, with a stable selector: ${c.keepSelectors} (${pct(c.keepSelectors, n.keptHiddenBlocks)})`,
  );
  console.log(`  on B: they name ${c.keepMatch} blocks, ${c.keepRight} of them blocks our rules hide on B`);
}

main();
