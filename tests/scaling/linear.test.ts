// Time that grows linearly: N vs 4N units of the same hostile shape, in the same run. A tier of
// its own (npm run test:scaling), run one file at a time so other tests do not skew the ratios.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import { analyzePage } from '../../src/core/report';
import { article, MAX_GROWTH } from '../helpers/pages';

/** Milliseconds analyzePage takes on the page (parsing not counted), best of `runs`. */
function analyseMs(html: string, runs = 1): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const doc = parseHtml(html);
    const t0 = performance.now();
    analyzePage(doc);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * How much longer 4N units take than N units. Linear work gives ~4; quadratic ~16. Small and large
 * runs alternate, best of `runs` each, so a burst of load from other processes hits both sides.
 */
function growth(make: (n: number) => string, n: number, runs = 3): number {
  analyseMs(make(Math.max(1, n >> 2))); // warm up the JIT on the same shape
  const smallHtml = make(n);
  const largeHtml = make(4 * n);
  let small = Number.POSITIVE_INFINITY;
  let large = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    small = Math.min(small, analyseMs(smallHtml));
    large = Math.min(large, analyseMs(largeHtml));
  }
  return large / Math.max(small, 1);
}

// Two retries: a burst of load from other processes can skew one N-vs-4N pair; quadratic work
// (16×) fails every attempt.
describe('analysis time grows linearly', { retry: 2 }, () => {
  // Nesting the parser keeps (< 512): every element is looked at once, not once per ancestor.
  it('analysis time grows linearly with nesting depth', () => {
    const make = (n: number) =>
      article(`${'<div><span>'.repeat(n)}“Deep,” said Ana Ortiz.${'</span></div>'.repeat(n)}`);
    expect(growth(make, 150)).toBeLessThan(MAX_GROWTH);
  });

  it('time grows linearly with the number of quoted paragraphs', () => {
    const make = (n: number) =>
      article(
        Array.from(
          { length: n },
          (_, i) => `<p>“We will finish item ${i} before the storms,” said Ana Ortiz. “It is fine,” she added.</p>`,
        ).join(''),
      );
    expect(growth(make, 300)).toBeLessThan(MAX_GROWTH);
  });

  it('time grows linearly with unclosed marks in one paragraph', () => {
    const make = (n: number) => article(`<p>${'He said “we will go on '.repeat(n)}</p>`);
    expect(growth(make, 1500)).toBeLessThan(MAX_GROWTH);
  });

  it('time grows linearly with paragraphs that each open and never close', () => {
    const make = (n: number) => article('<p>He said “we will go to the store and buy things</p>'.repeat(n));
    expect(growth(make, 400)).toBeLessThan(MAX_GROWTH);
  });

  it('time grows linearly with the length of one paragraph', () => {
    const make = (n: number) =>
      article(`<p>${'Ana Ortiz said the plan is good and Ben Cole agreed, saying “fine” today. '.repeat(n)}</p>`);
    expect(growth(make, 1000)).toBeLessThan(MAX_GROWTH);
  });

  // One sentence, many quotes: the cue look-back and pronoun antecedents are bounded by
  // MAX_LOOKBACK_TOKENS and MAX_ANTECEDENT_MENTIONS (src/core/speakers.ts).
  it('time grows linearly with a run-on sentence full of quotes (no full stop anywhere)', () => {
    const make = (n: number) => article(`<p>${'Ana Ortiz said “ok” and then Ben Cole said “no” and '.repeat(n)}</p>`);
    expect(growth(make, 2000)).toBeLessThan(MAX_GROWTH);
  });

  it('time grows linearly with a run-on sentence of quotes and pronouns', () => {
    const make = (n: number) => article(`<p>${'Ana Ortiz said “ok” and then she said “no” and '.repeat(n)}</p>`);
    expect(growth(make, 2000)).toBeLessThan(MAX_GROWTH);
  });

  // Each paragraph's first token comes from a map, not a scan from token 0.
  it('time grows linearly with paragraphs that are only an unattributed quote', () => {
    const make = (n: number) => article('<p>“We will go on with the harbour plan as agreed.”</p>'.repeat(n));
    expect(growth(make, 1000)).toBeLessThan(MAX_GROWTH);
  });

  it('time grows linearly with CJK text in one paragraph (。 ends a sentence)', () => {
    const make = (n: number) => article(`<p>${'王先生说「好的」然后李女士说「不行」。'.repeat(n)}</p>`, 'zh');
    expect(growth(make, 2000)).toBeLessThan(MAX_GROWTH);
  });

  it('time grows linearly with a CJK run-on sentence full of quotes (no full stop)', () => {
    const make = (n: number) => article(`<p>${'王先生说「好的」然后李女士说「不行」并且'.repeat(n)}</p>`, 'zh');
    expect(growth(make, 2000)).toBeLessThan(MAX_GROWTH);
  });
});
