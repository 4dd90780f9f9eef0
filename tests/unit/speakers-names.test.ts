import { describe, expect, it } from 'vitest';
import { lexiconFor } from '../../src/core/lexicon';
import { Lex, splitTitle } from '../../src/core/speakers-mentions';
import { analyse } from './speakers-helpers';

describe('names of organisations and people', () => {
  it('the capitalised organisation name after a determiner is that organisation, not the main one', () => {
    const { who } = analyse(
      '<p>The FTA fined the port twice. The FTA ruling stands, and the FTA has appealed.</p>' +
        '<p>The Harbour Pilots Association said the fine was “far too low.”</p>',
    );
    expect(who).toEqual(['Harbour Pilots Association']);
  });
  it('"the commission" is the organisation named with that word, not the most-named one', () => {
    const { who } = analyse(
      '<p>The FTA fined the port twice. The FTA ruling stands, and the FTA has appealed.</p>' +
        '<p>A report by the Harbour Safety Commission is due in May.</p>' +
        '<p>The commission said the fine was “far too low.”</p>',
    );
    expect(who).toEqual(['Harbour Safety Commission']);
  });
  it('a verb right after the quote is the inverted cue, not the start of a later clause', () => {
    const { who } = analyse('<p>“I will vote for her,” said Ada Frey, 24, from Derry, who said the plan was good.</p>');
    expect(who).toEqual(['Ada Frey']);
  });
  it('a relative pronoun after the inverted name ends its role phrase', () => {
    const { who } = analyse(
      '<p>“We were wrong,” said Sen. Ada Frey who represents Derry County and served as mayor.</p>',
    );
    expect(who).toEqual(['Ada Frey']);
  });
  it('a person of an organisation speaks, not the organisation', () => {
    const { who } = analyse('<p>Mr. Okafor of the Harbour Pilots Club said, “The plan is weak.”</p>');
    expect(who).toEqual(['Okafor']);
  });
  it('a possessive after "of" belongs to the organisation that follows, not to the person before "of"', () => {
    const { who } = analyse(
      '<p>“Ice matters for life under the crust,” said geologist Rosa Linden of Vega’s Western Space Lab in Oregon.</p>',
    );
    expect(who).toEqual(['Rosa Linden']);
  });
  it('an organisation\'s own "of" name stays whole before a possessive', () => {
    const { who } = analyse('<p>The Bank of Derry’s chief, Ada Frey, said, “Rates will rise.”</p>');
    expect(who).toEqual(['Ada Frey']);
  });
  it('a name run does not end with "of" before a non-name word', () => {
    const { who } = analyse('<p>Ann Okafor of The Harbour Ledger wrote, “The plan is weak.”</p>');
    expect(who).toEqual(['Ann Okafor']);
  });
  it('a role phrase with the name in apposition before the verb gives the name', () => {
    const { who } = analyse('<p>“The port stays shut,” the port spokeswoman, Ada Frey, said.</p>');
    expect(who).toEqual(['Ada Frey']);
  });
  it('a one-word name is a surname before it is a first name', () => {
    const { who } = analyse(
      '<p>Governor Noel Brandt met Noel Brandt’s critics. Noel Brandt left early.</p>' +
        '<p>Ada Noel, a port engineer, stayed.</p><p>Noel said the cranes were “far too old.”</p>',
    );
    expect(who).toEqual(['Ada Noel']);
  });
  it('a mention made only of determiners does not throw', () => {
    expect(analyse('<p>Several said the port was “far too old.”</p>').who).toHaveLength(1);
  });
  it('a closing cue before the last comma when the name has an aside after it', () => {
    const { who } = analyse(
      '<p>Tourists stay away and hotels get “very nervous” this summer, said Ada Frey, director of the Derry port union.</p>',
    );
    expect(who).toEqual(['Ada Frey']);
  });
});

describe('a place glued before a name (issue 12)', () => {
  it('is neither the name nor the role: the short name then joins the same card', () => {
    const html =
      '<p>The ambassador to Ukraine Orin Vasko said the talks “will go on.”</p><p>“We are patient,” Vasko said.</p>';
    const { who, result } = analyse(html);
    expect(who).toEqual(['Orin Vasko', 'Orin Vasko']);
    expect(result.speakers).toHaveLength(1);
    expect(result.speakers[0]!.role).not.toBe('Ukraine');
  });
  it('keeps an organisation named after a place whole', () => {
    expect(splitTitle('Canada Harbour Association', new Lex(lexiconFor('en'))).name).toBe('Canada Harbour Association');
  });
});

describe('words before an organisation’s head noun, and hyphenated adjectives', () => {
  const lex = new Lex(lexiconFor('en'));
  it('keeps "State Department" whole: its first word is its name, not a title', () => {
    expect(splitTitle('State Department', lex)).toEqual({ role: null, name: 'State Department', gender: null });
    expect(splitTitle('Senator Ann Holt', lex).name).toBe('Ann Holt');
  });
  it('a capitalised word glued to a lower-case one ("Lisbon-based") is not a name and never speaks', () => {
    const { result } = analyse(
      '<p>The Lisbon-based whistleblower would then have claimed that the deal gave the city “room” to borrow.</p>',
    );
    expect(result.speakers.map((s) => s.name)).not.toContain('Lisbon-based');
  });
});
