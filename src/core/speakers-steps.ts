// The sieve of speaker attribution as data: its named steps in the order they are tried. The report's
// `step`, `--explain`, the evaluation tables, the model's features, the docs and the tests all use these
// names (tests/unit/speakers-steps.test.ts fails when docs/attribution.md names a step that is not here).

export type StepStage = 'cue' | 'intro' | 'heading' | 'continuation' | 'none';

export interface StepInfo {
  name: string;
  stage: StepStage;
  /** The shape it reads, in our own words. */
  shape: string;
}

/** Every step, most certain first (the order the sieve tries them in for one quote). */
export const STEPS = [
  { name: 'right:X-said', stage: 'cue', shape: '“…,” Ann Lee said' },
  { name: 'right:said-X', stage: 'cue', shape: '“…,” said Ann Lee / said the captain, Ann Lee' },
  { name: 'right:X-…-said', stage: 'cue', shape: '“…” port union chief Ann Lee said' },
  { name: 'right:said-pronoun', stage: 'cue', shape: '“…,” a-t-elle ajouté (inverted pronoun)' },
  { name: 'right:dash-X', stage: 'cue', shape: '“…” — Ann Lee (signature line)' },
  { name: 'right:according-to', stage: 'cue', shape: '“…,” according to Ann Lee' },
  { name: 'left:X-said', stage: 'cue', shape: 'Ann Lee said (that) “…”' },
  { name: 'left:said-X', stage: 'cue', shape: 'said Ann Lee: “…”' },
  {
    name: 'left:verb-X',
    stage: 'cue',
    shape: 'Dazu sagte der Minister: „…“ (verb-second: the subject after the verb)',
  },
  { name: 'left:X-…-saying', stage: 'cue', shape: 'Ann Lee left, saying “…”' },
  { name: 'left:according-to', stage: 'cue', shape: 'according to Ann Lee, “…”' },
  { name: 'left:subject-said', stage: 'cue', shape: 'Ann Lee, who …, said “…”' },
  { name: 'left:reporter-that', stage: 'cue', shape: 'Ann Lee told reporters that “…”' },
  { name: 'left:X-colon', stage: 'cue', shape: 'Ann Lee: “…”' },
  { name: 'left:subject-colon', stage: 'cue', shape: 'Ann Lee had a warning: “…”' },
  { name: 'left:subject', stage: 'cue', shape: 'Ann Lee called the plan “a mess” (partial quote, sentence subject)' },
  { name: 'heading:X-colon', stage: 'heading', shape: 'Ann Lee: ‘…’ (headline)' },
  { name: 'heading:X-verb', stage: 'heading', shape: 'Ann Lee Slams Port Plan: ‘…’ (Title Case headline)' },
  { name: 'continues', stage: 'continuation', shape: 'the earlier part of a split or multi-paragraph quote' },
  { name: 'continuation:same-block', stage: 'continuation', shape: 'the previous quote of the same paragraph' },
  { name: 'subject:same-block', stage: 'continuation', shape: 'the subject of the sentence before the quote' },
  {
    name: 'continuation:reported',
    stage: 'continuation',
    shape: 'Lee sagte, … . Die Lage sei „ernst“ (reported speech in the subjunctive goes on)',
  },
  { name: 'continuation:next-in-block', stage: 'continuation', shape: 'the next quote of the paragraph' },
  { name: 'continuation:prev-block', stage: 'continuation', shape: 'the last quote of the previous paragraph' },
  {
    name: 'quote:title',
    stage: 'none',
    shape: 'watched “The Night Shift”, der Sender „Kanal Neun“ (a title or a name in quote marks: nobody speaks)',
  },
  { name: 'none', stage: 'none', shape: 'no step named anyone' },
] as const satisfies readonly StepInfo[];

export type Step = (typeof STEPS)[number]['name'];

/** How a step was reached: from a closing cue of the sentence, or from the paragraph before. */
export const STEP_PREFIXES = ['closing', 'intro', 'intro-prev'] as const;
/** What became of its answer: the mention named no-one, or the model withheld it. */
export const STEP_SUFFIXES = ['unresolved', 'withheld'] as const;
type Prefix = (typeof STEP_PREFIXES)[number];
type Suffix = (typeof STEP_SUFFIXES)[number];
/** A step as the sieve reports it: a Step, maybe with a prefix and a suffix (parseStep reads them). */
export type StepTag = Step | `${Prefix}:${string}` | `${string}:${Suffix}`;

const NAMES: ReadonlySet<string> = new Set(STEPS.map((s) => s.name));

/** The parts of a step tag ("closing:right:said-X:withheld"), or null when it names no step. */
export function parseStep(tag: string): { step: Step; prefix: Prefix | null; suffix: Suffix | null } | null {
  let rest = tag;
  let prefix: Prefix | null = null;
  let suffix: Suffix | null = null;
  for (const p of STEP_PREFIXES)
    if (rest.startsWith(`${p}:`) && NAMES.has(rest.slice(p.length + 1).replace(/:(unresolved|withheld)$/, ''))) {
      prefix = p;
      rest = rest.slice(p.length + 1);
    }
  for (const s of STEP_SUFFIXES)
    if (rest.endsWith(`:${s}`)) {
      suffix = s;
      rest = rest.slice(0, -s.length - 1);
    }
  return NAMES.has(rest) ? { step: rest as Step, prefix, suffix } : null;
}
