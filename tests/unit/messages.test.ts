import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_METHODS,
  type BackgroundApi,
  CHANNEL,
  CONTENT_METHODS,
  type ContentApi,
  isMessage,
  makeMessage,
} from '../../src/shared/messages';

describe('message protocol', () => {
  it('a message made by makeMessage passes its own shape check', () => {
    const msg = makeMessage<ContentApi, 'scrollToQuote'>('scrollToQuote', 'q3');
    expect(msg).toEqual({ channel: CHANNEL, method: 'scrollToQuote', args: ['q3'] });
    expect(isMessage<ContentApi>(msg, CONTENT_METHODS)).toBe(true);
  });

  it('rejects other channels, unknown methods and malformed args', () => {
    const bad: unknown[] = [
      null,
      'getState',
      { channel: 'other', method: 'getState', args: [] },
      { channel: CHANNEL, method: 'eval', args: [] },
      { channel: CHANNEL, method: 'getState', args: 'x' },
      { channel: CHANNEL, method: 'getState', args: [1, 2, 3, 4, 5] },
      { channel: CHANNEL, method: '__proto__', args: [] },
    ];
    for (const value of bad) expect(isMessage<ContentApi>(value, CONTENT_METHODS)).toBe(false);
  });

  it('content methods are not accepted by the background and vice versa', () => {
    expect(isMessage<BackgroundApi>(makeMessage<ContentApi, 'getState'>('getState'), BACKGROUND_METHODS)).toBe(false);
    expect(isMessage<ContentApi>(makeMessage<BackgroundApi, 'getSettings'>('getSettings'), CONTENT_METHODS)).toBe(
      false,
    );
  });
});
