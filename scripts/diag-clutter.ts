// Temporary diagnostic (not committed): where the missed clutter sits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../src/cli/analyze';
import { analyzePage, visibleTextOf } from '../src/core/report';
import { normalizeSpace } from '../src/core/text';
import { sharedPath } from '../tests/shared-data';

const dir = sharedPath('pages', 'aeb');
const pages = process.argv.slice(2);
const kindFilter = process.env.KIND;
for (const page of pages) {
  const labels = JSON.parse(readFileSync(join(dir, page, 'clutter.json'), 'utf8'));
  const doc = parseHtml(readFileSync(join(dir, page, 'source.html'), 'utf8'));
  const a = analyzePage(doc, { mode: 'declutter', hideComments: true });
  const vis = normalizeSpace(visibleTextOf(doc, new Set(a.clutter.map((c) => c.element))));
  const root = a.root;
  const desc = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${(el.getAttribute('class') ?? '').trim() ? `.${(el.getAttribute('class') ?? '').trim().split(/\s+/).slice(0, 3).join('.')}` : ''}`;
  for (const c of labels.clutter) {
    const t = normalizeSpace(c.contains);
    if (!vis.includes(t) || (kindFilter && c.kind !== kindFilter)) continue;
    // deepest element containing
    let best: Element | null = null;
    for (const el of Array.from(doc.body.querySelectorAll('*'))) {
      if (normalizeSpace(el.textContent ?? '').includes(t)) best = el;
    }
    if (!best) { console.log(`${page} ${c.kind} NOTFOUND ${t.slice(0, 60)}`); continue; }
    let box = best;
    while (box.parentElement && box.parentElement !== doc.body && normalizeSpace(box.parentElement.textContent ?? '').length <= t.length * 1.3 + 80) box = box.parentElement;
    const text = normalizeSpace(box.textContent ?? '');
    let link = 0; for (const l of Array.from(box.querySelectorAll('a'))) link += normalizeSpace(l.textContent ?? '').length;
    const pos = !root ? 'noroot' : root.contains(box) ? 'IN' : box.contains(root) ? 'HOLDS' : root.compareDocumentPosition(box) & 4 ? 'after' : 'before';
    const chain: string[] = []; for (let e: Element | null = box; e && e !== doc.body && chain.length < 5; e = e.parentElement) chain.push(desc(e));
    console.log(`${page} ${c.kind} [${pos}] chars ${text.length} ld ${(link / Math.max(1, text.length)).toFixed(2)} a ${box.querySelectorAll('a').length} img ${box.querySelectorAll('img,picture').length} h ${box.querySelectorAll('h1,h2,h3,h4,h5,h6').length} btn ${box.querySelectorAll('button').length} | ${chain.join(' < ')}\n    "${t.slice(0, 80)}"`);
  }
}
