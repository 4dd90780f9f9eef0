// Command-line entry: the same core over HTML files, one JSON object per line per file.
// Usage: npm run --silent analyze -- [--mode declutter|focus] [--explain] [--show-comments] FILE...
import { readFile } from 'node:fs/promises';
import { parseArgs as parseCommandLineArgs } from 'node:util';
import { analyzePage, visibleTextOf } from '../core/report';
import type { Mode } from '../core/types';
import { parseHtmlWithNotes } from './parse-html';

/** Moved to parse-html.ts; re-exported for branches that still import it from here. */
export { parseHtml } from './parse-html';

interface CliOptions {
  mode: Mode;
  explain: boolean;
  hideComments: boolean;
  files: string[];
}

const USAGE = 'usage: analyze [--mode declutter|focus] [--explain] [--show-comments] FILE...';

/** The command line as options, or the message to print (usage, or what was wrong). */
export function parseArgs(argv: string[]): CliOptions | string {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (err) {
    return `${(err as Error).message}\n${USAGE}`;
  }
  const { values, positionals } = parsed;
  if (values.help) return USAGE;
  const mode = values.mode ?? 'declutter';
  if (mode !== 'declutter' && mode !== 'focus') return `--mode takes declutter or focus\n${USAGE}`;
  if (positionals.length === 0) return `no files given\n${USAGE}`;
  return {
    mode,
    explain: values.explain ?? false,
    // Comments are hidden by default, as in the extension; --comments (hide them) stays accepted.
    hideComments: !(values['show-comments'] ?? false),
    files: positionals,
  };
}

function parseCommandLine(argv: string[]) {
  return parseCommandLineArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      mode: { type: 'string' },
      explain: { type: 'boolean' },
      comments: { type: 'boolean' },
      'show-comments': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
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
        ...(q.title ? { title: true } : {}),
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
      readingMinutes: report.readingMinutes ?? 0,
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
