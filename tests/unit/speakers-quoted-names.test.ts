// Issue 12, round attrib13: German names written in quote marks (outlets, ships, products) are nobody's
// words, and an outlet so named may itself speak. Our own sentences.
import { describe, expect, it } from 'vitest';
import { analyse } from './speakers-helpers';

const p = (...paras: string[]): string => paras.map((t) => `<p>${t}</p>`).join('');

describe('a quoted name is no quotation (isQuotedName, step quote:title)', () => {
  it('after a noun it names ("der Sender „Kanal Neun“")', () => {
    const { who, result } = analyse(p('Jonas Berg sprach mit dem Sender „Kanal Neun“ über den Hafen.'), 'de');
    expect(who).toEqual([null]);
    expect(result.attributions[0]!.step).toBe('quote:title');
  });
  it('after an article or "von" ("des „Hafenblatts“")', () => {
    const { result } = analyse(p('Helga Brenner ist Redakteurin des „Hafenblatts“ in Kiel.'), 'de');
    expect(result.attributions[0]!.step).toBe('quote:title');
  });
  it('after an indefinite article it stays someone’s word for it', () => {
    const { who } = analyse(p('Jonas Berg nannte den Plan einen „Fehler“.'), 'de');
    expect(who).toEqual(['Jonas Berg']);
  });
  it('a longer quotation after an article is speech', () => {
    const { who } = analyse(p('Jonas Berg warnte vor der „Flut, die jedes Jahr höher steigt“.'), 'de');
    expect(who).toEqual(['Jonas Berg']);
  });
  it('English is not read this way (its lexicon lists no such words)', () => {
    const { result } = analyse(p('Ann Lee called the plan the “Blue” option on Monday.'), 'en');
    expect(result.attributions[0]!.step).not.toBe('quote:title');
  });
});

describe('an outlet named in quote marks speaks (outletMentions)', () => {
  it('after the cue verb of a quotation ("„…“, schreibt die „Kurier“")', () => {
    const { who, result } = analyse(p('„Der Steg ist morsch“, schreibt die „Hafenwoche“.'), 'de');
    expect(who).toEqual(['Hafenwoche', null]);
    expect(result.speakers[0]!.type).toBe('org');
  });
  it('after an according-to word ("laut „Kanal Neun“")', () => {
    const { who } = analyse(p('Laut „Kanal Neun“ sei der Steg „völlig morsch“.'), 'de');
    expect(who).toEqual([null, 'Kanal Neun']);
  });
  it('not as the object of a verb ("kritisierte die „Hafenwacht“")', () => {
    const { who } = analyse(p('Jonas Berg kritisierte die „Hafenwacht“ scharf.'), 'de');
    expect(who).not.toContain('Hafenwacht');
  });
  it('a short quotation after a verb with no article is speech ("said “Never.”")', () => {
    const { who } = analyse(p('Asked about the pier, Ann Lee said “Never.”'), 'en');
    expect(who).toEqual(['Ann Lee']);
  });
});

describe('a closing according-to cue names a role too (closingCue)', () => {
  it('"…, so ein Sprecher des Instituts." gives the quote in the sentence to the spokesman', () => {
    const { who, result } = analyse(
      p('Die Anlage sei „wegen eines Kabelbrands“ ausgefallen, so ein Sprecher des Hafens.'),
      'de',
    );
    expect(who[0]).toMatch(/Sprecher/);
    expect(result.attributions[0]!.step).toBe('closing:right:according-to');
  });
  it('a role after a closing speech verb does not ("…, said a spokesman")', () => {
    const { who } = analyse(p('The vote signals “the end” for the pier, said a spokesman.'), 'en');
    expect(who).toEqual([null]);
  });
});
