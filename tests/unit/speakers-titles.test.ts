// A quoted span in Title Case inside running prose is a title or a name, not a quotation: nobody speaks it,
// no neighbour lends it a speaker, no card. German capitalises every noun, so there capitals alone prove
// nothing. Our own sentences.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import { attributeBlocks } from '../../src/core/engine';
import { collectTextBlocks } from '../../src/core/text';
import { defaultState } from '../../src/popup/connector';
import { summaryJson, summaryMarkdown } from '../../src/popup/export';
import { analyse } from './speakers-helpers';

const p = (...paras: string[]): string => paras.map((t) => `<p>${t}</p>`).join('');

describe('Title Case quotes in prose (quote:title)', () => {
  it('a show title beside a speaker is not her quote', () => {
    const { who, result } = analyse(
      p('Mara Quell, who hosts “The Late Harbour Hour” on weekdays, said the studio would move to the pier.'),
    );
    expect(who).toEqual([null]);
    expect(result.attributions[0]!.step).toBe('quote:title');
    expect(result.speakers).toEqual([]);
  });
  it('a title gets no continuation from the quote before it', () => {
    const { who } = analyse(
      p('“We open in May,” Mara Quell said. Her first guest on “Tides Of Grey Water” was a ferry pilot.'),
    );
    expect(who).toEqual(['Mara Quell', null]);
  });
  it('a quoted sentence in Title Case with a stop inside is still speech', () => {
    const { who } = analyse(p('“Build It. Open It Soon,” Mara Quell said at the harbour on Tuesday.'));
    expect(who).toEqual(['Mara Quell']);
  });
  it('a lower-case phrase is not a title', () => {
    const { who } = analyse(p('Mara Quell said the pier plan was “a very bad idea” for the harbour.'));
    expect(who).toEqual(['Mara Quell']);
  });
  it('in a headline a Title Case quote keeps its speaker', () => {
    const { result } = analyse('<h2>Mara Quell: Pier Plan Is ‘A Bad Idea’</h2><p>Mara Quell spoke on Monday.</p>');
    expect(result.attributions[0]!.step).not.toBe('quote:title');
  });
});

describe('German: capitalised nouns are not Title Case', () => {
  it('a quoted noun phrase stays a quotation', () => {
    const { result } = analyse(
      p('Helga Brenner sprach von einer „Großen Gefahr für den Hafen“ und verlangte eine neue Prüfung.'),
      'de',
    );
    expect(result.attributions[0]!.step).not.toBe('quote:title');
  });
  it('two quoted nouns stay a quotation', () => {
    const { result } = analyse(p('Helga Brenner nannte den Plan eine „Gefährliche Zumutung“ für die Stadt.'), 'de');
    expect(result.attributions[0]!.step).not.toBe('quote:title');
  });
  it('a title capitalising a word German writes in lower case is a title', () => {
    const { who, result } = analyse(
      p('Die Sendung „Hafen Ohne Ende“ läuft ohne Pause, und der Hafen ist ohne Zweifel bekannt, sagte Helga Brenner.'),
      'de',
    );
    expect(result.attributions[0]!.step).toBe('quote:title');
    expect(who).toEqual([null]);
  });
});

describe('a title in quote marks in the report', () => {
  const blocks = collectTextBlocks(
    parseHtml(
      '<html><body><p>“We open in May,” Mara Quell said of her show “The Late Harbour Hour” on the radio.</p></body></html>',
    ).body,
  ).blocks;
  const { quotes } = attributeBlocks(blocks, 'en');
  const report = defaultState({ quotes, speakers: [] }).report!;

  it('is marked title and has no speaker', () => {
    expect(quotes.map((q) => [q.speaker, q.title ?? false])).toEqual([
      ['Mara Quell', false],
      [null, true],
    ]);
  });
  it('is in neither export’s Unattributed list', () => {
    expect(JSON.parse(summaryJson(report)).unattributed).toEqual([]);
    expect(summaryMarkdown(report)).not.toContain('Unattributed');
  });
});
