// Who said each quote: a sieve, the most certain rules first. Text in, plain data out.
// 1. a speech cue in the quote's own sentence, with a name, pronoun, role or organisation as speaker
//    (both orders, asides and appositives skipped); 2. the same quote's earlier part (split quotes);
// 3. continuation from a neighbouring quote of the same or previous paragraph.
import { entityKind, isCommonWord, isNobody, isPlace } from './entities';
import { DETECT_SAMPLE_CHARS, detectLanguage } from './entities/lang';
import { lexiconFor } from './lexicon';
import { calendarWords } from './lexicon/calendar';
import { type AttributionFacts, baseStep, featureVector } from './model/features';
import { confidence, MODEL, type Model, modelFor } from './model/scorer';
import {
  appositiveRole,
  type Entity,
  findMentions,
  type Gender,
  isCap,
  isOrgName,
  Lex,
  MAX_ASIDE_TOKENS,
  type Mention,
  Registry,
  surnamesOf,
  type Token,
  tokenize,
} from './speakers-mentions';
import type { StepTag } from './speakers-steps';
import type { AttributionRule, BlockText, Lang, QuoteSpan, Speaker } from './types';

export interface Attribution {
  speaker: string | null;
  mention: string | null;
  cue: string | null;
  rule: AttributionRule;
  /** The sieve step that fired, finer than `rule` (speakers-steps.ts; for --explain and the evaluation). */
  step?: StepTag;
  /** The learned model's confidence that `speaker` is right (also kept on withheld quotes). */
  confidence?: number;
}

export interface AttributionResult {
  attributions: Attribution[];
  speakers: Speaker[];
  /** The sieve's answer for each quote before the model chose (only with `keepFacts`). */
  facts?: (AttributionFacts | null)[];
  /** Every candidate speaker of each quote with the facts the model scored (only with `keepFacts`; for training). */
  candidates?: AttributionFacts[][];
  /** The language the attribution used (the page's, or the detected one when that is sure and differs). */
  lang: Lang;
}

export interface AttributeOptions {
  /** The scorer's weights (default: the shipped model); `null` withholds nothing. */
  model?: Model | null;
  /** Return the facts the model scored (for training). */
  keepFacts?: boolean;
}

const LANGS: readonly string[] = ['en', 'de', 'fr'];
/** In a language we have no word lists for, only these cue shapes name a speaker ("X: “…”", "“…” — X"). */
const UNAMBIGUOUS_STEPS = new Set([
  'left:X-colon',
  'right:dash-X',
  'heading:X-colon',
  'continues',
  'continuation:same-block',
]);

/** The page's language as its text shows it: the declared one unless the detector is sure of another. */
function pageLanguage(blocks: BlockText[], declared: Lang): { lang: Lang; foreign: boolean } {
  let sample = '';
  for (const b of blocks) {
    if (b.isHeading) continue;
    sample += `${b.text}\n`;
    if (sample.length >= DETECT_SAMPLE_CHARS) break;
  }
  const d = detectLanguage(sample);
  if (!d.sure || d.lang === 'und') return { lang: declared, foreign: false };
  if (LANGS.includes(d.lang)) return { lang: d.lang as Lang, foreign: false };
  return { lang: declared, foreign: true };
}

/** How many sentences back a pronoun looks for the person it stands for. */
export const PRONOUN_LOOKBACK_SENTENCES = 6;
/** Links followed from a pronoun to the same pronoun leading an earlier sentence (bounded work; 3 reads 1 fewer on train, 20 none more). */
export const MAX_PRONOUN_CHAIN = 6;
/** Quoted phrases this short get a speaker only from a cue (see isScareQuote). */
export const SCARE_QUOTE_WORDS = 3;
/** Longest opening phrase before the main clause's subject ("Speaking to reporters on Monday, …"); 25 beats 20 (train +1, dev 0), 30 adds nothing. */
export const MAX_INTRO_TOKENS = 25;
/** Longest noun phrase read after an inverted verb ("said former Obama adviser Ann Lee"). */
const PHRASE_HEAD_TOKENS = 8;
/** Lower-case words allowed before the first name of that phrase ("former", "undecided"); 4 beats 3 (train +2, dev 0). */
const MAX_MODIFIERS = 4;
/** How far after a quote its cue may end ("“…” Sanders campaign manager Jeff Weaver said"); 12 beats 10 (train +3, dev 0), 16 hurts dev. */
export const RIGHT_WINDOW = 12;
/** Longest parenthesis skipped between a name and its verb ("Jo Lee (D-Ohio) said"). */
export const MAX_PAREN_TOKENS = 6;
/** Comma-delimited asides in a row skipped between a name and its verb (measured: 3 beats 1 on both splits; 4: train +2, dev 0; 5 adds nothing). */
export const MAX_ASIDES = 4;
/** Longest stretch between a separable verb's stem and its particle ("gab das russische Außenministerium weiter bekannt"). */
export const MAX_SEPARABLE_TOKENS = 12;
/** Longest genitive attribute read after a role ("der Vorsitzende des Deutschen Brauer-Bundes, Peter Hahn"). */
export const MAX_GENITIVE_TOKENS = 6;
/** How many sentences back reported speech is followed to the sentence that names its speaker. */
export const REPORTED_SENTENCES = 3;
/** Steps of a speech verb's clause whose subject reports what follows in the subjunctive. */
const REPORTING_STEPS = new Set([
  'left:X-said',
  'left:said-X',
  'left:verb-X',
  'left:subject-said',
  'left:according-to',
]);
/** Cue shapes accepted for a sentence-closing cue: a name with a speech verb, either order, or "according to X". */
const CLOSING_STEPS = new Set(['right:X-said', 'right:said-X', 'right:X-…-said', 'right:according-to']);
/** A quote with no cue continues the speaker of a quote at most this many blocks before it. */
/** Complementisers that open reported speech after a speech verb ("stressed that …"). */
const THAT = new Set(['that', 'dass', 'que', 'qu']);
/** Role phrases read for aliases per page: each costs a pass over the people, so the work is capped. */
export const MAX_ROLE_ALIAS_MENTIONS = 200;
export const CONTINUATION_BLOCKS = 1;
/**
 * How far back from a quote its cue and the sentence's subject are looked for: keeps the work per
 * quote constant in run-on sentences full of quotes (content-script time stays linear).
 */
export const MAX_LOOKBACK_TOKENS = 80;
/** Most mentions a pronoun weighs as its antecedent, nearest first (bounded work per pronoun). */
export const MAX_ANTECEDENT_MENTIONS = 60;

const lexCache = new Map<Lang, Lex>();
function lexFor(lang: Lang): Lex {
  let lex = lexCache.get(lang);
  if (!lex) {
    const words = lexiconFor(lang);
    lex = new Lex({ ...words, nonNames: [...words.nonNames, ...calendarWords(lang)] });
    lexCache.set(lang, lex);
  }
  return lex;
}

/** A speaker some step proposes for a quote, with how many steps propose the same one. */
interface Candidate {
  a: Attribution;
  entity: Entity | null;
  votes?: number;
}

interface Found {
  mention: Mention;
  cue: string;
  rule: AttributionRule;
  step: StepTag;
  /** The cue's subject is the writer or the reader ("we called it"): nobody the page names said it. */
  writer?: true;
}

interface Doc {
  tokens: Token[];
  mentions: Mention[];
  mentionAt: Map<number, Mention>;
  mentionEndingAt: Map<number, Mention>;
  /** Token index of each quote span. */
  quoteToken: number[];
  /** Index in `mentions` of the mention starting at each token. */
  mentionIndex: Map<number, number>;
  /** First token of the sentence (within its block) of each token. */
  sentStart: Int32Array;
  /** First token of each block. */
  blockStart: Map<number, number>;
  /** The nearest quote token before each token in its block, or -1. */
  prevQuote: Int32Array;
  /** Words the page writes in lower case somewhere. */
  lowerWords: Set<string>;
}

function buildDoc(blocks: BlockText[], spans: QuoteSpan[], lex: Lex): Doc {
  const byBlock = new Map<number, number[]>();
  spans.forEach((s, i) => {
    const list = byBlock.get(s.block) ?? [];
    list.push(i);
    byBlock.set(s.block, list);
  });
  const tokens: Token[] = [];
  let sentence = 0;
  for (const block of blocks) {
    const toks = tokenize(block, spans, byBlock.get(block.index) ?? [], lex, sentence + 1);
    sentence = toks.length > 0 ? toks[toks.length - 1]!.sentence : sentence + 1;
    for (const t of toks) tokens.push(t);
  }
  // Mentions never run across blocks: find them block by block, then shift.
  // Words the page writes in lower case, and those it capitalises inside a sentence (a name's evidence
  // beyond a sentence start): one pass over the tokens.
  const lowerWords = new Set<string>();
  const midCaps = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'word') return;
    const prev = tokens[i - 1];
    if (t.text === t.lower) lowerWords.add(t.lower);
    if (isCap(t.text) && prev && prev.sentence === t.sentence && prev.kind === 'word') midCaps.add(t.lower);
  });
  const mentions: Mention[] = [];
  // Where every noun is capitalised, a surname is evidence of a name across the page's blocks.
  const surnames = lex.capitalisedNouns ? surnamesOf(tokens, lex) : null;
  let from = 0;
  while (from < tokens.length) {
    let to = from;
    while (to < tokens.length && tokens[to]!.block === tokens[from]!.block) to++;
    for (const m of findMentions(tokens.slice(from, to), lex, lowerWords, surnames, midCaps))
      mentions.push({ ...m, start: m.start + from, end: m.end + from });
    from = to;
  }
  const quoteToken: number[] = new Array(spans.length).fill(-1);
  tokens.forEach((t, i) => {
    if (t.kind === 'quote') quoteToken[t.quote] = i;
  });
  const outlets = outletMentions(tokens, spans, mentions, lex);
  if (outlets.length > 0) {
    mentions.push(...outlets);
    mentions.sort((a, b) => a.start - b.start);
  }
  const mentionAt = new Map<number, Mention>();
  const mentionEndingAt = new Map<number, Mention>();
  const mentionIndex = new Map<number, number>();
  mentions.forEach((m, k) => {
    mentionAt.set(m.start, m);
    mentionEndingAt.set(m.end - 1, m);
    mentionIndex.set(m.start, k);
  });
  const sentStart = new Int32Array(tokens.length);
  const prevQuote = new Int32Array(tokens.length);
  const blockStart = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const p = tokens[i - 1];
    const sameBlock = p !== undefined && p.block === t.block;
    if (!sameBlock) blockStart.set(t.block, i);
    sentStart[i] = sameBlock && p.sentence === t.sentence ? sentStart[i - 1]! : i;
    prevQuote[i] = !sameBlock ? -1 : p.kind === 'quote' ? i - 1 : prevQuote[i - 1]!;
  }
  return {
    tokens,
    mentions,
    mentionAt,
    mentionEndingAt,
    quoteToken,
    mentionIndex,
    sentStart,
    blockStart,
    prevQuote,
    lowerWords,
  };
}

/**
 * Names in quote marks beside a speech verb are outlets that speak: "„…“, schreibt die „Kurier“", "laut
 * „Kanal Neun“", "Der „Kurier“ berichtete": a quotation of name shape (isNameShaped) right after a speech verb
 * or an according-to word (a determiner may come between), or right before a speech verb. The mention
 * starts at that determiner, and its text is the quoted name.
 */
function outletMentions(tokens: Token[], spans: QuoteSpan[], mentions: Mention[], lex: Lex): Mention[] {
  const taken = new Set<number>();
  for (const m of mentions) for (let k = m.start; k < m.end; k++) taken.add(k);
  const speech = (t: Token | undefined): boolean =>
    t?.kind === 'word' && (lex.verbs.has(t.lower) || lex.separable.has(t.lower) || lex.according.has(t.lower));
  const out: Mention[] = [];
  tokens.forEach((t, q) => {
    if (t.kind !== 'quote' || !isNameShaped(spans[t.quote]!)) return;
    const det = tokens[q - 1]?.kind === 'word' && lex.determiners.has(tokens[q - 1]!.lower) && !taken.has(q - 1);
    const before = tokens[det ? q - 2 : q - 1];
    const after = tokens[q + 1];
    const sameSentence = (u: Token | undefined) => u !== undefined && u.sentence === t.sentence && u.block === t.block;
    // Without a determiner ("sagte „Nein“", "said “Never”") a quotation beside a verb is speech, unless an
    // according-to word governs it ("laut „Kanal Neun“") or the name brings its own article („Die Woche“).
    const words = spans[t.quote]!.text.match(WORD_RE) ?? [];
    const article = lex.determiners.has(words[0]!.toLowerCase()) && words.slice(1).every(isCap);
    const according =
      !det && sameSentence(before) && (lex.according.get(before!.lower)?.some((p) => p.length === 1) ?? false);
    // The verb of a cue after another quotation ("„…“, schreibt die „Kurier“"), not of an object ("calls the “X”").
    const v = det ? q - 2 : q - 1;
    const cueOfQuote = tokens[v - 1]?.kind === 'quote' || (isComma(tokens[v - 1]) && tokens[v - 2]?.kind === 'quote');
    const verbBefore = sameSentence(before) && speech(before) && (det || article) && cueOfQuote;
    const verbAfter = det && sameSentence(after) && speech(after);
    if (!according && !verbBefore && !verbAfter) return;
    out.push({
      start: det ? q - 1 : q,
      end: q + 1,
      kind: 'name',
      text: spans[t.quote]!.text.trim().replace(/[,.]$/, ''),
      entity: null,
      gender: null,
      possessive: false,
      outlet: true,
    });
  });
  return out;
}

/** A quotation that could be a name: at most QUOTED_NAME_WORDS words, capitalised, no sentence punctuation. */
function isNameShaped(span: QuoteSpan): boolean {
  if (span.continues !== undefined || span.open === '') return false;
  const inner = span.text.trim().replace(/[,.]$/, '');
  const words = inner.match(WORD_RE) ?? [];
  return words.length > 0 && words.length <= QUOTED_NAME_WORDS && isCap(inner) && !/[.!?;:,…]/.test(inner);
}

/** Where the look-back for a cue before token q starts: its sentence start, at most MAX_LOOKBACK_TOKENS back. */
const clauseStart = (d: Doc, q: number): number => Math.max(d.sentStart[q]!, q - MAX_LOOKBACK_TOKENS);

const isComma = (t: Token | undefined): boolean => t?.kind === 'punct' && t.text === ',';
const isDash = (t: Token | undefined): boolean => t?.kind === 'punct' && /^[—–―-]$/.test(t.text);

class Sieve {
  constructor(
    private readonly d: Doc,
    private readonly lex: Lex,
    private readonly registry: Registry,
    private readonly lang: Lang,
  ) {}

  private skipBetween(i: number, dir: 1 | -1): number {
    const t = this.d.tokens;
    let k = i;
    while (
      t[k] &&
      t[k]!.kind === 'word' &&
      (this.lex.between.has(t[k]!.lower) || /^[a-z]+ly$/.test(t[k]!.text)) &&
      !this.d.mentionAt.has(k) &&
      Math.abs(k - i) < MAX_ASIDE_TOKENS
    )
      k += dir;
    return k;
  }

  /** "Jo Lee (D-Ohio) said": the index past a short parenthesis at i (direction dir), or i. */
  private skipParen(i: number, dir: 1 | -1): number {
    const t = this.d.tokens;
    const [open, close] = dir === 1 ? ['(', ')'] : [')', '('];
    if (t[i]?.text !== open) return i;
    for (let k = i + dir; Math.abs(k - i) <= MAX_PAREN_TOKENS && t[k] && t[k]!.kind !== 'quote'; k += dir)
      if (t[k]!.text === close) return k + dir;
    return i;
  }

  verbAt(i: number): number {
    const n = this.lex.phraseAt(this.lex.verbs, this.d.tokens, i);
    if (n > 0 || this.lex.separable.size === 0) return n;
    // A separable verb's stem counts when its particle closes the clause before a colon or a quote.
    const t = this.d.tokens;
    const stem = t[i];
    const particles = stem?.kind === 'word' ? this.lex.separable.get(stem.lower) : undefined;
    if (!particles) return 0;
    for (let k = i + 1; k <= i + MAX_SEPARABLE_TOKENS && (t[k]?.kind === 'word' || t[k]?.kind === 'quote'); k++) {
      if (t[k]!.sentence !== stem!.sentence) return 0;
      if (t[k]!.kind === 'quote' || !particles.includes(t[k]!.lower)) continue;
      const after = t[k + 1];
      // "wies dies als „Unverschämtheit“ zurück.": past the quote the particle closes the sentence.
      if (t[k - 1]!.kind === 'quote') return /^[.!?]$/.test(after?.text ?? '') ? 1 : 0;
      return after?.kind === 'quote' || /^[:,]$/.test(after?.text ?? '') ? 1 : 0;
    }
    return 0;
  }

  /** "told Ada Frey": a verb whose object is the listener, so the name after it is not the speaker. */
  private tells(v: number): boolean {
    return this.lex.addressee.has(this.d.tokens[v]!.lower);
  }

  /** A sentence end at k; an abbreviation's dot before a comma ("Mitch McConnell, R-Ky., said") is not one. */
  private stops(k: number): boolean {
    const t = this.d.tokens;
    return /^[.!?]$/.test(t[k]!.text) && !(t[k]!.text === '.' && isComma(t[k + 1]));
  }

  /** A comma-delimited aside starting at the comma at i (forward): index after its closing comma, or -1. */
  private asideEnd(i: number): number {
    const t = this.d.tokens;
    for (let k = i + 1; k < t.length && k <= i + MAX_ASIDE_TOKENS; k++) {
      if (t[k]!.kind === 'quote' || t[k]!.block !== t[i]!.block || this.stops(k)) return -1;
      if (isComma(t[k])) return k + 1;
    }
    return -1;
  }

  private asideStart(i: number): number {
    const t = this.d.tokens;
    for (let k = i - 1; k >= 0 && k >= i - MAX_ASIDE_TOKENS; k--) {
      if (t[k]!.kind === 'quote' || t[k]!.block !== t[i]!.block || this.stops(k)) return -1;
      if (isComma(t[k])) return k - 1;
    }
    return -1;
  }

  /** After a quote: `, Ruiz said`, `, said Ruiz`, `, Ruiz, who …, said`, `, insisted the captain, Jonas Berg`. */
  right(q: number): Found | null {
    const t = this.d.tokens;
    const s = t[q]!.sentence;
    // "“…” ¶ — Ada Frey, Vienna": a signature line after the quote, in the same or the next paragraph.
    const sig = isDash(t[q + 1]) ? this.d.mentionAt.get(q + 2) : undefined;
    if (
      sig?.kind === 'name' &&
      !sig.possessive &&
      (t[sig.end]?.block !== t[q + 2]!.block || /^[,.]$/.test(t[sig.end]!.text) || t[sig.end]!.kind === 'quote')
    )
      return { mention: sig, cue: '—', rule: 'colon', step: 'right:dash-X' };
    let i = q + 1;
    while (t[i] && (isComma(t[i]) || isDash(t[i])) && t[i]!.sentence === s) i++;
    if (!t[i] || t[i]!.kind === 'quote' || t[i]!.block !== t[q]!.block) return null;
    const acc = this.lex.phraseAt(this.lex.according, t, i);
    const source = acc > 0 ? this.accordingSource(i + acc) : undefined;
    if (source) return { mention: source, cue: phrase(t, i, acc), rule: 'according-to', step: 'right:according-to' };
    const m = this.d.mentionAt.get(i);
    if (m && !m.possessive) {
      let j = this.skipParen(m.end, 1);
      // "Ann Lee, the mayor of Derry, one of the towns hit, said": up to MAX_ASIDES asides in a row.
      for (let n = 0, k = j; n < MAX_ASIDES && isComma(t[k]) && k - j <= MAX_ASIDE_TOKENS; n++) {
        const e = this.asideEnd(k);
        if (e < 0) {
          // "Nate Lee, the pilot who founded Y tweeted": an aside left unclosed, the first verb in reach.
          for (let v = k + 1; v <= k + MAX_ASIDE_TOKENS && t[v]?.kind === 'word'; v++)
            if (this.verbAt(v) > 0) {
              j = v;
              break;
            }
          break;
        }
        k = e;
        if (this.verbAt(this.skipBetween(k, 1)) > 0) {
          j = k;
          break;
        }
        k--;
      }
      j = this.skipBetween(j, 1);
      const n = this.verbAt(j);
      if (n > 0) return { mention: this.appositive(m), cue: phrase(t, j, n), rule: ruleFor(m), step: 'right:X-said' };
    }
    // "Sanders campaign manager Jeff Weaver said": the subject right before the first verb.
    for (let v = i; v < t.length && v <= i + RIGHT_WINDOW && t[v]!.sentence === s && t[v]!.kind !== 'quote'; v++) {
      const n = this.verbAt(v);
      // "“…,” said Ann Lee, 24, who said …": an inverted verb with its name is read below.
      if (n && v === i && this.d.mentionAt.get(v + n)?.kind === 'name') break;
      if (n === 0 || v === i) continue;
      const subject = this.subjectBefore(v, i);
      if (subject) return { mention: subject, cue: phrase(t, v, n), rule: ruleFor(subject), step: 'right:X-…-said' };
      break;
    }
    const v = this.skipBetween(i, 1);
    // "“…charm.” Read our review": a capitalised verb opening the sentence after the quote is an imperative.
    const imperative = v === i && isCap(t[v]!.text) && t[v]!.sentence !== t[q]!.sentence;
    const n = imperative ? 0 : this.verbAt(v);
    if (n > 0) {
      let k = this.skipBetween(v + n, 1);
      // "„…“, so urteilte Romney": "so" and then the verb itself.
      if (this.lex.verbSecond && this.verbAt(k) > 0) k = this.skipBetween(k + this.verbAt(k), 1);
      const m2 = this.phraseHead(k) ?? this.d.mentionAt.get(k) ?? this.appositiveAfter(v + n);
      if (m2 && !m2.possessive && !this.tells(v))
        return { mention: this.appositive(m2), cue: phrase(t, v, n), rule: ruleFor(m2), step: 'right:said-X' };
      const inverted = this.invertedPronoun(v, n);
      if (inverted) return { mention: inverted, cue: phrase(t, v, n), rule: 'cue-pronoun', step: 'right:said-pronoun' };
    }
    return null;
  }

  /**
   * A cue clause closing the quote's sentence after a comma ("…, said Ann Ruiz.", "…, Ruiz said."), the
   * first such comma ("…, said Ann Ruiz, a pilot."), when no other quote comes between; `named` (a quote with
   * no cue of its own): a name's cue, also one right after a later quote of the sentence.
   */
  closingCue(q: number, named = false): Found | null {
    const t = this.d.tokens;
    let found: Found | null = null;
    for (let k = q + 1; k < t.length && k <= q + MAX_LOOKBACK_TOKENS && t[k]!.sentence === t[q]!.sentence; k++) {
      if (t[k]!.block !== t[q]!.block) break;
      const quote = t[k]!.kind === 'quote';
      if (quote && !named) found = null;
      if ((isComma(t[k]) || (quote && named)) && !found) {
        const f = this.right(k);
        // "…, so ein Sprecher des Instituts.": an according-to cue names its source, whatever the mention.
        if (f && CLOSING_STEPS.has(f.step) && (!named || f.mention.kind === 'name' || f.step === 'right:according-to'))
          found = { ...f, step: `closing:${f.step}` };
      }
    }
    return found;
  }

  /**
   * The person a noun phrase after an inverted verb names: "said former Obama adviser Ann Lee",
   * "said undecided voter Ann Lee of Derry" → Ann Lee (the last name before a non-role word).
   */
  private phraseHead(k: number): Mention | undefined {
    const t = this.d.tokens;
    let head: Mention | undefined;
    let modifiers = 0;
    for (let j = k; j < k + PHRASE_HEAD_TOKENS && t[j]?.kind === 'word'; ) {
      const m = this.d.mentionAt.get(j);
      if (m?.kind === 'name') {
        if (!m.possessive) head = m;
        j = m.end;
        continue;
      }
      const w = t[j]!.lower;
      // After a name only words of a role go on: "campaign", "co-host", "1st", "Watch".
      const roleWord =
        this.lex.roles.has(w.split('-').pop()!) ||
        this.lex.orgs.has(w) ||
        /\d/.test(w) ||
        isCap(t[j]!.text) ||
        (!this.lex.prepositions.has(w) &&
          w !== 'and' &&
          !this.lex.relatives.has(w) && // "said Sen. Ada Frey who represents Derry County"
          !this.lex.determiners.has(w) && // "sagte Helga Brenner nach der Abstimmung"
          !this.lex.determiners.has(t[j + 1]?.lower ?? '') &&
          (this.d.mentionAt.get(j + 1) ?? this.d.mentionAt.get(j + 2))?.kind === 'name'); // "Idaho delegate Jo Ruiz"
      if (head ? !roleWord : ++modifiers > MAX_MODIFIERS || this.verbAt(j) > 0 || this.lex.prepositions.has(w)) break;
      j++;
    }
    return head;
  }

  /**
   * Who follows "according to": the mention at k, or after a determiner there ("the Daily Ledger"), or a
   * name after role words ("longtime harbour treasurer Ada Frey").
   */
  private accordingSource(k: number): Mention | undefined {
    return (
      this.d.mentionAt.get(k) ??
      (this.lex.determiners.has(this.d.tokens[k]?.lower ?? '') ? this.d.mentionAt.get(k + 1) : undefined) ??
      this.phraseHead(k)
    );
  }

  /** "insisted the home keeper, Tomas Lind": a short determiner phrase, a comma, then the name. */
  private appositiveAfter(k: number): Mention | undefined {
    const t = this.d.tokens;
    if (!this.lex.determiners.has(t[k]?.lower ?? '')) return undefined;
    for (let j = k + 1; j <= k + 6 && t[j]?.kind === 'word'; j++) {
      if (isComma(t[j + 1])) {
        const m = this.d.mentionAt.get(j + 2);
        return m?.kind === 'name' ? m : undefined;
      }
    }
    return undefined;
  }

  /** French inversion: the pronoun is part of the verb's token ("a-t-elle ajouté"). */
  private invertedPronoun(v: number, n: number): Mention | null {
    const t = this.d.tokens;
    for (let k = v; k < v + n; k++) {
      const parts = t[k]!.lower.split('-');
      const g = parts.length > 1 ? this.lex.pronoun.get(parts[parts.length - 1]!) : undefined;
      if (g !== undefined)
        return {
          start: k,
          end: k + 1,
          kind: 'pronoun',
          text: parts[parts.length - 1]!,
          entity: null,
          gender: g,
          possessive: false,
        };
    }
    return null;
  }

  /** "the visiting captain, Jonas Berg" → the name. */
  private appositive(m: Mention): Mention {
    if (m.kind !== 'role') return m;
    const t = this.d.tokens;
    const next = isComma(t[m.end]) ? this.d.mentionAt.get(m.end + 1) : this.d.mentionAt.get(m.end);
    if (next && next.kind === 'name') return next;
    // "Stephen Singer, ein Klimaexperte vom WWF, erklärte": the role is the name's apposition.
    const before = isComma(t[m.start - 1]) ? this.d.mentionEndingAt.get(m.start - 2) : undefined;
    if (before?.kind === 'name' && !before.possessive && !isOrgName(before.text, this.lex)) return before;
    // "the chairman of the pilots' union, Ann Lee", "der Vorsitzende des Linux-Verbandes, Elmar Gesse"
    if (this.lex.genitives.has(t[m.end]?.lower ?? ''))
      for (let k = m.end + 1; k <= m.end + MAX_GENITIVE_TOKENS && t[k]?.kind === 'word'; k++)
        if (isComma(t[k + 1])) {
          const named = this.d.mentionAt.get(k + 2);
          return named?.kind === 'name' && !named.possessive ? named : m;
        }
    return m;
  }

  /** "Der Hauptgeschäftsführer des BPI nannte", "the head of the port authority said": the phrase before the genitive. */
  private genitiveHead(j: number, start: number): Mention | undefined {
    const t = this.d.tokens;
    for (let k = j; k > j - MAX_GENITIVE_TOKENS && k > start && t[k]?.kind === 'word'; k--)
      if (this.lex.genitives.has(t[k]!.lower)) {
        const head = this.d.mentionEndingAt.get(k - 1);
        return head && !head.possessive && head.kind !== 'pronoun' ? head : undefined;
      }
    return undefined;
  }

  /** Before a quote: `Ruiz said`, `Ruiz, who …, said:`, `according to Ruiz,`, `said Ruiz:`. */
  left(q: number, partial: boolean): Found | null {
    return this.leftIn(clauseStart(this.d, q), q, partial);
  }

  /** The cue in tokens [start, end) for a quote right after them. */
  leftIn(start: number, end: number, partial: boolean): Found | null {
    const t = this.d.tokens;
    for (let v = end - 1; v >= start; v--) {
      if (t[v]!.kind !== 'word') continue;
      const acc = this.lex.phraseAt(this.lex.according, t, v);
      if (acc > 0) {
        const m = this.accordingSource(v + acc);
        if (m)
          return {
            mention: this.appositive(m),
            cue: phrase(t, v, acc),
            rule: 'according-to',
            step: 'left:according-to',
          };
      }
      const n = this.verbAt(v);
      if (n === 0) continue;
      // "where we called it “…”": the writer (or the reader) is this verb's subject; nobody the page names.
      const w = this.skipBetween(v - 1, -1);
      const own = t[w];
      if (own?.kind === 'word' && this.lex.self.has(own.lower))
        return {
          mention: {
            start: w,
            end: w + 1,
            kind: 'pronoun',
            text: own.text,
            entity: null,
            gender: null,
            possessive: false,
          },
          cue: phrase(t, v, n),
          rule: 'cue-pronoun',
          step: 'left:X-said',
          writer: true,
        };
      const participle = /ing$/.test(t[v]!.lower) && isComma(t[v - 1]);
      // "Lee said, adding “…”": the subject of the verb before the comma, else of the sentence.
      const subject = participle
        ? (this.verbAt(v - 2) > 0 && this.subjectBefore(v - 2, start)) || this.sentenceSubject(start, v)
        : this.subjectBefore(v, start);
      // "Lee stressed that … the board maintains that it is on an “irreversible path”": a phrase
      // quoted inside reported speech is the outer reporter's words.
      const reporter = subject && partial ? this.reporterBefore(start, subject.start) : null;
      if (reporter) return reporter;
      // Verb-second: after an opening phrase the subject follows the verb ("Dazu sagte der Minister: „…“",
      // "Über Fossett sagte Branson: „…“"); a name governed by a preposition before the verb is no subject.
      // An adverb capitalised at the sentence start is no subject ("Dazu sagte …").
      const adverb = subject?.kind === 'name' && entityKind(subject.text, this.lang) === 'common';
      if (this.lex.verbSecond && (subject && !adverb ? this.governed(subject) : this.opensWithAdverbial(start, v))) {
        const inverted = this.subjectAfterVerb(v + n, end);
        if (inverted) return { mention: inverted, cue: phrase(t, v, n), rule: ruleFor(inverted), step: 'left:verb-X' };
      }
      if (subject)
        return {
          mention: this.appositive(subject),
          cue: phrase(t, v, n),
          rule: ruleFor(subject),
          step: participle ? 'left:X-…-saying' : 'left:X-said',
        };
      const k = this.skipBetween(v + n, 1);
      const m2 = this.d.mentionAt.get(k);
      const next = m2 ? this.appositive(m2) : null;
      // "said X: “…”" only when the verb opens its clause; in "Ruiz said the senator “…”" X is the topic.
      const inverted = v === start || isComma(t[v - 1]) || t[v - 1]!.kind === 'quote';
      if (inverted && m2 && next && !m2.possessive && next.end >= end - 1 && next.end <= end && !this.tells(v))
        return { mention: next, cue: phrase(t, v, n), rule: ruleFor(m2), step: 'left:said-X' };
      const fallback = this.sentenceSubject(start, v);
      if (fallback)
        return { mention: fallback, cue: phrase(t, v, n), rule: ruleFor(fallback), step: 'left:subject-said' };
    }
    // "Ruiz: “…”" (headlines, transcripts)
    if (t[end - 1]?.text === ':' && end - 1 > start) {
      const m = this.d.mentionEndingAt.get(end - 2);
      if (m && !m.possessive) return { mention: m, cue: ':', rule: 'colon', step: 'left:X-colon' };
    }
    if (partial || t[end - 1]?.text === ':') {
      const s = this.sentenceSubject(start, end, true);
      const m = s && this.appositive(s);
      if (m) return { mention: m, cue: '', rule: ruleFor(m), step: partial ? 'left:subject' : 'left:subject-colon' };
    }
    return null;
  }

  /**
   * The index of a preposition (not a genitive) governing a name, over a determiner and a lower-case
   * classifier noun ("on Weibo", "in the journal Harbour Science"), or -1.
   */
  private prepositionOf(m: Mention): number {
    // "ambassador to Britain Liu Xiaoming": the preposition governs the place glued before the name.
    if (m.kind !== 'name' || (m.end - m.start > 2 && isPlace(m.text.split(' ')[0]!))) return -1;
    const t = this.d.tokens;
    let b = m.start - 1;
    const w = t[b];
    if (w?.kind === 'word' && /^\p{Ll}/u.test(w.text) && (this.lex.orgs.has(w.lower) || this.lex.roles.has(w.lower)))
      b--;
    if (this.lex.determiners.has(t[b]?.lower ?? '')) b--;
    const p = t[b];
    if (p?.kind !== 'word' || !this.lex.prepositions.has(p.lower)) return -1;
    // Not "of" (read above), "as"/"after" (they open a clause: "as Ada Frey said"), "with"/"by" (the doer:
    // "with Ada Frey calling it …"), nor a preposition inside a name ("the Council on Harbour Affairs").
    const lex = this.lex;
    if (lex.genitives.has(p.lower) || lex.subordinators.has(p.lower) || lex.agentPrepositions.has(p.lower)) return -1;
    return t[b - 1]?.kind === 'word' && isCap(t[b - 1]!.text) ? -1 : b;
  }

  /** True when a preposition governs the mention ("über Fossett", "nach dem Bericht"). */
  private governed(m: Mention): boolean {
    const t = this.d.tokens;
    let b = m.start - 1;
    if (m.kind !== 'role' && this.lex.determiners.has(t[b]?.lower ?? '')) b--;
    return t[b]?.kind === 'word' && this.lex.prepositions.has(t[b]!.lower);
  }

  /**
   * True when what stands before the verb at v in its clause is an opening phrase, not a subject: a
   * prepositional phrase ("Über Fossett sagte …"), one word ("Dazu sagte …") or a clause ending in a comma.
   */
  private opensWithAdverbial(start: number, v: number): boolean {
    const t = this.d.tokens;
    let c = start;
    for (let k = v - 1; k > start; k--)
      if (t[k]!.text === ':' || t[k]!.text === ';') {
        c = k + 1;
        break;
      }
    if (c >= v) return false;
    if (isComma(t[v - 1])) return true;
    const w = t[c]!;
    const adverb = entityKind(w.text, this.lang) === 'common';
    if (w.kind !== 'word' || (this.d.mentionAt.has(c) && !adverb) || this.lex.determiners.has(w.lower)) return false;
    // "Bereits während seiner Amtszeit warnte …": an adverb the page also writes in lower case.
    return v - c === 1 || this.lex.prepositions.has(w.lower) || this.d.lowerWords.has(w.lower);
  }

  /** The subject right after a verb-second verb, before the quote at `end`: a name, pronoun or role phrase. */
  private subjectAfterVerb(k: number, end: number): Mention | null {
    const j = this.skipBetween(k, 1);
    const m = this.d.mentionAt.get(j);
    if (!m || m.possessive || m.end > end || this.governed(m)) return null;
    return this.appositive(m);
  }

  /** A person who reports, with a speech verb followed by "that", earlier in the sentence. */
  private reporterBefore(start: number, end: number): Found | null {
    const t = this.d.tokens;
    for (let u = end - 1; u >= start; u--) {
      const n = t[u]!.kind === 'word' ? this.verbAt(u) : 0;
      if (n === 0 || !THAT.has(t[u + n]?.lower ?? '')) continue;
      const m = this.subjectBefore(u, start);
      if (m && m.kind !== 'role')
        return { mention: m, cue: phrase(t, u, n), rule: ruleFor(m), step: 'left:reporter-that' };
    }
    return null;
  }

  /** The grammatical subject, roughly: the first name or pronoun not governed by a preposition. */
  sentenceSubject(start: number, end: number, roles = false): Mention | null {
    const t = this.d.tokens;
    const main = this.afterIntro(start, end);
    for (let k = main; k < end; k++) {
      const m = this.d.mentionAt.get(k);
      if (!m) continue;
      k = m.end - 1;
      if (m.possessive) continue;
      // A role phrase is the subject only where asked ("Die Bundesregierung hatte … als „falsch“ zurückgewiesen").
      if (m.kind === 'role' && !(roles && this.isSubjectRole(m, main))) continue;
      const before = t[m.start - 1];
      if (before && before.kind === 'word' && this.lex.prepositions.has(before.lower)) continue;
      if (this.prepositionOf(m) >= 0) continue; // "published in the journal Harbour Science"
      // "Salem, New Hampshire"; but a name opening the main clause after an opening phrase is its subject
      if (isComma(before) && m.start > main && this.d.mentionEndingAt.has(m.start - 2)) continue;
      const after = t[m.end];
      // (not in verb-second languages: "Pieper hatte sich während einer Rede …", "Obama warb für …")
      if (after && after.kind === 'word' && !this.lex.verbSecond && this.lex.prepositions.has(after.lower)) continue;
      if (this.roleThenName(m.end)) continue; // "House speaker Ann Lee", "Lee campaign aide Jo Ruiz"
      return m;
    }
    return null;
  }

  /** A role phrase opening the main clause with a determiner ("The company …", "Die Polizei …"). */
  private isSubjectRole(m: Mention, main: number): boolean {
    return m.start === main && this.lex.determiners.has(this.d.tokens[m.start]!.lower);
  }

  /** At i, up to three lower-case words ending in a role noun, then a name ("campaign spokeswoman Jo Ruiz"). */
  private roleThenName(i: number): boolean {
    const t = this.d.tokens;
    for (let k = i; k < i + 3 && t[k]?.kind === 'word' && /^\p{Ll}/u.test(t[k]!.text); k++)
      if (
        (this.lex.roles.has(t[k]!.lower) || this.lex.titles.has(t[k]!.text.replace(/^./, (c) => c.toUpperCase()))) &&
        this.d.mentionAt.get(k + 1)?.kind === 'name'
      )
        return true;
    return false;
  }

  /**
   * Where the main clause starts: after an opening phrase that is not a name ("Speaking to CNN's
   * Morning Joe, Lee said …", "When Ruiz left, she …"), i.e. after its first comma.
   */
  private afterIntro(start: number, end: number): number {
    const t = this.d.tokens;
    const first = t[start];
    if (first?.kind !== 'word' || this.d.mentionAt.has(start)) return start;
    if (
      !this.lex.prepositions.has(first.lower) &&
      !this.lex.subordinators.has(first.lower) &&
      !/..(ing|ed)$/.test(first.lower)
    )
      return start;
    for (let k = start + 1; k < end && k <= start + MAX_INTRO_TOKENS; k++) {
      if (t[k]!.kind === 'quote') return start;
      // "In Salem, New Hampshire, Lee said": a place's state or country between commas is still the opening phrase.
      const place = this.d.mentionAt.get(k + 1);
      if (isComma(t[k]) && !(place && isComma(t[place.end]) && this.d.mentionEndingAt.has(k - 1))) return k + 1;
    }
    return start;
  }

  private subjectBefore(v: number, start: number): Mention | null {
    const t = this.d.tokens;
    let j = this.skipParen(this.skipBetween(v - 1, -1), -1);
    const named = isComma(t[j]) ? this.d.mentionEndingAt.get(j - 1) : undefined;
    if (
      named &&
      named.kind === 'name' &&
      isComma(t[named.start - 1]) &&
      (this.d.mentionEndingAt.get(named.start - 2)?.kind === 'role' ||
        this.lex.roles.has(t[named.start - 2]?.lower ?? '') ||
        this.lex.determiners.has(t[named.start - 3]?.lower ?? ''))
    )
      return named;
    if (isComma(t[j])) {
      const before = this.asideStart(j);
      if (before >= start) j = before;
    }
    if (j < start) return null;
    if (this.lex.relatives.has(t[j]?.lower ?? '') && isComma(t[j - 1])) j -= 2;
    const m = this.d.mentionEndingAt.get(j) ?? this.genitiveHead(j, start);
    if (!m || m.possessive) return null;
    // "Jo Lee of the Sierra Club said": the person before "of".
    j = m.start - 1;
    if (this.lex.determiners.has(t[j]?.lower ?? '')) j--;
    const owner = this.lex.genitives.has(t[j]?.lower ?? '') ? this.d.mentionEndingAt.get(j - 1) : undefined;
    if (owner?.kind === 'name' && !isOrgName(owner.text, this.lex)) return owner;
    const outer = this.outerSubject(m, v, start);
    if (outer) return outer;
    // "one user on Weibo, which …, posted": the phrase the prepositional object belongs to, or no one.
    const prep = this.prepositionOf(m);
    if (prep >= 0) {
      const head = this.d.mentionEndingAt.get(prep - 1);
      return head && !head.possessive && head.kind !== 'pronoun' && head.start >= start ? head : null;
    }
    return m;
  }

  /**
   * "Mark Holden, chairman of Freedom Partners, the funding arm, said": a name inside a comma-delimited
   * appositive is not the subject; the clause's first name, with the comma pair around the rest, is
   * (measured: opening the pair with "of" or a place name instead lost on train).
   */
  private outerSubject(m: Mention, v: number, start: number): Mention | null {
    const t = this.d.tokens;
    const s = this.sentenceSubject(start, m.start);
    if (!s || s === m || s.kind !== 'name' || m.start - s.end > MAX_ASIDE_TOKENS) return null;
    if (!isComma(t[s.end]) || !isComma(t[this.skipBetween(v - 1, -1)])) return null;
    for (let k = s.end; k < m.start; k++) if (t[k]!.kind === 'quote' || this.verbAt(k) > 0) return null;
    return s;
  }

  /** The entity a mention stands for, at the position of the quote. */
  resolve(m: Mention): { entity: Entity | null; descriptive: string | null } {
    const r = this.registry;
    if (m.kind === 'name') return { entity: r.resolve(m.text), descriptive: null };
    if (m.kind === 'pronoun') return { entity: this.antecedent(m), descriptive: null };
    const words = m.text.split(' ');
    const head = words[words.length - 1]!.toLowerCase();
    const org = orgName(m.text, this.lex);
    const entity = org
      ? r.resolve(org)
      : (r.byRole(m.text) ??
        // "the commission": the organisation the article names with that last word, else the main one.
        (this.lex.orgs.has(head) && this.lex.determiners.has(words[0]!.toLowerCase())
          ? (r.find(head) ?? r.mainOrg())
          : null));
    return { entity, descriptive: entity ? null : m.text.replace(/^\p{Lu}/u, (c) => c.toLowerCase()) };
  }

  /** The person a definite description stands for ("the 56-year-old", "der Minister"): the salient one before it. */
  describedPerson(m: Mention): Entity | null {
    if (m.kind !== 'role' || m.gender === 'plural') return null;
    const words = m.text.toLowerCase().split(' ');
    const head = words[words.length - 1]!;
    if (!this.lex.definite.has(words[0]!) || this.lex.orgs.has(head)) return null;
    if (!this.lex.roles.has(head) && !this.lex.ageSuffixes.some((x) => head.endsWith(x))) return null;
    return this.antecedent({ ...m, gender: null });
  }

  /**
   * The salient person before a pronoun: in the nearest sentences, a speaker first, then the subject.
   * Reads at most MAX_ANTECEDENT_MENTIONS mentions back, so each pronoun costs constant work.
   */
  private antecedent(p: Mention, depth = 0): Entity | null {
    const t = this.d.tokens;
    const s0 = t[p.start]!.sentence;
    const all = this.d.mentions;
    const at = this.d.mentionIndex.get(p.start) ?? firstMentionFrom(all, p.start);
    let k = at - 1;
    const floor = Math.max(0, at - MAX_ANTECEDENT_MENTIONS);
    for (let s = s0; s >= s0 - PRONOUN_LOOKBACK_SENTENCES && k >= floor; s--) {
      const inSentence: Mention[] = [];
      let same: Mention | undefined;
      for (; k >= floor && t[all[k]!.start]!.sentence >= s; k--) {
        const m = all[k]!;
        if (m.kind === 'name' && !m.possessive && !this.isObjectOrPlace(m)) inSentence.push(m);
        if (m.kind === 'pronoun' && m.gender === p.gender) same = m;
      }
      inSentence.reverse();
      // "She met Ann Lee. “…,” she said": an earlier sentence led by the same pronoun is about the same
      // person (its names are objects), so this pronoun stands for what that one stands for; when that
      // one stands for no-one ("She … in which Ada Frey said"), the sentence's names are read as usual.
      if (same && s < s0 && same.start < (inSentence[0]?.start ?? Infinity)) {
        const e = depth < MAX_PRONOUN_CHAIN ? this.antecedent(same, depth + 1) : null;
        if (e) return e;
      }
      if (inSentence.length === 0) continue;
      const ranked = [
        ...inSentence.filter((m) => this.speaksAt(m)),
        ...inSentence.filter((m) => this.sentenceSubject(m.start, m.end) === m),
        ...inSentence,
      ];
      for (const m of ranked) {
        const e = this.registry.resolve(m.text);
        if (e && agrees(e, p.gender) && (personLike(e, p.gender) || this.speaks(e))) return e;
      }
    }
    return null;
  }

  private speaking: Set<Entity | null> | undefined;
  /** True when the article has e speak somewhere ("Ruiz said"): a person, though named by one word only. */
  private speaks(e: Entity): boolean {
    if (!this.speaking) {
      this.speaking = new Set();
      for (const m of this.d.mentions)
        if (m.kind === 'name' && this.speaksAt(m)) this.speaking.add(this.registry.resolve(m.text));
    }
    return this.speaking.has(e);
  }

  /** "in Salem", "from Sumter, South Carolina", "told CNN": not who a later pronoun stands for. */
  private isObjectOrPlace(m: Mention): boolean {
    const t = this.d.tokens;
    // "for Vermont Sen. Bernie Sanders": the title words before the name do not hide the preposition.
    let b = m.start - 1;
    while (t[b]?.kind === 'word' && isCap(t[b]!.text) && !this.lex.prepositions.has(t[b]!.lower)) b--;
    const before = t[b];
    if (
      before?.kind === 'word' &&
      (this.lex.prepositions.has(before.lower) ||
        before.lower === 'the' ||
        (this.verbAt(m.start - 1) > 0 && !this.speaksAt(m)))
    )
      return true;
    return isComma(before) && this.d.mentionEndingAt.has(m.start - 2) && !this.speaksAt(m);
  }

  /** True when a speech verb follows the mention ("Ruiz said") or precedes it ("said Ruiz"). */
  private speaksAt(m: Mention): boolean {
    if (this.verbAt(this.skipBetween(m.end, 1)) > 0) return true;
    const t = this.d.tokens;
    const v = m.start - 1;
    if (this.verbAt(v) === 1 && (isComma(t[v - 1]) || t[v - 1]?.kind === 'quote') && !isCap(t[m.end]?.text ?? 'a'))
      return true;
    return false;
  }
}

/** "The National Rifle Association", "the Washington Post": a capitalised organisation's name, not a role. */
function orgName(text: string, lex: Lex): string | null {
  const words = text.split(' ').filter((w) => !lex.determiners.has(w.toLowerCase()));
  const head = words[words.length - 1]; // none for "her", "this"
  return head && lex.orgs.has(head.toLowerCase()) && words.every(isCap) ? words.join(' ') : null;
}

/** Index of the first mention starting at or after token i (binary search; mentions are in order). */
function firstMentionFrom(mentions: Mention[], i: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function agrees(e: Entity, g: Gender): boolean {
  if (g === null) return e.type === 'person' && e.full; // a description: any person named in full
  if (g === 'neuter' || g === 'plural') return e.type === 'org';
  if (e.type !== 'person') return false;
  return e.gender === null || e.gender === g;
}

/** "he"/"she" stand for a person the article names in full, with a title or whose gender is known, not "Iran". */
function personLike(e: Entity, g: Gender): boolean {
  return (g !== 'male' && g !== 'female') || e.full || e.gender !== null || e.role !== null;
}

/**
 * A phrase of at most SCARE_QUOTE_WORDS words: with no cue of its own it is more often a scare quote,
 * a title or a nickname than someone's words (measured on PolNeAR train), so no neighbour lends it a speaker.
 */
function isScareQuote(span: QuoteSpan): boolean {
  return span.continues === undefined && span.text.trim().split(/\s+/).length <= SCARE_QUOTE_WORDS;
}

/** Words a quoted title may have (2 to TITLE_MAX_WORDS); longer quotes are speech. */
export const TITLE_MAX_WORDS = 8;
/** Words on each side of a quote read to tell running prose from a Title Case headline. */
export const TITLE_CONTEXT_WORDS = 10;
/** Share of those words written in lower case for the quote to sit in running prose. */
export const PROSE_LOWER_SHARE = 0.5;

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu;

/**
 * A quoted span in Title Case inside running prose is a title or a name, not a quotation ("watched
 * “The Night Shift” on Friday", "the party’s “Better Future Plan”"): short, no sentence punctuation inside,
 * every word of four letters or more capitalised, in a block whose words around it are mostly lower case.
 * Where grammar capitalises every noun (German), capitals prove nothing by themselves: one word after the
 * first must be capitalised against the page's own usage (a word the page writes in lower case, or a
 * function word of the language), so „Die Zeitung“ stays a quotation and „Der Blaue Reiter“ is a title.
 * (In headlines PolNeAR annotates Title Case quotes with speakers, and so do readers: headlines are left alone.)
 */
export function isTitleInProse(
  span: QuoteSpan,
  block: BlockText,
  lex: Lex,
  lowerWords: ReadonlySet<string>,
  lang: Lang,
): boolean {
  if (block.isHeading || span.continues !== undefined) return false;
  const inner = span.text.trim().replace(/[,.]$/, '');
  if (/[.!?;:,…]/.test(inner)) return false;
  const words = inner.match(WORD_RE) ?? [];
  if (words.length < 2 || words.length > TITLE_MAX_WORDS || !isCap(words[0]!)) return false;
  if (!words.every((w) => w.length < 4 || isCap(w) || /^\p{N}/u.test(w))) return false;
  if (lex.capitalisedNouns) {
    const against = words.slice(1).some((w) => isCap(w) && (lowerWords.has(w.toLowerCase()) || isCommonWord(w, lang)));
    if (!against) return false;
  }
  const before = (block.text.slice(0, Math.max(0, span.start - 1)).match(WORD_RE) ?? []).slice(-TITLE_CONTEXT_WORDS);
  const after = (block.text.slice(span.end + 1).match(WORD_RE) ?? []).slice(0, TITLE_CONTEXT_WORDS);
  const around = [...before, ...after].filter((w) => /^\p{L}/u.test(w));
  if (around.length < 3) return false;
  return around.filter((w) => !isCap(w)).length / around.length >= PROSE_LOWER_SHARE;
}

/** Words a quoted name may have ("der Sender „Kanal Neun“"); longer quotes are read as speech. */
export const QUOTED_NAME_WORDS = 4;

/**
 * A short capitalised quotation right after a word that makes it a name (lexicon `quotedNameAfter`: „des
 * „Hafenblatts“", „von „Kanal Neun“"), or, where every noun is capitalised, after a noun that it names ("der
 * Sender „Kanal Neun“", "das Schiff „Möwe II“"): the name of an outlet, a ship or a product, nobody's words.
 * Not after an indefinite article or "als" ("nannte den Plan einen „Fehler“": someone's word for it).
 */
export function isQuotedName(span: QuoteSpan, block: BlockText, lex: Lex): boolean {
  if (block.isHeading || !isNameShaped(span)) return false;
  const open = block.text.lastIndexOf(span.open, span.start);
  const before = /(\S+)\s*$/.exec(block.text.slice(0, Math.max(0, open)));
  const w = before?.[1] ?? '';
  if (!/^\p{L}+$/u.test(w)) return false; // a sentence end, a comma or a quote mark before it: speech
  if (lex.quotedNameAfter.has(w)) return true;
  return lex.capitalisedNouns && isCap(w) && !lex.nounMarkers.has(w.toLowerCase());
}

function ruleFor(m: Mention): AttributionRule {
  return m.kind === 'pronoun' ? 'cue-pronoun' : m.kind === 'role' ? 'cue-role' : 'cue-name';
}

const phrase = (t: Token[], i: number, n: number): string =>
  t
    .slice(i, i + n)
    .map((x) => x.text)
    .join(' ');

/** Cue shapes of a closing sentence that may introduce the next paragraph's quote (explicit verb cues only). */
const INTRO_STEPS = new Set(['left:X-said', 'left:said-X', 'left:X-…-saying']);

/**
 * A description that never found its person and names no one: a determiner and lower-case words only
 * ("the source", "a spokesperson", "the man"). Such a card tells the reader nothing (issue 12), so the quote goes
 * to Unattributed. German writes every noun capitalised, so "der Sprecher" is not caught by this test.
 */
export const isGenericPhrase = (f: Pick<AttributionFacts, 'speakerType' | 'speaker'>): boolean =>
  f.speakerType === 'descriptive' && !/\p{Lu}/u.test(f.speaker.split(' ').slice(1).join(' '));

const NONE: Attribution = { speaker: null, mention: null, cue: null, rule: 'none', step: 'none' };
/** A title or a name in quote marks (isTitleInProse): nobody's words, no neighbour's speaker. */
const TITLE: Attribution = { ...NONE, step: 'quote:title' };

export function attributeSpeakers(
  blocks: BlockText[],
  spans: QuoteSpan[],
  declaredLang: Lang,
  options: AttributeOptions = {},
): AttributionResult {
  const { lang, foreign } = pageLanguage(blocks, declaredLang);
  const lex = lexFor(lang);
  const d = buildDoc(blocks, spans, lex);
  const headings: Set<number> = new Set(blocks.filter((b) => b.isHeading).map((b) => b.index));
  const registry = new Registry(lex);
  for (const m of d.mentions) {
    const name = m.kind === 'name' ? m.text : orgName(m.text, lex);
    if (!name || headings.has(d.tokens[m.start]!.block)) continue;
    if (m.outlet) registry.addOrg(name);
    else registry.addFull(name);
  }
  // "Tom Reyes, a spokesman for the port authority, said": the apposition is the person's role
  // (so the role phrases inside it are that role, not aliases of their own).
  const inApposition = new Set<number>();
  for (const m of d.mentions) {
    if (m.kind !== 'name' || m.possessive || headings.has(d.tokens[m.start]!.block)) continue;
    const apposition = appositiveRole(d.tokens, m.end, lex);
    if (!apposition) continue;
    registry.setRole(m.text, apposition.role);
    for (let k = m.end; k < apposition.end; k++) inApposition.add(k);
  }
  const sieve = new Sieve(d, lex, registry, lang);

  // "Cruz continued:" closing the previous paragraph introduces a quote that opens this one.
  const introduced = (q: number): Found | null => {
    const t = d.tokens;
    const first = d.blockStart.get(t[q]!.block)!;
    if (first !== q || first === 0 || headings.has(t[first - 1]!.block)) return null;
    const start = clauseStart(d, first - 1);
    if (t[first - 1]!.text === ':') {
      const f = sieve.leftIn(start, first, false);
      return f ? { ...f, step: `intro:${f.step}` } : null;
    }
    // "Lee was quick to add that talks go on. ¶ “…”": a closing sentence with no quote of its own
    // whose subject speaks (a speech or attitude verb) introduces the next paragraph's opening quote.
    if (headings.has(t[q]!.block) || t[first - 1]!.kind === 'quote' || d.prevQuote[first - 1]! >= start) return null;
    const f = sieve.leftIn(start, first, false);
    return f && INTRO_STEPS.has(f.step) && f.mention === sieve.sentenceSubject(start, first)
      ? { ...f, step: `intro-prev:${f.step}` }
      : null;
  };
  // In Title Case a heading's name run swallows the words after it: keep its longest prefix that
  // names a person of the body ("Ada Frey Slams Port Plan" → Ada Frey).
  const headingName = (m: Mention): Mention => {
    const words = m.text.split(' ');
    for (let k = words.length; k >= 1; k--) {
      const e = registry.find(words.slice(0, k).join(' '));
      if (e?.type === 'person' && e.full) return k === words.length ? m : { ...m, text: e.name };
    }
    return m;
  };
  // "Ruiz: Talks Were ‘A Success’" — a heading that opens with a name and a colon.
  const headline = (q: number): Found | null => {
    const t = d.tokens;
    if (!headings.has(t[q]!.block)) return null;
    const first = d.blockStart.get(t[q]!.block)!;
    const m = d.mentionAt.get(first);
    if (m?.kind !== 'name' || m.possessive || m.end >= q) return null;
    if (t[m.end]?.text === ':') return { mention: headingName(m), cue: ':', rule: 'colon', step: 'heading:X-colon' };
    // "Ada Frey Slams Port Plan: ‘…’": Title Case runs the verb into the name; a person the body
    // names opening the heading is its subject, and its quotes are theirs.
    const named = headingName(m);
    return named !== m ? { mention: named, cue: '', rule: 'cue-name', step: 'heading:X-verb' } : null;
  };
  const entityOf: (Entity | null)[] = spans.map(() => null);
  // An outlet named in quote marks ("schreibt die „Kurier“") is a name too, and may speak.
  const outletAt = (i: number): boolean => {
    const q = d.quoteToken[i]!;
    return q >= 0 && (d.mentionAt.get(q)?.outlet === true || d.mentionEndingAt.get(q)?.outlet === true);
  };
  const titles = spans.map(
    (span, i) =>
      isTitleInProse(span, blocks[span.block]!, lex, d.lowerWords, lang) ||
      isQuotedName(span, blocks[span.block]!, lex) ||
      outletAt(i),
  );
  // The sentence's subject ends right at the quote: with no speech cue the quote goes on with the name's own
  // noun phrase ("Those Acme “side hustle” ads were everywhere"), and the name did not say it.
  const inSubjectPhrase = (q: number, f: Found | null): boolean => f?.step === 'left:subject' && f.mention.end === q;
  // Quotes whose own cue has the writer for its subject: no neighbour's or subject's speaker either.
  const byWriter = new Set<number>();
  const attributions: Attribution[] = spans.map((span, i) => {
    const q = d.quoteToken[i]!;
    if (q < 0) return NONE;
    if (titles[i]) return TITLE;
    const quoteText = span.text.trimEnd();
    const rightFirst = /[,?!—–-]$/.test(quoteText) || d.tokens[q - 1]?.sentence !== d.tokens[q]!.sentence;
    const scare = isScareQuote(span);
    let found = rightFirst
      ? (sieve.right(q) ?? sieve.left(q, span.kind === 'partial'))
      : (sieve.left(q, span.kind === 'partial') ?? sieve.right(q));
    // "Lee “drew well” in the primary, said Ann Ruiz": the sentence's closing cue beats its subject.
    if (found?.step === 'left:subject') found = sieve.closingCue(q) ?? found;
    // A short Title Case phrase with no speech cue is a title or a name ("The Night Shift"), not a quotation.
    if (found?.step === 'left:subject' && scare && (/^\p{Lu}/u.test(span.text) || inSubjectPhrase(q, found)))
      found = null;
    if (!found) found = introduced(q) ?? headline(q);
    // "The vote signals “the end” for the EU, said Ann Ruiz": with no other cue, a named closing cue,
    // unless the quote ends its own sentence.
    if (!found && !/[.!?]$/.test(quoteText)) found = sieve.closingCue(q, true);
    if (found?.mention.kind === 'name' && headings.has(span.block))
      found = { ...found, mention: headingName(found.mention) };
    if (!found) return NONE;
    if (found.writer) {
      byWriter.add(i);
      return { ...NONE, mention: found.mention.text, cue: found.cue, step: `${found.step}:unresolved` };
    }
    const { entity, descriptive } = sieve.resolve(found.mention);
    // A common word capitalised by position or by German grammar ("Sometimes", "Damit") is nobody.
    const common =
      entity !== null &&
      found.mention.kind === 'name' &&
      (entityKind(entity.name, lang) === 'common' || (entity.type === 'person' && isNobody(entity.name, lang)));
    if ((!entity && !descriptive) || common)
      return { ...NONE, mention: found.mention.text, cue: found.cue, step: `${found.step}:unresolved` };
    entityOf[i] = entity;
    if (entity) entity.aliases.add(found.mention.text);
    return {
      speaker: entity ? entity.name : descriptive,
      mention: found.mention.text,
      cue: found.cue || null,
      rule: found.rule,
      step: found.step,
    };
  });

  // Continuation: split quotes, then quotes with no cue beside an attributed quote.
  const take = (i: number, from: number, step: StepTag) => {
    const a = attributions[from]!;
    attributions[i] = { speaker: a.speaker, mention: null, cue: null, rule: 'continuation', step };
    entityOf[i] = entityOf[from]!;
  };
  spans.forEach((span, i) => {
    if (attributions[i]!.speaker !== null) return;
    if (span.continues !== undefined && attributions[span.continues]!.speaker !== null)
      take(i, span.continues, 'continues');
  });
  // No cue and no quote before it in the paragraph: the subject of the sentence before the quote,
  // in this paragraph, or closing the previous one when this paragraph opens with the quote.
  const fromSubject = (i: number): boolean => {
    const t = d.tokens;
    const q = d.quoteToken[i]!;
    if (q <= 0) return false;
    const prevTok = t[q - 1]!;
    const sameBlock = prevTok.block === t[q]!.block;
    if (!sameBlock) return false; // measured: the previous paragraph's subject is right only 1 time in 4
    const start = clauseStart(d, q - 1);
    if (d.prevQuote[q]! >= start) return false;
    const m = sieve.sentenceSubject(start, q);
    if (!m) return false;
    const { entity } = sieve.resolve(m);
    if (!entity) return false;
    attributions[i] = {
      speaker: entity.name,
      mention: m.text,
      cue: null,
      rule: 'continuation',
      step: 'subject:same-block',
    };
    entityOf[i] = entity;
    return true;
  };
  const candidate = (f: Found | null, block: number): Candidate[] => {
    if (!f) return [];
    const mention = f.mention.kind === 'name' && headings.has(block) ? headingName(f.mention) : f.mention;
    const { entity, descriptive } = sieve.resolve(mention);
    const speaker = entity ? entity.name : descriptive;
    if (speaker === null) return [];
    const out: Candidate[] = [
      { a: { speaker, mention: mention.text, cue: f.cue || null, rule: f.rule, step: f.step }, entity },
    ];
    // "the 56-year-old", "the Tottenham manager": also the person the description stands for.
    const described = entity ? null : sieve.describedPerson(mention);
    if (described)
      out.push({
        a: { speaker: described.name, mention: mention.text, cue: f.cue || null, rule: 'cue-role', step: f.step },
        entity: described,
      });
    return out;
  };
  const borrowed = (from: number, step: StepTag): Candidate | null => {
    const a = attributions[from];
    return a && a.speaker !== null
      ? { a: { speaker: a.speaker, mention: null, cue: null, rule: 'continuation', step }, entity: entityOf[from]! }
      : null;
  };
  // Reported speech: a quote in a sentence whose verb is in the mood of report (lexicon `reportedMood`,
  // German Konjunktiv I: "Eine „offene Frage“ sei der Grund") and has no cue of its own goes on with the
  // speaker of the sentence before it — a quote's speaker there, or the subject of its speech verb — read
  // back over at most REPORTED_SENTENCES sentences that are themselves in reported speech.
  const hasMood = (a: number, b: number): boolean => {
    for (let k = a; k < b; k++)
      if (d.tokens[k]!.kind === 'word' && lex.reportedMood.has(d.tokens[k]!.lower)) return true;
    return false;
  };
  const sentenceEnd = (q: number): number => {
    let k = q;
    while (d.tokens[k] && d.tokens[k]!.block === d.tokens[q]!.block && d.tokens[k]!.sentence === d.tokens[q]!.sentence)
      k++;
    return k;
  };
  const reported = (i: number): Candidate | null => {
    const q = d.quoteToken[i]!;
    if (q < 0 || lex.reportedMood.size === 0 || headings.has(spans[i]!.block)) return null;
    const own = d.sentStart[q]!;
    const ownEnd = sentenceEnd(q);
    if (!hasMood(own, ownEnd)) return null;
    for (let k = own; k < ownEnd; k++) if (d.tokens[k]!.kind === 'word' && sieve.verbAt(k) > 0) return null;
    let end = own;
    for (let n = 0; n < REPORTED_SENTENCES && end > 0; n++) {
      const last = end - 1;
      if (headings.has(d.tokens[last]!.block) || spans[i]!.block - d.tokens[last]!.block > CONTINUATION_BLOCKS) break;
      const start = d.sentStart[last]!;
      for (let k = end - 1; k >= start; k--) {
        const j = d.tokens[k]!.kind === 'quote' ? d.tokens[k]!.quote : -1;
        if (j >= 0 && attributions[j]!.speaker !== null) return borrowed(j, 'continuation:reported');
      }
      const f = sieve.leftIn(start, end, false);
      if (f && REPORTING_STEPS.has(f.step)) {
        const [c] = candidate({ ...f, rule: 'continuation', step: 'continuation:reported' }, spans[i]!.block);
        if (c) return c;
      }
      if (!hasMood(start, end)) break;
      end = start;
    }
    return null;
  };
  // A line break inside a block ends a paragraph too: spans x < y in one block and on one line.
  const oneLine = (x: number, y: number): boolean => {
    const a = spans[x];
    const z = spans[y];
    return a !== undefined && a.block === z?.block && !blocks[a.block]!.text.slice(a.end, z.start).includes('\n');
  };
  const takeReported = (i: number): boolean => {
    const r = reported(i);
    if (!r) return false;
    attributions[i] = r.a;
    entityOf[i] = r.entity;
    return true;
  };
  for (let i = 0; i < spans.length; i++) {
    // "Künast sagte, … . Es drohe „eine Erderwärmung“": in reported speech the subject of the sentence is
    // what is reported on, not who speaks; the speaker is the reporting sentence's.
    if (attributions[i]!.step === 'left:subject' && takeReported(i)) continue;
    if (attributions[i]!.speaker !== null || headings.has(spans[i]!.block) || titles[i] || byWriter.has(i)) continue;
    const b = spans[i]!.block;
    const prev = i > 0 && attributions[i - 1]!.speaker !== null && !headings.has(spans[i - 1]!.block) ? i - 1 : -1;
    const next = oneLine(i, i + 1) && attributions[i + 1]!.speaker !== null ? i + 1 : -1;
    if (prev >= 0 && oneLine(prev, i)) take(i, prev, 'continuation:same-block');
    // A short phrase in a sentence of reported speech is the reporter's words, not a scare quote
    // ("Lind versicherte, … . Eine „offene Frage“ sei nur das Geld").
    else if (isScareQuote(spans[i]!)) takeReported(i);
    else if (fromSubject(i)) continue;
    else if (takeReported(i)) continue;
    else if (next >= 0 && attributions[next]!.rule !== 'continuation') take(i, next, 'continuation:next-in-block');
    else if (prev >= 0 && b - spans[prev]!.block <= CONTINUATION_BLOCKS) take(i, prev, 'continuation:prev-block');
  }

  // Candidates: the sieve's answer first, then what every other step would name for the quote (cues on
  // either side, closing cues, the paragraph before, neighbouring quotes). The learned decision chooses.
  // The subject of the words before the quote in its paragraph ("Lind said the pier stays shut. “…”").
  const subjectBefore = (q: number): Found | null => {
    if (q <= 0 || d.tokens[q - 1]!.block !== d.tokens[q]!.block) return null;
    const m = sieve.sentenceSubject(clauseStart(d, q - 1), q);
    return m ? { mention: m, cue: '', rule: 'continuation', step: 'subject:same-block' } : null;
  };
  const candidates: Candidate[][] = spans.map((span, i) => {
    const own: Candidate | null =
      attributions[i]!.speaker !== null ? { a: attributions[i]!, entity: entityOf[i] ?? null } : null;
    const q = d.quoteToken[i]!;
    if (titles[i]) return [];
    if (q < 0 || (options.model === null && !options.keepFacts)) return own ? [own] : [];
    const partial = span.kind === 'partial';
    // A cue of its own that names nobody ("“…,” Sometimes said") lends the quote no neighbour's speaker.
    const unresolved = attributions[i]!.step?.endsWith(':unresolved') ?? false;
    const prev = i > 0 && !headings.has(spans[i - 1]!.block) && !unresolved ? i - 1 : -1;
    // A short quote in the noun phrase of the sentence's subject, with no speech cue, lends it no candidate.
    const left = sieve.left(q, partial);
    if (left?.writer) return [];
    const term = isScareQuote(span) && inSubjectPhrase(q, left);
    const raw: (Candidate | null)[] = [
      own,
      ...candidate(sieve.right(q), span.block),
      ...candidate(term ? null : left, span.block),
      ...candidate(sieve.closingCue(q), span.block),
      ...candidate(sieve.closingCue(q, true), span.block),
      ...candidate(introduced(q), span.block),
      ...candidate(headline(q), span.block),
      ...candidate(term ? null : subjectBefore(q), span.block),
      span.continues !== undefined ? borrowed(span.continues, 'continues') : null,
      prev >= 0 && oneLine(prev, i) ? borrowed(prev, 'continuation:same-block') : null,
      prev >= 0 && !oneLine(prev, i) && span.block - spans[prev]!.block <= CONTINUATION_BLOCKS
        ? borrowed(prev, 'continuation:prev-block')
        : null,
      oneLine(i, i + 1) && !unresolved ? borrowed(i + 1, 'continuation:next-in-block') : null,
      unresolved ? null : reported(i),
    ];
    const out: Candidate[] = [];
    for (const c of raw) {
      if (!c) continue;
      const same = out.find((o) => o.a.speaker === c.a.speaker);
      if (same) same.votes = (same.votes ?? 1) + 1;
      else out.push({ ...c, votes: 1 });
    }
    return out;
  });

  // The learned decision: each candidate's facts → a confidence; the most confident one speaks, and
  // below the threshold the quote goes to Unattributed.
  const shared = options.model === undefined ? MODEL : options.model;
  const model = shared && modelFor(shared, lang);
  const support = cardSupport(attributions);
  const facts: (AttributionFacts[] | null)[] = candidates.map((list, i) =>
    list.length === 0
      ? null
      : list.map((c, k) => ({
          ...factsFor(c.a, c.entity, spans[i]!, blocks, d.lowerWords, support, lang, foreign),
          sieveChoice: k === 0 && attributions[i]!.speaker !== null,
          votes: c.votes ?? 1,
          candidates: list.length,
        })),
  );
  facts.forEach((list, i) => {
    if (!list) return;
    let best = -1;
    let bestC = -1;
    list.forEach((f, k) => {
      if (model === null && !f.sieveChoice) return; // no model: the sieve's own answer or none
      const kind = f.speakerType === 'descriptive' ? 'unknown' : entityKind(f.speaker, lang);
      // A common word is nobody, whichever step reached it; in a language without word lists, only a
      // known person named by an unambiguous cue speaks.
      const nobody =
        kind === 'common' || (f.speakerType === 'person' && isNobody(f.speaker, lang)) || isGenericPhrase(f);
      if (nobody || (foreign && (!UNAMBIGUOUS_STEPS.has(baseStep(f.step)) || kind !== 'person'))) return;
      const c = model ? confidence(featureVector(f), model) : 1;
      if (c > bestC) {
        best = k;
        bestC = c;
      }
    });
    const own = attributions[i]!;
    if (best < 0 || (model !== null && bestC < model.threshold)) {
      if (own.speaker === null) return;
      attributions[i] = withheld(own, Math.max(bestC, 0));
      entityOf[i] = null;
    } else {
      const c = candidates[i]![best]!;
      attributions[i] = { ...c.a, confidence: bestC };
      entityOf[i] = c.entity;
    }
  });

  if (model !== null) withholdUnsureCards(attributions, entityOf, lang, lex.cardMinConfidence);

  // Role phrases the article uses for a speaker elsewhere ("The NATO chief revealed …") are aliases too.
  let roles = 0;
  for (const m of d.mentions) {
    if (m.kind !== 'role' || inApposition.has(m.start) || ++roles > MAX_ROLE_ALIAS_MENTIONS) continue;
    registry.byRole(m.text)?.aliases.add(m.text);
  }
  return {
    attributions,
    speakers: speakerList(spans, attributions, entityOf),
    lang,
    ...(options.keepFacts ? { facts: facts.map((l) => l?.[0] ?? null), candidates: facts.map((l) => l ?? []) } : {}),
  };
}

/**
 * One card a reader can trust: the quotes of a speaker the entity data does not know for a person (no known
 * first name) go to Unattributed when none of them reaches `min` (the lexicon's `cardMinConfidence`).
 */
function withholdUnsureCards(attributions: Attribution[], entityOf: (Entity | null)[], lang: Lang, min: number): void {
  if (min <= 0) return;
  const best = new Map<string, number>();
  for (const a of attributions)
    if (a.speaker !== null) best.set(a.speaker, Math.max(best.get(a.speaker) ?? 0, a.confidence ?? 1));
  attributions.forEach((a, i) => {
    if (a.speaker === null || best.get(a.speaker)! >= min) return;
    if (entityKind(a.speaker, lang) === 'person') return;
    attributions[i] = withheld(a, a.confidence);
    entityOf[i] = null;
  });
}

/** An attribution sent to Unattributed: its mention, cue and step kept (step `…:withheld`), with the confidence it had. */
function withheld(a: Attribution, confidence: number | undefined): Attribution {
  return { ...NONE, mention: a.mention, cue: a.cue, step: `${a.step}:withheld`, confidence };
}

/** Steps that name the speaker by a cue of the quote's own sentence (not by continuation). */
const isCued = (step: string): boolean => !/^(?:continu|subject:)/.test(step);

/** Quotes the sieve gave each speaker, and how many by a cue of their own sentence. */
function cardSupport(attributions: Attribution[]): Map<string, { all: number; cued: number }> {
  const quotesOf = new Map<string, { all: number; cued: number }>();
  for (const a of attributions) {
    if (a.speaker === null) continue;
    const c = quotesOf.get(a.speaker) ?? { all: 0, cued: 0 };
    c.all++;
    if (isCued(a.step ?? '')) c.cued++;
    quotesOf.set(a.speaker, c);
  }
  return quotesOf;
}

/** What the model is told about one candidate speaker of a quote. */
function factsFor(
  a: Attribution,
  e: Entity | null,
  span: QuoteSpan,
  blocks: BlockText[],
  lowerWords: ReadonlySet<string>,
  support: Map<string, { all: number; cued: number }>,
  lang: Lang,
  foreign: boolean,
): AttributionFacts {
  const card = support.get(a.speaker!) ?? { all: 0, cued: 0 };
  const mentionKind: AttributionFacts['mentionKind'] =
    a.mention === null
      ? null
      : a.rule === 'cue-pronoun'
        ? 'pronoun'
        : a.rule === 'cue-role' || a.rule === 'cue-descriptive'
          ? 'role'
          : 'name';
  return {
    step: a.step ?? a.rule,
    mentionKind,
    speakerType: e ? e.type : 'descriptive',
    speaker: a.speaker!,
    full: e?.full ?? false,
    hasRole: (e?.role ?? null) !== null,
    mentions: e?.mentions ?? 0,
    quoteText: span.text,
    partial: span.kind === 'partial',
    inHeading: blocks[span.block]?.isHeading ?? false,
    lang,
    foreign,
    speakerQuotes: card.all,
    speakerCued: card.cued,
    lowerWords,
    sieveChoice: true,
    votes: 1,
    candidates: 1,
  };
}

/** One alias per wording: "His doctor" opening a sentence is the "his doctor" met before. */
function addAlias(sp: Speaker, alias: string): void {
  const key = alias.toLowerCase();
  if (key !== sp.name.toLowerCase() && !sp.aliases.some((x) => x.toLowerCase() === key)) sp.aliases.push(alias);
}

function speakerList(spans: QuoteSpan[], attributions: Attribution[], entityOf: (Entity | null)[]): Speaker[] {
  const byName = new Map<string, Speaker>();
  attributions.forEach((a, i) => {
    if (a.speaker === null) return;
    const e = entityOf[i] ?? null;
    let sp = byName.get(a.speaker);
    if (!sp) {
      sp = {
        name: a.speaker,
        role: e?.role ?? null,
        aliases: [],
        quotes: 0,
        quoteIds: [],
        type: e ? e.type : 'descriptive',
      };
      byName.set(a.speaker, sp);
    }
    sp.quotes++;
    sp.quoteIds.push(`q${i}`);
    for (const alias of [...(a.mention ? [a.mention] : []), ...(e?.aliases ?? [])]) addAlias(sp, alias);
  });
  void spans;
  return [...byName.values()].sort((x, y) => y.quotes - x.quotes);
}
