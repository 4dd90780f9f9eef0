// Scoring shared by the attribution evaluations (eval-polnear, eval-pages, eval-dewiki). A gold quote is found when one predicted span covers at least half of it; a
// missed quote counts as a wrong speaker; a speaker card is bad when it names no quoted speaker of the
// page or repeats one an earlier card already named.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MODEL } from '../src/core/model/scorer';
import type { AttributeOptions } from '../src/core/speakers';
import type { Speaker } from '../src/core/types';

/** Words dropped before names are compared: honorifics, titles, generational suffixes ("Jr.": two people's, not one surname), articles (en/de/fr). */
const DROPPED = new Set(
  'mr mrs ms dr sen rep gov president senator secretary jr sr the herr frau der die das des dem den ein eine m mme le la les'.split(
    ' ',
  ),
);

/** Name tokens: lower case, punctuation and a trailing possessive dropped, honorifics and articles left out. */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '' && !DROPPED.has(t));
}

/** Loose match (as eval-polnear): same last token, or every token of one among the other's. */
export function sameSpeaker(predicted: string | null, gold: string): boolean {
  if (predicted === null) return false;
  const p = nameTokens(predicted);
  const g = nameTokens(gold);
  if (p.length === 0 || g.length === 0) return false;
  if (p[p.length - 1] === g[g.length - 1]) return true;
  return p.every((t) => g.includes(t)) || g.every((t) => p.includes(t));
}

export const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

/** FNV-1a of a string: a fixed, seeded split that does not depend on file order. */
export function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** True when `key` falls in the held-out share of a seeded split. */
export function heldOut(key: string, seed: number, share: number): boolean {
  return hash32(key, seed) / 0x1_0000_0000 < share;
}

/** One gold quote as every evaluation sees it: its speaker and the names also accepted. */
export interface GoldSpeaker {
  speaker: string | null;
  accept: string[];
}

export const goldMatches = (got: string | null, g: GoldSpeaker): boolean =>
  g.speaker !== null && (sameSpeaker(got, g.speaker) || g.accept.some((a) => sameSpeaker(got, a)));

/** Cards that name nobody the page quotes, or a speaker an earlier card already named. */
export function badCards(cards: Speaker[], gold: GoldSpeaker[]): { bad: number; names: string[] } {
  const named = new Set<number>();
  const names: string[] = [];
  const speakers = gold.filter((g) => g.speaker !== null);
  // Distinct gold speakers: two gold quotes with matching names are one person.
  const people: GoldSpeaker[] = [];
  for (const g of speakers) if (!people.some((p) => goldMatches(g.speaker, p))) people.push(g);
  for (const card of cards) {
    const k = people.findIndex((p) => goldMatches(card.name, p));
    if (k < 0 || named.has(k)) names.push(k < 0 ? card.name : `${card.name} (repeat)`);
    else named.add(k);
  }
  return { bad: names.length, names };
}

/** Quote text compared across markup: white space collapsed, marks and dashes unified. */
export const normQuote = (s: string): string =>
  s
    .replace(/[“”„«»"]/g, '"')
    .replace(/[‘’‚']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Length of the longest common substring of a and b (dynamic programming, two rows). */
export function longestCommon(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.includes(b)) return b.length;
  if (b.includes(a)) return a.length;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** Figures every attribution evaluation prints. */
export interface AttribFigures {
  part: string;
  documents: number;
  gold_quotes: number;
  gold_with_speaker: number;
  predicted_quotes: number;
  predicted_attributed: number;
  /** Gold quotes covered at least half by a predicted span. */
  quote_recall: number;
  /** Attributed predictions that are a gold quote (not a title, a slogan or text nobody spoke). */
  attributed_precision: number;
  /** Attributed predictions that are a gold quote with a speaker, and name that speaker. */
  attributed_right: number;
  /** Right speaker over gold quotes with a speaker; a missed quote counts as wrong. */
  speaker_accuracy: number;
  cards: number;
  bad_cards: number;
  bad_card_share: number;
  by_step: Record<string, { quotes: number; right: number }>;
}

/** Counters one evaluation fills per document, then turns into AttribFigures. */
export class Tally {
  docs = 0;
  gold = 0;
  found = 0;
  withSpeaker = 0;
  right = 0;
  predicted = 0;
  attributed = 0;
  attributedHit = 0;
  attributedRight = 0;
  cards = 0;
  bad = 0;
  byStep: Record<string, { quotes: number; right: number }> = {};
  badNames: string[] = [];
  errors: string[] = [];

  figures(part: string): AttribFigures {
    return {
      part,
      documents: this.docs,
      gold_quotes: this.gold,
      gold_with_speaker: this.withSpeaker,
      predicted_quotes: this.predicted,
      predicted_attributed: this.attributed,
      quote_recall: pct(this.found, this.gold),
      attributed_precision: pct(this.attributedHit, this.attributed),
      attributed_right: pct(this.attributedRight, this.attributed),
      speaker_accuracy: pct(this.right, this.withSpeaker),
      cards: this.cards,
      bad_cards: this.bad,
      bad_card_share: pct(this.bad, this.cards),
      by_step: Object.fromEntries(Object.entries(this.byStep).sort((a, b) => b[1].quotes - a[1].quotes)),
    };
  }
}

export function printFigures(f: AttribFigures): void {
  const rows: [string, string][] = [
    ['part', f.part],
    ['documents', String(f.documents)],
    ['gold quotes (with speaker)', `${f.gold_quotes} (${f.gold_with_speaker})`],
    ['predicted quotes (attributed)', `${f.predicted_quotes} (${f.predicted_attributed})`],
    ['quote recall', `${f.quote_recall}%`],
    ['attributed precision', `${f.attributed_precision}%`],
    ['attributed and right', `${f.attributed_right}%`],
    ['speaker accuracy', `${f.speaker_accuracy}%`],
    ['bad cards', `${f.bad_cards} of ${f.cards} (${f.bad_card_share}%)`],
  ];
  for (const [k, v] of Object.entries(f.by_step).slice(0, 14)) rows.push([`  step ${k}`, `${v.right}/${v.quotes}`]);
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(32)} ${v}\n`);
}

/**
 * The attribution options an evaluation runs with, from its flags: `--no-model` (the sieve alone, nothing
 * withheld), `--threshold T` (the shipped weights at another threshold, every language's: 0 = the model chooses, never
 * withholds).
 */
export function evalOptions(argv: readonly string[] = process.argv): AttributeOptions {
  if (argv.includes('--no-model')) return { model: null };
  const k = argv.indexOf('--threshold');
  if (k < 0) return {};
  // Every language's own threshold too: the flag sets the one the page is scored with.
  const threshold = Number(argv[k + 1]);
  const languages =
    MODEL.languages && Object.fromEntries(Object.entries(MODEL.languages).map(([l, m]) => [l, { ...m, threshold }]));
  return { model: { ...MODEL, threshold, ...(languages ? { languages } : {}) } };
}

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs of a corpus article's text (blank-line separated) with their offsets. */
export function paragraphs(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /\n\s*\n/g;
  let at = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    if (text.slice(at, end).trim() !== '') out.push({ start: at, text: text.slice(at, end) });
    if (!m) break;
    at = m.index + m[0].length;
  }
  return out;
}

/** What an evaluation over seeded parts brings to the shared command line (runEvalCli). */
export interface EvalCli<P extends string> {
  /** The npm command, written into the figures file. */
  command: string;
  file: string;
  seed: number;
  /** The parts run (and recorded) when no --part is given. */
  parts: readonly P[];
  evaluate: (part: P, errors: number) => { figures: AttribFigures; tally: Tally };
}

/**
 * The command line of eval-pages and eval-dewiki: `--part P` (one part, nothing recorded),
 * `--errors N`, `--cards`, `--no-write`, and evalOptions' `--no-model` / `--threshold T`. Without
 * --part and --no-write the figures of every part are recorded in `file`.
 */
export function runEvalCli<P extends string>(cli: EvalCli<P>, args: string[] = process.argv.slice(2)): void {
  const { values } = parseArgs({
    args,
    options: {
      part: { type: 'string' },
      errors: { type: 'string' },
      cards: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      'no-model': { type: 'boolean', default: false },
      threshold: { type: 'string' },
    },
  });
  const errors = values.errors === undefined ? 0 : Number(values.errors);
  const parts = values.part ? [values.part as P] : cli.parts;
  const out: Record<string, AttribFigures> = {};
  for (const part of parts) {
    const { figures, tally } = cli.evaluate(part, errors);
    out[part] = figures;
    printFigures(figures);
    if (errors > 0) process.stdout.write(`${tally.errors.join('\n')}\n`);
    if (values.cards) process.stdout.write(`bad cards:\n  ${tally.badNames.join('\n  ')}\n`);
    process.stdout.write('\n');
  }
  if (!values['no-write'] && !values.part) {
    writeFileSync(cli.file, `${JSON.stringify({ command: cli.command, seed: cli.seed, ...out }, null, 2)}\n`);
    process.stdout.write(`wrote ${cli.file}\n`);
  }
}
