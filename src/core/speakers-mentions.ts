// Words, sentences and mentions (names, pronouns, role phrases) of the text outside quotations.
// Quotations are single opaque tokens here, so a name inside a quotation is never a speaker.
import { entityTables, firstNameGender, isPlace } from './entities';
import type { Lexicon } from './lexicon';
import { FIRST_NAMES } from './lexicon';
import type { BlockText, QuoteSpan } from './types';

export interface Token {
  text: string;
  lower: string;
  kind: 'word' | 'punct' | 'quote';
  /** Index into the spans array for quote tokens. */
  quote: number;
  block: number;
  /** Global sentence number. */
  sentence: number;
}

export type Gender = 'male' | 'female' | 'plural' | 'neuter' | null;

export interface Entity {
  name: string;
  role: string | null;
  type: 'person' | 'org' | 'descriptive';
  gender: Gender;
  aliases: Set<string>;
  mentions: number;
  /** True when the article writes a full name for it (two words or more), or it is an organisation. */
  full: boolean;
}

export interface Mention {
  start: number;
  /** Exclusive token index. */
  end: number;
  kind: 'name' | 'pronoun' | 'role';
  text: string;
  /** The entity a name or role resolves to, when known without context. */
  entity: Entity | null;
  /** For pronouns: the agreement they require. */
  gender: Gender;
  possessive: boolean;
  /** A name written in quote marks beside a speech verb: an outlet that speaks ("schreibt die „Kurier“"). */
  outlet?: boolean;
}

/** An organisation named fewer times is not what "the company" stands for (measured on train). */
export const MIN_ORG_MENTIONS = 2;

/** Longest quote-free run of words we accept as an aside between a speaker and the verb. */
export const MAX_ASIDE_TOKENS = 25;

const WORD_RE = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
/** Opens with a capital letter. */
export const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const POSSESSIVE_RE = /[’']s?$/;
/** A word of two letters or more, a full stop, then a capitalised word ("Merkel.Als"); not "U.S." or "ver.di". */
const GLUED_STOP_RE = /^([\p{L}\p{N}]*\p{Ll}[\p{L}\p{N}]*)\.(?=\p{Lu}\p{Ll})/u;

/** Shortest head noun a German compound is read by ("Polizeisprecher" → sprecher, "Teamchef" → chef). */
export const MIN_COMPOUND_HEAD = 4;
/** Lower-case adjectives read between an article and its noun ("der neue stellvertretende Sprecher"). */
export const MAX_ADJECTIVES = 3;

/** A word set that, for languages that write compounds as one word, also holds every compound of its words. */
class HeadSet extends Set<string> {
  constructor(
    words: string[],
    private readonly compounds: boolean,
  ) {
    super(words);
  }
  override has(w: string): boolean {
    if (super.has(w)) return true;
    if (!this.compounds) return false;
    for (let k = w.length - MIN_COMPOUND_HEAD; k > 0; k--) if (super.has(w.slice(k))) return true;
    return false;
  }
}

const HAND_MALE: ReadonlySet<string> = new Set(FIRST_NAMES.male);
const HAND_FEMALE: ReadonlySet<string> = new Set(FIRST_NAMES.female);

/** First names of one gender: the hand list first, then the data, unless the hand list says the other. */
class GenderNames {
  constructor(
    private readonly mine: ReadonlySet<string>,
    private readonly other: ReadonlySet<string>,
    private readonly gender: 'male' | 'female',
  ) {}
  has(w: string): boolean {
    return this.mine.has(w) || (!this.other.has(w) && entityTables().firstNames.get(w) === this.gender);
  }
}

export class Lex {
  readonly verbs = new Map<string, string[][]>();
  /** Separable speech verbs: stem → the words that close their clause ("teilte" → ["mit"]). */
  readonly separable = new Map<string, string[]>();
  readonly according = new Map<string, string[][]>();
  readonly between: Set<string>;
  readonly pronoun = new Map<string, Gender>();
  readonly relatives: Set<string>;
  readonly determiners: Set<string>;
  readonly roles: Set<string>;
  readonly orgs: Set<string>;
  readonly titles: Set<string>;
  readonly honorifics: Map<string, 'male' | 'female'>;
  readonly nonNames: Set<string>;
  readonly particles: Set<string>;
  readonly prepositions: Set<string>;
  readonly genitives: Set<string>;
  readonly subordinators: Set<string>;
  readonly male: GenderNames;
  readonly female: GenderNames;
  readonly nounMarkers: Set<string>;
  readonly adjectiveEndings: string[];
  readonly objectDeterminers: Set<string>;
  readonly definite: Set<string>;
  readonly ageSuffixes: string[];
  readonly quotedNameAfter: Set<string>;
  readonly reportedMood: Set<string>;
  readonly cardMinConfidence: number;
  readonly addressee: Set<string>;
  readonly self: Set<string>;
  readonly agentPrepositions: Set<string>;
  readonly capitalisedNouns: boolean;
  readonly verbSecond: boolean;

  constructor(lex: Lexicon) {
    const index = (map: Map<string, string[][]>, phrases: string[]) => {
      for (const p of phrases) {
        const toks = p.toLowerCase().match(WORD_RE) ?? [];
        if (toks.length === 0) continue;
        const list = map.get(toks[0]!) ?? [];
        list.push(toks);
        list.sort((a, b) => b.length - a.length);
        map.set(toks[0]!, list);
      }
    };
    // "teilte … mit": a verb whose particle closes the clause ("Dazu teilte das Ministerium mit: …").
    for (const p of lex.speechVerbs) {
      const [stem, particle] = p.split(/\s*…\s*/);
      if (particle === undefined) continue;
      const list = this.separable.get(stem!) ?? [];
      list.push(particle.split(' ').pop()!); // the word that closes the clause ("zu bedenken" → bedenken)
      this.separable.set(stem!, list);
    }
    index(
      this.verbs,
      lex.speechVerbs.filter((p) => !p.includes('…')),
    );
    index(this.according, lex.accordingTo);
    this.between = new Set(lex.betweenWords);
    for (const g of ['male', 'female', 'plural', 'neuter'] as const)
      for (const p of lex.pronouns[g]) if (!this.pronoun.has(p)) this.pronoun.set(p, g);
    this.relatives = new Set(lex.relatives);
    this.determiners = new Set(lex.determiners);
    this.roles = new HeadSet(lex.roleNouns, lex.capitalisedNouns);
    this.orgs = new HeadSet(lex.orgWords, lex.capitalisedNouns);
    this.titles = new Set(lex.titles);
    this.honorifics = new Map(Object.entries(lex.honorifics));
    this.nonNames = new Set(lex.nonNames);
    this.particles = new Set(lex.nameParticles);
    this.prepositions = new Set(lex.prepositions);
    this.genitives = new Set(lex.genitives);
    this.subordinators = new Set(lex.subordinators);
    this.nounMarkers = new Set(lex.nounMarkers);
    this.adjectiveEndings = lex.adjectiveEndings;
    this.objectDeterminers = new Set(lex.objectDeterminers);
    this.definite = new Set(lex.definiteArticles);
    this.ageSuffixes = lex.ageSuffixes;
    this.quotedNameAfter = new Set(lex.quotedNameAfter);
    this.reportedMood = new Set(lex.reportedMood);
    this.cardMinConfidence = lex.cardMinConfidence;
    this.addressee = new Set(lex.addresseeVerbs);
    this.self = new Set(lex.selfPronouns);
    this.agentPrepositions = new Set(lex.agentPrepositions);
    this.capitalisedNouns = lex.capitalisedNouns;
    this.verbSecond = lex.verbSecond;
    // First names with a clear gender: the short hand list, then the first-name data (entities/).
    this.male = new GenderNames(HAND_MALE, HAND_FEMALE, 'male');
    this.female = new GenderNames(HAND_FEMALE, HAND_MALE, 'female');
  }

  /** A known first name, of either gender or both (the hand list or the first-name data). */
  isFirstName(word: string): boolean {
    const w = word.toLowerCase();
    return this.male.has(w) || this.female.has(w) || firstNameGender(w) !== null;
  }

  /** Length in tokens of the phrase from `map` starting at token i, or 0. */
  phraseAt(map: Map<string, string[][]>, tokens: Token[], i: number): number {
    const first = tokens[i];
    if (first?.kind !== 'word') return 0;
    for (const phrase of map.get(first.lower) ?? []) {
      let ok = true;
      for (let k = 1; k < phrase.length && ok; k++) ok = tokens[i + k]?.lower === phrase[k];
      if (ok) return phrase.length;
    }
    return 0;
  }
}

/** Splits a block's text into tokens, a quotation becoming one token; sentences are numbered globally. */
export function tokenize(
  block: BlockText,
  spans: QuoteSpan[],
  spanIds: number[],
  lex: Lex,
  sentence0: number,
): Token[] {
  const text = block.text;
  const tokens: Token[] = [];
  let sentence = sentence0;
  const push = (segment: string) => {
    for (const m of segment.matchAll(WORD_RE)) {
      let w = m[0];
      // "Merkel.Als": a full stop with no space after it between two words (a lost space, glued markup).
      const glued = GLUED_STOP_RE.exec(w);
      if (glued) {
        push(`${glued[1]}. ${w.slice(glued[1]!.length + 1)}`);
        continue;
      }
      let trailingDot = false;
      if (w.length > 1 && w.endsWith('.') && !isAbbreviation(w, lex)) {
        w = w.slice(0, -1);
        trailingDot = true;
      }
      const kind = /^[\p{L}\p{N}]/u.test(w) ? 'word' : 'punct';
      // A sentence ends at . ! ? followed by a capitalised word (checked when the next word arrives),
      // also at a quotation ending in a full stop ("… “arbitrary.” Ann Lee …"), and always at 。！？.
      const prev = tokens[tokens.length - 1];
      const cap = kind === 'word' && isCap(w);
      if (
        (prev?.kind === 'punct' && (CJK_STOP.test(prev.text) || (/^[.!?]$/.test(prev.text) && cap))) ||
        (prev?.kind === 'quote' && cap && /\.\s*$/.test(spans[prev.quote]!.text))
      )
        sentence++;
      tokens.push({ text: w, lower: w.toLowerCase(), kind, quote: -1, block: block.index, sentence });
      if (trailingDot) tokens.push({ text: '.', lower: '.', kind: 'punct', quote: -1, block: block.index, sentence });
    }
  };
  let at = 0;
  for (const id of spanIds) {
    const span = spans[id]!;
    const open = Math.max(at, markStart(text, span.start));
    const close = markEnd(text, span.end, span.close);
    push(text.slice(at, open));
    const prev = tokens[tokens.length - 1];
    // A quotation after a closed sentence, or after a quotation that ended one, opens a new sentence.
    if (
      prev &&
      ((prev.kind === 'punct' && /^[.!?。！？]$/.test(prev.text)) ||
        (prev.kind === 'quote' && endsSentence(spans[prev.quote]!.text)))
    )
      sentence++;
    tokens.push({ text: span.text, lower: '', kind: 'quote', quote: id, block: block.index, sentence });
    at = close;
  }
  push(text.slice(at));
  return tokens;
}

const endsSentence = (s: string): boolean => /[.!?…。！？]\s*$/.test(s);
/** Full stops of Chinese and Japanese: they end a sentence whatever follows. */
const CJK_STOP = /^[。！？]$/;

function markStart(text: string, start: number): number {
  let i = start - 1;
  while (i > 0 && /\s/.test(text[i]!)) i--;
  // A doubled mark (‘‘ or '') is one mark.
  if (i > 0 && text[i - 1] === text[i] && /['‘`]/.test(text[i]!)) i--;
  return Math.max(0, i);
}

function markEnd(text: string, end: number, close: string): number {
  if (close === '') return text.length;
  let i = end;
  while (i < text.length && !text.startsWith(close, i)) i++;
  return Math.min(text.length, i + close.length);
}

function isAbbreviation(w: string, lex: Lex): boolean {
  if (lex.titles.has(w) || lex.honorifics.has(w)) return true;
  if (/^\p{Lu}\.$/u.test(w)) return true; // initial: "H."
  return /\p{L}\.\p{L}/u.test(w); // U.S., D.C.
}

/** Finds names, pronouns and role phrases in a block's tokens. */
export function findMentions(
  tokens: Token[],
  lex: Lex,
  lowerWords: Set<string> = new Set(),
  pageSurnames: Set<string> | null = null,
  midCaps: Set<string> | null = null,
): Mention[] {
  const out: Mention[] = [];
  const surnames = lex.capitalisedNouns ? (pageSurnames ?? surnamesOf(tokens, lex)) : null;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind !== 'word') {
      i++;
      continue;
    }
    const pronoun = lex.pronoun.get(t.lower);
    if (pronoun !== undefined) {
      out.push({
        start: i,
        end: i + 1,
        kind: 'pronoun',
        text: t.text,
        entity: null,
        gender: pronoun,
        possessive: false,
      });
      i++;
      continue;
    }
    if (lex.determiners.has(t.lower) || (lex.roles.has(t.lower) && !isCap(t.text))) {
      const role = roleAt(tokens, i, lex);
      if (role) {
        out.push(role);
        i = role.end;
        continue;
      }
    }
    // German: a capitalised run after an article or preposition is a noun phrase; a name only from
    // its first known first name on ("der Linkspolitiker Wolfgang Nešković" → Wolfgang Nešković).
    // "Dieses Tor …", "Ihren Widersacher …": an article or preposition capitalised at a sentence start.
    if (lex.capitalisedNouns && isCap(t.text) && lex.nounMarkers.has(t.lower) && !lex.isFirstName(t.text)) {
      i++;
      continue;
    }
    const marker = lex.capitalisedNouns && isCap(t.text) && i > 0 ? nounMarkerBefore(tokens, i, lex) : -1;
    if (marker >= 0) {
      let j = i;
      while (tokens[j]?.kind === 'word' && isCap(tokens[j]!.text)) j++;
      let k = i;
      // A first name with a surname after it: a lone first name after an article is a noun ("der Halle").
      while (k < j && !(lex.isFirstName(tokens[k]!.text) && k + 1 < j)) k++;
      if (k === j) {
        // "Das staatliche Fernsehen berichtete", "berichtete das Fernsehen": a noun phrase beside a speech
        // verb is someone who speaks (a role phrase), whatever its noun.
        const before = tokens[marker - 1];
        const det =
          lex.determiners.has(tokens[marker]!.lower) &&
          !lex.objectDeterminers.has(tokens[marker]!.lower) &&
          !(before?.kind === 'word' && (lex.prepositions.has(before.lower) || isCap(before.text)));
        if (det && (lex.phraseAt(lex.verbs, tokens, j) > 0 || lex.verbs.has(tokens[marker - 1]?.lower ?? '')))
          out.push({
            start: marker,
            end: j,
            kind: 'role',
            text: tokens
              .slice(marker, j)
              .map((x) => x.text)
              .join(' '),
            entity: null,
            gender: null,
            possessive: false,
          });
        i = j;
        continue;
      }
      i = k;
    }
    if (isCap(tokens[i]!.text) || lex.honorifics.has(tokens[i]!.text)) {
      const name = nameAt(tokens, i, lex, lowerWords, midCaps);
      // … or a speech verb right beside it ("Karsai sagte", "so Schnappauf").
      const speaks =
        name !== null &&
        (lex.phraseAt(lex.verbs, tokens, name.end) > 0 || lex.verbs.has(tokens[name.start - 1]?.lower ?? ''));
      if (name && surnames && !speaks && !isNameLike(name.text, surnames, lex)) {
        i = name.end;
        continue;
      }
      if (name) {
        out.push(name);
        i = name.end;
        continue;
      }
    }
    i++;
  }
  return out;
}

/**
 * The article or preposition that governs the word at i, directly or across lower-case adjectives, or -1
 * ("der Halle", "zum eigenen Erfolgskriterium", "die bildungspolitische Sprecherin").
 */
function nounMarkerBefore(tokens: Token[], i: number, lex: Lex): number {
  let k = i - 1;
  for (let n = 0; n < MAX_ADJECTIVES && isAdjective(tokens[k], lex); n++) k--;
  return tokens[k]?.kind === 'word' && lex.nounMarkers.has(tokens[k]!.lower) ? k : -1;
}

const isAdjective = (t: Token | undefined, lex: Lex): boolean =>
  t?.kind === 'word' &&
  !isCap(t.text) &&
  !lex.verbs.has(t.lower) &&
  !lex.nounMarkers.has(t.lower) &&
  lex.adjectiveEndings.some((e) => t.lower.endsWith(e));

/**
 * Last words of the page's runs that open with a known first name ("Renate Künast" → künast); read over the
 * whole page, so a surname alone in a later paragraph ("…“, erinnerte sich Künast") still names her.
 */
export function surnamesOf(tokens: Token[], lex: Lex): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.kind !== 'word' || !lex.isFirstName(tokens[i]!.text) || !isCap(tokens[i]!.text)) continue;
    let j = i + 1;
    while (tokens[j]?.kind === 'word' && isCap(tokens[j]!.text) && tokens[j]!.block === tokens[i]!.block) j++;
    if (j > i + 1) out.add(tokens[j - 1]!.lower.replace(POSSESSIVE_RE, ''));
  }
  return out;
}

/**
 * Where every noun is capitalised, a capitalised run names someone only with evidence: a known first
 * name, the surname of a full name on the page, an acronym ("WWF") or an organisation's head word.
 */
function isNameLike(text: string, surnames: Set<string>, lex: Lex): boolean {
  const words = text.split(' ');
  if (words.some((w) => lex.isFirstName(w) || lex.honorifics.has(w) || lex.titles.has(w))) return true;
  // "Bundesinnenminister Schäuble": a title or role compound before the last word.
  if (words.slice(0, -1).some((w) => lex.roles.has(w.toLowerCase()))) return true;
  if (words.some((w) => surnames.has(w.toLowerCase().replace(POSSESSIVE_RE, '')))) return true;
  if (words.some((w) => /^\p{Lu}[\p{Lu}\d-]+$/u.test(w))) return true;
  return lex.orgs.has(words[words.length - 1]!.toLowerCase());
}

/** "the NATO chief", "a union spokesperson", "officials", "the company". */
function roleAt(tokens: Token[], i: number, lex: Lex): Mention | null {
  const hasDet = lex.determiners.has(tokens[i]!.lower);
  let j = hasDet ? i + 1 : i;
  let head = -1;
  for (let k = 0; k < 5 && j < tokens.length; k++, j++) {
    const t = tokens[j]!;
    if (t.kind !== 'word') break;
    if (lex.roles.has(t.lower) || lex.orgs.has(t.lower) || lex.ageSuffixes.some((x) => t.lower.endsWith(x))) {
      head = j;
      while (
        tokens[j + 1]?.kind === 'word' &&
        (lex.roles.has(tokens[j + 1]!.lower) || lex.orgs.has(tokens[j + 1]!.lower))
      )
        head = ++j;
      break;
    }
    if (lex.verbs.has(t.lower) && !isCap(t.text)) break;
  }
  if (head < 0) return null;
  if (!hasDet && !/s$/.test(tokens[head]!.lower)) return null; // bare singular nouns are not mentions
  const words = tokens.slice(i, head + 1).map((t) => t.text);
  return {
    start: i,
    end: head + 1,
    kind: 'role',
    text: words.join(' '),
    entity: null,
    gender: /s$/.test(tokens[head]!.lower) && !lex.orgs.has(tokens[head]!.lower) ? 'plural' : null,
    possessive: false,
  };
}

/** Longest apposition after a name that is read as its role ("…, a spokesman for the port authority,"). */
export const MAX_APPOSITION_TOKENS = 10;
/** What ends an apposition: a comma, or the end of its sentence or clause. */
const CLOSES_APPOSITION = /^[,.;:!?]$/;
/** The apposition's role noun comes within its first words ("deputy director for …", "a former aide to …"). */
export const APPOSITION_HEAD_WORDS = 4;

/**
 * The role a name's apposition gives, and the token its phrase ends before, for the tokens after
 * the name ending at `i`: a comma, then a phrase of lower-case words (a leading determiner dropped;
 * capitalised names may follow its first words: "for the Harbour Office") with a role noun among
 * its first words, closed by a comma or the sentence's end. "Tom Reyes, a spokesman for the port authority, said" → "spokesman for the port
 * authority"; "Ann Lee, Tom Reyes and …", "Paris, France", "Lee, who …" give none.
 */
export function appositiveRole(tokens: Token[], i: number, lex: Lex): { role: string; end: number } | null {
  const comma = tokens[i];
  if (comma?.kind !== 'punct' || comma.text !== ',') return null;
  let start = i + 1;
  // A leading determiner is dropped; anything else that is no word of the comma's sentence ends it empty.
  const first = tokens[start];
  if (first?.kind === 'word' && lex.determiners.has(first.lower) && !isCap(first.text)) start++;
  let end = start;
  let head = false;
  for (; end < tokens.length && end - start < MAX_APPOSITION_TOKENS; end++) {
    const t = tokens[end]!;
    if (t.kind !== 'word' || t.sentence !== comma.sentence) break;
    const early = end - start < APPOSITION_HEAD_WORDS;
    if (early && !head && isCap(t.text)) return null;
    const role = lex.roles.has(t.lower);
    if (lex.relatives.has(t.lower) || (lex.verbs.has(t.lower) && !role && !lex.prepositions.has(t.lower))) return null;
    if (early && role) head = true;
  }
  const after = tokens[end];
  const closed =
    after === undefined ||
    after.sentence !== comma.sentence ||
    (after.kind === 'punct' && CLOSES_APPOSITION.test(after.text));
  if (!head || !closed || end === start) return null;
  const role = tokens
    .slice(start, end)
    .map((t) => t.text)
    .join(' ');
  return { role, end };
}

/** "Bush-era", "Saudi-led", "EU-weit": a name glued to a lower-case word is an adjective, not a name. */
const HYPHEN_ADJECTIVE_RE = /^\p{Lu}[\p{L}.]*-\p{Ll}+$/u;

/** A run of capitalised words, with particles and initials: "NATO Secretary General Mark Rutte". */
function nameAt(
  tokens: Token[],
  i: number,
  lex: Lex,
  lowerWords: Set<string>,
  midCaps: Set<string> | null,
): Mention | null {
  const sentenceStart = i === 0 || tokens[i - 1]!.sentence !== tokens[i]!.sentence || tokens[i - 1]!.kind === 'quote';
  // "Maybe he …", "Ask yourself …": a sentence's one capitalised word that the article also writes in
  // lower case is a word, unless a speech verb follows it ("Young said") and the page also capitalises it
  // inside a sentence ("Andrew Young"): "Teachers chanted" with "teachers" elsewhere is a common noun.
  const w0 = tokens[i]!.lower;
  const lowerFirst = sentenceStart && lowerWords.has(w0) && !lex.male.has(w0) && !lex.female.has(w0);
  const verbNext = !isCap(tokens[i + 1]?.text ?? 'A') && lex.verbs.has(tokens[i + 1]!.lower);
  const named = verbNext && (midCaps?.has(w0) ?? true);
  let j = i;
  let of = -1;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.kind !== 'word') break;
    const inside = j > i;
    if (
      (isCap(t.text) && !(lex.nonNames.has(t.text) && !lex.titles.has(t.text)) && !HYPHEN_ADJECTIVE_RE.test(t.text)) ||
      lex.honorifics.has(t.text)
    ) {
      j++;
      if (POSSESSIVE_RE.test(t.text) && /[’']/.test(t.text)) {
        // "Ann Lee of NASA's space lab": the possessive belongs to what follows "of", not to the person.
        if (of > i && tokens.slice(i, of).some((w) => lex.isFirstName(w.text))) j = of;
        break;
      }
      continue;
    }
    if (inside && (lex.particles.has(t.lower) || t.lower === 'of') && isCap(tokens[j + 1]?.text ?? '')) {
      if (t.lower === 'of') of = j;
      j++;
      continue;
    }
    break;
  }
  if (!isCap(tokens[j - 1]?.text ?? 'A')) j--; // "Ann Lee of The Nation": "of" before a non-name word
  if (j === i) return null;
  // A sentence-initial "Losing", "Asked", "Clearly" is a word, not a name.
  if (j === i + 1 && sentenceStart && ((lowerFirst && !named) || (!verbNext && /(ing|ed|ly)$/.test(w0)))) return null;
  const words = tokens.slice(i, j).map((t) => t.text);
  // "Democratic presidential candidate …", "Former US …": titles and demonyms alone name nobody.
  if (words.every((w) => lex.titles.has(w) || lex.honorifics.has(w))) return null;
  const last = words[words.length - 1]!;
  const possessive = /[’']s?$/.test(last);
  if (possessive) words[words.length - 1] = last.replace(/[’']s?$/, '');
  return { start: i, end: j, kind: 'name', text: words.join(' '), entity: null, gender: null, possessive };
}

/** Splits "NATO Secretary General Mark Rutte" into role and name, and "Mr. Lee" into honorific and name. */
export function splitTitle(text: string, lex: Lex): { role: string | null; name: string; gender: Gender } {
  const words = text.split(' ');
  // "State Department", "Defense Ministry": an organisation's name ends in what it is; the words
  // before that head are its name, not a person's title.
  if (words.length > 1 && isOrgName(text, lex)) return { role: null, name: text, gender: null };
  let lastTitle = -1;
  let gender: Gender = null;
  for (let k = 0; k < words.length - 1; k++) {
    const w = words[k]!;
    const honor = lex.honorifics.get(w);
    if (honor) {
      gender = honor;
      lastTitle = k;
    } else if (lex.titles.has(w) || lex.roles.has(w.toLowerCase()) || (k === 0 && /^\p{Lu}{2,}$/u.test(w)))
      lastTitle = k;
  }
  // "ambassador to Britain Liu Xiaoming", "envoy to Ukraine Kurt Volker": a place glued before a name (the
  // end of a phrase the name run started inside) is neither the name nor the person's role.
  const place = leadingPlace(words, lastTitle + 1, lex);
  if (place > 0) {
    const rest = words.slice(lastTitle + 1 + place);
    const role =
      lastTitle >= 0
        ? splitTitle(
            words
              .slice(0, lastTitle + 1)
              .concat(rest)
              .join(' '),
            lex,
          ).role
        : null;
    const inner = splitTitle(rest.join(' '), lex);
    return { role: role ?? inner.role, name: inner.name, gender: gender ?? inner.gender };
  }
  // "Browns DL Sheldon Richardson": with no title, the words glued before a known
  // first name that has a surname after it are the role.
  if (lastTitle < 0 && words.length >= 3)
    for (let k = 1; k < words.length - 1; k++)
      if (lex.isFirstName(words[k]!)) {
        if (!words.slice(0, k).some((w) => lex.isFirstName(w) || lex.particles.has(w.toLowerCase()))) lastTitle = k - 1;
        break;
      }
  const roleWords = words.slice(0, lastTitle + 1).filter((w) => !lex.honorifics.has(w) && w !== 'of');
  const name = words.slice(lastTitle + 1).join(' ');
  const first = words[lastTitle + 1]?.toLowerCase() ?? '';
  if (gender === null) gender = lex.male.has(first) ? 'male' : lex.female.has(first) ? 'female' : null;
  // A determiner or possessive opening the phrase ("Sein Vorsitzender", "Her spokesman") is not the role.
  const roleTitle = words.slice(0, lastTitle + 1).filter((w) => !lex.honorifics.has(w));
  while (roleTitle.length > 1 && lex.determiners.has(roleTitle[0]!.toLowerCase())) roleTitle.shift();
  return {
    role: roleWords.length > 0 && lastTitle >= 0 ? roleTitle.join(' ') : null,
    name,
    gender,
  };
}

/**
 * Words at `from` that name a place and are followed by a person's name of two or more words (not an
 * organisation's: "China Central Television" stays whole); 0 when there is none.
 */
function leadingPlace(words: string[], from: number, lex: Lex): number {
  for (let n = Math.min(3, words.length - from - 2); n >= 1; n--) {
    const head = words.slice(from, from + n);
    const rest = words.slice(from + n);
    // "Georgia Ann Lee" is a woman's full name; "Britain Liu Xiaoming" a place and a man's.
    if (!isPlace(head.join(' ')) || (n === 1 && lex.isFirstName(head[0]!) && lex.isFirstName(rest[0]!))) continue;
    if (rest.some((w) => lex.orgs.has(w.toLowerCase()) || !/^\p{Lu}\p{Ll}/u.test(w))) return 0;
    return n;
  }
  return 0;
}

/**
 * "Minnesota Wild", "Derry Harbour Rovers": a place's name then words that are no first names is a team, a
 * paper or a firm, not a person ("Georgia Ann Lee" and "Jordan Reyes" hold a first name).
 */
function placeLed(name: string, lex: Lex): boolean {
  const words = name.split(' ');
  if (words.some((w) => lex.isFirstName(w))) return false;
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) if (isPlace(words.slice(0, n).join(' '))) return true;
  return false;
}

/** True when a name is an organisation rather than a person ("New York Post", "NATO"). */
export function isOrgName(name: string, lex: Lex): boolean {
  const words = name.split(' ');
  const last = words[words.length - 1]!.toLowerCase();
  return lex.orgs.has(last) || (words.length === 1 && /^\p{Lu}{2,}$/u.test(name));
}

/** One entity per person or organisation of the article; short names merge with full ones. */
export class Registry {
  readonly entities: Entity[] = [];
  private readonly byFull = new Map<string, Entity>();
  /** Entities by their last word (`l:`) and first word (`f:`), and their creation order. */
  private readonly byWord = new Map<string, Entity[]>();
  private readonly order = new Map<Entity, number>();
  /** Computed once full names are in (later entities have one mention, too few to win). */
  private mainOrgCache: Entity | null | undefined;

  /** What a new entity's name says it is: an organisation ("New York Post", "Minnesota Wild") or a person. */
  private typeOf(name: string): 'org' | 'person' {
    return isOrgName(name, this.lex) || placeLed(name, this.lex) ? 'org' : 'person';
  }

  private add(e: Entity): void {
    this.byFull.set(e.name.toLowerCase(), e);
    this.order.set(e, this.entities.length);
    this.entities.push(e);
    const ep = e.name.toLowerCase().split(' ');
    for (const key of [`l:${ep[ep.length - 1]}`, `f:${ep[0]}`]) {
      const list = this.byWord.get(key) ?? [];
      list.push(e);
      this.byWord.set(key, list);
    }
  }

  constructor(private readonly lex: Lex) {}

  /** First pass: every full name (two words or more) of the article. */
  addFull(mentionText: string): void {
    this.mainOrgCache = undefined;
    const { role, name, gender } = splitTitle(mentionText, this.lex);
    if (name.split(' ').length < 2 && !isOrgName(name, this.lex)) return;
    const key = name.toLowerCase();
    let e = this.byFull.get(key);
    if (!e) {
      e = {
        name,
        role: null,
        type: this.typeOf(name),
        gender,
        aliases: new Set(),
        mentions: 0,
        full: true,
      };
      this.add(e);
    }
    if (role && !e.role && e.type === 'person') e.role = role;
    e.gender ??= gender;
    e.mentions++;
  }

  /** An organisation the article names in quote marks (an outlet): one entity, full, whatever its length. */
  addOrg(name: string): void {
    this.mainOrgCache = undefined;
    let e = this.byFull.get(name.toLowerCase());
    if (!e) {
      e = { name, role: null, type: 'org', gender: null, aliases: new Set(), mentions: 0, full: true };
      this.add(e);
    }
    e.mentions++;
  }

  /** A person's role from an apposition after one of its names, unless a title already gave one. */
  setRole(mentionText: string, role: string): void {
    const e = this.resolve(mentionText);
    if (e && e.type === 'person' && !e.role) e.role = role;
  }

  /** The entity a name mention refers to, creating one for a name seen only in short form. */
  resolve(mentionText: string): Entity | null {
    const { role, name, gender } = splitTitle(mentionText, this.lex);
    if (name === '') return null;
    const key = name.toLowerCase();
    const full = this.byFull.get(key);
    if (full) return full;
    const parts = key.split(' ');
    const lastWord = parts[parts.length - 1]!;
    // Same last word, else (one word) a person's first name: looked up by word, so each call is O(1).
    const candidates = [...(this.byWord.get(`l:${lastWord}`) ?? [])];
    if (parts.length === 1 && candidates.length === 0)
      for (const e of this.byWord.get(`f:${lastWord}`) ?? []) if (e.type === 'person') candidates.push(e);
    let best: Entity | null = null;
    for (const e of candidates)
      if (
        !best ||
        e.mentions > best.mentions ||
        (e.mentions === best.mentions && this.order.get(e)! < this.order.get(best)!)
      )
        best = e;
    if (best) return best;
    const e: Entity = {
      name,
      role,
      type: this.typeOf(name),
      gender,
      aliases: new Set(),
      mentions: 1,
      full: false,
    };
    this.add(e);
    return e;
  }

  /** The entity a name stands for when the article already knows it (full name or last name), else null. */
  find(text: string): Entity | null {
    const key = text.toLowerCase();
    const full = this.byFull.get(key);
    if (full) return full;
    const parts = key.split(' ');
    return parts.length === 1 ? (this.byWord.get(`l:${key}`)?.[0] ?? null) : null;
  }

  /** "the company", "the alliance": the organisation the article names most. */
  mainOrg(): Entity | null {
    if (this.mainOrgCache !== undefined) return this.mainOrgCache;
    let best: Entity | null = null;
    for (const e of this.entities) if (e.type === 'org' && (!best || e.mentions > best.mentions)) best = e;
    this.mainOrgCache = best && best.mentions >= MIN_ORG_MENTIONS ? best : null;
    return this.mainOrgCache;
  }

  /** The person whose role shares the most words with a role phrase ("the NATO chief"). */
  byRole(phrase: string): Entity | null {
    const words = phrase
      .toLowerCase()
      .split(' ')
      .filter((w) => !this.lex.determiners.has(w));
    let best: Entity | null = null;
    let bestScore = 0;
    for (const e of this.entities) {
      if (!e.role) continue;
      const role = e.role.toLowerCase().split(' ');
      const score = words.filter((w) => role.includes(w)).length;
      if (score > bestScore || (score === bestScore && score > 0 && best && e.mentions > best.mentions)) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }
}
