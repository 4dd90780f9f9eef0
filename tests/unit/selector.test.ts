// Stable selectors for hand corrections: what survives to the site's next page, and the checks
// that keep the article safe when a stored selector names something else there.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import {
  isSafeSelector,
  isStableName,
  MAX_MATCHES_PER_RULE,
  matchCorrections,
  stableSelector,
} from '../../src/core/selector';

const doc = (body: string) =>
  parseHtml(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`);

describe('isStableName', () => {
  it.each(['newsletter-box', 'sidebar', 'related_links', 'promo', 'mostRead', 'col2'])(
    '%s reads like a chosen name',
    (n) => expect(isStableName(n)).toBe(true),
  );
  it.each([
    'css-1x2y3z',
    'sc-bdVaJa',
    'jsx-3498231',
    'Box__Wrap-sc-1q2w3e',
    'a1b2c3d4',
    'ember1234',
    'x',
    'block--a8f3kq',
    'kXqPzTw',
  ])('%s is generated', (n) => expect(isStableName(n)).toBe(false));
});

describe('stableSelector', () => {
  it('uses a stable id when the element has one', () => {
    const d = doc('<div id="newsletter"><p>Sign up</p></div>');
    expect(stableSelector(d.getElementById('newsletter')!)).toBe('#newsletter');
  });

  it('skips a generated id and uses the stable class that names the block alone', () => {
    const d = doc(
      '<aside id="ember8812" class="css-19xk2q promo-box"><p>Subscribe</p></aside><aside class="other">x</aside>',
    );
    expect(stableSelector(d.querySelector('aside')!)).toBe('aside.promo-box');
  });

  it('builds a short path from the nearest stable id when no class names the block', () => {
    const d = doc('<main id="content"><div><p>a</p></div><div><p>b</p></div></main>');
    const second = d.querySelectorAll('#content > div')[1]!;
    expect(stableSelector(second)).toBe('#content > div:nth-of-type(2)');
  });

  it('never uses our own hooks or <body> itself', () => {
    const d = doc('<div class="quotelens-x">a</div>');
    expect(stableSelector(d.body)).toBeNull();
    expect(stableSelector(d.querySelector('div')!)).toBe('body > div');
  });

  it('finds the same block on the next page of the site although its generated classes changed', () => {
    const layout = (hash: string, teaser: string) =>
      doc(`<div id="page"><main class="${hash}-main"><article><p>Story text</p></article></main>
        <aside class="${hash}-side rail"><section class="${hash}-box"><h3>${teaser}</h3></section></aside></div>`);
    const first = layout('css-1a2b3c', 'Our latest stories');
    const selector = stableSelector(first.querySelector('section')!)!;
    expect(selector).not.toMatch(/css-/);
    const next = layout('css-9z8y7x', 'More from us');
    const found = next.querySelectorAll(selector);
    expect(found).toHaveLength(1);
    expect(found[0]!.textContent).toContain('More from us');
  });

  it('writes only selectors isSafeSelector accepts, and that name the element alone', () => {
    const d = doc(
      '<div id="a1"><ul class="links"><li><a>x</a></li><li><a>y</a></li></ul></div><div><section><p>p</p><p>q</p></section></div>',
    );
    for (const el of d.body.querySelectorAll('*')) {
      const s = stableSelector(el);
      if (s === null) continue;
      expect(isSafeSelector(s), s).toBe(true);
      expect([...d.querySelectorAll(s)]).toEqual([el]);
    }
  });
});

describe('isSafeSelector', () => {
  it.each(['', 'div, body', '*', 'div[onclick]', ':has(article)', 'div:not(.x)', 'a'.repeat(400), '#x > *'])(
    'refuses %s',
    (s) => expect(isSafeSelector(s)).toBe(false),
  );
  it.each(['#main', 'aside.promo-box', 'body > div:nth-of-type(3) > section', '#content > div.rail.right'])(
    'accepts %s',
    (s) => expect(isSafeSelector(s)).toBe(true),
  );
});

describe('matchCorrections', () => {
  const page = () =>
    doc(`<div id="wrap"><main id="main"><article><p>${'Long article text. '.repeat(40)}</p>
      <div class="inline-box">Also on our site</div><section class="body-part"><p>${'More article text here. '.repeat(30)}</p></section></article></main>
      <aside class="rail">Most read</aside></div>`);

  it('keeps what the keep list names and hides what the hide list names', () => {
    const d = page();
    const root = d.querySelector('article');
    const m = matchCorrections(d, root, { keep: ['aside.rail'], hide: ['div.inline-box'] });
    expect([...m.keep].map((e) => e.className)).toEqual(['rail']);
    expect(m.hide.map((e) => e.className)).toEqual(['inline-box']);
    expect(m.skipped).toEqual([]);
  });

  it('never hides the article root or a block that holds it', () => {
    const d = page();
    const root = d.querySelector('article');
    const m = matchCorrections(d, root, { keep: [], hide: ['#wrap', '#main', 'body > div > main > article'] });
    expect(m.hide).toEqual([]);
    expect(m.skipped).toHaveLength(3);
  });

  it('never hides a block inside the article that holds much of its text', () => {
    const d = page();
    const m = matchCorrections(d, d.querySelector('article'), { keep: [], hide: ['section.body-part'] });
    expect(m.hide).toEqual([]);
    expect(m.skipped[0]).toMatch(/too much/);
  });

  it('inside the article, a rule that names a block by its position alone is not applied', () => {
    const d = page();
    const m = matchCorrections(d, d.querySelector('article'), {
      keep: [],
      hide: ['#main > article > div:nth-of-type(1)', '#main > article > div.inline-box'],
    });
    expect(m.hide.map((e) => e.className)).toEqual(['inline-box']);
    expect(m.skipped[0]).toMatch(/only a position/);
  });

  it('drops a rule that matches more blocks than one correction could mean', () => {
    const d = doc(`${'<div class="card">teaser</div>'.repeat(MAX_MATCHES_PER_RULE + 1)}`);
    const m = matchCorrections(d, null, { keep: [], hide: ['div.card'] });
    expect(m.hide).toEqual([]);
    expect(m.skipped[0]).toMatch(/matches/);
  });

  it('a kept block wins over a hide rule for the same block', () => {
    const d = page();
    const m = matchCorrections(d, null, { keep: ['aside.rail'], hide: ['aside.rail'] });
    expect(m.hide).toEqual([]);
  });

  it('ignores stored selectors it would not have written', () => {
    const d = page();
    expect(matchCorrections(d, null, { keep: ['*'], hide: ['p, aside'] })).toEqual({
      keep: new Set(),
      hide: [],
      skipped: [],
    });
  });
});
