// Issue 12, second round: German grammar shapes as sieve steps and lexicon data, descriptions and glued
// roles, everyday words that name nobody, and the model choosing among candidates. Our own sentences.
import { describe, expect, it } from 'vitest';
import { isNobody } from '../../src/core/entities';
import { MODEL } from '../../src/core/model/scorer';
import { analyse } from './speakers-helpers';

const p = (...paras: string[]): string => paras.map((t) => `<p>${t}</p>`).join('');

describe('German verb-second clauses (left:verb-X)', () => {
  it('after an opening adverb the subject follows the verb', () => {
    const { who, result } = analyse(p('Dazu sagte Helga Brenner: „Wir bauen den Steg neu.“'), 'de');
    expect(who).toEqual(['Helga Brenner']);
    expect(result.attributions[0]!.step).toBe('left:verb-X');
  });
  it('a name governed by a preposition before the verb is not the subject', () => {
    const { who } = analyse(
      p('Jonas Berg ist Lotse. Über Jonas Berg sagte Helga Brenner: „Er kennt jede Welle.“'),
      'de',
    );
    expect(who).toEqual(['Helga Brenner']);
  });
  it('a subject before the verb stays the speaker', () => {
    const { who } = analyse(p('Helga Brenner sagte dem Rat: „Der Steg hält.“'), 'de');
    expect(who).toEqual(['Helga Brenner']);
  });
  it('a noun phrase before the verb is a subject, so nobody after the verb is taken', () => {
    const { who } = analyse(p('Das Hafenblatt Kurier nannte Jonas Berg einen „Glücksfall“.'), 'de');
    expect(who).not.toContain('Jonas Berg');
  });
});

describe('German separable verbs and plural verb forms (lexicon)', () => {
  it('"teilte … mit:" is a speech verb when its particle closes the clause', () => {
    const { who } = analyse(p('Dazu teilte die Hafenbehörde am Montag mit: „Der Steg bleibt zu.“'), 'de');
    expect(who[0]).toMatch(/Hafenbehörde/);
  });
  it('the plural of a past form speaks ("berichteten")', () => {
    const { who } = analyse(p('Die Lotsen berichteten, der Steg sei „völlig morsch“.'), 'de');
    expect(who[0]).toMatch(/Lotsen/);
  });
});

describe('nominal speakers and genitive attributes', () => {
  it('a determiner-led noun phrase beside a speech verb speaks ("Das staatliche Fernsehen berichtete")', () => {
    const { who } = analyse(p('Das staatliche Fernsehen berichtete von „schweren Schäden“ am Hafen.'), 'de');
    expect(who[0]).toMatch(/Fernsehen/);
  });
  it('a dative or prepositional phrase before a verb does not speak ("In einem Interview äußerte sich …")', () => {
    const { who } = analyse(
      p('In einem Interview äußerte sich Helga Brenner zuversichtlich: „Wir schaffen das.“'),
      'de',
    );
    expect(who).toEqual(['Helga Brenner']);
  });
  it('the name in apposition after a genitive is the speaker, in German and English', () => {
    const de = analyse(p('„Wir bleiben dabei“, sagte der Vorsitzende des Lotsenvereins, Jonas Berg.'), 'de');
    expect(de.who).toEqual(['Jonas Berg']);
    const en = analyse(p('“We stay,” said the chairman of the harbour club, Jonas Berg.'), 'en');
    expect(en.who).toEqual(['Jonas Berg']);
  });
  it('a role before a genitive is the subject ("Der Sprecher des Hafens nannte …")', () => {
    const { who } = analyse(p('Der Sprecher des Hafens nannte den Plan „fahrlässig“.'), 'de');
    expect(who[0]).toMatch(/Sprecher/);
  });
  it('a role in apposition after a name yields to the name', () => {
    const { who } = analyse(p('Jonas Berg, ein Lotse vom Hafen, erklärte, der Steg sei „ein Risiko“.'), 'de');
    expect(who).toEqual(['Jonas Berg']);
  });
});

describe('names', () => {
  it('a role compound before a surname is a name ("Bundesinnenminister Brenner: …")', () => {
    const { who } = analyse(p('Bundesinnenminister Brenner: „Der Steg bleibt zu.“'), 'de');
    expect(who).toEqual(['Brenner']);
  });
  it('a role glued before a known first name is split off ("Harbour DL Jonas Berg")', () => {
    const { who, result } = analyse(p('Harbour DL Jonas Berg said: “We lost the tide.”'), 'en');
    expect(who).toEqual(['Jonas Berg']);
    expect(result.speakers[0]!.role).toBe('Harbour DL');
  });
  it('a full stop glued between two words ends the sentence ("Berg.Später")', () => {
    const { who } = analyse(p('„Wir bleiben“, sagte Jonas Berg.Später kam Helga Brenner.'), 'de');
    expect(who).toEqual(['Jonas Berg']);
  });
});

describe('everyday words name nobody', () => {
  it('a common word or a compound of common words is nobody; a name is not', () => {
    expect(isNobody('Sometimes', 'en')).toBe(true);
    expect(isNobody('Fifty-one', 'en')).toBe(true);
    expect(isNobody('Jonas Berg', 'en')).toBe(false);
    expect(isNobody('Berg', 'en')).toBe(false);
  });
});

describe('the model chooses among candidates', () => {
  const page = p(
    'Helga Brenner leads the harbour board.',
    '“We open in May,” said Helga Brenner. “The pier is safe.”',
    'Jonas Berg disagreed. “It is late,” he said.',
  );
  it('every attributed quote names one of its candidates, with a confidence at or above the threshold', () => {
    const { result } = analyse(page, 'en', { keepFacts: true });
    result.attributions.forEach((a, i) => {
      if (a.speaker === null) return;
      expect(result.candidates![i]!.map((c) => c.speaker)).toContain(a.speaker);
      expect(a.confidence!).toBeGreaterThanOrEqual(MODEL.threshold);
    });
  });
  it('the sieve alone (no model) keeps its own answers and offers no others', () => {
    const sieve = analyse(page, 'en', { model: null });
    expect(sieve.who).toEqual(['Helga Brenner', 'Helga Brenner', 'Jonas Berg']);
  });
  it('candidates say which one is the sieve’s and how many steps agree', () => {
    const { result } = analyse(page, 'en', { keepFacts: true });
    const second = result.candidates![1]!;
    expect(second[0]!.sieveChoice).toBe(true);
    expect(second.every((c) => c.votes >= 1 && c.candidates === second.length)).toBe(true);
  });
});

describe('reported speech (Konjunktiv I) and page-wide surnames', () => {
  it('a cue-less quote in a sentence in the reported mood takes the speaker of the sentence before', () => {
    const { who, result } = analyse(
      p(
        'Anna Müller sagte am Montag, die Lage habe sich verschärft. Die Mittel seien „schon für das erste Jahr viel zu knapp bemessen“.',
      ),
      'de',
    );
    expect(who).toEqual(['Anna Müller']);
    expect(result.attributions[0]!.step).toBe('continuation:reported');
  });
  it('a short quoted phrase in reported speech is the reporter’s too, not a scare quote', () => {
    const { who, result } = analyse(
      p('Anna Müller sagte am Montag, die Lage habe sich verschärft. Die Mittel seien „völlig unrealistisch“.'),
      'de',
    );
    expect(who).toEqual(['Anna Müller']);
    expect(result.attributions[0]!.step).toBe('continuation:reported');
  });
  it('a short quoted phrase in an indicative sentence stays a scare quote: no neighbour lends it a speaker', () => {
    const { who } = analyse(
      p('Anna Müller sagte am Montag, die Lage habe sich verschärft. Die Mittel sind „völlig unrealistisch“.'),
      'de',
    );
    expect(who).toEqual([null]);
  });
  it('an indicative sentence does not go on with anyone', () => {
    const { who } = analyse(p('Das Wetter war gut. Die Kosten sind „völlig unklar“.'), 'de');
    expect(who).toEqual([null]);
  });
  it('a surname alone in a later paragraph names the person', () => {
    const { who } = analyse(
      p('Die Ärztin Helga Brenner leitete das Team.', '„Das war schwer“, erinnerte sich Brenner später.'),
      'de',
    );
    expect(who).toEqual(['Helga Brenner']);
  });
  it('a separable particle after the quote closes the speech verb', () => {
    const { who } = analyse(p('Helga Brenner wies den Vorwurf als „Unsinn“ zurück.'), 'de');
    expect(who).toEqual(['Helga Brenner']);
  });
});
