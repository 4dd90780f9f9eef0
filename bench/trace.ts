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
  /** Thread (CPU) time of a complete event, µs: what the thread ran, preemption left out. */
  tdur?: number;
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

/** One of our measures, with the CPU share of the main-thread slice that holds it. */
export interface MeasureCpu {
  name: string;
  /** Start on the trace clock, ms. */
  start: number;
  wallMs: number;
  /** wallMs × (thread time / wall time) of the enclosing top-level slice. */
  cpuMs: number;
}

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

  /**
   * Stops tracing and gives each of our measures named in `names` its CPU time: on a machine
   * shared with other work, wall time counts the moments the thread was preempted; thread time
   * does not.
   */
  async stopCpu(names: readonly string[]): Promise<{ measures: MeasureCpu[]; marks: Map<string, number> }> {
    await this.cdp.send('Tracing.end');
    await this.complete;
    // performance.mark() of the page, on the trace clock (ms): how a caller maps page time to it.
    const marks = new Map<string, number>();
    for (const e of this.events)
      if (e.cat === 'blink.user_timing' && (e.ph === 'R' || e.ph === 'I')) marks.set(e.name, e.ts / 1000);
    const ours = this.events.filter((e) => names.includes(e.name));
    const first = ours[0];
    if (!first) return { measures: [], marks };
    const top = this.topSlices(first);
    const out: MeasureCpu[] = [];
    // Nested measures (an observer batch inside a task) count once: their union, merged.
    const merged: [string, number, number][] = [];
    for (const [name, a, b] of this.intervals(ours).sort((x, y) => x[1] - y[1])) {
      const last = merged[merged.length - 1];
      if (last && a <= last[2]) last[2] = Math.max(last[2], b);
      else merged.push([name, a, b]);
    }
    for (const [name, a, b] of merged) {
      const slice = top.find((e) => e.ts <= a && e.ts + e.dur! >= b);
      const share = slice?.tdur !== undefined && slice.dur! > 0 ? Math.min(1, slice.tdur / slice.dur!) : 1;
      out.push({ name, start: a / 1000, wallMs: (b - a) / 1000, cpuMs: ((b - a) / 1000) * share });
    }
    return { measures: out, marks };
  }

  /** Top-level slices on the main thread of `on` (a checkpoint nested in a task is that task's). */
  private topSlices(on: TraceEvent): TraceEvent[] {
    const slices = this.events
      .filter((e) => SLICES.has(e.name) && e.ph === 'X' && e.pid === on.pid && e.tid === on.tid)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const top: TraceEvent[] = [];
    for (const e of slices) {
      const outer = top[top.length - 1];
      if (outer && e.ts + e.dur! <= outer.ts + outer.dur!) continue;
      top.push(e);
    }
    return top;
  }

  /** Each measure's own interval, begin and end events paired by name and id (µs). */
  private intervals(events: TraceEvent[]): [string, number, number][] {
    const out: [string, number, number][] = [];
    const open = new Map<string, number>();
    for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
      const key = `${e.name}/${e.id ?? e.id2?.local ?? ''}`;
      if (e.ph === 'b') open.set(key, e.ts);
      else if (e.ph === 'e' && open.has(key)) {
        out.push([e.name, open.get(key)!, e.ts]);
        open.delete(key);
      }
    }
    return out;
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
    const top = this.topSlices(first);
    // Each measure's own interval: a slice between two of our measures, such as the page's own
    // work while the engine answers, is not ours.
    const intervals = this.intervals(ours).map(([, a, b]) => [a, b] as const);
    const overlaps = (e: TraceEvent) =>
      e.ts < end && e.ts + e.dur! > begin && intervals.some(([a, b]) => e.ts < b && e.ts + e.dur! > a);
    return {
      ours: top.filter(overlaps).map((e) => ({ start: (e.ts - begin) / 1000, duration: e.dur! / 1000 })),
      others: top.filter((e) => !overlaps(e) && e.dur! > thresholdMs * 1000).length,
    };
  }
}
