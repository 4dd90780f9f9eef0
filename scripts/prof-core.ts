// Profiles article detection and clutter detection in Node (happy-dom): per-stage median/p95 ms
// over ../shared pages, and a fingerprint of every decision, so a speed change can be shown to
// change nothing (diff two fingerprints). Node + happy-dom timings are only a proxy: the browser
// bench (scripts/bench.ts) is the real measure.
// Usage: npx tsx scripts/prof-core.ts [--runs N] [--corpus readability|aeb|all] [--fingerprint FILE]
//                                     [--only SLUG] [--top K] [--count]
//   --count             counts our DOM calls per stage (top-level calls into happy-dom's DOM
//                       prototypes: each is a wrapper crossing in Firefox), summed over pages
//   --fingerprint FILE  writes the decisions (isArticle, score, reasons, root, hidden blocks with
//                       kinds and reasons, in declutter, declutter+comments and focus modes, and
//                       findClutterIn on the body's side children) to FILE
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseHtml } from '../src/cli/parse-html';
import { detectArticle } from '../src/core/article';
import { findClutterBlocks, findClutterIn } from '../src/core/clutter';
import { CLUTTER_VOCABULARY as vocabulary } from '../src/core/lexicon/clutter';
import { sharedPath } from '../tests/shared-data';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    corpus: { type: 'string', default: 'readability' },
    fingerprint: { type: 'string' },
    only: { type: 'string' },
    top: { type: 'string', default: '5' },
    count: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const corpus = values.corpus;
const fingerprintFile = values.fingerprint;
const only = values.only;
const top = Number(values.top);
const count = values.count;

/** DOM calls by name while counting; only calls from outside the DOM count (depth 0). */
const calls = new Map<string, number>();
let depth = 0;
let counting = false;
const patched = new WeakSet<object>();
function patchChain(obj: object | null): void {
  for (let proto = obj && Object.getPrototypeOf(obj); proto && proto !== Object.prototype; ) {
    if (!patched.has(proto)) {
      patched.add(proto);
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (key === 'constructor') continue;
        const d = Object.getOwnPropertyDescriptor(proto, key)!;
        const wrap = <F extends (...a: unknown[]) => unknown>(f: F, name: string) =>
          function (this: unknown, ...a: unknown[]) {
            if (counting && depth === 0) calls.set(name, (calls.get(name) ?? 0) + 1);
            depth++;
            try {
              return f.apply(this, a);
            } finally {
              depth--;
            }
          };
        if (d.get) d.get = wrap(d.get as never, key);
        else if (typeof d.value === 'function') d.value = wrap(d.value, `${key}()`);
        else continue;
        if (!d.configurable) continue;
        Object.defineProperty(proto, key, d);
      }
    }
    proto = Object.getPrototypeOf(proto);
  }
}
function patchDocument(doc: Document): void {
  const els = Array.from(doc.querySelectorAll('*'));
  const protos = new Set(els.map((e) => Object.getPrototypeOf(e)));
  for (const p of protos) patchChain(Object.create(p));
  patchChain(doc);
  patchChain(doc.createTextNode('x'));
  patchChain(doc.createComment('x'));
  patchChain(doc.createTreeWalker(doc.documentElement, 1));
  patchChain(doc.documentElement.children);
  patchChain(doc.documentElement.childNodes);
  patchChain(doc.querySelectorAll('*'));
  patchChain(doc.documentElement.attributes);
  patchChain(doc.documentElement.classList);
  const attr = doc.documentElement.attributes[0];
  if (attr) patchChain(attr);
}
const stageCalls: Record<string, Map<string, number>> = {};
function counted<T>(stage: string, fn: () => T): T {
  calls.clear();
  counting = true;
  try {
    return fn();
  } finally {
    counting = false;
    const into = stageCalls[stage] ?? new Map<string, number>();
    stageCalls[stage] = into;
    for (const [k, v] of calls) into.set(k, (into.get(k) ?? 0) + v);
  }
}

function pages(): { slug: string; file: string }[] {
  const corpora = corpus === 'all' ? ['readability', 'aeb'] : [corpus];
  const out: { slug: string; file: string }[] = [];
  for (const c of corpora) {
    const dir = sharedPath('pages', c);
    for (const slug of readdirSync(dir).sort()) {
      if (only && slug !== only) continue;
      out.push({ slug: `${c}/${slug}`, file: `${dir}/${slug}/source.html` });
    }
  }
  return out;
}

/** A stable path of an element: tag and index among its parent's element children. */
function pathOf(el: Element | null): string {
  if (!el) return '-';
  const parts: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    const p = e.parentElement;
    parts.push(`${e.tagName.toLowerCase()}${p ? `[${Array.prototype.indexOf.call(p.children, e)}]` : ''}`);
  }
  return parts.reverse().join('>');
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => x.toFixed(2).padStart(7);

function fingerprint(doc: Document): string[] {
  const lines: string[] = [];
  const a = detectArticle(doc);
  lines.push(`  article ${a.isArticle} score ${a.score} root ${pathOf(a.root)} title ${pathOf(a.titleElement)}`);
  for (const r of a.reasons) lines.push(`    reason ${r}`);
  const configs = [
    { mode: 'declutter', hideComments: false, vocabulary },
    { mode: 'declutter', hideComments: true, vocabulary },
    { mode: 'focus', hideComments: false, vocabulary },
  ] as const;
  for (const cfg of configs) {
    // As the report runs it: with detection's measure, and also without (a fresh measure).
    const withMeasure = findClutterBlocks(doc, a.root, { ...cfg, ...(a.measure ? { measure: a.measure } : {}) });
    const fresh = findClutterBlocks(doc, a.root, cfg);
    const line = (b: { element: Element; kind: string; reason: string }) =>
      `    ${b.kind} ${pathOf(b.element)} :: ${b.reason}`;
    lines.push(`  ${cfg.mode}${cfg.hideComments ? '+comments' : ''}: ${withMeasure.length} blocks`);
    for (const b of withMeasure) lines.push(line(b));
    const same = fresh.length === withMeasure.length && fresh.every((b, i) => line(b) === line(withMeasure[i]!));
    if (!same) lines.push('    !! a fresh measure decides differently');
  }
  // Late subtrees: each child of <body> beside the root, as the observer would hand them in.
  const body = doc.body;
  if (body) {
    for (const child of Array.from(body.children).slice(0, 40)) {
      const blocks = findClutterIn(child, a.root, { mode: 'declutter', hideComments: false, vocabulary });
      if (blocks.length === 0) continue;
      lines.push(`  in ${pathOf(child)}:`);
      for (const b of blocks) lines.push(`    ${b.kind} ${pathOf(b.element)} :: ${b.reason}`);
    }
  }
  return lines;
}

const detectMs: number[] = [];
const declutterMs: number[] = [];
const perPage: { slug: string; detect: number; declutter: number }[] = [];
const fp: string[] = [];
for (const { slug, file } of pages()) {
  const doc = parseHtml(readFileSync(file, 'utf8'));
  if (fingerprintFile) {
    fp.push(slug);
    try {
      fp.push(...fingerprint(doc));
    } catch (e) {
      fp.push(`  threw ${(e as Error).message}`);
    }
  }
  if (count) {
    patchDocument(doc);
    const a = counted('detect', () => detectArticle(doc));
    if (a.isArticle)
      counted('declutter', () =>
        findClutterBlocks(doc, a.root, {
          mode: 'declutter',
          hideComments: false,
          vocabulary,
          ...(a.measure ? { measure: a.measure } : {}),
        }),
      );
  }
  if (runs > 0) {
    const d: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const a = detectArticle(doc);
      const t1 = performance.now();
      d.push(t1 - t0);
      if (a.isArticle) {
        const t2 = performance.now();
        findClutterBlocks(doc, a.root, {
          mode: 'declutter',
          hideComments: false,
          vocabulary,
          ...(a.measure ? { measure: a.measure } : {}),
        });
        c.push(performance.now() - t2);
      }
    }
    const row = { slug, detect: median(d), declutter: c.length ? median(c) : 0 };
    perPage.push(row);
    detectMs.push(row.detect);
    if (c.length) declutterMs.push(row.declutter);
  }
  (doc.defaultView as unknown as { happyDOM?: { close(): Promise<void> } })?.happyDOM?.close();
}

if (fingerprintFile) {
  writeFileSync(fingerprintFile, `${fp.join('\n')}\n`);
  console.log(`fingerprint: ${fp.length} lines -> ${fingerprintFile}`);
}
if (count) {
  for (const [stage, m] of Object.entries(stageCalls)) {
    const total = [...m.values()].reduce((s, x) => s + x, 0);
    console.log(`DOM calls in ${stage}: ${total}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${k.padEnd(28)} ${v}`);
  }
}
if (runs > 0) {
  const total = perPage.map((p) => p.detect + p.declutter);
  console.log(`${perPage.length} pages (${corpus}), median of ${runs} runs per page; ms over pages:`);
  console.log('stage       median     p95     max     sum');
  for (const [name, xs] of [
    ['detect', detectMs],
    ['declutter', declutterMs],
    ['both', total],
  ] as const) {
    const sum = xs.reduce((s, x) => s + x, 0);
    console.log(`${name.padEnd(10)} ${ms(median(xs))} ${ms(quantile(xs, 0.95))} ${ms(Math.max(...xs))} ${ms(sum)}`);
  }
  console.log(`slowest (detect + declutter):`);
  for (const p of [...perPage].sort((a, b) => b.detect + b.declutter - a.detect - a.declutter).slice(0, top)) {
    console.log(`  ${p.slug.padEnd(40)} detect ${ms(p.detect)} declutter ${ms(p.declutter)}`);
  }
}
