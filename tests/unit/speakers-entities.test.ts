// Entity knowledge (first names, places, common words), the language detector, and the German rules
// that use them. Our own sentences.
import { describe, expect, it } from 'vitest';
import { entityKind, firstNameGender, isCommonWord, isPlace } from '../../src/core/entities';
import { detectLanguage } from '../../src/core/entities/lang';
import { analyse } from './speakers-helpers';

describe('entity knowledge', () => {
  it('knows first names with their gender, and not common words', () => {
    expect(firstNameGender('Margit')).toBe('female');
    expect(firstNameGender('Torben')).toBe('male');
    expect(firstNameGender('Sometimes')).toBeNull();
  });
  it('knows countries, large cities and US states in three languages', () => {
    for (const p of ['Deutschland', 'Allemagne', 'Germany', 'Glasgow', 'Maryland']) expect(isPlace(p), p).toBe(true);
    expect(isPlace('Ines Kovac')).toBe(false);
  });
  it('sorts a capitalised run into person, place, common word or unknown', () => {
    expect(entityKind('Margit Olsen', 'en')).toBe('person');
    expect(entityKind('Glasgow', 'en')).toBe('place');
    expect(entityKind('Among', 'en')).toBe('common');
    expect(entityKind('Damit', 'de')).toBe('common');
    expect(entityKind('I’d', 'en')).toBe('common');
    expect(entityKind('Harbour Board', 'en')).toBe('unknown');
    expect(isCommonWord('damit', 'en')).toBe(false);
  });
});

describe('language detector', () => {
  const en =
    'The harbour board said on Monday that the pier would stay closed for the rest of the year, and that nobody knew when it would open again.';
  const de =
    'Der Hafenrat sagte am Montag, dass der Steg für den Rest des Jahres geschlossen bleibe und niemand wisse, wann er wieder öffne.';
  const fr =
    'Le conseil du port a dit lundi que la jetée resterait fermée pour le reste de l’année et que personne ne savait quand elle rouvrirait.';
  const it_ =
    'Il consiglio del porto ha detto lunedì che il molo resterà chiuso per il resto dell’anno e che nessuno sa quando riaprirà.';
  it('tells en, de, fr and another language apart on article-length text', () => {
    expect(detectLanguage(en.repeat(2))).toEqual({ lang: 'en', sure: true });
    expect(detectLanguage(de.repeat(2))).toEqual({ lang: 'de', sure: true });
    expect(detectLanguage(fr.repeat(2))).toEqual({ lang: 'fr', sure: true });
    expect(detectLanguage(it_.repeat(2)).lang).toBe('it');
    expect(detectLanguage('Мэр сказал в понедельник, что причал закрыт.').lang).toBe('other');
  });
  it('is unsure on a few words, so the declared language stands', () => {
    expect(detectLanguage('Harbour news').sure).toBe(false);
  });
  it('a German page declared as English is attributed with the German word lists', () => {
    const html = `<p>${de}</p><p>„Wir öffnen den Steg im Mai“, sagte Margit Olsen.</p>`;
    const { who, result } = analyse(html, 'en');
    expect(result.lang).toBe('de');
    expect(who).toEqual(['Margit Olsen']);
  });
  it('in a language without word lists, only an unambiguous cue names someone', () => {
    const html = `<p>${it_} ${it_}</p><p>Paolo Conti: “Riapriremo a maggio.”</p><p>Secondo il Consiglio “il molo è sicuro”.</p>`;
    const { who } = analyse(html, 'en');
    expect(who).toEqual(['Paolo Conti', null]);
  });
});

describe('German nouns are capitalised', () => {
  it('a noun phrase after an article or preposition is nobody; the name after it speaks', () => {
    const { who } = analyse('<p>Nach dem Konzert in der Halle sagte Torben Lindqvist: „Wir kommen wieder.“</p>', 'de');
    expect(who).toEqual(['Torben Lindqvist']);
  });
  it('a compound of a role noun is a role ("Hafensprecher")', () => {
    const { who } = analyse('<p>„Der Steg bleibt zu“, sagte ein Hafensprecher am Montag.</p>', 'de');
    expect(who).toEqual(['ein Hafensprecher']);
  });
  it('a capitalised noun with no name evidence does not speak ("Begründung")', () => {
    const { who } = analyse('<p>Die Entscheidung fiel am Montag. Begründung: „Der Steg ist zu alt.“</p>', 'de');
    expect(who).toEqual([null]);
  });
  it('a surname alone speaks when the page names the full name, or a speech verb stands beside it', () => {
    const { who } = analyse(
      '<p>Margit Olsen leitet den Hafen.</p><p>Olsen: „Wir öffnen im Mai.“</p><p>„Das ist zu spät“, sagte Brandhuber.</p>',
      'de',
    );
    expect(who).toEqual(['Margit Olsen', 'Brandhuber']);
  });
});

describe('month and weekday names (from Intl, per language)', () => {
  it('lists long and short forms without the dot, and leaves out short forms that are first names', async () => {
    const { calendarWords } = await import('../../src/core/lexicon/calendar');
    expect(calendarWords('en')).toEqual(expect.arrayContaining(['October', 'Oct', 'Nov', 'Wed']));
    expect(calendarWords('de')).toEqual(expect.arrayContaining(['Oktober', 'Okt', 'Nov', 'Mittwoch']));
    expect(calendarWords('en')).not.toContain('Jan');
  });
  it('never makes "Oct." before a date a speaker, while a Jan before a surname still speaks', () => {
    const { who, result } = analyse(
      '<p>After the Oct. 14 vote that the two ferry towns called a “fair and final settlement” of the dispute, nothing was signed.</p>' +
        '<p>“We will sign when the money is there,” said Jan Okafor, who leads the council.</p>',
    );
    expect(result.speakers.map((s) => s.name)).not.toContain('Oct');
    expect(who[1]).toBe('Jan Okafor');
  });
});
