// Hostile and broken input, through the core and through the CLI: no throw, a clear error where
// there is nothing to do, and pairwise work that grows linearly (time growth is in tests/scaling),
// and a note in the report when a cap is hit.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/cli/analyze';
import { SVG_RAW_TEXT_PATCHED } from '../../src/cli/happy-dom-svg-raw-text';
import { MAX_PARSER_DEPTH, parseHtml } from '../../src/cli/parse-html';
import { MAX_SPANS } from '../../src/core/quotes';
import { analyzePage } from '../../src/core/report';
import { MAX_CHARS } from '../../src/core/text';
import { article, MAX_GROWTH } from '../helpers/pages';

const dir = mkdtempSync(join(tmpdir(), 'quotelens-robust-'));
const cliOpts = { mode: 'declutter', explain: true, hideComments: false } as const;

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Node.contains calls one analysis makes: a deterministic measure of pairwise comparisons. */
function containsCalls(html: string): number {
  const doc = parseHtml(html);
  let proto: object | null = doc.body;
  while (proto && !Object.hasOwn(proto, 'contains')) proto = Object.getPrototypeOf(proto);
  const owner = proto as { contains(this: Node, other: Node | null): boolean };
  const original = owner.contains;
  let calls = 0;
  owner.contains = function (this: Node, other: Node | null) {
    calls++;
    return original.call(this, other);
  };
  try {
    analyzePage(doc);
  } finally {
    owner.contains = original;
  }
  return calls;
}

describe('the CLI on files with nothing to analyse', () => {
  it('a missing file is a clear error', async () => {
    expect(await analyzeFile(join(dir, 'nope.html'), cliOpts)).toEqual({
      file: join(dir, 'nope.html'),
      ok: false,
      error: 'no such file',
    });
  });

  it('a directory is a clear error', async () => {
    const sub = join(dir, 'folder.html');
    mkdirSync(sub, { recursive: true });
    expect(await analyzeFile(sub, cliOpts)).toMatchObject({ ok: false, error: 'is a directory' });
  });

  it('an empty file is a clear error', async () => {
    expect(await analyzeFile(file('empty.html', ''), cliOpts)).toMatchObject({ ok: false, error: 'empty file' });
  });

  it('white space only is "no markup"', async () => {
    const r = await analyzeFile(file('blank.html', ' \n\t\n  '), cliOpts);
    expect(r).toMatchObject({ ok: false, error: 'not an HTML file (no markup)' });
  });

  it('binary garbage is a clear error', async () => {
    // A fixed pseudo-random byte stream (xorshift), so the test is the same on every run.
    let x = 2463534242;
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    const r = await analyzeFile(file('garbage.html', bytes), cliOpts);
    expect(r).toMatchObject({ ok: false, error: 'not an HTML file (binary data)' });
  });

  it('a PNG with an .html name is a clear error', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await analyzeFile(file('image.html', png), cliOpts)).toMatchObject({ ok: false });
  });

  it('plain text without markup is a clear error', async () => {
    const r = await analyzeFile(file('notes.html', 'Just some words, “quoted” by nobody.\n'), cliOpts);
    expect(r).toMatchObject({ ok: false, error: 'not an HTML file (no markup)' });
  });
});

describe('the CLI on broken markup', () => {
  it.each([
    ['unclosed tags', '<html><body><article><h1>Title<p>“One,” said Ana Ortiz.<p>two<div><span>three'],
    ['stray closing tags', '</div></p></article><p>“Stray,” said Ben Cole.</p></span></body></html></html>'],
    ['angle-bracket soup', '<<<>>><p <p>>< / >< !-- <!-- --> <![CDATA[ x ]]> <? php ?> “a”'],
    ['attribute junk', '<p class="a" class=\'b\' class=c id= ="" onload=1 =x>“Hi there,” said Kai.</p>'],
    ['only a doctype', '<!doctype html>'],
    ['a comment that never ends', '<p>Start</p><!-- and then nothing else ever closes'],
    ['a frameset', '<html><frameset><frame src="a.html"></frameset></html>'],
    ['svg and math in text', '<p>“x<svg><text>“y”</text></svg>z,” said Li.<math><mi>“</mi></math></p>'],
  ])('%s: answers with a report', async (_name, html) => {
    const r = await analyzeFile(file(`broken-${_name.replace(/\W+/g, '-')}.html`, html), cliOpts);
    expect(r.ok).toBe(true);
    expect(Array.isArray(r.quotes)).toBe(true);
    expect(typeof r.visibleText).toBe('string');
  });

  it('a byte-order mark and Windows line ends are read as HTML', async () => {
    const r = await analyzeFile(
      file('bom.html', `\uFEFF${article('<p>“Yes,” said Ana Ortiz.</p>').replace(/\n/g, '\r\n')}`),
      cliOpts,
    );
    expect(r).toMatchObject({ ok: true, isArticle: true });
  });
});

describe('pages nested absurdly deep', () => {
  it(`20,000-deep nesting: the CLI flattens below ${MAX_PARSER_DEPTH} as browsers do, says so, and still finds the quote`, async () => {
    const n = 20000;
    const html = article(`${'<div>'.repeat(n)}<p>“Deep words here,” said Ana Ortiz.</p>${'</div>'.repeat(n)}`);
    const r = await analyzeFile(file('deep.html', html), cliOpts);
    expect(r.ok, String(r.error)).toBe(true);
    expect((r.notes as string[]).join(' ')).toMatch(/nesting deeper than 512 flattened/);
    expect(r.quotes).toEqual([expect.objectContaining({ text: 'Deep words here,', speaker: 'Ana Ortiz' })]);
  }, 30000);

  it('nesting keeps text order: the flattened page reads the same as the deep one', () => {
    const deep = parseHtml(
      `<body>${'<div><b>'.repeat(400)}${Array.from({ length: 5 }, (_, i) => `<p>w${i}</p>`).join('')}${'</b></div>'.repeat(400)}</body>`,
    );
    expect(deep.body.textContent).toBe('w0w1w2w3w4');
    let depth = 0;
    for (let el: Element | null = deep.querySelector('p'); el; el = el.parentElement) depth++;
    expect(depth).toBeLessThanOrEqual(MAX_PARSER_DEPTH + 1);
  });
});

describe('happy-dom quirks the CLI works around', () => {
  it('a <style> or <script> inside an <svg> ends at its end tag: the rest of the page is parsed (happy-dom#2231)', () => {
    expect(SVG_RAW_TEXT_PATCHED).toBe(true);
    const doc = parseHtml(
      '<body><svg><style>.icon{fill:red}</style><g><path d="M0"/></g></svg><svg><script>let a = 1;</script></svg><p>The story goes on.</p><div>More</div></body>',
    );
    expect([...doc.body.children].map((c) => c.tagName)).toEqual(['svg', 'svg', 'P', 'DIV']);
    expect(doc.querySelector('svg style')?.textContent).toBe('.icon{fill:red}');
    expect(doc.querySelector('svg g path')).not.toBeNull();
    expect(doc.querySelector('p')?.textContent).toBe('The story goes on.');
  });

  it('an HTML <style> and <script> still parse as raw text', () => {
    const doc = parseHtml('<body><style>p > b {}</style><script>if (a < b) {}</script><p>x</p></body>');
    expect(doc.querySelector('style')?.textContent).toBe('p > b {}');
    expect(doc.querySelector('script')?.textContent).toBe('if (a < b) {}');
    expect(doc.querySelector('p')?.textContent).toBe('x');
  });
});

describe('big pages', () => {
  it(`a 5 MB page with 30,000 quotes answers, capped at ${MAX_SPANS} with a note`, () => {
    const para = `<p>${Array.from(
      { length: 10 },
      (_, j) =>
        `“We will finish part ${j} of the plan before the storms arrive,” said Ana Ortiz, the harbour master, on Tuesday. Officials agreed with most of what she said about the plan. `,
    ).join('')}</p>`;
    const html = article(para.repeat(3000));
    expect(html.length).toBeGreaterThan(5_000_000);
    const { report } = analyzePage(parseHtml(html));
    expect(report.quotes).toHaveLength(MAX_SPANS);
    expect(report.notes.join(' ')).toMatch(/quote cap reached/);
    expect(report.quotes[0]!.speaker).toBe('Ana Ortiz');
  }, 30000);

  it('more text than the character cap: reads the first part and says so', () => {
    const words = 'The board met again to discuss the dredging plan and its costs. ';
    const para = `<p>${words.repeat(1600)}</p>`; // ~100 kB of text per paragraph
    const html = article(para.repeat(Math.ceil(MAX_CHARS / 100_000) + 2));
    const { report } = analyzePage(parseHtml(html));
    expect(report.notes.join(' ')).toMatch(/text cap reached/);
  }, 30000);

  // Regression guard: clutter's "keep the outermost of nested boxes" once compared every accepted
  // box with every other (20 s for 2,000 ads). Counted, not timed: 4× the ads, not 16× the work.
  it('comparisons grow linearly with the number of ad slots', () => {
    const make = (n: number) =>
      article(
        Array.from(
          { length: n },
          (_, i) => `<div class="ad-slot"><span>Advertisement</span></div><p>Paragraph ${i} of the story goes on.</p>`,
        ).join(''),
      );
    expect(containsCalls(make(400)) / containsCalls(make(100))).toBeLessThan(MAX_GROWTH);
  });
});

describe('quote marks that never close', () => {
  it('thousands of “ with no closing mark: no quotes, no hang', () => {
    const html = article(`<p>${'He said “we will go on '.repeat(5000)}</p>`);
    const { report } = analyzePage(parseHtml(html));
    expect(report.quotes.length).toBeLessThan(5000);
  });

  it.each([
    ['straight', 'he said "ok '],
    ['single curly', 'the ‘ mayor’s dog '],
    ['guillemets', 'il a dit « non '],
    ['German', 'er sagte „nein '],
    ['closing marks only', 'so” and ” then» '],
  ])('%s marks, unbalanced, 3,000 times: answers', (_name, unit) => {
    const { report } = analyzePage(parseHtml(article(`<p>${unit.repeat(3000)}</p>`)));
    expect(report.isArticle).toBe(true);
  });
});

describe('scripts and languages we do not know', () => {
  const samples = [
    ['Chinese', '「我们会在风暴来临前完成」，港务长说。他还说：“这很好。”'],
    ['Japanese', '『明日は晴れるでしょう』と気象庁の田中さんは述べた。'],
    ['Arabic', '«قال الرئيس إن الخطة جيدة» وأضاف أن العمل سيبدأ قريبا.'],
    ['Hebrew', '"זה יום חשוב", אמר ראש העיר.'],
    ['Hindi', '“हम तूफान से पहले काम पूरा कर लेंगे,” बंदरगाह मास्टर ने कहा।'],
    ['emoji', '“We did it 🎉🚢👩🏽‍🚀,” said Ana Ortiz 😀. 🇺🇦🏳️‍🌈 '],
    ['combining marks', '“Ze̷͎̓ a̴l̷g̸o̵,” said Zalgo Man.'],
    ['lone surrogates', '“broken \uD800 pair \uDC00 here,” said Ana Ortiz.'],
  ];

  it.each(samples)('%s: answers, with quotes inside the text', (_name, text) => {
    const html = article(`<p>${text.repeat(20)}</p>`, 'xx');
    const { report, blocks } = analyzePage(parseHtml(html));
    for (const q of report.quotes) {
      const block = blocks[q.block]!;
      expect(block.text.slice(q.start, q.end)).toBe(q.text);
    }
  });

  it('the CLI reports an unknown language page without failing', async () => {
    const r = await analyzeFile(file('zh.html', article(`<p>${samples[0]![1]!.repeat(50)}</p>`, 'zh')), cliOpts);
    expect(r.ok).toBe(true);
    expect(['en', 'de', 'fr']).toContain(r.lang);
  });

  // Not timed here: 。 does not end a sentence for the tokenizer, so a Chinese paragraph is one
  // sentence and has the run-on sentence's quadratic walk below (about 26× for 4× the text).
  it('one long paragraph of 6,000 CJK quotes answers', () => {
    const html = article(`<p>${'「我们会在风暴来临前完成」，港务长说。'.repeat(6000)}</p>`);
    expect(analyzePage(parseHtml(html)).report.quotes).toHaveLength(6000);
  });
});

describe('very long single paragraphs', () => {
  it('a 750 kB paragraph with 10,000 quotes answers', () => {
    const text = 'Ana Ortiz said the plan is good and Ben Cole agreed, saying “fine” today. '.repeat(10000);
    const { report } = analyzePage(parseHtml(article(`<p>${text}</p>`)));
    expect(report.quotes.length).toBe(10000);
  }, 30000);

  it('a page that is one giant text node with no block elements', () => {
    const { report } = analyzePage(parseHtml(`<html><body>${'word “quoted” '.repeat(50000)}</body></html>`));
    expect(report).toBeDefined();
  });
});

describe('nodes HTML parsing never makes', () => {
  it('a processing instruction a script put in the body does not break the analysis', () => {
    const doc = parseHtml(article('<p>“It works,” said Ana Ortiz.</p>'));
    doc.body.appendChild(doc.createProcessingInstruction('xml-stylesheet', 'href="x.css"'));
    doc.querySelector('article')!.appendChild(doc.createProcessingInstruction('note', 'inside the article'));
    const { report } = analyzePage(doc);
    expect(report.isArticle).toBe(true);
    expect(report.quotes.map((q) => q.speaker)).toContain('Ana Ortiz');
  });
});
