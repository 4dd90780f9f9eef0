import { describe, expect, it } from 'vitest';
import { analyse } from './speakers-helpers';

describe('cues closing the sentence', () => {
  it('closing cue followed by an appositive', () => {
    expect(
      analyse('<p>Ada Frey gave the island “a real lift” last year, said Tomas Lind, a harbour pilot.</p>').who,
    ).toEqual(['Tomas Lind']);
  });
  it('closing cue for a quote with no cue of its own', () => {
    expect(
      analyse('<p>The vote signals “the end of the pier” for the harbour, said Ada Frey, a pilot.</p>').who,
    ).toEqual(['Ada Frey']);
  });
  it('according to X closing the sentence', () => {
    expect(analyse('<p>The talks went “nowhere at all” that night, according to Harbour Radio.</p>').who).toEqual([
      'Harbour Radio',
    ]);
  });
  it('according to role words and a name', () => {
    expect(
      analyse('<p>The ferry plan is “dead in the water,” according to longtime harbour treasurer Ada Frey.</p>').who,
    ).toEqual(['Ada Frey']);
  });
});

describe('cues closing the sentence, across quotes', () => {
  it('a later quote’s cue covers an earlier cue-less quote', () => {
    expect(
      analyse('<p>The “slow boat” plan is about “ferries telling the board, enough is enough,” Tomas Lind said.</p>')
        .who,
    ).toEqual(['Tomas Lind', 'Tomas Lind']);
  });
});

describe('asides', () => {
  it('aside left unclosed before the verb', () => {
    expect(
      analyse('<p>“The ferry will sink,” Nate Lee, the pilot who founded harbourwatch.org tweeted on Monday.</p>').who,
    ).toEqual(['Nate Lee']);
  });
});

describe('subject of the sentence', () => {
  it('name right after an opening phrase that ends in a name', () => {
    expect(
      analyse(
        '<p>At a debate at the University of Lorn, Frey opened with a call for the board to “embrace” her plan.</p>',
      ).who,
    ).toEqual(['Frey']);
  });
});

describe('speech verbs', () => {
  it('X spoke, then the quote in the next paragraph', () => {
    expect(
      analyse(
        '<p>At the quay on Monday Ada Frey spoke to the harbour board.</p><p>“We need new boats and we need them now.”</p>',
      ).who,
    ).toEqual(['Ada Frey']);
  });
  it('as X puts it', () => {
    expect(
      analyse('<p>As the Courier’s Ada Frey puts it, the board is making ferries “an offer they cannot refuse.”</p>')
        .who,
    ).toEqual(['Ada Frey']);
  });
});

describe('words between the speaker and the verb', () => {
  it('X at the time said', () => {
    expect(analyse('<p>Ada Frey at the time said the “crew” had checked the boats.</p>').who).toEqual(['Ada Frey']);
  });
});

describe('opening phrases', () => {
  it('a long opening phrase before the subject', () => {
    expect(
      analyse(
        '<p>When told that Frey was in the harbour cabinet and in the running for an even bigger job on the island council next year, Lind thought and said that “boats matter more than people think.”</p>',
      ).who,
    ).toEqual(['Lind']);
  });
});
