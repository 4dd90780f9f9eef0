import { describe, expect, it } from 'vitest';
import { defaultState } from '../../src/popup/connector';
import { summaryJson, summaryMarkdown } from '../../src/popup/export';

const report = defaultState({
  title: 'Harbour *deal* signed',
  url: 'https://news.example/harbour',
  quotes: [
    {
      id: 'q0',
      text: 'A good [day] for <everyone>',
      speaker: 'Ana Ortiz',
      mention: 'she',
      cue: 'said',
      rule: 'cue-pronoun',
      kind: 'direct',
      block: 0,
      start: 0,
      end: 1,
    },
    {
      id: 'q1',
      text: 'too early',
      speaker: null,
      mention: null,
      cue: null,
      rule: 'none',
      kind: 'partial',
      block: 1,
      start: 0,
      end: 1,
    },
  ],
  speakers: [
    { name: 'Ana Ortiz', role: 'Harbour master', aliases: ['Ortiz'], quotes: 1, quoteIds: ['q0'], type: 'person' },
  ],
}).report!;

describe('export', () => {
  it('Markdown groups quotes under speakers and escapes page text', () => {
    const md = summaryMarkdown(report);
    expect(md).toContain('# Harbour \\*deal\\* signed');
    expect(md).toContain('## Ana Ortiz (Harbour master): 1');
    expect(md).toContain('- “A good \\[day\\] for \\<everyone\\>”');
    expect(md).toContain('## Unattributed\n\n- “too early”');
  });

  it('JSON round-trips with speakers, their quotes and the unattributed ones', () => {
    const data = JSON.parse(summaryJson(report));
    expect(data.speakers[0]).toEqual({
      name: 'Ana Ortiz',
      role: 'Harbour master',
      aliases: ['Ortiz'],
      quotes: ['A good [day] for <everyone>'],
    });
    expect(data.unattributed).toEqual(['too early']);
  });
});
