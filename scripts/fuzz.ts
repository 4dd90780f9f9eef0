// Property-based checks of the core and the content script's undo over generated DOMs. The unit
// tier (tests/unit/properties.test.ts) runs them briefly with a fixed seed; this script runs them
// for longer: npx tsx scripts/fuzz.ts --runs 5000 --seed 42
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { analyzeBlocks } from '../src/background/engine-host';
import { PageController } from '../src/content/page';
import { DECLUTTER } from '../src/core/declutter';
import { CLUTTER_VOCABULARY as vocabulary } from '../src/core/lexicon/clutter';
import { analyzePage } from '../src/core/report';
import { checkAnalyzeRequest } from '../src/shared/analyze-request';

const TAGS = [
  'div',
  'section',
  'article',
  'aside',
  'main',
  'nav',
  'header',
  'footer',
  'p',
  'span',
  'a',
  'ul',
  'li',
  'h1',
  'h2',
  'h3',
  'blockquote',
  'figure',
  'figcaption',
  'em',
  'strong',
  'form',
  'button',
  'iframe',
  'img',
  'br',
] as const;
const CLASS_WORDS = [
  'ad',
  'ads',
  'ad-slot',
  'share',
  'social',
  'related',
  'newsletter',
  'cookie',
  'cookie-banner',
  'trending',
  'promo',
  'sponsored',
  'comments',
  'story',
  'content',
  'body',
  'article',
  'main',
  'widget',
  'x1',
];
const WORDS = [
  'the',
  'mayor',
  'said',
  'Ana',
  'Ortiz',
  'Ben',
  'Cole',
  'she',
  'he',
  'added',
  'bridge',
  'Advertisement',
  'Trending',
  'Related',
  'Share',
  'Subscribe',
  'newsletter',
  'cookies',
  'according',
  'to',
  'budget',
  'we',
  'will',
  'never',
  'today',
  '.',
  ',',
  ':',
];
const MARKS = ['“', '”', '„', '«', '»', '‘', '’', '"', "'", '「', '」'];

export type Tree = { tag: string; classes: string[]; children: (Tree | string)[] };

const textArb = fc
  .array(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...MARKS) }),
    {
      maxLength: 40,
    },
  )
  .map((ws) => ws.join(' '));

export const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.record({
    tag: fc.constantFrom(...TAGS),
    classes: fc.array(fc.constantFrom(...CLASS_WORDS), { maxLength: 2 }),
    children: fc.array(fc.oneof({ weight: 2, arbitrary: textArb }, { weight: 1, arbitrary: tie('tree') }), {
      maxLength: 5,
    }),
  }),
})).tree;

export const pageArb: fc.Arbitrary<Page> = fc.record({
  title: textArb,
  lang: fc.constantFrom('en', 'de', 'fr', 'zh', ''),
  article: fc.boolean(),
  body: fc.array(treeArb, { minLength: 1, maxLength: 6 }),
});
export interface Page {
  title: string;
  lang: string;
  article: boolean;
  body: Tree[];
}

const VOID = new Set(['img', 'br']);

function build(doc: Document, parent: Element, node: Tree | string): void {
  if (typeof node === 'string') {
    parent.appendChild(doc.createTextNode(node));
    return;
  }
  const el = doc.createElement(node.tag);
  if (node.classes.length > 0) el.setAttribute('class', node.classes.join(' '));
  if (!VOID.has(node.tag)) for (const c of node.children) build(doc, el, c);
  parent.appendChild(el);
}

/** A fresh happy-dom window whose document holds the generated page (built with DOM calls, no parser). */
export function makePage(page: Page): { win: Window; doc: Document } {
  const win = new Window({ url: 'https://news.example/story', settings: { disableJavaScriptEvaluation: true } });
  const doc = win.document as unknown as Document;
  if (page.lang) doc.documentElement.setAttribute('lang', page.lang);
  const title = doc.createElement('title');
  title.textContent = page.title;
  doc.head.appendChild(title);
  if (page.article) {
    const meta = doc.createElement('meta');
    meta.setAttribute('property', 'og:type');
    meta.setAttribute('content', 'article');
    doc.head.appendChild(meta);
  }
  for (const t of page.body) build(doc, doc.body, t);
  return { win, doc };
}

const withoutTimings = (r: ReturnType<typeof analyzePage>['report']) => ({ ...r, timings: {} });

/** The properties, each one an fc.Property over generated pages. */
export const properties = {
  'analysis never throws and never changes the document': fc.property(pageArb, (page) => {
    const { doc } = makePage(page);
    const before = doc.documentElement.outerHTML;
    analyzePage(doc, { mode: 'declutter' });
    analyzePage(doc, { mode: 'focus', hideComments: true });
    return doc.documentElement.outerHTML === before;
  }),
  'hiding never touches the article root or its ancestors': fc.property(pageArb, fc.boolean(), (page, focus) => {
    const { doc } = makePage(page);
    const { root, clutter } = analyzePage(doc, { mode: focus ? 'focus' : 'declutter' });
    if (!root) return clutter.length === 0;
    return clutter.every((c) => c.element !== root && !c.element.contains(root));
  }),
  'analysis is deterministic': fc.property(pageArb, (page) => {
    const a = analyzePage(makePage(page).doc);
    const b = analyzePage(makePage(page).doc);
    const { doc } = makePage(page);
    const c = analyzePage(doc);
    const d = analyzePage(doc);
    const same = (x: typeof a, y: typeof a) =>
      JSON.stringify(withoutTimings(x.report)) === JSON.stringify(withoutTimings(y.report));
    return same(a, b) && same(c, d);
  }),
  'apply then clearAll restores the DOM exactly': fc.property(
    pageArb,
    fc.record({ declutter: fc.boolean(), highlight: fc.boolean(), focus: fc.boolean() }),
    fc.boolean(),
    (page, toggles, reveal) => {
      const { win, doc } = makePage(page);
      const before = doc.documentElement.outerHTML;
      const controller = new PageController(
        doc,
        win as unknown as globalThis.Window,
        toggles,
        { hideComments: false, declutter: { code: DECLUTTER, vocabulary } },
        'standard',
        (request) => analyzeBlocks(checkAnalyzeRequest(request)),
      );
      controller.run();
      controller.showHidden(reveal);
      controller.setToggles({ highlight: !toggles.highlight });
      controller.clearAll();
      const after = doc.documentElement.outerHTML;
      win.happyDOM.abort();
      return after === before;
    },
  ),
};

export function runAll(options: { runs: number; seed: number }): { name: string; ok: boolean; message: string }[] {
  return Object.entries(properties).map(([name, prop]) => {
    const details = fc.check(prop as fc.IProperty<unknown>, {
      numRuns: options.runs,
      seed: options.seed,
    }) as fc.RunDetails<unknown>;
    return {
      name,
      ok: !details.failed,
      message: details.failed ? (fc.defaultReportMessage(details) ?? 'failed') : `${details.numRuns} runs`,
    };
  });
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
  const value = (v: string | undefined, fallback: number) => {
    const n = v === undefined ? fallback : Number(v);
    return Number.isFinite(n) ? n : fallback;
  };
  const runs = value(values.runs, 1000);
  const seed = value(values.seed, Date.now() % 2 ** 31);
  const t0 = performance.now();
  const results = runAll({ runs, seed });
  for (const r of results) if (!r.ok) process.stderr.write(`FAIL ${r.name}\n${r.message}\n`);
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(
    `fuzz: ${results.length - failed}/${results.length} properties held over ${runs} runs each (seed ${seed}, ${Math.round(performance.now() - t0)} ms)\n`,
  );
  if (failed > 0) process.exitCode = 1;
}

if (process.argv[1]?.endsWith('fuzz.ts')) main();
