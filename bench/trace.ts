// Long tasks from a Chromium trace. The page's PerformanceObserver('longtask') never reports our
// work: the content script runs after `await loadSettings()`, i.e. in a microtask checkpoint that
// Blink's scheduler runs outside any task (trace event BlinkScheduler_PerformMicrotaskCheckpoint at
// the top level), and the Long Tasks API only times tasks. It blocks the main thread all the same.
// So: every top-level slice on the renderer main thread (a task or such a checkpoint) longer than
// the threshold, matched with our User Timing measures, which the trace records too.
import type { CDPSession } from 'playwright-core';
import type { LongTask } from './measure';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** Pairs the begin and end events of one async slice (User Timing measures). */
  id?: string;
  id2?: { local?: string };
}

export interface TraceLongTasks {
  /** Top-level main-thread slices of any length that overlap our measures (start relative to our first). */
  ours: LongTask[];
  /** Other tasks > threshold on the same thread (the page's own). */
  others: number;
}

/** Main-thread slices that block input: a task, or a microtask checkpoint run between tasks. */
const SLICES = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);

export class LongTaskTrace {
  private events: TraceEvent[] = [];
  private complete: Promise<void> | null = null;

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Tracing.dataCollected', (e) => {
      for (const ev of e.value as unknown as TraceEvent[]) {
        if (SLICES.has(ev.name) || ev.cat === 'blink.user_timing') this.events.push(ev);
      }
    });
  }

  async start(): Promise<void> {
    this.events = [];
    this.complete = new Promise((resolve) => this.cdp.once('Tracing.tracingComplete', () => resolve()));
    await this.cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] },
      transferMode: 'ReportEvents',
    });
  }

  async stop(thresholdMs: number): Promise<TraceLongTasks> {
    await this.cdp.send('Tracing.end');
    await this.complete;
    // Our work: the stage and task measures. Not the wait for the background engine
    // (quotelens:engine), during which the main thread is the page's, nor the observer's batches.
    const ours = this.events.filter(
      (e) => e.name.startsWith('quotelens:') && e.name !== 'quotelens:observe' && e.name !== 'quotelens:engine',
    );
    const first = ours[0];
    if (!first) return { ours: [], others: 0 };
    const begin = Math.min(...ours.filter((e) => e.ph === 'b').map((e) => e.ts));
    const end = Math.max(...ours.filter((e) => e.ph === 'e').map((e) => e.ts));
    const slices = this.events
      .filter((e) => SLICES.has(e.name) && e.ph === 'X' && e.pid === first.pid && e.tid === first.tid)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    // Top level only: a checkpoint nested in a task is part of that task.
    const top: TraceEvent[] = [];
    for (const e of slices) {
      const outer = top[top.length - 1];
      if (outer && e.ts + e.dur! <= outer.ts + outer.dur!) continue;
      top.push(e);
    }
    // Each measure's own interval (begin and end events paired by name and id): a slice between
    // two of our measures, such as the page's own work while the engine answers, is not ours.
    const intervals: [number, number][] = [];
    const open = new Map<string, number>();
    for (const e of [...ours].sort((a, b) => a.ts - b.ts)) {
      const key = `${e.name}/${e.id ?? e.id2?.local ?? ''}`;
      if (e.ph === 'b') open.set(key, e.ts);
      else if (e.ph === 'e' && open.has(key)) {
        intervals.push([open.get(key)!, e.ts]);
        open.delete(key);
      }
    }
    const overlaps = (e: TraceEvent) =>
      e.ts < end && e.ts + e.dur! > begin && intervals.some(([a, b]) => e.ts < b && e.ts + e.dur! > a);
    return {
      ours: top.filter(overlaps).map((e) => ({ start: (e.ts - begin) / 1000, duration: e.dur! / 1000 })),
      others: top.filter((e) => !overlaps(e) && e.dur! > thresholdMs * 1000).length,
    };
  }
}
