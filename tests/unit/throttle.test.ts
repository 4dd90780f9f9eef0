import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttledPerKey } from '../../src/shared/throttle';

describe('throttledPerKey', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first call of a key at once', () => {
    const runs: number[] = [];
    const call = throttledPerKey((v: number) => runs.push(v), 5000);
    call('a', 1);
    expect(runs).toEqual([1]);
  });

  it('folds later calls within the interval into one run with the latest value', () => {
    const runs: number[] = [];
    const call = throttledPerKey((v: number) => runs.push(v), 5000);
    call('a', 1);
    vi.advanceTimersByTime(1000);
    call('a', 2);
    call('a', 3);
    expect(runs).toEqual([1]);
    vi.advanceTimersByTime(3999);
    expect(runs).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([1, 3]);
  });

  it('keeps keys apart: a new key runs at once', () => {
    const runs: string[] = [];
    const call = throttledPerKey((v: string) => runs.push(v), 5000);
    call('tab 1 /a', 'a');
    call('tab 1 /b', 'b');
    expect(runs).toEqual(['a', 'b']);
  });

  it('runs at once again once the interval has passed', () => {
    const runs: number[] = [];
    const call = throttledPerKey((v: number) => runs.push(v), 5000);
    call('a', 1);
    vi.advanceTimersByTime(6000);
    call('a', 2);
    expect(runs).toEqual([1, 2]);
  });
});
