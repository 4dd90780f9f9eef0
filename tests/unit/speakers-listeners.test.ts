// Issue 12, round attrib15: who a speech verb names besides its speaker. A listener after "told" is no
// speaker, and a first-person subject of the verb (the writer) keeps the sentence's first name from
// speaking. Our own sentences.
import { describe, expect, it } from 'vitest';
import { analyse } from './speakers-helpers';

const p = (...paras: string[]): string => paras.map((t) => `<p>${t}</p>`).join('');

describe('the listener of "told" is not the speaker', () => {
  it('a long aside before "told X:" gives the speaker, not the outlet told', () => {
    const { who, result } = analyse(
      p(
        'Ada Frey, a harbour engineer at the coastal institute in Derry who did not take part in the survey, told Harbour Weekly: “The pier will not last another winter.”',
      ),
      'en',
    );
    expect(who).toEqual(['Ada Frey']);
    expect(result.speakers.map((s) => s.name)).toEqual(['Ada Frey']);
  });
  it('"said X:" still names the speaker after the verb', () => {
    const { who } = analyse(
      p('The vote was close. Afterwards, said Ada Frey: “The pier will not last another winter.”'),
      'en',
    );
    expect(who).toEqual(['Ada Frey']);
  });
});

describe('a first-person subject of the speech verb: nobody the page names', () => {
  it('"we called it" does not lend the sentence’s opening word', () => {
    const { who, result } = analyse(
      p(
        'Harbour lamps cost less this year. Compare prices in our guide, where we called them “the best buy of the season.”',
      ),
      'en',
    );
    expect(who).toEqual([null]);
    expect(result.speakers).toEqual([]);
  });
  it('a named subject before the verb still speaks', () => {
    const { who } = analyse(
      p('Compare prices in our guide, where Ada Frey called them “the best buy of the season.”'),
      'en',
    );
    expect(who).toEqual(['Ada Frey']);
  });
});

describe('a capitalised verb opening the sentence after a closed quote is an imperative, not a cue', () => {
  it('"“….” Read our Harbour Lamp review." names nobody', () => {
    const { who, result } = analyse(
      p('“The Harbour Lamp is the brightest lamp of the year, and the cheapest.” Read our Harbour Lamp review.'),
      'en',
    );
    expect(who).toEqual([null]);
    expect(result.speakers).toEqual([]);
  });
  it('a lower-case verb after the quote still names the speaker after it', () => {
    const { who } = analyse(p('“The lamp is the brightest of the year,” said Ada Frey.'), 'en');
    expect(who).toEqual(['Ada Frey']);
  });
});

describe('a name governed by a preposition is not the subject of the speech verb', () => {
  it('"one sailor on X, which …, posted:" gives no card to the place it was posted', () => {
    const { who, result } = analyse(
      p('One sailor on Harbourgram, which is a photo app popular with sailors, posted: “The pier is gone.”'),
      'en',
    );
    expect(who).toEqual([null]);
    expect(result.speakers).toEqual([]);
  });
  it('"published in the journal X argued" does not make the journal speak', () => {
    const { who } = analyse(
      p(
        'The authors of the survey published in the journal Harbour Science argued that the pier is “a danger to the town.”',
      ),
      'en',
    );
    expect(who).toEqual([null]);
  });
  it('"as", "with" and a place glued before a name leave the speaker alone', () => {
    const { who } = analyse(
      p(
        'As Ada Frey said, the pier is “a danger to the town.”',
        'The port closed, with Jonas Berg calling it “a danger to the town.”',
        'The ambassador to Norway Tom Reyes said the pier is “a danger to the town.”',
      ),
      'en',
    );
    expect(who).toEqual(['Ada Frey', 'Jonas Berg', 'Tom Reyes']);
  });
});

describe('a word capitalised only at sentence starts and written lower case elsewhere is a common noun', () => {
  it('"Dockers chanted" with "dockers" elsewhere makes no card', () => {
    const { who, result } = analyse(
      p(
        'Dockers marched to the port this morning. Dockers chanted “Open the pier!” as the mayor arrived, and many dockers stayed.',
      ),
      'en',
    );
    expect(who).toEqual([null]);
    expect(result.speakers).toEqual([]);
  });
  it('a surname the page also capitalises inside a sentence still speaks ("Ann Young … Young said")', () => {
    const { who } = analyse(
      p('The mayor Ann Young spoke first. Young said the pier is “a danger to the town,” and young sailors agreed.'),
      'en',
    );
    expect(who).toEqual(['Ann Young']);
  });
});

describe('a place’s name followed by words that are no first names is an organisation', () => {
  it('"he said" does not stand for a team named after its state', () => {
    const { who } = analyse(p('Ohio Rovers', '“He is used to scoring goals every week,” he said.'), 'en');
    expect(who).toEqual([null]);
  });
  it('a person whose first name is also a place is still a person', () => {
    const { who } = analyse(p('Georgia Ann Lee won the race.', '“I am used to winning every week,” she said.'), 'en');
    expect(who).toEqual(['Georgia Ann Lee']);
  });
});
