// Issue 12, round attrib14: a short quoted term in the noun phrase of its sentence's subject, with no
// speech cue, is nobody's words ("Those Acme “side hustle” ads"). Our own sentences.
import { describe, expect, it } from 'vitest';
import { analyse } from './speakers-helpers';

const p = (...paras: string[]): string => paras.map((t) => `<p>${t}</p>`).join('');

describe('a short quote right after its sentence subject, with no cue, gets no speaker', () => {
  it('a term inside the subject’s noun phrase: no speaker, no card', () => {
    const { who, result } = analyse(
      p('Acme Freight hired two hundred drivers last year.', 'Those Acme “side hustle” ads ran on every bus in town.'),
      'en',
    );
    expect(who).toEqual([null]);
    expect(result.speakers).toEqual([]);
  });
  it('the same term after a speech verb is still the speaker’s word for it', () => {
    const { who } = analyse(p('Ann Lee said the plan was a “side hustle” for the port.'), 'en');
    expect(who).toEqual(['Ann Lee']);
  });
  it('a short quote the subject does not touch is still read from the subject (step left:subject)', () => {
    const { result } = analyse(p('Ann Lee, the harbour master, wants a “fair deal” for the port.'), 'en');
    expect(result.attributions[0]!.step).toBe('left:subject');
  });
  it('a longer quotation after the subject is not a term', () => {
    const { result } = analyse(p('Ann Lee “will not sign any plan that closes the pier” this year.'), 'en');
    expect(result.attributions[0]!.step).toBe('left:subject');
  });
});
