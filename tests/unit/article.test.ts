import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import { detectArticle, detectArticleSteps, findArticleRoot, jsonLdTypes, textFeatures } from '../../src/core/article';
import { TextMeasure } from '../../src/core/article-measure';
import { collectTextBlocks } from '../../src/core/text';
import { ARTICLE_HEAD, articlePage, page, paragraphs, prose } from './page-helpers';

describe('jsonLdTypes', () => {
  it('reads @type inside @graph', () => {
    const doc = page(
      '',
      '<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle"}]}</script>',
    );
    expect(jsonLdTypes(doc)).toEqual(new Set(['WebSite', 'NewsArticle']));
  });
  it('reads @type arrays and top-level arrays', () => {
    const doc = page('', '<script type="application/ld+json">[{"@type":["ReportageNewsArticle","Article"]}]</script>');
    expect(jsonLdTypes(doc)).toEqual(new Set(['ReportageNewsArticle', 'Article']));
  });
  it('ignores broken JSON-LD', () => {
    const doc = page('', '<script type="application/ld+json">{"@type": "NewsArticle",</script>');
    expect(jsonLdTypes(doc).size).toBe(0);
  });
});

describe('detectArticle', () => {
  it('finds a news article and says why', () => {
    const result = detectArticle(articlePage());
    expect(result.isArticle).toBe(true);
    expect(result.reasons.some((r) => r.endsWith(' ldArticle'))).toBe(true);
    expect(result.reasons.some((r) => r.endsWith(' readerable'))).toBe(true);
    expect(result.kind).toBe('article');
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('takes the smallest element holding the prose as the root', () => {
    const result = detectArticle(articlePage());
    expect(result.root?.className).toBe('article-body');
  });

  it('keeps in-article figures and quotes inside the root', () => {
    const doc = articlePage({
      inside:
        '<figure><img src="/x.jpg" alt=""><figcaption>The barrier at dawn.</figcaption></figure><blockquote><p>“It held,” she said.</p></blockquote>',
    });
    const root = detectArticle(doc).root!;
    expect(root.querySelector('figure')).not.toBeNull();
    expect(root.querySelector('blockquote')).not.toBeNull();
  });

  it('leaves a comment thread beside the article out of the root', () => {
    const comments = `<section id="comments" class="comments">${paragraphs(3)}</section>`;
    const result = detectArticle(articlePage({ after: comments }));
    expect(result.root?.className).toBe('article-body');
  });

  it('finds an article without metadata from its prose alone', () => {
    const doc = page(`<div class="post"><h1>Floods</h1><div class="text">${paragraphs(8)}</div></div>`, '');
    const result = detectArticle(doc);
    expect(result.isArticle).toBe(true);
    expect(result.reasons.some((r) => r.includes('JSON-LD'))).toBe(false);
  });

  it('skips a section front of short headline cards', () => {
    const cards = Array.from(
      { length: 12 },
      (_, i) =>
        `<article class="card"><h3><a href="/s/${i}">Headline number ${i} about the river</a></h3><p>A short teaser line that says what happened in the valley today, in a few words more.</p></article>`,
    ).join('');
    const result = detectArticle(
      page(`<main><h1>News</h1>${cards}</main>`, '<meta property="og:type" content="website">'),
    );
    expect(result.isArticle).toBe(false);
    expect(result.root).toBeNull();
    expect(result.kind).not.toBe('article');
    // og:type "website" is every template's default: no evidence either way; the cards are.
    expect(result.reasons.some((r) => r.endsWith(' ogOther'))).toBe(false);
    expect(result.reasons.some((r) => r.startsWith('-') && r.endsWith(' repeatedItems'))).toBe(true);
  });

  it('reads an article with a long list of related headlines as an article', () => {
    const related = Array.from(
      { length: 12 },
      (_, i) => `<li><h3><a href="/r/${i}">Related headline number ${i}</a></h3></li>`,
    ).join('');
    const result = detectArticle(articlePage({ after: `<ul class="more">${related}</ul>` }));
    expect(result.isArticle).toBe(true);
    expect(result.kind).toBe('article');
  });

  it('skips a search results page even with prose', () => {
    const doc = page(`<main>${paragraphs(4)}</main>`, '', 'https://news.example/search?q=flood');
    const result = detectArticle(doc);
    expect(result.reasons).toContain('-3.00 searchUrl');
    expect(result.isArticle).toBe(false);
  });

  it('skips a form-heavy application page', () => {
    const fields = Array.from({ length: 10 }, (_, i) => `<label>Field ${i} <input name="f${i}"></label>`).join('');
    const doc = page(`<main><h1>Account</h1><form>${fields}</form><p>${paragraphs(1)}</p></main>`, '');
    expect(detectArticle(doc).isArticle).toBe(false);
  });

  it('is not an article when there is no prose at all', () => {
    const result = detectArticle(page('<main><h1>Floods</h1><p>Short.</p></main>', ARTICLE_HEAD));
    expect(result.isArticle).toBe(false);
    expect(result.reasons.some((r) => r.startsWith('no prose root'))).toBe(true);
  });

  it('does not change the document', () => {
    const doc = articlePage({ inside: '<div class="ad"><span>Advertisement</span></div>' });
    const before = doc.documentElement.outerHTML;
    detectArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('finds the title next to the root', () => {
    expect(detectArticle(articlePage()).titleElement?.textContent).toBe('Flood barrier holds as river peaks');
  });
});

describe('TextMeasure', () => {
  // TextMeasure splits text as collectTextBlocks does, in its own walk (with copies of its tag lists).
  const tricky = page(
    '',
    `<main><p>One <a href="#">link</a> <span>and<div>a block in a span</div>tail</span></p>
     <ul><li>item<br>after break</li><li hidden>hidden item</li></ul>
     <button>Button text</button><script>var x = 1;</script><template><p>template</p></template>
     <table><tr><td>cell</td><th>head</th></tr></table><svg><text>svg text</text></svg>
     <figure><img alt=""><figcaption>Caption</figcaption></figure>text at the end</main>`,
  );
  const fixtures = readdirSync(join(__dirname, '../fixtures')).map((slug) =>
    parseHtml(readFileSync(join(__dirname, '../fixtures', slug, 'source.html'), 'utf8')),
  );
  it('makes the blocks collectTextBlocks makes', () => {
    for (const doc of [tricky, articlePage(), ...fixtures]) {
      const ours = new TextMeasure(doc.body).blocks;
      const theirs = collectTextBlocks(doc.body).blocks;
      expect(ours.map((b) => [b.element.tagName, b.text, b.tag, b.isHeading, b.pieces.length])).toEqual(
        theirs.map((b) => [b.element.tagName, b.text, b.tag, b.isHeading, b.pieces.length]),
      );
      expect(ours.every((b, i) => b.element === theirs[i]!.element)).toBe(true);
    }
  });
  it('judges lines that a single <br> separates as one paragraph, and a double <br> as a break', () => {
    // Each line is shorter than a paragraph; together they are one.
    const lines = 'The dam held through the night.<br>Water reached the second step.<br>Nobody was hurt in the town.';
    const doc = page(`<div id="one">${lines}</div><div id="two">${lines.replaceAll('<br>', '<br><br>')}</div>`);
    const m = new TextMeasure(doc.body);
    expect(m.of(doc.getElementById('one')!).paragraphs).toBe(1);
    expect(m.of(doc.getElementById('two')!).paragraphs).toBe(0);
    // The blocks themselves stay split at every <br>, as collectTextBlocks splits them.
    expect(m.blocks.filter((b) => b.element.id === 'one')).toHaveLength(3);
  });
  it('counts a CJK character as much as a short word toward a paragraph', () => {
    const han = '河水一夜之间上涨了两米，低洼地区的居民醒来时发现街道上已经有积水，志愿者们连夜搬运沙袋。';
    const doc = page(`<p id="han">${han}</p><p id="latin">${'x'.repeat(han.length)}</p>`);
    const m = new TextMeasure(doc.body);
    expect(han.length).toBeLessThan(80);
    expect(m.of(doc.getElementById('han')!).paragraphs).toBe(1);
    expect(m.of(doc.getElementById('latin')!).paragraphs).toBe(0);
  });
  it('indexes every element in document order, with subtree ends', () => {
    const m = new TextMeasure(tricky.body);
    expect(m.elements).toEqual([tricky.body, ...Array.from(tricky.body.querySelectorAll('*'))]);
    const main = tricky.querySelector('main')!;
    const li = tricky.querySelector('li')!;
    expect(m.contains(main, li)).toBe(true);
    expect(m.contains(li, main)).toBe(false);
    expect(m.childCount(main)).toBe(main.children.length);
    expect(m.parentOf(li)).toBe(li.parentElement);
  });
});

describe('textFeatures: repeatedItems', () => {
  const repeated = (doc: Document) => {
    const m = new TextMeasure(doc.body);
    return textFeatures(doc, m, findArticleRoot(doc.body, m)).repeatedItems;
  };
  it('is high on a thread of alike posts, each a name, a date and a short text', () => {
    const post = (i: number) =>
      `<div class="post post-${i}"><span class="user">reader${i}</span><time>3 May</time><p>${prose(2, i)}</p></div>`;
    const thread = page(`<main>${Array.from({ length: 8 }, (_, i) => post(i)).join('')}</main>`, '');
    expect(repeated(thread)).toBeGreaterThan(0.8);
  });
  it('is low on an article, and on one whose sections are alike siblings of many paragraphs', () => {
    const section = (i: number) => `<div class="section"><h2>Part ${i}</h2>${paragraphs(4)}</div>`;
    const sectioned = page(`<main><h1>Floods</h1>${Array.from({ length: 4 }, (_, i) => section(i)).join('')}</main>`);
    expect(repeated(sectioned)).toBe(0);
    expect(repeated(articlePage())).toBeLessThan(0.2);
  });
});

describe('detectArticle in slices', () => {
  const plain = (r: ReturnType<typeof detectArticle>) => ({ ...r, measure: undefined });

  it('gives the same verdict, root, title and measure when it yields at every chance', () => {
    const doc = articlePage({ before: '<nav><a href="/">Home</a></nav>', after: '<aside>Most read</aside>' });
    const steps = detectArticleSteps(doc, undefined, false, () => true);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    const whole = detectArticle(doc);
    // After the first look and after the walk (the walk looks at the clock every 256 nodes).
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(plain(step.value)).toEqual(plain(whole));
    expect(step.value.root).toBe(whole.root);
    expect(step.value.measure!.blocks.map((b) => b.text)).toEqual(whole.measure!.blocks.map((b) => b.text));
    expect(step.value.measure!.longestRun).toBe(whole.measure!.longestRun);
  });

  it('yields inside the walk of a long page and measures it as one walk does', () => {
    const doc = page(
      `<main>${Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i}: ${prose(1)}</p>`).join('')}</main>`,
    );
    const sliced = new TextMeasure(doc.body, undefined, () => true);
    let pauses = 0;
    while (!sliced.steps.next().done) pauses++;
    const whole = new TextMeasure(doc.body);
    // 400 paragraphs of an element and a text node each: about 800 nodes.
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(sliced.blocks.length).toBe(whole.blocks.length);
    for (const el of whole.elements) expect(sliced.of(el)).toEqual(whole.of(el));
    expect(sliced.blocksIn(doc.querySelector('main')!, new Set())!.blocks.map((b) => b.text)).toEqual(
      whole.blocks.map((b) => b.text),
    );
  });
});
