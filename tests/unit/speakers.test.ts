import { describe, expect, it } from 'vitest';
import { lexiconFor } from '../../src/core/lexicon';
import { Lex, tokenize } from '../../src/core/speakers-mentions';
import { analyse } from './speakers-helpers';

describe('explicit cues', () => {
  it('X said after the quote', () => {
    expect(analyse('<p>“The ferry runs late,” Ines Kovac said.</p>').who).toEqual(['Ines Kovac']);
  });
  it('said X after the quote', () => {
    expect(analyse('<p>“The ferry runs late,” said Ines Kovac.</p>').who).toEqual(['Ines Kovac']);
  });
  it('X said: before the quote', () => {
    expect(analyse('<p>Ines Kovac said: “The ferry runs late.”</p>').who).toEqual(['Ines Kovac']);
  });
  it('according to X', () => {
    expect(analyse('<p>According to Ines Kovac, “the ferry runs late.”</p>').who).toEqual(['Ines Kovac']);
  });
  it('X told someone', () => {
    expect(analyse('<p>Ines Kovac told the harbour board that “the ferry runs late.”</p>').who).toEqual(['Ines Kovac']);
  });
  it('appositive after an inverted verb', () => {
    expect(analyse('<p>“We played scared,” insisted the home keeper, Tomas Lind.</p>').who).toEqual(['Tomas Lind']);
  });
  it('title before the name gives the role', () => {
    const { who, result } = analyse('<p>“Talks went well,” said Harbour Commissioner Ada Frey.</p>');
    expect(who).toEqual(['Ada Frey']);
    expect(result.speakers[0]!.role).toBe('Harbour Commissioner');
  });
  it('aside between speaker and verb', () => {
    expect(analyse('<p>Ada Frey, who took over from Olaf Brun in May, said “the docks need cranes.”</p>').who).toEqual([
      'Ada Frey',
    ]);
  });
  it('a name inside the quote is never the speaker', () => {
    expect(analyse('<p>“Olaf Brun was wrong,” Ada Frey said.</p>').who).toEqual(['Ada Frey']);
  });
});

describe('pronouns', () => {
  it('he said resolves to the subject of the sentence before', () => {
    const { who } = analyse(
      '<p>Pavel Dron toured the new depot on Friday.</p><p>“She is a brilliant engineer,” he said.</p>',
    );
    expect(who).toEqual(['Pavel Dron']);
  });
  it('pronouns agree in gender with the antecedent', () => {
    const { who } = analyse('<p>Maria Lopes met Pavel Dron at the depot. “It went fine,” she said.</p>');
    expect(who).toEqual(['Maria Lopes']);
  });
});

describe('roles, aliases and organisations', () => {
  it('a role noun resolves to the person holding the role', () => {
    const html =
      '<p>Harbour Commissioner Ada Frey opened the dock.</p><p>“It is a fine day,” the commissioner said.</p>';
    expect(analyse(html).who).toEqual(['Ada Frey']);
  });
  it('a short name merges with the full name', () => {
    const html = '<p>“We start now,” said Ada Frey.</p><p>“And we finish soon,” Frey added.</p>';
    const { who, result } = analyse(html);
    expect(who).toEqual(['Ada Frey', 'Ada Frey']);
    expect(result.speakers).toHaveLength(1);
    expect(result.speakers[0]!.aliases).toContain('Frey');
    expect(result.speakers[0]!.quotes).toBe(2);
  });
  it('an organisation can speak', () => {
    const html =
      '<p>Dockline Shipping Company cut two routes. Dockline Shipping Company staff were told.</p><p>The company said it “remains committed to the island.”</p>';
    expect(analyse(html).who).toEqual(['Dockline Shipping Company']);
  });
  it('an unnamed source names no one: the quote is unattributed, its mention kept, no card', () => {
    const { who, result } = analyse('<p>“Nobody asked us,” a union spokesperson said.</p>');
    expect(who).toEqual([null]);
    expect(result.attributions[0]!.mention).toBe('a union spokesperson');
    expect(result.speakers).toEqual([]);
  });
  it('a description with a name in it still speaks', () => {
    const html = '<p>Harbour Union members met on Monday.</p><p>“Nobody asked us,” the Harbour Union said.</p>';
    expect(analyse(html).who).toEqual(['Harbour Union']);
  });
});

describe('continuation', () => {
  it('a quote with no cue continues the previous speaker', () => {
    const html = '<p>“The bridge is safe,” Ada Frey said. “Inspectors checked every bolt.”</p>';
    expect(analyse(html).who).toEqual(['Ada Frey', 'Ada Frey']);
  });
  it('a split quote keeps its speaker', () => {
    expect(analyse('<p>“It is late,” Ada Frey said, “but not too late.”</p>').who).toEqual(['Ada Frey', 'Ada Frey']);
  });
  it('a quote in a headline with no speaker stays unattributed', () => {
    expect(analyse('<h2>A “Grand Day” on the Pier</h2><p>Ada Frey spoke.</p>').who).toEqual([null]);
  });
  it('speakers are listed most quoted first', () => {
    const html = '<p>“One,” said Ada Frey. “Two,” said Olaf Brun. “Three,” Olaf Brun added.</p>';
    expect(analyse(html).result.speakers.map((s) => s.name)).toEqual(['Olaf Brun', 'Ada Frey']);
  });
});

describe('other languages', () => {
  it('german: „…“, sagte X', () => {
    expect(analyse('<p>„Die Brücke bleibt offen“, sagte Jana Vogt.</p>', 'de').who).toEqual(['Jana Vogt']);
  });
  it('german: X erklärte: „…“', () => {
    expect(analyse('<p>Jana Vogt erklärte: „Die Brücke bleibt offen.“</p>', 'de').who).toEqual(['Jana Vogt']);
  });
  it('french: « … », a déclaré X', () => {
    expect(analyse('<p>« Le port reste ouvert », a déclaré Luc Morel.</p>', 'fr').who).toEqual(['Luc Morel']);
  });
  it('french: selon X', () => {
    expect(analyse('<p>Selon Luc Morel, « le port reste ouvert ».</p>', 'fr').who).toEqual(['Luc Morel']);
  });
  it('french: a-t-elle ajouté', () => {
    const html = '<p>Claire Rocher a visité le port.</p><p>« Nous reviendrons », a-t-elle ajouté.</p>';
    expect(analyse(html, 'fr').who).toEqual(['Claire Rocher']);
  });
});

describe('names that are not people', () => {
  it('a title or demonym alone is not a name', () => {
    const html = '<p>Democratic mayoral hopeful Lena Varga thinks the toll is “a disgrace.”</p>';
    expect(analyse(html).who).toEqual(['Lena Varga']);
  });
  it('he stands for a person named in full, not a capitalised word', () => {
    const html = '<p>Pavel Dron toured the depot. Eyebrows rose. “It went fine,” he said.</p>';
    expect(analyse(html).who).toEqual(['Pavel Dron']);
  });
  it('a sentence-initial word the article writes in lower case is not a name', () => {
    const html = '<p>Maybe the timetable is “pure fiction.” Nobody knows if it will maybe change.</p>';
    expect(analyse(html).who[0]).not.toBe('Maybe');
  });
});

describe('noun phrases and clauses around the speaker', () => {
  it('said, then modifiers and a role before the name', () => {
    const html = '<p>“The docks need cranes,” said former Vienna adviser Ada Frey.</p>';
    expect(analyse(html).who).toEqual(['Ada Frey']);
  });
  it('an opening participle clause is not the subject', () => {
    const html = '<p>Speaking to Radio Nord on Monday, Ada Frey thinks the plan is “a mess.”</p>';
    expect(analyse(html).who).toEqual(['Ada Frey']);
  });
});

describe('scare quotes and short names', () => {
  it('a one-word name ending in -ly before said is a name', () => {
    expect(analyse('<p>“The tide turned,” Bradly said.</p>').who).toEqual(['Bradly']);
  });
  it('a short quoted phrase with no cue borrows no speaker from a neighbour', () => {
    const html = '<p>“We will rebuild the pier,” Ada Frey said.</p><p>The town calls it the “new pier” now.</p>';
    expect(analyse(html).who).toEqual(['Ada Frey', null]);
  });
  it('a short Title Case phrase with no cue is a title, not a quote of the subject', () => {
    expect(analyse('<p>Ada Frey hosts “Harbour Nights” on Fridays.</p>').who).toEqual([null]);
  });
});

describe('more cue shapes', () => {
  it('according to the source after the quote', () => {
    expect(analyse('<p>“The pier will close,” according to the Harbour Gazette.</p>').who).toEqual(['Harbour Gazette']);
  });
  it('a dash signature line after the quote', () => {
    expect(analyse('<p>“Keep the pier open.”</p><p>— Ines Kovac, Vienna.</p>').who).toEqual(['Ines Kovac']);
  });
  it('said, then an organisation and a title before the name', () => {
    const html = '<p>“The audit is damning,” said Harbour Watch President Olaf Brun.</p>';
    expect(analyse(html).who).toEqual(['Olaf Brun']);
  });
  it('a name after said is the topic when the verb has a subject', () => {
    const html = '<p>Ada Frey said the Vienna mayor was “out of his depth.”</p>';
    expect(analyse(html).who).toEqual(['Ada Frey']);
  });
});

describe('sentences and bounded work', () => {
  it('。！？ end a sentence whatever follows', () => {
    const text = '他来了。她走了！谁说的？好';
    const block = { index: 0, text, tag: 'p', isHeading: false } as Parameters<typeof tokenize>[0];
    const sentences = tokenize(block, [], [], new Lex(lexiconFor('en')), 1).filter((t) => t.kind === 'word');
    expect(sentences.map((t) => t.sentence)).toEqual([1, 2, 3, 4]);
  });
  it('a run-on sentence of quotes still gives each quote its own cue', () => {
    const line = 'Ines Kovac said “ok” and then Tomas Lind said “no” and ';
    const { who } = analyse(`<p>${line.repeat(40)}</p>`);
    expect(who.slice(-2)).toEqual(['Ines Kovac', 'Tomas Lind']);
  });
});

describe('cues across lines, headings and parentheses', () => {
  it('signature lines with a horizontal bar, one after another', () => {
    const html = '<p>“The ferry runs late.” ― Ines Kovac<br>“The pier is closed.” ― Tomas Lind</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac', 'Tomas Lind']);
  });
  it('heading that opens with a person and a Title Case verb', () => {
    const html =
      '<h1>Ines Kovac Slams Pier Plan: ‘A Waste Of Money’</h1><p>Harbour chief Ines Kovac spoke on Monday.</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
  });
  it('closing sentence whose subject speaks introduces the next paragraph quote', () => {
    const html =
      '<p>Tomas Lind added that the pier stays shut for now.</p><p>“We need two more weeks of repairs before the boats return.”</p>';
    expect(analyse(html).who).toEqual(['Tomas Lind']);
  });
  it('party and state in parentheses between the name and the verb', () => {
    const html = '<p>“The pier must reopen soon” Sen. Ines Kovac (D-Ore.) said in a statement.</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
  });
  it('long appositive with a name inside: the clause subject speaks', () => {
    const html =
      '<p>Ines Kovac, a pilot who flies for Harbour Air, the island carrier, said the route was “safe enough for now.”</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
  });
  it('several asides in a row after the quote', () => {
    const html = '<p>“The pier stays shut,” Ines Kovac, the harbour master, a former pilot, said on Monday.</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
  });
  it('abbreviation dot inside an aside is not a sentence end', () => {
    const html = '<p>“The pier stays shut,” Senator Tomas Lind, D-Ore., said on Monday.</p>';
    expect(analyse(html).who).toEqual(['Tomas Lind']);
  });
  it('cue closing the sentence beats the subject for a partial quote', () => {
    const html = '<p>Tomas Lind made a “costly mistake” with the timetable, said harbour analyst Ines Kovac.</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
  });
});

describe('aliases', () => {
  it('a role phrase used for the speaker elsewhere in the article is an alias', () => {
    const { result } = analyse(
      '<p>Mayor Ines Kovac met the crews on Monday. The mayor later toured the docks.</p><p>“The ferry runs late,” Kovac said.</p>',
    );
    const ines = result.speakers.find((s) => s.name === 'Ines Kovac');
    expect(ines?.role).toBe('Mayor');
    expect(ines?.aliases).toEqual(expect.arrayContaining(['Kovac', 'The mayor']));
  });
});

describe('reported speech', () => {
  it('a phrase quoted inside "X stressed that … Y maintains that …" is the reporter X’s', () => {
    const { who } = analyse(
      '<p>Mayor Ines Kovac stressed that while the budget is tight, the council maintains that the bridge is on a “steady course” toward repair.</p>',
    );
    expect(who).toEqual(['Ines Kovac']);
  });
  it('a reporter in an earlier sentence does not take the phrase', () => {
    const { who } = analyse(
      '<p>Mayor Ines Kovac visited the site on Monday. The council maintains that the bridge is on a “steady course” toward repair.</p>',
    );
    expect(who[0]).not.toBe('Ines Kovac');
  });
});

describe('pronouns and adverbs', () => {
  it('"she" does not stand for a name after "the" (a place or event, not a person)', () => {
    const { who } = analyse(
      '<p>Ines Kovac runs the ferry line.</p><p>Crowds filled the Harbour Festival on Monday. “The ferry runs late,” she said.</p>',
    );
    expect(who).toEqual(['Ines Kovac']);
  });
  it('an adverb between the speaker and the verb: "X angrily said"', () => {
    const html = '<p>Ada Frey waved as Tomas Lind angrily said, “The ferry runs late.”</p>';
    expect(analyse(html).who).toEqual(['Tomas Lind']);
  });
  it('a name before a role noun is not the subject: "Harbour Board speaker Ines Kovac said"', () => {
    const html =
      '<p>Former Harbour Board speaker Ines Kovac, a ferry ally, said in an interview that the line should “stay open all winter.”</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
    const aide = '<p>Kovac campaign aide Tomas Lind said the timetable was “a mess.”</p>';
    expect(analyse(aide).who).toEqual(['Tomas Lind']);
  });
  it('a capitalised sentence opener is not a name: "Meantime …", "Eight years ago …"', () => {
    const html =
      '<p>Ines Kovac runs the pier.</p><p>Meantime Ines Kovac found the pier “never safe” for boats. Eight years ago she found it “a ruin” too.</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac', 'Ines Kovac']);
  });
  it('said + place + lower-case role + name: "said Harbour delegate Ines Kovac"', () => {
    expect(analyse('<p>“The pier is shut,” said Harbour delegate Ines Kovac.</p>').who).toEqual(['Ines Kovac']);
    const two = '<p>“The pier is shut,” said Harbour University political scientist Tomas Lind.</p>';
    expect(analyse(two).who).toEqual(['Tomas Lind']);
    const byline = '<p>“The pier is shut,” wrote Ines Kovac for Harbour Weekly.</p>';
    expect(analyse(byline).who).toEqual(['Ines Kovac']);
  });
  it('"she" does not stand for a name after a preposition even when a verb follows ("a letter from Salt Harbour said")', () => {
    const html =
      '<p>Ines Kovac chairs the pier trust.</p><p>A letter from Salt Harbour said the pier was old. “It will not last,” she said.</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
  });
  it('"…, X said, adding “…”": the speaker of the verb before the participle, not the sentence subject', () => {
    const html = '<p>Ada Frey will reopen the pier in May, Tomas Lind said, adding that “the ferry runs late.”</p>';
    expect(analyse(html).who).toEqual(['Tomas Lind']);
  });
  it('four asides between the name and the verb: "X, 30, of Salt Harbour, Maine, who …, said"', () => {
    const html =
      '<p>“The ferry runs late,” Ines Kovac, 30, of Salt Harbour, Maine, who rides it daily, said on Monday.</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
  });
  it('a long role phrase after the quote: "“…” the former Salt Harbour ferry board deputy finance chief Ines Kovac said"', () => {
    const html =
      '<p>“The ferry runs late,” the former Salt Harbour ferry board deputy finance chief Ines Kovac said on Monday.</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
  });
  it('four lower-case modifiers after an inverted verb: "said longtime retired ferry pilot Ines Kovac"', () => {
    expect(analyse('<p>“The ferry runs late,” said longtime retired ferry pilot Ines Kovac.</p>').who).toEqual([
      'Ines Kovac',
    ]);
  });
  it('a role noun, then the name as an appositive: "“…” Lind’s campaign manager, Ines Kovac, said"', () => {
    const html =
      '<p>Tomas Lind runs the ferry.</p><p>“The ferry runs late,” Lind’s campaign manager, Ines Kovac, said.</p>';
    expect(analyse(html).who).toEqual(['Ines Kovac']);
  });
});

describe('inverted verb in German', () => {
  it('sagte X, then a prepositional phrase: the name after the article is not the speaker', () => {
    const { who } = analyse(
      '<p>„Die Brücke wird im Frühjahr fertig“, sagte Bürgermeisterin Ines Kovac nach der Sitzung.</p>',
      'de',
    );
    expect(who).toEqual(['Ines Kovac']);
  });
});
