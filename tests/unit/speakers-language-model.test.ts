// Round attribde3: a language with train data of its own is scored with its own weights and threshold
// (Model.languages), so fitting German no longer moves English. Our own sentences.
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/core/model/features';
import { MODEL, type Model, modelFor } from '../../src/core/model/scorer';
import { analyse } from './speakers-helpers';

const p = (...paras: string[]): string => paras.map((t) => `<p>${t}</p>`).join('');
const german = p('Helga Brenner leitet das Hafenamt.', 'Helga Brenner sagte: „Wir bauen den Steg im Mai neu.“');
const english = p('Margit Olsen leads the harbour board.', '“We open the pier in May,” said Margit Olsen.');

/** The shipped shared weights, with a German model that trusts nobody (threshold above any confidence). */
const strictGerman: Model = {
  ...MODEL,
  languages: { de: { weights: MODEL.weights, bias: MODEL.bias, threshold: 1.01 } },
};

describe('per-language weights (Model.languages)', () => {
  it('ships German weights over the same features, with a threshold in (0, 1)', () => {
    const de = MODEL.languages?.de;
    expect(de).toBeDefined();
    expect(de!.weights).toHaveLength(FEATURES.length);
    expect(de!.threshold).toBeGreaterThan(0);
    expect(de!.threshold).toBeLessThan(1);
  });
  it('modelFor gives a language its own weights and threshold, and other languages the shared ones', () => {
    expect(modelFor(strictGerman, 'de').threshold).toBe(1.01);
    expect(modelFor(strictGerman, 'de').features).toBe(MODEL.features);
    expect(modelFor(strictGerman, 'en')).toBe(strictGerman);
    expect(modelFor(strictGerman, 'fr').threshold).toBe(MODEL.threshold);
  });
  it('a German page is decided by the German model: its threshold withholds the speaker', () => {
    const shared = analyse(german, 'de', { model: { ...MODEL, languages: {} } }).who;
    expect(shared).toEqual(['Helga Brenner']);
    const strict = analyse(german, 'de', { model: strictGerman }).result.attributions;
    expect(strict.map((a) => a.speaker)).toEqual([null]);
    expect(strict[0]!.step).toMatch(/:withheld$/);
  });
  it('an English page is not: the German weights never touch it', () => {
    expect(analyse(english, 'en', { model: strictGerman }).who).toEqual(['Margit Olsen']);
  });
  it('the shipped German model names the speaker of a plain German quote', () => {
    expect(analyse(german, 'de', {}).who).toEqual(['Helga Brenner']);
  });
});
