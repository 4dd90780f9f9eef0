// Command-line entry: the same core over HTML files, one JSON object per line per file.
// Usage: npm run --silent analyze -- [--mode declutter|focus] [--explain] [--show-comments] FILE...
import { readFile } from 'node:fs/promises';
import { Window } from 'happy-dom';
import { analyzePage, visibleTextOf } from '../core/report';
import type { Mode } from '../core/types';

interface CliOptions {
  mode: Mode;
  explain: boolean;
  hideComments: boolean;
  files: string[];
}

const USAGE = 'usage: analyze [--mode declutter|focus] [--explain] [--show-comments] FILE...';

export function parseArgs(argv: string[]): CliOptions | string {
  // Comments are hidden by default, as in the extension; --comments (hide them) stays accepted.
  const opts: CliOptions = { mode: 'declutter', explain: false, hideComments: true, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--mode') {
      const value = argv[++i];
      if (value !== 'declutter' && value !== 'focus') return `--mode takes declutter or focus\n${USAGE}`;
      opts.mode = value;
    } else if (arg.startsWith('--mode=')) {
      const value = arg.slice(7);
      if (value !== 'declutter' && value !== 'focus') return `--mode takes declutter or focus\n${USAGE}`;
      opts.mode = value;
    } else if (arg === '--explain') opts.explain = true;
    else if (arg === '--comments') opts.hideComments = true;
    else if (arg === '--show-comments') opts.hideComments = false;
    else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('--')) return `unknown option ${arg}\n${USAGE}`;
    else opts.files.push(arg);
  }
  if (opts.files.length === 0) return `no files given\n${USAGE}`;
  return opts;
}

/**
 * Browsers' HTML parsers stop nesting at this depth (Blink: 512) and add deeper elements as
 * siblings; happy-dom does not, and its recursive selector engine overflows the stack on a page
 * nested 10,000 deep. We rebuild what a browser would have built.
 */
export const MAX_PARSER_DEPTH = 512;

/** Parses HTML into a Document without running its scripts or fetching anything. */
export function parseHtml(html: string, url = 'http://localhost/'): Document {
  return parseHtmlWithNotes(html, url).doc;
}

/** parseHtml, plus notes on what was repaired on the way (nesting flattened). */
export function parseHtmlWithNotes(html: string, url = 'http://localhost/'): { doc: Document; notes: string[] } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const moved = capNestingDepth(doc, MAX_PARSER_DEPTH);
  const notes =
    moved > 0 ? [`nesting deeper than ${MAX_PARSER_DEPTH} flattened, as browsers do (${moved} elements moved up)`] : [];
  return { doc, notes };
}

/**
 * Moves elements nested deeper than `max` up to be children of their ancestor at depth `max`, in
 * document order, each keeping its own text (what Blink's parser builds). Iterative: the page may
 * be 100,000 deep. Returns how many elements moved.
 */
export function capNestingDepth(doc: Document, max: number): number {
  let moved = 0;
  const todo: [Element, number][] = [[doc.documentElement, 1]];
  while (todo.length > 0) {
    const [el, depth] = todo.pop()!;
    if (depth >= max) {
      moved += flattenBelow(el);
      continue;
    }
    for (const child of Array.from(el.children)) todo.push([child, depth + 1]);
  }
  return moved;
}

function flattenBelow(host: Element): number {
  const order: Element[] = [];
  const todo: Element[] = Array.from(host.children).reverse();
  while (todo.length > 0) {
    const el = todo.pop()!;
    order.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) todo.push(kids[i]!);
  }
  // Deepest first, so each element moves without a subtree (the DOM library recurses over moved
  // subtrees), each inserted before the one moved last: the host's children end in document order.
  let moved = 0;
  let ref: Element | null = null;
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    if (el.parentElement !== host) moved++;
    host.insertBefore(el, ref);
    ref = el;
  }
  return moved;
}

function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 4096);
  let odd = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) odd++;
  }
  return odd > sample.length * 0.1;
}

export async function analyzeFile(file: string, opts: Omit<CliOptions, 'files'>): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const msg =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String((err as Error).message);
    return { file, ok: false, error: msg };
  }
  if (buf.length === 0) return { file, ok: false, error: 'empty file' };
  if (looksBinary(buf)) return { file, ok: false, error: 'not an HTML file (binary data)' };
  const html = buf.toString('utf8');
  if (!/<[a-z!?/]/i.test(html)) return { file, ok: false, error: 'not an HTML file (no markup)' };
  try {
    const { doc, notes: parseNotes } = parseHtmlWithNotes(html);
    const analysis = analyzePage(doc, {
      mode: opts.mode,
      hideComments: opts.hideComments,
      url: file,
      now: () => performance.now(),
    });
    const { report } = analysis;
    const hiddenSet = new Set(analysis.clutter.map((c) => c.element));
    const out: Record<string, unknown> = {
      file,
      ok: true,
      isArticle: report.isArticle,
      lang: report.lang,
      title: report.title,
      mode: report.mode,
      quotes: report.quotes.map((q) => ({
        text: q.text,
        speaker: q.speaker,
        mention: q.mention,
        cue: q.cue,
        kind: q.kind,
      })),
      speakers: report.speakers.map((s) => ({
        name: s.name,
        role: s.role,
        quotes: s.quotes,
        aliases: s.aliases,
        type: s.type,
      })),
      hidden: report.hidden.map((h) => ({ kind: h.kind, text: h.text })),
      visibleText: visibleTextOf(doc, hiddenSet),
      notes: [...parseNotes, ...report.notes],
      ms: Math.round((performance.now() - t0) * 10) / 10,
    };
    if (opts.explain) {
      out.explain = {
        article: report.articleReasons,
        hidden: report.hidden.map((h) => ({ kind: h.kind, reason: h.reason, text: h.text.slice(0, 60) })),
        quotes: report.quotes.map((q) => ({
          text: q.text.slice(0, 60),
          speaker: q.speaker,
          rule: q.rule,
          mention: q.mention,
          cue: q.cue,
        })),
        timings: report.timings,
      };
    }
    return out;
  } catch (err) {
    return { file, ok: false, error: `analysis failed: ${(err as Error).message}` };
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`${opts}\n`);
    process.exitCode = 2;
    return;
  }
  let failed = 0;
  for (const file of opts.files) {
    const result = await analyzeFile(file, opts);
    if (result.ok !== true) failed++;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  if (failed > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')) {
  void main();
}
