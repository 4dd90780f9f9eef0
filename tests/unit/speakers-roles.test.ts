// A role after a name (its apposition) is the person's role on the card, as a title before the name
// is: "Tom Reyes, a spokesman for the port authority, said". Sentences of our own.
import { describe, expect, it } from 'vitest';
import { analyse } from './speakers-helpers';

const roleOf = (html: string, name: string) =>
  analyse(html, 'en').result.speakers.find((s) => s.name === name)?.role ?? null;

describe('roles from the apposition after a name', () => {
  it('an apposition with a determiner, closed by the sentence or by a comma', () => {
    const html =
      '<p>“It is a long process,” said Tom Reyes, a spokesman for the port authority.</p>' +
      '<p>“We are not done,” Ines Vale, the head of the ferry company, said on Monday.</p>';
    expect(roleOf(html, 'Tom Reyes')).toBe('spokesman for the port authority');
    expect(roleOf(html, 'Ines Vale')).toBe('head of the ferry company');
  });
  it('a bare apposition, with the names of its places and bodies after its role noun', () => {
    const html =
      '<p>“We have a duty to get this right,” Mara Olsen, deputy director for planning in the Harbour Office, said.</p>';
    expect(roleOf(html, 'Mara Olsen')).toBe('deputy director for planning in the Harbour Office');
  });
  it('a title before the name stays the role', () => {
    const html = '<p>“The piers open in May,” said Mayor Jonas Berg, a former pilot of the line.</p>';
    expect(roleOf(html, 'Jonas Berg')).toBe('Mayor');
  });
  it('no role from a list of names, a place, a relative clause or a phrase with no role noun', () => {
    const html =
      '<p>“We agree,” said Ann Lee, Tom Ruiz and Ada Frey.</p>' +
      '<p>“It rained all week,” said Omar Haddad, Ohio.</p>' +
      '<p>“The vote is close,” said Lena Marsh, who chairs the board.</p>' +
      '<p>“Nobody came,” said Piet Vos, a quiet and patient man from the north.</p>';
    for (const name of ['Ann Lee', 'Omar Haddad', 'Lena Marsh']) expect(roleOf(html, name)).toBeNull();
  });
  it('a role phrase later in the article is the person it describes', () => {
    const html =
      '<p>“It is a long process,” said Tom Reyes, a spokesman for the port authority.</p>' +
      '<p>The mayor spoke next. Then the spokesman added: “We will publish the figures.”</p>';
    const { who, result } = analyse(html, 'en');
    expect(who).toEqual(['Tom Reyes', 'Tom Reyes']);
    // The later phrase is an alias; the apposition's own words are his role, not one more alias.
    expect(result.speakers[0]!.aliases).toContain('the spokesman');
    expect(result.speakers[0]!.aliases).not.toContain('a spokesman');
  });
});

describe('aliases on the card', () => {
  it('one alias per wording, whatever its case ("the spokesman" and "The spokesman" opening a sentence)', () => {
    const html =
      '<p>“It is a long process,” said Tom Reyes, a spokesman for the port authority.</p>' +
      '<p>The mayor spoke next. Then the spokesman added: “We will publish the figures.”</p>' +
      '<p>The spokesman said: “The ferries run again on Monday.”</p>';
    const { who, result } = analyse(html, 'en');
    expect(who).toEqual(['Tom Reyes', 'Tom Reyes', 'Tom Reyes']);
    const aliases = result.speakers[0]!.aliases.map((a) => a.toLowerCase());
    expect(aliases.filter((a) => a === 'the spokesman')).toHaveLength(1);
  });
});
