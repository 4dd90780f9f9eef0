// Work asked for again and again under one key (a live page's reports): the first call of a key
// runs at once; calls within `againMs` of the last run wait, and become one run with the latest
// value. Pure timing logic, no browser API, so it is tested with fake timers.

/** Keys remembered for the throttle; past this many the oldest are forgotten. */
const KEYS_MAX = 200;

export function throttledPerKey<T>(run: (value: T) => void, againMs: number): (key: string, value: T) => void {
  const lastRun = new Map<string, number>();
  const waiting = new Map<string, T>();
  const fire = (key: string, value: T) => {
    waiting.delete(key);
    lastRun.delete(key);
    lastRun.set(key, Date.now());
    if (lastRun.size > KEYS_MAX) lastRun.delete(lastRun.keys().next().value!);
    run(value);
  };
  return (key, value) => {
    if (waiting.has(key)) {
      waiting.set(key, value);
      return;
    }
    const wait = (lastRun.get(key) ?? Number.NEGATIVE_INFINITY) + againMs - Date.now();
    if (wait <= 0) return fire(key, value);
    waiting.set(key, value);
    setTimeout(() => fire(key, waiting.get(key) as T), wait);
  };
}
