// The engine split (issue 11): the article's blocks replayed from the one walk are the blocks a
// walk of the root makes; the engine gives the report's quotes and speakers from plain blocks; the
// background checks what content scripts send; the content script retries a background that does
// not answer and paints only a reply that fits the page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import { detectArticle } from '../../src/core/article';
import { TextMeasure } from '../../src/core/article-measure';
import { findClutterBlocks } from '../../src/core/clutter';
import { attributeBlocks } from '../../src/core/engine';
import { CLUTTER_VOCABULARY as vocabulary } from '../../src/core/lexicon/clutter';
import { blockText } from '../../src/core/read-page';
import { analyzePage, readPage } from '../../src/core/report';
import { collectTextBlocks } from '../../src/core/text';
import type { TextBlock } from '../../src/core/types';
import { checkAnalyzeRequest, MAX_REQUEST_BLOCKS } from '../../src/shared/analyze-request';
import type { AnalyzeReply } from '../../src/shared/messages';
import { withRetry } from '../../src/shared/rpc';
import { asyncEngine, localEngine, testController } from './engine-link';

const FIXTURES = join(__dirname, '../fixtures');
const fixtures = readdirSync(FIXTURES).map((slug) =>
  parseHtml(readFileSync(join(FIXTURES, slug, 'source.html'), 'utf8')),
);

const shape = (blocks: TextBlock[]) =>
  blocks.map((b) => [b.index, b.element, b.text, b.tag, b.isHeading, b.pieces.map((p) => [p.node, p.start])]);

describe('one walk: the article blocks from the record of the measuring walk', () => {
  it('equal a walk of the root that leaves the hidden subtrees out, on every fixture and mode', () => {
    let replayed = 0;
    for (const doc of fixtures) {
      const article = detectArticle(doc);
      if (!article.root || !article.measure) continue;
      for (const mode of ['declutter', 'focus'] as const) {
        const hidden = new Set(
          findClutterBlocks(doc, article.root, { mode, hideComments: true, vocabulary, measure: article.measure }).map(
            (c) => c.element,
          ),
        );
        const ours = article.measure.blocksIn(article.root, hidden);
        expect(ours).not.toBeNull();
        const theirs = collectTextBlocks(article.root, { exclude: (el) => hidden.has(el) });
        expect(shape(ours!.blocks)).toEqual(shape(theirs.blocks));
        replayed++;
      }
    }
    expect(replayed).toBeGreaterThanOrEqual(10);
  });

  it('joins the text around a hidden block into one block, as the walk of the root does', () => {
    // A hidden box inside a paragraph-owner: the text before and after it is one run of its owner.
    const doc = parseHtml(
      '<body><main><div id="r">Before the box <div class="x">Hidden <p>inner</p></div> after the box.<br>Next line</div></main></body>',
    );
    const root = doc.getElementById('r')!;
    const hidden = new Set([doc.querySelector('.x')!]);
    const measure = new TextMeasure(doc.body);
    const texts = measure.blocksIn(root, hidden)!.blocks.map((b) => b.text);
    expect(texts).toEqual(collectTextBlocks(root, { exclude: (el) => hidden.has(el) }).blocks.map((b) => b.text));
    expect(texts).toEqual(['Before the box  after the box.', 'Next line']);
  });

  it('gives text directly in a root that is no block element to the root itself', () => {
    const doc = parseHtml('<body><div>Lead <story-body id="r">Own text <p>Para</p> tail</story-body></div></body>');
    const root = doc.getElementById('r')!;
    const blocks = new TextMeasure(doc.body).blocksIn(root, new Set())!.blocks;
    expect(blocks.map((b) => [b.text, b.tag])).toEqual([
      ['Own text ', 'story-body'],
      ['Para', 'p'],
      [' tail', 'story-body'],
    ]);
    expect(shape(blocks)).toEqual(shape(collectTextBlocks(root).blocks));
  });

  it('says it cannot tell (null) for an element outside the walk', () => {
    const doc = parseHtml('<body><p>One</p></body>');
    const other = parseHtml('<body><p>Two</p></body>');
    expect(new TextMeasure(doc.body).blocksIn(other.body, new Set())).toBeNull();
  });
});

describe('the engine: blocks in, quotes and speakers out', () => {
  it('analyzePage is readPage plus attributeBlocks over its plain blocks', () => {
    for (const doc of fixtures) {
      const full = analyzePage(doc).report;
      const read = readPage(doc, { vocabulary });
      if (!read.report.isArticle) continue;
      const plain = JSON.parse(JSON.stringify(read.blocks.map(blockText)));
      const result = attributeBlocks(plain, read.report.lang);
      expect(result.quotes).toEqual(full.quotes);
      expect(result.speakers).toEqual(full.speakers);
    }
  });

  it('never changes its input', () => {
    const blocks = [{ index: 0, text: '“We won,” said Ada Frey.', tag: 'p', isHeading: false }];
    const copy = structuredClone(blocks);
    expect(attributeBlocks(blocks, 'en').quotes[0]?.speaker).toBe('Ada Frey');
    expect(blocks).toEqual(copy);
  });
});

describe('analyzeBlocks requests are untrusted', () => {
  const ok = { blocks: [{ index: 0, text: 'Text', tag: 'p', isHeading: false }], lang: 'en' };
  it('accepts a well-formed request and copies only known fields', () => {
    const request = checkAnalyzeRequest({ ...ok, blocks: [{ ...ok.blocks[0], extra: 'x' }], more: 1 });
    expect(request).toEqual(ok);
    expect(Object.keys(request.blocks[0]!)).toEqual(['index', 'text', 'tag', 'isHeading']);
  });
  it.each([
    ['not an object', null],
    ['an unknown language', { ...ok, lang: 'xx' }],
    ['blocks that are no array', { ...ok, blocks: 'p' }],
    ['a block out of order', { ...ok, blocks: [{ ...ok.blocks[0], index: 1 }] }],
    ['a block without text', { ...ok, blocks: [{ ...ok.blocks[0], text: 5 }] }],
    ['a tag that is markup', { ...ok, blocks: [{ ...ok.blocks[0], tag: '<img src=x>' }] }],
    ['a heading flag that is not boolean', { ...ok, blocks: [{ ...ok.blocks[0], isHeading: 'yes' }] }],
    [
      'too many blocks',
      {
        ...ok,
        blocks: Array.from({ length: MAX_REQUEST_BLOCKS + 1 }, (_, i) => ({ ...ok.blocks[0], index: i })),
      },
    ],
    ['too much text', { ...ok, blocks: [{ ...ok.blocks[0], text: 'x'.repeat(5_000_001) }] }],
  ])('refuses %s', (_what, value) => {
    expect(() => checkAnalyzeRequest(value)).toThrow(/analyzeBlocks/);
  });
});

describe('withRetry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  it('tries again after a failure and after a timeout, and answers with the first answer', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const call = () => {
      calls++;
      if (calls === 1) return Promise.reject(new Error('port closed'));
      if (calls === 2) return new Promise<string>(() => {}); // never answers
      return Promise.resolve('answer');
    };
    const result = withRetry(call, { attempts: 3, timeoutMs: 1000, pauseMs: 10 });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toBe('answer');
    expect(calls).toBe(3);
  });
  it('throws the last failure when no try answers', async () => {
    let calls = 0;
    const call = () => {
      calls++;
      return Promise.reject(new Error(`failure ${calls}`));
    };
    await expect(withRetry(call, { attempts: 2, timeoutMs: 1000, pauseMs: 0 })).rejects.toThrow('failure 2');
  });
});

describe('the content script paints only a reply that fits', () => {
  const ARTICLE = `<head><title>Tram line opens</title><meta property="og:type" content="article"></head><body><article><h1>Tram line opens</h1>
<p>The new tram line between the station and the harbour opened on Saturday after three years of building work, with free rides for the first weekend and extra staff at every stop.</p>
<p>“It is faster than the bus and quieter too,” said Mira Holt, who rides to work every morning. She added that the stops were well lit.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>The city council said it would review the timetable after the first month, and that evening services could be extended if demand stayed high through the autumn.</p>
</article></body>`;
  const toggles = { declutter: true, highlight: true, focus: false };
  const load = () => {
    document.documentElement.innerHTML = ARTICLE;
    for (const a of Array.from(document.documentElement.attributes)) document.documentElement.removeAttribute(a.name);
  };
  afterEach(() => {
    document.documentElement.innerHTML = '';
  });

  it('hides clutter while the engine works, then highlights from its answer', async () => {
    load();
    let answer: () => void = () => {};
    const page = testController(toggles, (r) => {
      return new Promise((resolve) => {
        answer = () => resolve(localEngine(r));
      });
    });
    const done = page.runChunked();
    await vi.waitUntil(() => document.querySelector('[data-quotelens-hidden]') !== null);
    expect(page.state().status).toBe('loading');
    expect(document.documentElement.getAttribute('data-quotelens-quotes')).toBeNull();
    answer();
    await done;
    expect(page.state().status).toBe('ready');
    expect(page.state().report?.quotes.map((q) => q.speaker)).toEqual(['Mira Holt']);
    expect(document.documentElement.getAttribute('data-quotelens-quotes')).toBe('1');
    page.clearAll();
  });

  it('gives the same report through an engine that answers a task later', async () => {
    load();
    const now = testController(toggles);
    await now.run();
    const expected = { ...now.state().report!, timings: {} };
    now.clearAll();
    const later = testController(toggles, asyncEngine);
    await later.runChunked();
    expect({ ...later.state().report!, timings: {} }).toEqual(expected);
    later.clearAll();
  });

  it('drops an answer about other blocks: declutter stays, no quotes, a note says why', async () => {
    load();
    const wrong = (request: Parameters<typeof localEngine>[0]): AnalyzeReply => {
      const reply = localEngine(request) as AnalyzeReply;
      return { ...reply, quotes: reply.quotes.map((q) => ({ ...q, text: `${q.text}!` })) };
    };
    const page = testController(toggles, (r) => Promise.resolve(wrong(r)));
    await page.runChunked();
    expect(page.state().status).toBe('ready');
    expect(page.state().report?.quotes).toEqual([]);
    expect(page.state().report?.notes.join(' ')).toContain('did not fit');
    expect(document.querySelector('[data-quotelens-hidden="ad"]')).not.toBeNull();
    page.clearAll();
  });

  it('ignores an answer that arrives after the page was switched off', async () => {
    load();
    const before = document.documentElement.outerHTML;
    let answer: (reply: AnalyzeReply) => void = () => {};
    let request: Parameters<typeof localEngine>[0] | null = null;
    const page = testController(toggles, (r) => {
      request = r;
      return new Promise((resolve) => {
        answer = resolve;
      });
    });
    const done = page.runChunked();
    await vi.waitUntil(() => request !== null);
    await page.setEnabled(false);
    answer(localEngine(request!) as AnalyzeReply);
    await done;
    expect(page.state().status).toBe('off');
    document.documentElement.removeAttribute('data-quotelens');
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
