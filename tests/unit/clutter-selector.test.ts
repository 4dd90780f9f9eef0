import { describe, expect, it } from 'vitest';
import { stableSelector } from '../../src/core/clutter-selector';
import { page } from './page-helpers';

const roundTrip = (doc: Document, el: Element) => {
  const selector = stableSelector(el);
  expect(doc.querySelectorAll(selector)).toHaveLength(1);
  expect(doc.querySelector(selector)).toBe(el);
  return selector;
};

describe('stableSelector', () => {
  it('uses a unique id written by people', () => {
    const doc = page('<div id="most-read"><a href="/a">A</a></div>');
    expect(roundTrip(doc, doc.getElementById('most-read')!)).toBe('div#most-read');
  });

  it('skips hashed class names and generated ids, keeps the readable ones', () => {
    const doc = page(
      '<main><aside id="post-47471" class="css-1r7ky0e related-box"><p>x</p></aside><aside class="weather"></aside></main>',
    );
    const selector = roundTrip(doc, doc.querySelector('.related-box')!);
    expect(selector).not.toMatch(/css-1r7ky0e|47471/);
    expect(selector).toMatch(/aside\.related-box/);
  });

  it('tells apart look-alike siblings by position', () => {
    const doc = page('<div class="rail"><div class="widget">A</div><div class="widget">B</div></div>');
    const second = doc.querySelectorAll('.widget')[1]!;
    expect(roundTrip(doc, second)).toMatch(/nth-of-type\(2\)/);
  });

  it('finds the same block on another page of the same template', () => {
    const template = (story: string) =>
      page(`<div id="page"><article><p>${story}</p></article><section class="more"><h3>More</h3></section></div>`);
    const a = template('First story.');
    const b = template('A different story, longer than the first one.');
    const selector = stableSelector(a.querySelector('section.more')!);
    expect(b.querySelector(selector)).toBe(b.querySelector('section.more'));
  });
});
