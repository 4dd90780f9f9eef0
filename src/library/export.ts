// Export the whole library as JSON (re-importable), CSV (one row per quote) or Markdown (one
// section per speaker), and read a JSON export back. Pure: the page turns the text into a file.
import { quoteRows, speakerEntries, validateArticle, validateOverrides } from './model';
import type { ArticleRecord, SpeakerOverrides } from './types';

/** Tells our exports from any other JSON file; bumped when the export shape changes. */
export const EXPORT_FORMAT = 'quotelens-library';
export const EXPORT_VERSION = 1;

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: ArticleRecord[];
  overrides: SpeakerOverrides;
}

export function exportJson(articles: readonly ArticleRecord[], overrides: SpeakerOverrides, now: Date): string {
  const data: LibraryExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    articles: [...articles].sort((a, b) => b.readAt - a.readAt),
    overrides,
  };
  return `${JSON.stringify(data, null, 1)}\n`;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_COLUMNS = ['speaker', 'role', 'quote', 'title', 'site', 'url', 'read', 'published'] as const;

export function exportCsv(articles: readonly ArticleRecord[], overrides: SpeakerOverrides): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of quoteRows(articles, overrides)) {
    const published = r.publishedAt === undefined ? '' : new Date(r.publishedAt).toISOString();
    lines.push(
      [r.speaker, r.role ?? '', r.text, r.title, r.site, r.url, new Date(r.readAt).toISOString(), published]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Markdown text: no markup of the page survives (brackets, asterisks and the like are escaped). */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function exportMarkdown(
  articles: readonly ArticleRecord[],
  overrides: SpeakerOverrides,
  heading: string,
): string {
  const rows = quoteRows(articles, overrides);
  const out = [`# ${md(heading)}`, ''];
  for (const entry of speakerEntries(rows)) {
    out.push(`## ${md(entry.name)}${entry.roles[0] ? ` (${md(entry.roles[0])})` : ''}`, '');
    for (const r of rows) {
      if (r.speakerKey !== entry.key) continue;
      const day = new Date(r.readAt).toISOString().slice(0, 10);
      out.push(`- “${md(r.text)}” — [${md(r.title)}](<${r.url.replace(/>/g, '%3E')}>), ${md(r.site)}, ${day}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export interface ParsedImport {
  articles: ArticleRecord[];
  overrides: SpeakerOverrides;
  problems: string[];
}

/** Reads a JSON export (text or parsed): every article validated; anything else is refused with a reason. */
export function parseImport(input: unknown): ParsedImport {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      throw new Error('the file is not JSON');
    }
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT)
    throw new Error('the file is not a Quotelens library export');
  const d = data as Record<string, unknown>;
  if (typeof d.version !== 'number' || d.version > EXPORT_VERSION)
    throw new Error(`export version ${String(d.version)} is newer than this Quotelens reads`);
  if (!Array.isArray(d.articles)) throw new Error('the export has no list of articles');
  const problems: string[] = [];
  const articles: ArticleRecord[] = [];
  for (const raw of d.articles) {
    const { value, problems: p } = validateArticle(raw);
    problems.push(...p);
    if (value && value.quotes.length > 0) articles.push(value);
  }
  return { articles, overrides: validateOverrides(d.overrides), problems };
}
