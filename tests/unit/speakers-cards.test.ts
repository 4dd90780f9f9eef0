import { describe, expect, it } from 'vitest';
import { lexiconFor } from '../../src/core/lexicon';
import { MODEL, type Model } from '../../src/core/model/scorer';
import { analyse } from './speakers-helpers';

/** A model as sure of every candidate as `c` (zero weights, bias = logit c), withholding below 0.3. */
const sureOf = (c: number): Model => ({
  ...MODEL,
  weights: MODEL.weights.map(() => 0),
  bias: Math.log(c / (1 - c)),
  threshold: 0.3,
});

const page =
  '<p>The Harbour Pilots Guild said the fees were “far too high.”</p>' +
  '<p>Ann Okafor said the fees were “fair enough.”</p>';

describe('cards a reader trusts: the card confidence of a name no first name opens', () => {
  it('an organisation whose every quote is unsure gets no card; a known person as unsure keeps hers', () => {
    const { who, result } = analyse(page, 'en', { model: sureOf(0.4) });
    expect(who).toEqual([null, 'Ann Okafor']);
    expect(result.speakers.map((s) => s.name)).toEqual(['Ann Okafor']);
    expect(result.attributions[0]!.step).toMatch(/:withheld$/);
  });
  it('one quote at the card confidence keeps the card', () => {
    const { who } = analyse(page, 'en', { model: sureOf(0.6) });
    expect(who).toEqual(['Harbour Pilots Guild', 'Ann Okafor']);
  });
  it('without the model (the sieve alone) nothing is withheld', () => {
    expect(analyse(page, 'en').who).toEqual(['Harbour Pilots Guild', 'Ann Okafor']);
  });
  it('the value is lexicon data, off where train data chose none', () => {
    expect(lexiconFor('en').cardMinConfidence).toBe(0.5);
    expect(lexiconFor('de').cardMinConfidence).toBe(0);
  });
});
