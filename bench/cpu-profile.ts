// CPU profiles of the content script over CDP (Chromium): self time per function of content.js,
// a sample inside a native DOM call counted for the function of ours that made it. A diagnostic
// (the profiler slows the page): read the shares, not the milliseconds. Build with names first:
// QUOTELENS_NO_MINIFY=1 npx tsx scripts/build.ts chrome.
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Sampling every 100 µs, as Chromium's own "fast" setting. */
const SAMPLING_US = 100;

export class ContentProfile {
  /** ms of self time per `function:line:column` of content.js. */
  readonly self = new Map<string, number>();
  total = 0;

  constructor(private readonly cdp: CDPSession) {}

  async start(): Promise<void> {
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await this.cdp.send('Profiler.start');
  }

  /** Stops the profiler and adds what it sampled to the totals. */
  async stop(): Promise<void> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ours = (id: number): ProfileNode | null => {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const n = byId.get(at)!;
        if (n.callFrame.url.includes('content.js')) return n;
        if (n.callFrame.url !== '') return null;
      }
      return null;
    };
    for (const [k, id] of profile.samples.entries()) {
      const n = ours(id);
      if (!n) continue;
      const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
      const { functionName, lineNumber, columnNumber } = n.callFrame;
      const key = `${functionName || '(anon)'}:${lineNumber}:${columnNumber}`;
      this.self.set(key, (this.self.get(key) ?? 0) + ms);
      this.total += ms;
    }
  }

  /** The top functions, one line each. */
  table(top: number): string {
    const rows = [...this.self].sort((a, b) => b[1] - a[1]).slice(0, top);
    return rows
      .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / this.total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  }
}
