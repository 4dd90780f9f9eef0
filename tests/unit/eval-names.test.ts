import { describe, expect, it } from 'vitest';
import { badCards, sameSpeaker } from '../../scripts/eval-common';

describe('evaluation: names compared loosely', () => {
  it('a generational suffix is no surname: two men called "Jr." are two people', () => {
    expect(sameSpeaker('Tom Berg Jr.', 'Ray Okafor Jr.')).toBe(false);
    expect(sameSpeaker('Tom W. Berg', 'Tom Berg Jr.')).toBe(true);
  });
  it('a card for the second "Jr." is not bad', () => {
    const gold = [
      { speaker: 'Ray Okafor Jr.', accept: ['Okafor'] },
      { speaker: 'Tom Berg Jr.', accept: ['Berg'] },
    ];
    const card = (name: string) => ({
      name,
      role: null,
      aliases: [],
      quotes: 1,
      quoteIds: [],
      type: 'person' as const,
    });
    expect(badCards([card('Ray Okafor'), card('Tom W. Berg')], gold).bad).toBe(0);
  });
});
