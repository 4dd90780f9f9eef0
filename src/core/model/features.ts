// Features of one attribution the sieve made: which step fired, what kind of mention and entity it
// named, and what the quote looks like. The learned scorer (scorer.ts) turns them into a confidence.
// Pure: plain values in, a number array out, in the order of FEATURES.
import { type EntityKind, entityKind } from '../entities';
import { parseStep, STEPS, type Step } from '../speakers-steps';

/** Sieve steps with a weight of their own: every step of the sieve but `none`. */
export const STEP_FEATURES: readonly Step[] = STEPS.filter((s) => s.stage !== 'none').map((s) => s.name);

/** What the scorer is told about one attribution. */
export interface AttributionFacts {
  step: string;
  mentionKind: 'name' | 'pronoun' | 'role' | null;
  speakerType: 'person' | 'org' | 'descriptive';
  speaker: string;
  /** Entity facts, when the speaker is an entity of the article. */
  full: boolean;
  hasRole: boolean;
  mentions: number;
  quoteText: string;
  partial: boolean;
  inHeading: boolean;
  lang: string;
  /** The language is none we have word lists for: only unambiguous cues should name a speaker. */
  foreign: boolean;
  /** Quotes the sieve gave this speaker on the page, and how many of them by an explicit cue. */
  speakerQuotes: number;
  speakerCued: number;
  /** Words the page writes in lower case somewhere (a capitalised one is then capitalised by position). */
  lowerWords: ReadonlySet<string>;
  /** This candidate is the sieve's own answer (its first step that named anyone). */
  sieveChoice: boolean;
  /** Steps that name this candidate for the quote, and candidates the quote has. */
  votes: number;
  candidates: number;
}

const KINDS: EntityKind[] = ['person', 'place', 'common', 'unknown'];

export const FEATURES: string[] = [
  ...STEP_FEATURES.map((s) => `step:${s}`),
  'step:other',
  'step:closing',
  'step:intro',
  'mention:name',
  'mention:pronoun',
  'mention:role',
  'mention:none',
  'type:person',
  'type:org',
  'type:descriptive',
  ...KINDS.map((k) => `kind:${k}`),
  'name:full',
  'name:role',
  'name:log-mentions',
  'name:words',
  'name:first-word-lower-elsewhere',
  'name:all-caps',
  'quote:log-words',
  'quote:short',
  'quote:partial',
  'quote:starts-upper',
  'quote:ends-comma',
  'quote:ends-stop',
  'quote:heading',
  'lang:de',
  'lang:fr',
  'lang:foreign',
  'card:log-quotes',
  'card:cued',
  'card:uncued',
  'cand:sieve',
  'cand:votes',
  'cand:alone',
  'cand:log-candidates',
];

/** Quotes of this many words or fewer are short (titles, scare quotes). */
const SHORT_QUOTE_WORDS = 3;

/** The base step a composite step names ("closing:right:X-said" → "right:X-said"). */
export function baseStep(step: string): string {
  return parseStep(step)?.step ?? step;
}

export function featureVector(f: AttributionFacts): number[] {
  const base = baseStep(f.step);
  const known = (STEP_FEATURES as readonly string[]).includes(base);
  const words = f.speaker.split(' ').filter((w) => w !== '');
  const kind = f.speakerType === 'descriptive' ? 'unknown' : entityKind(f.speaker, f.lang);
  const qWords = f.quoteText.split(/\s+/).filter((w) => w !== '').length;
  const q = f.quoteText.trimEnd();
  const first = words[0] ?? '';
  const v: number[] = [
    ...STEP_FEATURES.map((s) => (s === base ? 1 : 0)),
    known ? 0 : 1,
    f.step.startsWith('closing:') ? 1 : 0,
    f.step.startsWith('intro') ? 1 : 0,
    f.mentionKind === 'name' ? 1 : 0,
    f.mentionKind === 'pronoun' ? 1 : 0,
    f.mentionKind === 'role' ? 1 : 0,
    f.mentionKind === null ? 1 : 0,
    f.speakerType === 'person' ? 1 : 0,
    f.speakerType === 'org' ? 1 : 0,
    f.speakerType === 'descriptive' ? 1 : 0,
    ...KINDS.map((k) => (k === kind ? 1 : 0)),
    f.full ? 1 : 0,
    f.hasRole ? 1 : 0,
    Math.log1p(f.mentions),
    Math.min(words.length, 4) / 4,
    f.speakerType !== 'descriptive' && f.lowerWords.has(first.toLowerCase()) ? 1 : 0,
    words.length === 1 && /^\p{Lu}{2,}$/u.test(first) ? 1 : 0,
    Math.log1p(qWords) / 4,
    qWords <= SHORT_QUOTE_WORDS ? 1 : 0,
    f.partial ? 1 : 0,
    /^\p{Lu}/u.test(q) ? 1 : 0,
    /,$/.test(q) ? 1 : 0,
    /[.!?]$/.test(q) ? 1 : 0,
    f.inHeading ? 1 : 0,
    f.lang === 'de' ? 1 : 0,
    f.lang === 'fr' ? 1 : 0,
    f.foreign ? 1 : 0,
    Math.log1p(f.speakerQuotes),
    f.speakerCued > 0 ? 1 : 0,
    f.speakerCued === 0 ? 1 : 0,
    f.sieveChoice ? 1 : 0,
    Math.log1p(f.votes - 1),
    f.candidates === 1 ? 1 : 0,
    Math.log1p(f.candidates - 1),
  ];
  return v;
}
