// Quotation spans in text blocks. Text in, plain data out. Linear time: every block is read once,
// and each opening mark finds its closing mark through forward-only pointers (no regex search).
import type { BlockText, QuoteSpan } from './types';

/** Longest quotation we accept inside one block; a farther "closing" mark is a stray mark. */
export const MAX_QUOTE_CHARS = 3000;
/** Shortest inner text kept: one character between marks is a letter name or an apostrophe pair. */
export const MIN_QUOTE_CHARS = 2;
/** Cap on spans per page: keeps the report and the highlighter bounded on pathological pages. */
export const MAX_SPANS = 20000;
/** Pull quotes repeat body text; only repeats at least this long are treated as the same quote. */
export const MIN_REPEAT_CHARS = 20;

/** Opening mark → the marks that may close it. Straight quotes close themselves. */
const CLOSERS: Record<string, string> = {
  '“': '”', // English curly
  '„': '“”', // German „…“ and Polish/Romanian „…”
  '«': '»', // French « … »
  '»': '«', // German »…«
  '「': '」', // CJK corner brackets
  '『': '』',
  '‘': '’', // English single, only when the closer is not an apostrophe
  '"': '"',
};

/** A single mark typed twice (‘‘, '', ``) → the doubled mark that closes it. */
const DOUBLED: Record<string, string> = { '‘': '’’', "'": "''", '`': "''" };

/** Blocks whose quotations are usually pull quotes repeating the body. */
const PULL_QUOTE_TAGS = new Set(['blockquote', 'aside', 'figure', 'figcaption']);

const isLetterOrDigit = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/** A ‘ that opens a quotation: not inside a word (‘90s, rock ‘n’ roll are caught by the closer test). */
function opensSingle(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return !isLetterOrDigit(before) && after !== undefined && !isSpace(after) && !/\d/.test(after);
}

/** A ’ that closes a quotation rather than an apostrophe (Lee’s, don’t): no letter follows it. */
function closesSingle(text: string, i: number): boolean {
  return !isLetterOrDigit(text[i + 1]) && !isSpace(text[i - 1]);
}

/** A straight " opens when it starts the text or follows a space or an opening punctuation. */
function opensStraight(text: string, i: number): boolean {
  const before = text[i - 1];
  return (before === undefined || /[\s([{—–\-/:;,]/.test(before)) && !isSpace(text[i + 1]);
}

/** Sorted positions of the characters in `chars`, read with a pointer that only moves forward. */
class Cursor {
  private readonly positions: number[] = [];
  private at = 0;
  constructor(text: string, test: (i: number) => boolean) {
    for (let i = 0; i < text.length; i++) if (test(i)) this.positions.push(i);
  }
  /** First position > i, or -1. */
  next(i: number): number {
    while (this.at < this.positions.length && this.positions[this.at]! <= i) this.at++;
    return this.at < this.positions.length ? this.positions[this.at]! : -1;
  }
}

/** Inner offsets without the blank space French typography puts inside « … ». */
function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return [s, e];
}

interface RawSpan {
  start: number;
  end: number;
  open: string;
  close: string;
  /** True when the quote runs to the end of the block with no closing mark (multi-paragraph). */
  open_ended: boolean;
}

function cursorsFor(text: string): Map<string, Cursor> {
  const m = new Map<string, Cursor>();
  const charCursor = (chars: string) => new Cursor(text, (i) => chars.includes(text[i]!));
  m.set('“', charCursor('“”'));
  m.set('„', charCursor('“”„'));
  m.set('«', charCursor('«»'));
  m.set('»', charCursor('«»'));
  m.set('「', charCursor('「」'));
  m.set('『', charCursor('『』'));
  m.set('‘', new Cursor(text, (i) => (text[i] === '’' && closesSingle(text, i)) || text[i] === '‘'));
  m.set('"', charCursor('"'));
  // Mismatched closers, tried only when the proper one is missing: "…” and “…"
  m.set('"”', charCursor('”'));
  m.set('“"', new Cursor(text, (i) => text[i] === '"' && !isLetterOrDigit(text[i + 1]) && !isSpace(text[i - 1])));
  m.set('“ opener', charCursor('“'));
  return m;
}

/**
 * Typing slips mix curly and straight marks: "…” or “…". The other kind closes the quote when it
 * comes before the proper closer (or there is none) and no new curly opener comes first.
 */
function mismatchedCloser(cursors: Map<string, Cursor>, text: string, ch: string, i: number, j: number): number {
  if (ch !== '"' && ch !== '“') return j;
  // “The word "never" came up,” she said: straight quotes in pairs inside a curly quote are nested.
  if (ch === '“' && j !== -1 && text[j] === '”' && j - i <= MAX_QUOTE_CHARS) {
    let straight = 0;
    for (let k = i + 1; k < j; k++) if (text[k] === '"') straight++;
    if (straight > 0 && straight % 2 === 0) return j;
  }
  const alt = cursors.get(ch === '"' ? '"”' : '“"')!.next(i);
  if (alt === -1 || (j !== -1 && j < alt && (ch === '"' || text[j] !== '“'))) return j;
  const opener = cursors.get('“ opener')!.next(i);
  return opener !== -1 && opener < alt ? j : alt;
}

/** True when an unclosed opening mark may run to the end of the block: it starts the block or a sentence. */
function canRunToEnd(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isSpace(text[j])) j--;
  return j < 0 || /[:.!?]/.test(text[j]!);
}

/** Quotations of one block's text, outer level only (nested quotes stay inside their outer quote). */
export function scanQuotes(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  let cursors: Map<string, Cursor> | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const doubled = text[i + 1] === ch ? DOUBLED[ch] : undefined;
    if (doubled !== undefined) {
      // ‘‘…’’ / ''…'' / ``…'': a doubled single mark outside a word opens, the doubled closer ends it.
      if (isLetterOrDigit(text[i - 1]) || isSpace(text[i + 2])) {
        i++;
        continue;
      }
      cursors ??= cursorsFor(text);
      // Built on the first doubled mark only: most texts have none.
      let closer = cursors.get(doubled);
      if (!closer) {
        const c = doubled[0]!;
        closer = new Cursor(text, (k) => text[k] === c && text[k + 1] === c && !isSpace(text[k - 1]));
        cursors.set(doubled, closer);
      }
      const j = closer.next(i + 1);
      if (j !== -1 && j - i - 2 <= MAX_QUOTE_CHARS) {
        const [s, e] = trimmed(text, i + 2, j);
        if (e - s >= MIN_QUOTE_CHARS)
          out.push({ start: s, end: e, open: text.slice(i, i + 2), close: doubled, open_ended: false });
        i = j + 1;
      } else i++;
      continue;
    }
    const closers = CLOSERS[ch];
    if (closers === undefined) continue;
    if (ch === '‘' && !opensSingle(text, i)) continue;
    if (ch === '"' && !opensStraight(text, i)) continue;
    if (ch === '»' && text.lastIndexOf('«', i) > text.lastIndexOf('»', i - 1)) continue; // closes a « … »
    cursors ??= cursorsFor(text);
    let j = cursors.get(ch)!.next(i);
    j = mismatchedCloser(cursors, text, ch, i, j);
    // "…" or “…" typing slips; “…,“ said X: a “ after a clause end and before a space only closes.
    const slip =
      (ch === '"' || ch === '“') &&
      ('"”'.includes(text[j] ?? '') || (text[j] === '“' && /[,.?!]/.test(text[j - 1]!) && isSpace(text[j + 1])));
    const closed = j !== -1 && (closers.includes(text[j]!) || slip) && j - i - 1 <= MAX_QUOTE_CHARS;
    // A second opener of the same kind before any closer means this one is unclosed.
    const sameOpenerFirst = closed && !slip && text[j] === ch && !closers.includes(ch);
    if (closed && !sameOpenerFirst) {
      const [s, e] = trimmed(text, i + 1, j);
      if (e - s >= MIN_QUOTE_CHARS) out.push({ start: s, end: e, open: ch, close: text[j]!, open_ended: false });
      i = j;
      continue;
    }
    if (canRunToEnd(text, i)) {
      // A same-kind opener starting a later line ends this quote's paragraph at that line break.
      const nl = text[j] === ch ? text.lastIndexOf('\n', j) : -1;
      const stop = nl > i && text.slice(nl, j).trim() === '' ? nl : text.length;
      const [s, e] = trimmed(text, i + 1, stop);
      if (e - s >= MIN_QUOTE_CHARS && e - s <= MAX_QUOTE_CHARS)
        out.push({ start: s, end: e, open: ch, close: '', open_ended: true });
      if (stop === text.length) break;
      i = stop;
    }
  }
  return out;
}

/** Letters of a quote's first word, to tell a phrase inside the writer's sentence from an utterance. */
function classify(text: string, span: RawSpan): QuoteSpan['kind'] {
  let j = span.start - 1;
  while (j >= 0 && isSpace(text[j])) j--;
  j--; // the opening mark
  while (j >= 0 && isSpace(text[j])) j--;
  const before = j < 0 ? '' : text[j]!;
  const inner = text.slice(span.start, span.end).trimStart();
  const first = inner[0] ?? '';
  const startsLower = first !== first.toUpperCase() && first === first.toLowerCase();
  if (before === '' || before === ':' || /[.!?]/.test(before)) return 'direct';
  if (startsLower) return 'partial';
  // "called the plan “A Disaster”": a capitalised phrase straight after a word, with no clause end.
  if (isLetterOrDigit(before) && !/[,.!?]$/.test(inner.trimEnd())) return 'partial';
  return 'direct';
}

const normalizeKey = (s: string): string =>
  s
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim()
    .toLowerCase();

/** All quotation spans of the blocks, in page order. */
export function findQuotes(blocks: BlockText[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const seen = new Map<string, number>();
  let pendingOpen: number | null = null; // index of an open-ended span waiting for its next paragraph
  let pendingBlock = -1;
  for (const block of blocks) {
    const text = block.text;
    const raws = scanQuotes(text);
    const firstNonSpace = text.search(/\S/);
    let previousInBlock: number | null = null;
    for (const raw of raws) {
      if (spans.length >= MAX_SPANS) return spans;
      const inner = text.slice(raw.start, raw.end);
      const key = normalizeKey(inner);
      const earlier = key.length >= MIN_REPEAT_CHARS ? seen.get(key) : undefined;
      if (earlier !== undefined && (PULL_QUOTE_TAGS.has(block.tag) || PULL_QUOTE_TAGS.has(blocks[earlier]?.tag ?? '')))
        continue;
      if (key.length >= MIN_REPEAT_CHARS && !seen.has(key)) seen.set(key, block.index);
      const span: QuoteSpan = {
        block: block.index,
        start: raw.start,
        end: raw.end,
        text: inner,
        open: raw.open,
        close: raw.close,
        kind: classify(text, raw),
      };
      const startsBlock = text.slice(firstNonSpace, raw.start).trim().length <= 1;
      if (startsBlock && pendingOpen !== null && pendingBlock === block.index - 1) {
        span.continues = spans[pendingOpen]!.continues ?? pendingOpen;
        span.kind = 'direct';
      } else if (previousInBlock !== null && isSplitContinuation(text, spans[previousInBlock]!, raw)) {
        span.continues = spans[previousInBlock]!.continues ?? previousInBlock;
      }
      spans.push(span);
      previousInBlock = spans.length - 1;
    }
    const last = raws[raws.length - 1];
    pendingOpen = last?.open_ended && previousInBlock !== null ? previousInBlock : null;
    pendingBlock = block.index;
  }
  return spans;
}

/** “A,” Ruiz replied, “b.” — the second part follows a short cue clause after a comma. */
function isSplitContinuation(text: string, prev: QuoteSpan, raw: RawSpan): boolean {
  const between = text
    .slice(prev.end, raw.start)
    .replace(/^\s*[”"’»«」“]/, '')
    .replace(/[“"‘«»„「]\s*$/, '');
  const commaBefore = /,\s*$/.test(prev.text) || /^\s*,/.test(between);
  return commaBefore && /^[\s,]*[^.!?"“”„«»]{1,120}[,:]\s*$/.test(between);
}
