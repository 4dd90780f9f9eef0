// Turns raw benchmark runs into summaries, the Markdown tables and the SVG plot.
import { LOAD_TRIES, LONG_TASK_MS, longestStage, ourLongestSlice, type PageRun, STAGES, type Stage } from './measure';
import type { PopupRun } from './popup';
import type { BundleSizes } from './sizes';
import { median, round, type Summary, summarize } from './stats';
import type { BrowserName } from './tab';

export interface ScaleRun {
  times: number;
  bytes: number;
  runs: PageRun[];
}

export interface BrowserResults {
  browser: BrowserName;
  version: string;
  pages: PageRun[];
  /** JS heap used after GC per page without the extension (Chromium), bytes. */
  baselineHeap?: Record<string, number>;
  observerBatches: number[];
  scaling: ScaleRun[];
  popup?: PopupRun[];
  /** Chromium: traced reloads of the slowest pages, checking our slice against data-quotelens-ms. */
  traceChecks?: PageRun[];
  /** Article pages loaded again with the background stopped just before. */
  stopped?: PageRun[];
  blockedRequests: number;
  wallSeconds: number;
}

export interface BenchResults {
  date: string;
  command: string;
  commit: string;
  /** Source files with uncommitted changes when the run started (others share the checkout). */
  uncommitted?: string[];
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    os: string;
    node: string;
    /** 1, 5 and 15 minute load averages when the run started and ended (others share this machine). */
    loadAverage: number[];
    loadAverageAtEnd?: number[];
  };
  pageCount: number;
  /** Pages per set (seed, readability, aeb, nonarticles). */
  pageSets?: Record<string, number>;
  sizes: BundleSizes;
  firefoxContentScriptGzip: number;
  firefoxBackgroundGzip?: number;
  browsers: BrowserResults[];
  /** Browsers whose run failed, with the error. */
  failures: string[];
  wallSeconds: number;
}

export const BUDGETS = {
  /** Issue 11's bar; its goal is RATIO_GOAL. */
  ratioMedian: 1.0,
  p95Ms: 50,
  longTaskMs: LONG_TASK_MS,
  /** Median main-thread ms on pages that are not articles. */
  nonArticleMedianMs: 2,
  /** Blocks sent → highlights painted, p95, warm background. */
  highlightsWarmP95Ms: 150,
  /** The same with the background stopped just before. */
  highlightsStoppedP95Ms: 500,
  contentGzipKB: 20,
  popupGzipKB: 25,
  popupMs: 100,
  observeBatchMs: 1,
} as const;

/** Issue 11's goal for ours / Readability (the budget is 1.0). */
export const RATIO_GOAL = 0.5;

const KB = 1000;
/** Rows of the trace check shown in the Markdown (all are in the JSON). */
const TRACE_ROWS = 10;

export interface ScaleSummary {
  times: number;
  oursMs: number;
  perTimesMs: number;
  /** (ms per 1× of length) relative to the 1× page: ~1 means linear, < 1 fixed costs dominate. */
  growth: number;
  /**
   * Marginal ms per added 1× of length since the previous size. Linear work keeps it flat;
   * a quadratic scan would multiply it by about 4 at each step (sizes grow 4× a step).
   */
  marginalMs: number | null;
  /** Median ms per stage at this size. */
  stages: Partial<Record<Stage, number>>;
  readabilityMs: number | null;
  /** Runs where one stage alone took > 50 ms (a long task whatever the chunking). */
  longTasksOurs: number;
  /** Runs whose total passed 50 ms (a long task only while the run is one block). */
  totalOver: number;
  runs: number;
  maxStage: string;
}

/** Stages shown per size in the scaling table (blocks and highlight stay near zero). */
const SCALE_STAGES: Stage[] = ['detect', 'declutter', 'blocks', 'send'];

export interface BrowserSummary {
  browser: BrowserName;
  version: string;
  statuses: Record<string, number>;
  /** Pages with no figure (not ready or skipped), with why; none may drop out unsaid. */
  unmeasured: { page: string; status: string; error: string }[];
  /** Pages measured only after a failed try (the tab's own history; see LOAD_TRIES). */
  retried: { page: string; status: string; retries: string[] }[];
  ours: Summary | null;
  stages: Partial<Record<Stage, Summary>>;
  /** Readability's first parse() per page (cold code): the ratio's reference. */
  readability: Summary | null;
  /** Readability's later parse() runs (warm code). */
  readabilityWarm: Summary | null;
  ratio: Summary | null;
  /** ours / Readability warm. */
  ratioWarm: Summary | null;
  /** Ours per page set (data-quotelens-ms). */
  bySet: Record<string, Summary | null>;
  /** Pages that are not articles (status skipped), ours. */
  skipped: Summary | null;
  /** Warm background: the page's wait for the engine, blocks → highlights, navigation → highlights, background ms. */
  engineWait: Summary | null;
  toHighlights: Summary | null;
  loadToHighlights: Summary | null;
  backgroundMs: Summary | null;
  /** Background stopped before each load. */
  stoppedWait: Summary | null;
  stoppedToHighlights: Summary | null;
  /** Stopped loads whose request really started the background. */
  stoppedCold: number;
  stoppedRuns: number;
  /** The same ratio over article pages only (status ready). */
  ratioArticles: Summary | null;
  /** Pages where our run was a main-thread slice > 50 ms (see ourLongTask). */
  longTaskPages: string[];
  /** Our longest main-thread slice over every page (trace, else quotelens:task measures). */
  longTaskMax: number;
  /** How the longest slice was known. */
  longTaskSource: string;
  /** False when some pages were counted by their total (an upper bound if the run is chunked). */
  longTaskExact: boolean;
  /** Pages whose longest single stage alone exceeds 50 ms: a lower bound, whatever the chunking. */
  longStagePages: number;
  /** Long tasks overlapping ours that the page's PerformanceObserver saw (null: no API). */
  longTasksSeenByPage: number | null;
  /** Traced loads: our ms by our clock against the slice the browser ran it in. */
  traceChecks: {
    page: string;
    oursMs: number;
    sliceMs: number;
    slices: number;
    stageMs: number;
    seenByPage: number | null;
  }[];
  heapAddedKB: Summary | null;
  observe: Summary | null;
  popup: { coldMs: number; warmMedianMs: number; shellMedianMs: number; states: string[] } | null;
  scaling: ScaleSummary[];
  /** Each stage's share of our summed stage time over all pages. */
  stageShare: Partial<Record<Stage, number>>;
  slowest: { page: string; ms: number; stage: string; readabilityMs: number | null }[];
}

const measured = (r: PageRun) => (r.status === 'ready' || r.status === 'skipped') && r.oursMs !== null;

function dominantStage(r: PageRun): string {
  let best = '';
  let bestMs = -1;
  for (const s of STAGES) {
    const ms = r.stages[s];
    if (ms !== undefined && ms > bestMs) {
      best = s;
      bestMs = ms;
    }
  }
  return best || 'none';
}

export function summarizeBrowser(b: BrowserResults): BrowserSummary {
  const ok = b.pages.filter(measured);
  const statuses: Record<string, number> = {};
  for (const r of b.pages) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const stages: Partial<Record<Stage, Summary>> = {};
  const totals: Partial<Record<Stage, number>> = {};
  for (const s of STAGES) {
    const values = ok.map((r) => r.stages[s]).filter((v): v is number => v !== undefined);
    const sum = summarize(values);
    if (sum) stages[s] = sum;
    totals[s] = values.reduce((a, v) => a + v, 0);
  }
  const grand = Object.values(totals).reduce((a, v) => a + v, 0);
  const stageShare: Partial<Record<Stage, number>> = {};
  for (const s of STAGES) stageShare[s] = grand > 0 ? (totals[s] ?? 0) / grand : 0;
  const ratios = ok
    .filter((r) => r.readabilityMs !== null && r.readabilityMs > 0)
    .map((r) => r.oursMs! / r.readabilityMs!);
  // Our longest slice per page: from the traced reload when there is one (every page whose total
  // passed 50 ms, in Chromium), else from quotelens:task measures, else the total (exact when the
  // total is under 50 ms; an upper bound otherwise, as the run may be split).
  const traced = new Map((b.traceChecks ?? []).filter((r) => r.ourSlices).map((r) => [r.page, r]));
  // A stage is never split across tasks, so a stage over 50 ms in the main load is a long task too.
  const longest = (r: PageRun): number => {
    const t = traced.get(r.page);
    if (t) return Math.max(longestStage(r), ...t.ourSlices!.map((x) => x.duration));
    return ourLongestSlice(r) ?? 0;
  };
  const longPages = ok.filter((r) => longest(r) > LONG_TASK_MS);
  const untracedOver = ok.filter((r) => !traced.has(r.page) && !r.ourTasks && (r.oursMs ?? 0) > LONG_TASK_MS);
  const seen = ok.filter((r) => r.longTasksSeenByPage !== null);
  const heap =
    b.baselineHeap &&
    ok
      .filter((r) => r.heapUsed !== undefined && Number.isFinite(b.baselineHeap?.[r.page]))
      .map((r) => (r.heapUsed! - b.baselineHeap![r.page]!) / KB);
  const popupOk = (b.popup ?? []).filter((p) => Number.isFinite(p.ms));
  return {
    browser: b.browser,
    version: b.version,
    statuses,
    unmeasured: b.pages
      .filter((r) => !measured(r))
      .map((r) => ({ page: r.page, status: r.status, error: r.error ?? '' })),
    retried: b.pages
      .filter((r) => r.retries?.length)
      .map((r) => ({ page: r.page, status: r.status, retries: r.retries! })),
    ours: summarize(ok.map((r) => r.oursMs!)),
    stages,
    readability: summarize(ok.map((r) => r.readabilityMs).filter((v): v is number => v !== null)),
    readabilityWarm: summarize(ok.map((r) => r.readabilityWarmMs).filter((v): v is number => v !== null)),
    ratio: summarize(ratios),
    ratioWarm: summarize(
      ok
        .filter((r) => r.readabilityWarmMs !== null && r.readabilityWarmMs > 0)
        .map((r) => r.oursMs! / r.readabilityWarmMs!),
    ),
    bySet: Object.fromEntries(
      [...new Set(b.pages.map((r) => r.page.split('/')[0]!))].map((set) => [
        set,
        summarize(ok.filter((r) => r.page.split('/')[0] === set).map((r) => r.oursMs!)),
      ]),
    ),
    skipped: summarize(ok.filter((r) => r.status === 'skipped').map((r) => r.oursMs!)),
    ...engineSummaries(
      ok.filter((r) => r.engine && !r.engine.cold),
      (b.stopped ?? []).filter((r) => r.engine),
    ),
    ratioArticles: summarize(
      ok
        .filter((r) => r.status === 'ready' && r.readabilityMs !== null && r.readabilityMs > 0)
        .map((r) => r.oursMs! / r.readabilityMs!),
    ),
    longTaskPages: longPages.map((r) => r.page),
    // Over every page, not only those over 50 ms (with none over, that maximum was an empty 0).
    longTaskMax: Math.max(0, ...ok.map(longest)),
    longTaskExact: untracedOver.length === 0,
    longTaskSource:
      traced.size > 0
        ? `the browser's trace of a reload of each of the ${traced.size} pages whose total passed 50 ms (no other page can hold a slice over 50 ms), or a stage over 50 ms in the main load`
        : ok.some((r) => r.ourTasks)
          ? '`quotelens:task` measures'
          : 'data-quotelens-ms: an upper bound, exact only while our run is one block',
    longStagePages: ok.filter((r) => longestStage(r) > LONG_TASK_MS).length,
    longTasksSeenByPage: seen.length > 0 ? seen.reduce((n, r) => n + r.longTasksSeenByPage!, 0) : null,
    traceChecks: (b.traceChecks ?? [])
      .filter((r) => r.ourSlices && r.oursMs !== null)
      .map((r) => ({
        page: r.page,
        oursMs: r.oursMs!,
        sliceMs: Math.max(0, ...r.ourSlices!.map((t) => t.duration)),
        slices: r.ourSlices!.length,
        stageMs: longestStage(r),
        seenByPage: r.longTasksSeenByPage,
      })),
    heapAddedKB: heap ? summarize(heap) : null,
    observe: summarize(b.observerBatches),
    popup:
      popupOk.length > 0
        ? {
            coldMs: popupOk[0]!.ms,
            warmMedianMs: median(popupOk.length > 1 ? popupOk.slice(1).map((p) => p.ms) : [popupOk[0]!.ms]),
            shellMedianMs: median(popupOk.map((p) => p.shellMs)),
            states: [...new Set(popupOk.map((p) => p.state))],
          }
        : null,
    scaling: summarizeScaling(b.scaling),
    stageShare,
    slowest: [...ok]
      .sort((x, y) => y.oursMs! - x.oursMs!)
      .slice(0, 8)
      .map((r) => ({ page: r.page, ms: r.oursMs!, stage: dominantStage(r), readabilityMs: r.readabilityMs })),
  };
}

function engineSummaries(warm: PageRun[], stopped: PageRun[]) {
  const pick = (runs: PageRun[], f: (e: NonNullable<PageRun['engine']>) => number | null) =>
    summarize(runs.map((r) => f(r.engine!)).filter((v): v is number => v !== null));
  return {
    engineWait: pick(warm, (e) => e.waitMs),
    toHighlights: pick(warm, (e) => e.toHighlightsMs),
    loadToHighlights: pick(warm, (e) => e.loadToHighlightsMs),
    backgroundMs: pick(warm, (e) => e.backgroundMs),
    stoppedWait: pick(stopped, (e) => e.waitMs),
    stoppedToHighlights: pick(stopped, (e) => e.toHighlightsMs),
    stoppedCold: stopped.filter((r) => r.engine!.cold).length,
    stoppedRuns: stopped.length,
  };
}

function summarizeScaling(scaling: ScaleRun[]): ScaleSummary[] {
  const rows = scaling.map((s) => {
    const ok = s.runs.filter(measured);
    const oursMs = ok.length > 0 ? median(ok.map((r) => r.oursMs!)) : Number.NaN;
    const readability = ok.map((r) => r.readabilityMs).filter((v): v is number => v !== null);
    const stages: Partial<Record<Stage, number>> = {};
    for (const st of STAGES) {
      const v = ok.map((r) => r.stages[st]).filter((n): n is number => n !== undefined);
      if (v.length > 0) stages[st] = median(v);
    }
    let maxStage: Stage | 'none' = 'none';
    for (const st of STAGES) if (maxStage === 'none' || (stages[st] ?? -1) > (stages[maxStage] ?? -1)) maxStage = st;
    return {
      times: s.times,
      oursMs,
      perTimesMs: oursMs / s.times,
      growth: 1,
      marginalMs: null as number | null,
      stages,
      readabilityMs: readability.length > 0 ? median(readability) : null,
      longTasksOurs: ok.filter((r) => longestStage(r) > LONG_TASK_MS).length,
      totalOver: ok.filter((r) => (r.oursMs ?? 0) > LONG_TASK_MS).length,
      runs: ok.length,
      maxStage: maxStage as string,
    };
  });
  const base = rows[0]?.perTimesMs;
  rows.forEach((r, i) => {
    r.growth = base ? r.perTimesMs / base : Number.NaN;
    const prev = rows[i - 1];
    if (prev) r.marginalMs = (r.oursMs - prev.oursMs) / (r.times - prev.times);
  });
  return rows;
}

// ---- Markdown ----

const f1 = (v: number | null | undefined) =>
  v === null || v === undefined || Number.isNaN(v) ? '–' : String(round(v));
const f2 = (v: number | null | undefined) =>
  v === null || v === undefined || Number.isNaN(v) ? '–' : round(v, 2).toFixed(2);
const kb = (bytes: number) => `${round(bytes / KB)} KB`;
const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? 'met' : '**not met**');

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function worstStage(s: BrowserSummary): string {
  let best: string = 'none';
  let share = -1;
  for (const st of STAGES) {
    const v = s.stageShare[st] ?? 0;
    if (v > share) {
      best = st;
      share = v;
    }
  }
  return `${best} (${Math.round(share * 100)}% of our stage time)`;
}

function budgetRows(results: BenchResults, sums: BrowserSummary[]): string[][] {
  const by = (name: BrowserName) => sums.find((s) => s.browser === name);
  const cells = (fn: (s: BrowserSummary) => string) => [by('chromium'), by('firefox')].map((s) => (s ? fn(s) : '–'));
  const chromium = by('chromium') ?? sums[0];
  const ltCount = (s: BrowserSummary) =>
    s.longTaskExact
      ? `${s.longTaskPages.length} pages (longest ${f1(s.longTaskMax)} ms)`
      : `${s.longStagePages}-${s.longTaskPages.length} pages (a stage > 50 ms … total > 50 ms)`;
  const content = results.sizes.contentScript.gzip / KB;
  const popup = results.sizes.popup.gzip / KB;
  const background = results.sizes.background.gzip / KB;
  return [
    [
      'ours / Readability cold, median of per-page ratios',
      `<= ${BUDGETS.ratioMedian} (goal ${RATIO_GOAL})`,
      ...cells((s) => `${f2(s.ratio?.median)} (p95 ${f2(s.ratio?.p95)}; vs warm ${f2(s.ratioWarm?.median)})`),
      mark(chromium?.ratio ? chromium.ratio.median <= BUDGETS.ratioMedian : null),
    ],
    [
      'pages that are not articles, ours median',
      `<= ${BUDGETS.nonArticleMedianMs} ms`,
      ...cells((s) => `${f2(s.skipped?.median)} ms (p95 ${f1(s.skipped?.p95)}, ${s.skipped?.n ?? 0} pages)`),
      mark(chromium?.skipped ? chromium.skipped.median <= BUDGETS.nonArticleMedianMs : null),
    ],
    [
      'blocks sent → highlights, p95, warm background',
      `<= ${BUDGETS.highlightsWarmP95Ms} ms`,
      ...cells((s) => `${f1(s.toHighlights?.p95)} ms (median ${f1(s.toHighlights?.median)})`),
      mark(chromium?.toHighlights ? chromium.toHighlights.p95 <= BUDGETS.highlightsWarmP95Ms : null),
    ],
    [
      'blocks sent → highlights, p95, background stopped',
      `<= ${BUDGETS.highlightsStoppedP95Ms} ms`,
      ...cells(
        (s) =>
          `${f1(s.stoppedToHighlights?.p95)} ms (median ${f1(s.stoppedToHighlights?.median)}; ${s.stoppedCold} of ${s.stoppedRuns} loads woke it)`,
      ),
      mark(chromium?.stoppedToHighlights ? chromium.stoppedToHighlights.p95 <= BUDGETS.highlightsStoppedP95Ms : null),
    ],
    [
      'our p95 per page (data-quotelens-ms)',
      `<= ${BUDGETS.p95Ms} ms`,
      ...cells((s) => `${f1(s.ours?.p95)} ms (max ${f1(s.ours?.max)})`),
      mark(chromium?.ours ? chromium.ours.p95 <= BUDGETS.p95Ms : null),
    ],
    [
      'long tasks > 50 ms caused by us',
      '0 pages',
      ...cells(ltCount),
      mark(chromium ? chromium.longTaskPages.length === 0 : null),
    ],
    [
      'content script, gzip',
      `<= ${BUDGETS.contentGzipKB} KB`,
      `${round(content)} KB`,
      `${round(results.firefoxContentScriptGzip / KB)} KB`,
      mark(content <= BUDGETS.contentGzipKB),
    ],
    [
      'background with the engine, gzip',
      '(size reported)',
      `${round(background)} KB`,
      `${round((results.firefoxBackgroundGzip ?? results.sizes.background.gzip) / KB)} KB`,
      '–',
    ],
    [
      'popup JS + CSS, gzip',
      `<= ${BUDGETS.popupGzipKB} KB`,
      `${round(popup)} KB`,
      '(same files)',
      mark(popup <= BUDGETS.popupGzipKB),
    ],
    [
      'popup open-to-content',
      `< ${BUDGETS.popupMs} ms`,
      ...cells((s) =>
        s.popup ? `${f1(s.popup.coldMs)} ms cold, ${f1(s.popup.warmMedianMs)} ms warm` : 'not measured',
      ),
      mark(chromium?.popup ? Math.max(chromium.popup.coldMs, chromium.popup.warmMedianMs) < BUDGETS.popupMs : null),
    ],
    [
      'observer batch (steady state)',
      `< ${BUDGETS.observeBatchMs} ms`,
      ...cells((s) => (s.observe ? `${f2(s.observe.median)} ms median, ${f2(s.observe.max)} max` : 'no batches')),
      mark(chromium?.observe ? chromium.observe.max < BUDGETS.observeBatchMs : null),
    ],
  ];
}

export function renderMarkdown(results: BenchResults): string {
  const sums = results.browsers.map(summarizeBrowser);
  const m = results.machine;
  const out: string[] = [];
  out.push('# Quotelens benchmark results', '');
  out.push(
    `Run ${results.date.slice(0, 16).replace('T', ' ')} UTC on commit ${results.commit}` +
      (results.uncommitted && results.uncommitted.length > 0
        ? ` (the build also had uncommitted changes in ${results.uncommitted.join(', ')})`
        : '') +
      ` with \`${results.command}\` ` +
      `(${results.wallSeconds} s). Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; ` +
      `load average ${m.loadAverage.join(' / ')} at start, ${m.loadAverageAtEnd?.join(' / ') ?? '?'} at end. ` +
      `Browsers: ${results.browsers.map((b) => b.version).join(', ')}. Pages: ${results.pageCount} ` +
      `(${Object.entries(results.pageSets ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}), served from 127.0.0.1; ` +
      `outside requests aborted: ${results.browsers.map((b) => `${b.blockedRequests} in ${b.browser}`).join(', ')}.`,
    '',
  );
  if (results.failures.length > 0) out.push(`**Failed:** ${results.failures.join('; ')}`, '');
  out.push(
    '## Budgets',
    '',
    'Status is judged on Chromium (the issue sets the budgets there), or on the only browser run.',
    '',
  );
  out.push(table(['Budget', 'Target', 'Chromium', 'Firefox', 'Status'], budgetRows(results, sums)), '');
  for (const s of sums) {
    out.push(`## ${s.version}`, '');
    out.push(
      `Pages by status: ${Object.entries(s.statuses)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}. The largest share of our time: ${worstStage(s)}.`,
      '',
    );
    if (s.unmeasured.length > 0)
      out.push(
        `Pages with no figure (${s.unmeasured.length}; each tried up to ${LOAD_TRIES} times when the load failed):`,
        '',
        ...s.unmeasured.map((u) => `- ${u.page}: ${u.status}${u.error ? ` (${u.error.replace(/\|/g, '/')})` : ''}`),
        '',
      );
    if (s.retried.length > 0)
      out.push(
        `Pages measured after a failed try (${s.retried.length}): ${s.retried
          .map((r) => `${r.page} (${r.retries.length}: ${r.retries[0]!.slice(0, 120)})`)
          .join('; ')}.`,
        '',
      );
    const rows: (string | number)[][] = STAGES.filter((st) => s.stages[st]).map((st) => {
      const v = s.stages[st]!;
      return [`\`quotelens:${st}\``, v.n, f1(v.median), f1(v.p95), f1(v.max)];
    });
    // One row per summary that exists: label, count, median, p95, max in the given precision.
    const row = (label: string, v: typeof s.ours, fmt: (x: number) => string) => {
      if (v) rows.push([label, v.n, fmt(v.median), fmt(v.p95), fmt(v.max)]);
    };
    row('**ours, total** (`data-quotelens-ms`)', s.ours, f1);
    row('Readability `parse()` of a clone, cold (first run in the page)', s.readability, f1);
    row('Readability `parse()`, warm (runs 2–3)', s.readabilityWarm, f1);
    row('ratio ours / Readability cold (per page)', s.ratio, f2);
    row('ratio ours / Readability warm (per page)', s.ratioWarm, f2);
    for (const [set, v] of Object.entries(s.bySet)) row(`ours, ${set} pages`, v, f1);
    row('ours, pages that are not articles (skipped)', s.skipped, f2);
    row('background: engine ms per article page (warm)', s.backgroundMs, f1);
    row('page waits for the engine (warm; main thread free)', s.engineWait, f1);
    row('blocks sent → highlights painted (warm)', s.toHighlights, f1);
    row('navigation start → highlights painted (warm)', s.loadToHighlights, f1);
    row('page waits for the engine, background stopped', s.stoppedWait, f1);
    row('blocks sent → highlights, background stopped', s.stoppedToHighlights, f1);
    row('ratio, article pages only (ready)', s.ratioArticles, f2);
    row('JS heap added, KB (after GC)', s.heapAddedKB, f1);
    row('`quotelens:observe` batch', s.observe, f2);
    out.push(table(['Stage (ms)', 'pages', 'median', 'p95', 'max'], rows), '');
    out.push(
      'Ours: `data-quotelens-ms` and the `quotelens:*` User Timing measures, read from the page (main-thread work ' +
        'only; the wait for the background engine is not in it). Readability: 3 runs of ' +
        '`new Readability(document.cloneNode(true)).parse()` in the same tab after ours; the ratio uses the first ' +
        '(cold) run, as our content script also runs cold in every page; the warm ratio is beside it.' +
        (s.heapAddedKB
          ? ' Heap: CDP `JSHeapUsedSize` after `HeapProfiler.collectGarbage`, with minus without the extension, same page.'
          : ''),
      '',
    );
    out.push('Slowest pages (ours):', '');
    out.push(
      table(
        ['page', 'ours ms', 'largest stage', 'Readability ms'],
        s.slowest.map((p) => [p.page, f1(p.ms), p.stage, f1(p.readabilityMs)]),
      ),
      '',
    );
    out.push(
      `Pages where a synchronous slice of our work took > 50 ms: ${s.longTaskPages.length}` +
        (s.longTaskPages.length > 0 ? ` (${s.longTaskPages.join(', ')})` : '') +
        ` (from ${s.longTaskSource}; pages where one stage alone took > 50 ms, a lower bound: ${s.longStagePages})` +
        (s.longTasksSeenByPage === null
          ? '. This browser has no Long Tasks API.'
          : `. The page's own PerformanceObserver('longtask') saw ${s.longTasksSeenByPage} long tasks overlapping our work ` +
            '(it cannot see work that runs in a microtask checkpoint between tasks, as our first slice does).'),
      '',
    );
    if (!s.longTaskExact)
      out.push(
        '**Note:** pages over 50 ms were counted by their total, not by their longest slice: if the content ' +
          'script splits its run across tasks this over-counts, and the true count lies between the lower bound ' +
          'and that figure. A `quotelens:task` measure per slice from the content script would make it exact.',
        '',
      );
    if (s.traceChecks.length > 0) {
      const slices = median(s.traceChecks.map((c) => c.slices));
      out.push(
        `Traced reloads (CDP tracing; the ${Math.min(TRACE_ROWS, s.traceChecks.length)} with the longest slices of ` +
          `${s.traceChecks.length}); our run took a median of ${slices} main-thread slice(s):`,
        '',
      );
      out.push(
        table(
          [
            'page',
            'ours ms (data-quotelens-ms)',
            'main-thread slices holding our run',
            'longest slice, ms',
            'longest stage, ms',
            'long tasks seen by page observer',
          ],
          [...s.traceChecks]
            .sort((x, y) => y.sliceMs - x.sliceMs)
            .slice(0, TRACE_ROWS)
            .map((c) => [c.page, f1(c.oursMs), c.slices, f1(c.sliceMs), f1(c.stageMs), c.seenByPage ?? '–']),
        ),
        '',
      );
    }
    out.push(
      'Scaling (synthetic copies of the seed article body; medians of the loads; stage columns in ms). ' +
        'Linear work keeps the marginal ms per added 1× flat; a quadratic scan would multiply it by ~4 per row.',
      '',
    );
    out.push(
      table(
        [
          'size',
          'ours ms (median)',
          'ms per 1×',
          'marginal ms per added 1×',
          ...SCALE_STAGES,
          'Readability ms',
          'runs: a stage > 50 ms / total > 50 ms',
        ],
        s.scaling.map((r) => [
          `${r.times}×`,
          f1(r.oursMs),
          f2(r.perTimesMs),
          f2(r.marginalMs),
          ...SCALE_STAGES.map((st) => f1(r.stages[st])),
          f1(r.readabilityMs),
          `${r.longTasksOurs} / ${r.totalOver} of ${r.runs}`,
        ]),
      ),
      '',
    );
  }
  const sz = results.sizes;
  out.push('## Bundle sizes (Chrome build, gzip -9)', '');
  out.push(
    table(
      ['file', 'bytes', 'gzip'],
      [
        [`content script \`${sz.contentScript.file}\``, sz.contentScript.bytes, kb(sz.contentScript.gzip)],
        ...sz.popup.files.map((f) => [`popup \`${f.file}\``, f.bytes, kb(f.gzip)]),
        ['**popup total**', sz.popup.bytes, kb(sz.popup.gzip)],
      ],
    ),
    '',
  );
  return `${out.join('\n')}\n`;
}

// ---- SVG ----

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const OURS = '#2b6cb0';
const REF = '#8a8a8a';
const FF = '#d9480f';

function quartiles(values: number[]): [number, number, number, number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!;
  return [sorted[0]!, q(0.25), q(0.5), q(0.75), sorted[sorted.length - 1]!];
}

export function renderSvg(results: BenchResults): string {
  const width = 900;
  const left = 190;
  const right = 30;
  const rowH = 26;
  const parts: string[] = [];
  let y = 30;
  parts.push(
    `<text x="${width / 2}" y="${y}" text-anchor="middle" font-size="16" font-weight="bold">Quotelens main-thread ms per page vs Readability parse() (log scale; box = quartiles, whiskers = min..max)</text>`,
  );
  y += 20;
  const all = results.browsers.flatMap((b) =>
    b.pages.filter(measured).flatMap((r) => [r.oursMs!, r.readabilityMs ?? r.oursMs!]),
  );
  const lo = 0.1;
  const hi = 10 ** Math.ceil(Math.log10(Math.max(100, ...all)));
  const x = (v: number) =>
    left +
    ((Math.log10(Math.max(lo, v)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (width - left - right);
  const rows: { label: string; values: number[]; colour: string }[] = [];
  for (const b of results.browsers) {
    const ok = b.pages.filter(measured);
    const name = b.browser === 'chromium' ? 'Chromium' : 'Firefox';
    rows.push({ label: `${name}: ours (total)`, values: ok.map((r) => r.oursMs!), colour: OURS });
    for (const st of STAGES) {
      const v = ok.map((r) => r.stages[st]).filter((n): n is number => n !== undefined);
      if (v.length > 0) rows.push({ label: `${name}: ${st}`, values: v, colour: '#90b4dd' });
    }
    rows.push({
      label: `${name}: Readability`,
      values: ok.map((r) => r.readabilityMs).filter((n): n is number => n !== null),
      colour: REF,
    });
  }
  const top = y + 10;
  const bottom = top + rows.length * rowH;
  for (let d = lo; d <= hi; d *= 10) {
    const gx = x(d);
    parts.push(`<line x1="${gx}" y1="${top}" x2="${gx}" y2="${bottom}" stroke="#ddd"/>`);
    parts.push(
      `<text x="${gx}" y="${bottom + 14}" text-anchor="middle" font-size="11">${d >= 1 ? d : d.toFixed(1)} ms</text>`,
    );
  }
  const b50 = x(BUDGETS.p95Ms);
  parts.push(`<line x1="${b50}" y1="${top}" x2="${b50}" y2="${bottom}" stroke="#c92a2a" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="${b50 + 3}" y="${top - 2}" font-size="11" fill="#c92a2a">50 ms budget</text>`);
  rows.forEach((r, i) => {
    const cy = top + i * rowH + rowH / 2;
    parts.push(
      `<text x="${left - 8}" y="${cy + 4}" text-anchor="end" font-size="12">${esc(r.label)} (n=${r.values.length})</text>`,
    );
    if (r.values.length === 0) return;
    const [mn, q1, md, q3, mx] = quartiles(r.values);
    parts.push(`<line x1="${x(mn)}" y1="${cy}" x2="${x(mx)}" y2="${cy}" stroke="${r.colour}"/>`);
    parts.push(
      `<rect x="${x(q1)}" y="${cy - 8}" width="${Math.max(1, x(q3) - x(q1))}" height="16" fill="${r.colour}" fill-opacity="0.35" stroke="${r.colour}"/>`,
    );
    parts.push(`<line x1="${x(md)}" y1="${cy - 9}" x2="${x(md)}" y2="${cy + 9}" stroke="#000" stroke-width="2"/>`);
  });
  y = bottom + 50;
  // Scaling panel: log-log, so a linear cost is a line of slope 1 and a quadratic one of slope 2.
  const sTop = y + 20;
  const sH = 240;
  const sLeft = 110;
  const sRight = width - 240;
  parts.push(
    `<text x="${width / 2}" y="${y}" text-anchor="middle" font-size="16" font-weight="bold">Scaling: our ms vs article length (log-log; guides through the 16× point)</text>`,
  );
  const series = results.browsers.map((b) => ({ b, s: summarizeScaling(b.scaling) }));
  const sizes = series[0]?.s.map((r) => r.times) ?? [];
  const maxSize = Math.max(2, ...sizes);
  const observed = series.flatMap(({ s }) => s.flatMap((r) => [r.oursMs, r.readabilityMs ?? r.oursMs]));
  const yLo = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...observed.filter((v) => v > 0)))));
  const yHi = 10 ** Math.ceil(Math.log10(Math.max(100, ...observed) * 4));
  const sy = (v: number) =>
    sTop + sH - ((Math.log10(Math.max(yLo, v)) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))) * sH;
  const sx = (t: number) => sLeft + (Math.log2(t) / Math.log2(maxSize)) * (sRight - sLeft);
  parts.push(`<line x1="${sLeft}" y1="${sTop + sH}" x2="${sRight}" y2="${sTop + sH}" stroke="#444"/>`);
  parts.push(`<line x1="${sLeft}" y1="${sTop}" x2="${sLeft}" y2="${sTop + sH}" stroke="#444"/>`);
  for (const t of sizes)
    parts.push(`<text x="${sx(t)}" y="${sTop + sH + 15}" text-anchor="middle" font-size="11">${t}×</text>`);
  for (let v = yLo; v <= yHi; v *= 10) {
    parts.push(`<line x1="${sLeft}" y1="${sy(v)}" x2="${sRight}" y2="${sy(v)}" stroke="#eee"/>`);
    parts.push(`<text x="${sLeft - 6}" y="${sy(v) + 4}" text-anchor="end" font-size="11">${v} ms</text>`);
  }
  parts.push(
    `<line x1="${sLeft}" y1="${sy(50)}" x2="${sRight}" y2="${sy(50)}" stroke="#c92a2a" stroke-dasharray="4 3"/><text x="${sLeft + 4}" y="${sy(50) - 4}" font-size="11" fill="#c92a2a">50 ms long task</text>`,
  );
  let legendY = sTop;
  const legend = (colour: string, text: string, dash = '') => {
    parts.push(
      `<line x1="${sRight + 10}" y1="${legendY}" x2="${sRight + 35}" y2="${legendY}" stroke="${colour}" stroke-width="2" ${dash}/><text x="${sRight + 40}" y="${legendY + 4}" font-size="11">${esc(text)}</text>`,
    );
    legendY += 16;
  };
  const line = (pts: [number, number][], attrs: string) =>
    parts.push(`<polyline fill="none" ${attrs} points="${pts.map(([t, v]) => `${sx(t)},${sy(v)}`).join(' ')}"/>`);
  const guideSizes = sizes.filter((t) => t >= 4);
  for (const { b, s } of series) {
    const colour = b.browser === 'chromium' ? OURS : FF;
    const name = b.browser === 'chromium' ? 'Chromium' : 'Firefox';
    const pts = s.filter((r) => Number.isFinite(r.oursMs));
    line(
      pts.map((r) => [r.times, r.oursMs]),
      `stroke="${colour}" stroke-width="2"`,
    );
    for (const r of pts) parts.push(`<circle cx="${sx(r.times)}" cy="${sy(r.oursMs)}" r="3" fill="${colour}"/>`);
    legend(colour, `${name}: ours`);
    const ref = s.filter((r) => r.readabilityMs !== null);
    if (ref.length > 0) {
      line(
        ref.map((r) => [r.times, r.readabilityMs!]),
        `stroke="${colour}" stroke-opacity="0.45" stroke-width="1.5"`,
      );
      legend(colour, `${name}: Readability`, 'stroke-opacity="0.45"');
    }
    const anchor = pts.find((r) => r.times === 16);
    if (anchor) {
      line(
        guideSizes.map((t) => [t, anchor.oursMs * (t / 16)]),
        `stroke="${colour}" stroke-dasharray="2 3"`,
      );
      legend(colour, `${name}: linear guide`, 'stroke-dasharray="2 3"');
      line(
        guideSizes.map((t) => [t, anchor.oursMs * (t / 16) ** 2]),
        `stroke="${colour}" stroke-dasharray="8 4" stroke-opacity="0.5"`,
      );
      legend(colour, `${name}: quadratic guide`, 'stroke-dasharray="8 4" stroke-opacity="0.5"');
    }
  }
  const height = sTop + sH + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...parts,
    `<text x="${width - 8}" y="${height - 8}" text-anchor="end" font-size="10" fill="#666">${esc(`${results.date.slice(0, 10)} · ${results.commit} · ${results.browsers.map((b) => b.version).join(' / ')}`)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
