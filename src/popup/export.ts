// The speaker summary as Markdown and JSON, for journalists and researchers.
import type { PageReport } from '../core/types';

export function summaryJson(report: PageReport): string {
  return JSON.stringify(
    {
      title: report.title,
      url: report.url,
      speakers: report.speakers.map((s) => ({
        name: s.name,
        role: s.role,
        aliases: s.aliases,
        quotes: report.quotes.filter((q) => q.speaker === s.name).map((q) => q.text),
      })),
      unattributed: report.quotes.filter((q) => q.speaker === null && !q.title).map((q) => q.text),
    },
    null,
    2,
  );
}

/** Markdown-escapes text taken from the page so it renders as the words it is. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ');
}

export function summaryMarkdown(report: PageReport, unattributedLabel = 'Unattributed'): string {
  const lines = [`# ${md(report.title)}`, '', report.url, ''];
  for (const s of report.speakers) {
    lines.push(`## ${md(s.name)}${s.role ? ` (${md(s.role)})` : ''}: ${s.quotes}`, '');
    for (const q of report.quotes) if (q.speaker === s.name) lines.push(`- “${md(q.text)}”`);
    lines.push('');
  }
  const rest = report.quotes.filter((q) => q.speaker === null && !q.title);
  if (rest.length > 0) {
    lines.push(`## ${unattributedLabel}`, '');
    for (const q of rest) lines.push(`- “${md(q.text)}”`);
    lines.push('');
  }
  return lines.join('\n');
}
