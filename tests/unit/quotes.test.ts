import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import { findQuotes, scanQuotes } from '../../src/core/quotes';
import { collectTextBlocks } from '../../src/core/text';

const inner = (text: string): string[] => scanQuotes(text).map((r) => text.slice(r.start, r.end));
const spansOf = (html: string) => {
  const doc = parseHtml(`<html><body>${html}</body></html>`);
  return findQuotes(collectTextBlocks(doc.body).blocks);
};

describe('quote marks', () => {
  it('english curly double quotes', () => {
    expect(inner('The baker said “bread is back” today.')).toEqual(['bread is back']);
  });
  it('straight double quotes', () => {
    expect(inner('"We open at noon," the baker said.')).toEqual(['We open at noon,']);
  });
  it('single curly quotes', () => {
    expect(inner('She called it ‘a small miracle’ on air.')).toEqual(['a small miracle']);
  });
  it('german „…“ and „…”', () => {
    expect(inner('„Das Dach ist dicht“, sagte er. „Wir sind fertig”, sagte sie.')).toEqual([
      'Das Dach ist dicht',
      'Wir sind fertig',
    ]);
  });
  it('french « … » with inner spaces', () => {
    expect(inner('« Le pont rouvrira lundi », a déclaré le maire.')).toEqual(['Le pont rouvrira lundi']);
  });
  it('german »…«', () => {
    expect(inner('»Die Fähre fährt wieder«, sagte die Kapitänin.')).toEqual(['Die Fähre fährt wieder']);
  });
  it('cjk corner brackets', () => {
    expect(inner('彼は「明日また来ます」と言った。')).toEqual(['明日また来ます']);
  });
});

describe('apostrophes', () => {
  it('are never quote marks', () => {
    expect(inner('Kim’s band played ’80s songs and rock ’n’ roll at Lee’s bar.')).toEqual([]);
  });
  it('inside a single-quoted phrase do not end it', () => {
    expect(inner('He said ‘we don’t quit’ twice.')).toEqual(['we don’t quit']);
  });
});

describe('structure', () => {
  it('quotes spanning inline elements', () => {
    const spans = spansOf('<p>The coach said “we <em>will</em> <a href="#">win</a> this” loudly.</p>');
    expect(spans.map((s) => s.text)).toEqual(['we will win this']);
  });
  it('split quotes: the second part continues the first', () => {
    const spans = spansOf('<p>“The roof leaks,” the tenant said, “and nobody comes.”</p>');
    expect(spans).toHaveLength(2);
    expect(spans[1]!.continues).toBe(0);
  });
  it('multi-paragraph quotes: an unclosed paragraph continues into the next', () => {
    const spans = spansOf(
      '<p>“The first part of my answer is long.</p><p>“And the second part ends here,” she said.</p>',
    );
    expect(spans.map((s) => s.text)).toEqual([
      'The first part of my answer is long.',
      'And the second part ends here,',
    ]);
    expect(spans[1]!.continues).toBe(0);
  });
  it('nested quotes stay inside the outer quote', () => {
    expect(inner('“They yelled ‘stop the bus’ at me,” the driver said.')).toEqual([
      'They yelled ‘stop the bus’ at me,',
    ]);
  });
  it('partial quotes inside paraphrase are partial', () => {
    const spans = spansOf('<p>The mayor called the budget “late but fair” on Monday.</p>');
    expect(spans[0]!.kind).toBe('partial');
  });
  it('a whole utterance is direct', () => {
    const spans = spansOf('<p>“We will rebuild the pier.” The mayor smiled.</p>');
    expect(spans[0]!.kind).toBe('direct');
  });
  it('pull quotes repeating body text count once', () => {
    const body = 'Our neighbours deserve a quieter street at night,';
    const spans = spansOf(`<p>“${body}” the councillor said.</p><blockquote>“${body}”</blockquote>`);
    expect(spans).toHaveLength(1);
  });
  it('a stray opening mark mid-sentence does not swallow the paragraph', () => {
    expect(inner('The sign read 5" wide and “fine print” below.')).toEqual(['fine print']);
  });
});

describe('linear time', () => {
  it('handles a huge text of unbalanced marks quickly', () => {
    const text = '“a ‘b „c « d '.repeat(50_000);
    const t0 = performance.now();
    scanQuotes(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('typing slips', () => {
  const inner = (text: string) => scanQuotes(text).map((r) => text.slice(r.start, r.end));
  it('a straight opening mark closed by a curly one', () => {
    expect(inner('"The pier is shut,” Ada Frey said. "It opens in May."')).toEqual([
      'The pier is shut,',
      'It opens in May.',
    ]);
  });
  it('a curly opening mark closed by a straight one', () => {
    expect(inner('“The pier is shut," said Ada Frey. “It opens in May.”')).toEqual([
      'The pier is shut,',
      'It opens in May.',
    ]);
  });
  it('an opening mark typed as the closer after a comma: “…,“ said X', () => {
    expect(inner('“The pier is shut,“ said Ada Frey, the harbour master. “It opens in May.”')).toEqual([
      'The pier is shut,',
      'It opens in May.',
    ]);
  });
});

describe('quote marks as newsrooms type them', () => {
  const inner = (text: string) => scanQuotes(text).map((r) => text.slice(r.start, r.end));
  it("’’ and '' close a doubled opening mark", () => {
    expect(inner('‘‘We will stay,’’ the ferry captain said.')).toEqual(['We will stay,']);
    expect(inner("''We will stay,'' the ferry captain said.")).toEqual(['We will stay,']);
    expect(inner("He called the rota ''a farce.'' Then he left.")).toEqual(['a farce.']);
  });
  it('an apostrophe pair inside a word opens nothing', () => {
    expect(inner("The crew's'' rota")).toEqual([]);
  });
  it('straight double quotes nested in curly ones stay inside the outer quote', () => {
    expect(inner('“The word "never" came up twice,” she said.')).toEqual(['The word "never" came up twice,']);
  });
});
