// Detection's walk settles early (WalkSettle): the bound it weighs is never below the full model's
// score, and the verdict it gives is the one the whole walk gives.
import { describe, expect, it } from 'vitest';
import {
  detectArticle,
  detectArticleSteps,
  findArticleRoot,
  firstLook,
  textFeatureCaps,
  textFeatures,
  WalkSettle,
} from '../../src/core/article';
import {
  type ElementStats,
  runSteps,
  scriptFreeLength,
  TextMeasure,
  type WalkProgress,
  type WalkWatch,
} from '../../src/core/article-measure';
import { CLUTTER_VOCABULARY as vocabulary } from '../../src/core/lexicon/clutter';
import { CHEAP_NAMES, FEATURE_NAMES, highestScore, TEXT_FEATURES, weigh } from '../../src/core/page-kind';
import { FIRST_LOOK_MODEL, PAGE_MODEL } from '../../src/core/page-kind-model';
import { readPage } from '../../src/core/report';
import { articlePage, page, paragraphs, prose } from './page-helpers';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FOOTER = `<footer>${Array.from({ length: 30 }, (_, i) => `<a href="/f/${i}">Footer link ${i}</a>`).join(' ')}</footer>`;

/** A thread of alike short posts, then a long footer of links. */
function thread(posts = 20): Document {
  const post = (i: number) =>
    `<div class="post"><span class="user">reader${i}</span><time>3 May</time><p>${prose(2, i)}</p></div>`;
  return page(
    `<main><h1>Flood talk</h1>${Array.from({ length: posts }, (_, i) => post(i)).join('')}</main>${FOOTER}`,
    '',
  );
}

/** A section front of headline cards, with scripts and styles between them. */
function front(): Document {
  const card = (i: number) =>
    `<article class="card"><h3><a href="/s/${i}">Headline number ${i} about the river</a></h3><p>A short teaser line that says what happened in the valley today, in a few words more.</p></article><script>var x${i} = "${'w'.repeat(200)}";</script>`;
  return page(
    `<style>.card{margin:0}</style><main><h1>News</h1>${Array.from({ length: 16 }, (_, i) => card(i)).join('')}</main>${FOOTER}`,
    '<meta property="og:type" content="website">',
  );
}

/** Pages that are not articles, one article, and the odd cases of the walk. */
function pages(): Document[] {
  return [
    thread(),
    thread(4),
    front(),
    page('<main><h1>Floods</h1><p>Short.</p></main>', ''),
    page(`<main>${paragraphs(2)}<svg><style>x{}</style><script>y()</script><text>label</text></svg></main>`, ''),
    page(`<template><p>${prose(3)}</p></template><div hidden>${paragraphs(3)}</div><p>${prose(1)}</p>`, ''),
    articlePage(),
    articlePage({ after: `<ul class="more">${'<li><a href="/r">Related headline</a></li>'.repeat(12)}</ul>` }),
    page(`<div>${Array.from({ length: 40 }, (_, i) => `line ${i} ${prose(1, i)}<br>`).join('')}</div>`, ''),
  ];
}

/** A watch that never stops the walk and keeps, at every look, the bound WalkSettle would weigh. */
class Recorder implements WalkWatch {
  readonly bounds: number[] = [];
  readonly seen: WalkProgress[] = [];
  constructor(private readonly settle: WalkSettle) {}
  left(measure: TextMeasure, i: number, stats: ElementStats): void {
    this.settle.left(measure, i, stats);
  }
  settled(measure: TextMeasure, progress: WalkProgress): boolean {
    this.seen.push(progress);
    this.bounds.push(this.settle.highest(measure, progress));
    return false;
  }
}

function known(doc: Document) {
  const body = doc.body;
  const m = new TextMeasure(body);
  return { ...firstLook(doc).features, titleHeadline: textFeatures(doc, m, findArticleRoot(body, m)).titleHeadline };
}

describe('highestScore with caps', () => {
  it('is never below the score of feature values within the caps given', () => {
    const next = random(11);
    for (const [model, names] of [
      [PAGE_MODEL, FEATURE_NAMES],
      [FIRST_LOOK_MODEL, CHEAP_NAMES],
    ] as const) {
      for (let run = 0; run < 500; run++) {
        const values: Record<string, number> = {};
        const knownValues: Record<string, number> = {};
        const most: Record<string, number> = {};
        const least: Record<string, number> = {};
        for (const name of names) {
          const v = next() < 0.2 ? 0 : next() * (name in TEXT_FEATURES ? 1 : 3);
          values[name] = v;
          const r = next();
          if (r < 0.3) knownValues[name] = v;
          else if (r < 0.6) most[name] = v + next();
          else if (r < 0.8) least[name] = v * next();
        }
        const z = highestScore(model, names, knownValues, most, least);
        const full = weigh(model, names, values as never).p;
        // Unread features without a cap are 0/1 or shares in [0, 1], or counts with weights <= 0.
        const capped = names.every(
          (n) =>
            n in knownValues || n in most || values[n]! <= 1 || (model.weights[names.indexOf(n as never)] ?? 0) <= 0,
        );
        if (capped) expect(1 / (1 + Math.exp(-z))).toBeGreaterThanOrEqual(full - 1e-12);
      }
    }
  });
});

describe('textFeatureCaps', () => {
  it('caps what the features can reach however the rest of the text turns out', () => {
    const next = random(7);
    const int = (n: number) => Math.floor(next() * n);
    for (let run = 0; run < 2000; run++) {
      // So far: chars, links among them, prose among them, a paragraph not yet judged, the longest run.
      const chars = int(5000);
      const linkChars = int(chars + 1);
      const unjudged = int(chars - linkChars + 1);
      const bodyChars = int(chars - linkChars - unjudged + 1);
      const longestRun = int(bodyChars + 1);
      const rest = int(3000);
      // The rest: `more` characters come, some of them and of the unjudged paragraph become prose,
      // which goes to the longest run or another.
      const more = int(rest + 1);
      const prose = int(unjudged + more + 1);
      const finalBody = bodyChars + prose;
      const finalChars = chars + more;
      const finalRun = Math.max(longestRun + int(prose + 1), int(prose + 1));
      const caps = textFeatureCaps({ chars, linkChars, bodyChars, unjudged, longestRun, rawSeen: 0, at: 0 }, rest);
      expect(caps.longestRun).toBeGreaterThanOrEqual(Math.log1p(finalRun));
      if (finalChars > 0) expect(caps.proseShare).toBeGreaterThanOrEqual(finalBody / finalChars);
      if (finalBody > 0) expect(caps.runShare).toBeGreaterThanOrEqual(Math.min(1, finalRun / finalBody));
    }
  });
});

describe('scriptFreeLength', () => {
  it('is never less than the text a walk reads or passes over', () => {
    for (const doc of pages()) {
      const settle = new WalkSettle({}, 0);
      const recorder = new Recorder(settle);
      const m = new TextMeasure(doc.body, undefined, undefined, recorder);
      const read = m.blocks.reduce((n, b) => n + b.text.length, 0);
      expect(scriptFreeLength(doc.body)).toBeGreaterThanOrEqual(read);
      for (const p of recorder.seen) expect(scriptFreeLength(doc.body)).toBeGreaterThanOrEqual(p.rawSeen);
    }
  });

  it('takes the text of scripts and styles off, once each, at the top and deeper down', () => {
    const doc = page(
      '<p>abc</p><script>var a = 1;</script><div><style>p{}</style><p>d<script>b()</script></p></div><svg><style>q{}</style></svg>',
      '',
    );
    expect(doc.body.textContent!.length - scriptFreeLength(doc.body)).toBe('var a = 1;p{}b()'.length);
  });
});

describe('WalkSettle', () => {
  it("weighs a bound never below the full model's score, at every look of the walk", () => {
    let looks = 0;
    for (const doc of pages()) {
      const body = doc.body;
      const recorder = new Recorder(new WalkSettle(known(doc), scriptFreeLength(body)));
      const m = new TextMeasure(body, undefined, undefined, recorder);
      const root = findArticleRoot(body, m);
      const w = weigh(PAGE_MODEL, FEATURE_NAMES, { ...firstLook(doc).features, ...textFeatures(doc, m, root) });
      const z = Math.log(w.p / (1 - w.p));
      for (const bound of recorder.bounds) {
        looks++;
        if (bound === Number.NEGATIVE_INFINITY) expect(root).toBeNull();
        else expect(bound).toBeGreaterThanOrEqual(z - 1e-9);
      }
    }
    expect(looks).toBeGreaterThan(10);
  });

  it('stops the walk of a thread early, and gives the verdict the whole walk gives on every page', () => {
    const doc = thread();
    const watch = new WalkSettle(known(doc), scriptFreeLength(doc.body));
    const stopped = new TextMeasure(doc.body, undefined, undefined, watch);
    expect(stopped.stopped).toBe(true);
    expect(stopped.elements.length).toBeLessThan(new TextMeasure(doc.body).elements.length);
    expect(watch.bound).toBeLessThan(0.5);
    let early = 0;
    for (const d of [...pages(), front()]) {
      const settled = runSteps(detectArticleSteps(d, undefined, false, () => false, true));
      const full = detectArticle(d);
      expect(settled.isArticle).toBe(full.isArticle);
      if (settled.settledEarly && !firstLook(d, undefined, true).settledEarly) early++;
      if (full.isArticle) expect(settled.root).toBe(full.root);
    }
    expect(early).toBeGreaterThanOrEqual(2);
  });

  it('never settles an article, nor a forced run', () => {
    const doc = articlePage();
    const settled = runSteps(detectArticleSteps(doc, undefined, false, () => false, true));
    expect(settled.isArticle).toBe(true);
    expect(settled.settledEarly).toBeUndefined();
    const forced = runSteps(detectArticleSteps(thread(), undefined, true, () => false, true));
    expect(forced.settledEarly).toBeUndefined();
    expect(forced.measure?.stopped).toBe(false);
  });

  it("leaves the report's kind and reasons to explain(), which gives what the full detection reports", () => {
    const settled = readPage(thread(), { vocabulary, settle: true });
    const full = readPage(thread(), { vocabulary });
    expect(settled.report.isArticle).toBe(false);
    expect(settled.report.articleReasons).toEqual([expect.stringMatching(/settled during the walk$/)]);
    expect(settled.report.pageKind).toBeUndefined();
    settled.explain?.();
    expect(settled.report.pageKind).toBe(full.report.pageKind);
    expect(settled.report.articleReasons).toEqual(full.report.articleReasons);
  });
});
