// Issue 13, round 6: mechanisms kept on the labelled pages' train split (docs/declutter.md), on pages of our own.
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../src/core/article';
import { type ClutterOptions, findClutterBlocks } from '../../src/core/clutter';
import { CLUTTER_VOCABULARY as VOCABULARY } from '../../src/core/lexicon/clutter';
import { articlePage, prose } from './page-helpers';

const DECLUTTER: ClutterOptions = { mode: 'declutter', hideComments: true, vocabulary: VOCABULARY };

function blocksOf(doc: Document): [string, string][] {
  const root = detectArticle(doc).root;
  expect(root).not.toBeNull();
  return findClutterBlocks(doc, root, DECLUTTER).map((b) => [b.kind, b.element.className]);
}

describe('a cookie-named link that reads a cookie label', () => {
  it('hides the consent manager’s settings link left at the end of the page', () => {
    const doc = articlePage({ after: '<a class="optanon-show-settings">Cookie Settings</a>' });
    expect(blocksOf(doc)).toEqual([['cookie', 'optanon-show-settings']]);
  });

  it('keeps a cookie-named link with other words, and a cookie label without a cookie name', () => {
    expect(blocksOf(articlePage({ after: '<a class="cookie-link" href="/terms">Terms of service</a>' }))).toEqual([]);
    expect(blocksOf(articlePage({ after: '<a class="x2" href="/privacy">Cookie Settings</a>' }))).toEqual([]);
  });
});

describe('a label set in the text of the article, over links to other articles', () => {
  const links = (n: number, wrap: (a: string) => string) =>
    Array.from({ length: n }, (_, i) =>
      wrap(`<a href="/news/2024/05/pumps-story-number-${i + 1}">Pumps story number ${i + 1} of the week</a>`),
    ).join('');

  it('hides a bold label and the paragraph of links after it', () => {
    const doc = articlePage({
      inside: `<p class="l1"><strong>Don't miss</strong></p><p class="l2">${links(3, (a) => `${a}<br>`)}</p>`,
    });
    expect(blocksOf(doc)).toEqual([
      ['related', 'l1'],
      ['related', 'l2'],
    ]);
  });

  it('hides a run of one-link paragraphs after the label, each as a block', () => {
    const doc = articlePage({
      inside: `<p class="l1">You may also like...</p>${links(3, (a) => `<p class="r">${a}</p>`)}`,
    });
    expect(blocksOf(doc)).toEqual([
      ['related', 'l1'],
      ['related', 'r'],
      ['related', 'r'],
      ['related', 'r'],
    ]);
  });

  it('keeps a section heading with its links, and a label over links that are not all to articles', () => {
    const heading = articlePage({ inside: `<h2>Related</h2><ul>${links(3, (a) => `<li>${a}</li>`)}</ul>` });
    expect(blocksOf(heading)).toEqual([]);
    const mixed = articlePage({
      inside: `<p><strong>Don't miss</strong></p><p>${links(3, (a) => `${a}<br>`)}<a href="/weather">Weather</a></p>`,
    });
    expect(blocksOf(mixed)).toEqual([]);
  });
});

describe('a side column read as its widgets', () => {
  const widget = (n: number) =>
    `<h3 class="h${n}">Our column ${n}</h3><div class="w${n}"><a href="/columns/column-number-${n}"><img src="/c${n}.jpg"></a><p>${prose(3, n)}</p></div>`;

  it('hides each widget box and the heading set before it, though the column holds as much prose as half the article', () => {
    const doc = articlePage({ after: `<aside class="sidebar">${widget(1)}${widget(2)}${widget(3)}</aside>` });
    expect(blocksOf(doc)).toEqual([
      ['other', 'h1'],
      ['other', 'w1'],
      ['other', 'h2'],
      ['other', 'w2'],
      ['other', 'h3'],
      ['other', 'w3'],
    ]);
  });

  it('keeps a heading over a box of plain text', () => {
    const doc = articlePage({
      after: '<aside class="sidebar"><h3>Weather</h3><div><p>Rain, then sun.</p></div></aside>',
    });
    expect(blocksOf(doc)).toEqual([]);
  });
});

describe('class words of the site’s own notices (vocabulary data)', () => {
  it('hides an affiliate disclosure and a reader survey by their class word and what they say or link', () => {
    const doc = articlePage({
      inside:
        '<div class="affiliate-disclosure">We may earn an affiliate commission when you buy through links on this page.</div>',
      after: '<div class="surveyWrap"><p>Something new here?</p><a href="/feedback">Tell us what you think</a></div>',
    });
    expect(blocksOf(doc)).toEqual([
      ['promo', 'affiliate-disclosure'],
      ['promo', 'surveyWrap'],
    ]);
  });

  it('keeps a box named so with nothing else to say it', () => {
    const doc = articlePage({ after: '<div class="survey-results"><p>Rain, then sun.</p></div>' });
    expect(blocksOf(doc)).toEqual([]);
  });
});

describe('prompt text (vocabulary data)', () => {
  it('hides a promo box that asks for a click to subscribe, or offers a subscription', () => {
    const doc = articlePage({
      inside:
        '<div class="p1"><a href="https://video.example/channel"><img src="/show.jpg"><p>Our weekly show, now on video. Click to subscribe!</p></a></div>',
      after:
        '<figure class="p2"><a href="https://shop.example/magazine"><img src="/mag.jpg"></a><figcaption><a href="https://shop.example/magazine">Want more? Get a subscription of our magazine</a></figcaption></figure>',
    });
    expect(blocksOf(doc)).toEqual([
      ['promo', 'p1'],
      ['promo', 'p2'],
    ]);
  });

  it('keeps the words inside the article’s prose', () => {
    const doc = articlePage({
      inside: `<p>${prose(2)} Readers who get a subscription can click to subscribe to the alerts, the editor said. ${prose(2, 3)}</p>`,
    });
    expect(blocksOf(doc)).toEqual([]);
  });
});
