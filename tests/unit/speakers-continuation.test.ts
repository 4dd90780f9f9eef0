// Continuation: which neighbour lends a cue-less quote its speaker, and when a line break ends a paragraph.
import { describe, expect, it } from 'vitest';
import { analyse } from './speakers-helpers';

describe('line breaks inside a block', () => {
  it('an unclosed quote ends at a line that opens a new quote', () => {
    const { who } = analyse(
      '<p>“The pier is a danger to every sailor,” Rep. Ann Lee (D-Wis.) said Friday. “If the port is not safe, how can a deckhand feel at ease.\n' +
        '“We have waited long enough for the harbour board,” added Rep. Jo Ruiz (D-S.C.), the assistant leader of the caucus. “The town deserves better.”</p>',
    );
    expect(who).toEqual(['Ann Lee', 'Ann Lee', 'Jo Ruiz', 'Jo Ruiz']);
  });
  it('a quote after a line break takes the subject of its own line, not the quote before the break', () => {
    const { who } = analyse(
      '<p>“The pier must reopen,” Ann Lee said.\nTomas Berg wrote to the council on Monday. “The harbour is full every weekend.”</p>',
    );
    expect(who).toEqual(['Ann Lee', 'Tomas Berg']);
  });
});

describe('a cue names someone else', () => {
  it('a determiner phrase before a comma-delimited name: “…,” his wife, X, wrote', () => {
    const { who } = analyse(
      '<p>Despite his temper, defender Ola Brun wrote, Pavel Dron is a devoted father.</p>' +
        '<p>“We need him because life is hard in Tallinn,” his wife, Mira Dron, wrote in a letter to the court.</p>',
    );
    expect(who).toEqual(['Mira Dron']);
  });
});

describe('sentence subjects', () => {
  it('a name opening the main clause after an opening phrase that ends in a name is the subject', () => {
    const { who } = analyse(
      '<p>Harbour elites have relied on such ideas for years. In the depths of the Great Slump, Ola Brun worried that the safety net was becoming “a hammock that lulls people to idleness.”</p>',
    );
    expect(who).toEqual(['Ola Brun']);
  });
});

describe('opening phrases', () => {
  it('a place and its state between commas stay in the opening phrase', () => {
    const { who } = analyse(
      '<p>Speaking at a fair in Salem, Oregon, Ola Brun backed “a fine idea for the whole coast.”</p>',
    );
    expect(who).toEqual(['Ola Brun']);
  });
});

describe('pronoun sources of a continuation', () => {
  it('capitalised words before a name do not hide its preposition (with Radio Brant’s Salt Harbour affiliate)', () => {
    const { who } = analyse(
      '<p>She took to the airwaves in an interview with Radio Brant’s Salt Harbour affiliate, in which Ada Frey expressed confidence that the ferry would run “every hour of the day.”</p>' +
        '<p>“Nothing has changed,” she said. “It is the same story.”</p>',
    );
    expect(who.slice(1)).toEqual(['Ada Frey', 'Ada Frey']);
  });
});

describe('next quote of the paragraph', () => {
  it('a quote does not borrow the speaker of a quote on a later line', () => {
    const { who } = analyse(
      '<p>“The pier must reopen,” said Ann Lee, the mayor.\n“The tide is rising fast.”\nJo Ruiz runs the port. “We can wait a year,” Jo Ruiz said.</p>',
    );
    expect(who).toEqual(['Ann Lee', 'Ann Lee', 'Jo Ruiz']);
  });
});

describe('inverted cues', () => {
  it('said X right after the quote beats a later verb in the window (“…,” said X, 24, from Y, who said …)', () => {
    const { who } = analyse(
      '<p>“I have never voted in a primary, but I will vote in this one,” said Kari Holm, 24, from Brant, who said Ola Brun is best suited to fix the port. “It is supposed to be for the people.”</p>',
    );
    expect(who).toEqual(['Kari Holm', 'Kari Holm']);
  });
});
