// Plain data shared by the core modules and everything that reads a PageReport.
// Nothing here may reference browser extension APIs.
import type { PageKind } from './page-kind';

export const CLUTTER_KINDS = [
  'ad',
  'trending',
  'related',
  'social',
  'newsletter',
  'cookie',
  'comments',
  'promo',
  'other',
] as const;
export type ClutterKind = (typeof CLUTTER_KINDS)[number];

export type Mode = 'declutter' | 'focus';

export type Lang = 'en' | 'de' | 'fr';

/**
 * A paragraph-like run of text as plain, serialisable data: what quotes and speakers read. The
 * content script sends these to the background engine; the CLI and tests pass them directly.
 */
export interface BlockText {
  /** Index in document order among the blocks of the analysed root. */
  index: number;
  text: string;
  /** Tag name of the block element, lower case ("p", "h2", "blockquote", …). */
  tag: string;
  /** True for headings (h1–h6) and similar title-like blocks. */
  isHeading: boolean;
}

/** A BlockText with a map back to the DOM text nodes it came from (never leaves the page). */
export interface TextBlock extends BlockText {
  element: Element;
  /** Text nodes in order; `start` is the offset of the node's first character in `text`. */
  pieces: { node: Text; start: number }[];
}

/** Where a quotation sits: block index and offsets of its inner text (without marks). */
export interface QuoteSpan {
  block: number;
  start: number;
  end: number;
  /** Inner text, without the quote marks. */
  text: string;
  /** The opening mark as written ("“", "„", "«", …), or "" for a continuation paragraph. */
  open: string;
  close: string;
  /** 'direct' = a whole utterance; 'partial' = a phrase quoted inside the writer's sentence. */
  kind: 'direct' | 'partial';
  /** Index of the first span of the same multi-part quote, when this one continues it. */
  continues?: number;
}

/** How a speaker was found: the rule of the attribution sieve that fired. */
export type AttributionRule =
  | 'cue-name' // "X said" / "said X" in the quote's sentence
  | 'cue-pronoun' // "he said", resolved to the salient person
  | 'cue-role' // "the mayor said", resolved to the role holder
  | 'cue-org' // an organisation speaks
  | 'cue-descriptive' // an unnamed source ("a union spokesperson")
  | 'colon' // "X said:" / "X:" before the quote
  | 'according-to'
  | 'continuation' // no cue; continues the previous speaker's quotes
  | 'none';

export interface Quote {
  /** Stable within one report: "q0", "q1", … in page order. */
  id: string;
  text: string;
  /** Canonical speaker name, or null when no speaker could be found. */
  speaker: string | null;
  /** The words in the text that name the speaker here ("he", "the NATO chief", "Rutte"). */
  mention: string | null;
  /** The speech cue ("said", "according to", …) or null. */
  cue: string | null;
  rule: AttributionRule;
  /** The learned model's confidence in `speaker` (0–1); a withheld quote keeps it with speaker null. */
  confidence?: number;
  /**
   * A title or a name in quote marks, not a quotation (a Title Case phrase in running prose: “The Night Shift”):
   * nobody speaks it, so it is not highlighted and is listed on no card, not even Unattributed.
   */
  title?: true;
  kind: QuoteSpan['kind'];
  block: number;
  start: number;
  end: number;
}

export interface Speaker {
  name: string;
  role: string | null;
  aliases: string[];
  /** Number of quotes attributed to this speaker. */
  quotes: number;
  quoteIds: string[];
  /** 'person' | 'org' | 'descriptive' (an unnamed source). */
  type: 'person' | 'org' | 'descriptive';
}

/** A block the core hides, with the element itself (content script, CLI) and its reason. */
export interface ClutterBlock {
  element: Element;
  kind: ClutterKind;
  reason: string;
}

export interface HiddenBlock {
  kind: ClutterKind;
  /** Visible text of the block, whitespace-collapsed and capped. */
  text: string;
  /** Why it was hidden, e.g. "heading 'Trending' + link density 0.9". */
  reason: string;
}

export interface ArticleVerdict {
  isArticle: boolean;
  /** The signals that decided it, with their weights, for --explain. */
  reasons: string[];
  /** The detection model's log-odds that the page is an article (> 0: more likely than not). */
  score: number;
  /** What the page looks like: 'article', or the kind the strongest evidence against one points to. */
  kind: PageKind;
  /** The model's probability (0–1) that the page is an article. */
  confidence: number;
  title: string;
  site: string;
  lang: Lang;
}

export interface PageReport {
  version: 1;
  url: string;
  title: string;
  site: string;
  lang: Lang;
  isArticle: boolean;
  /** What the page looks like ('article', or why it is not one: 'product', 'forum', …). */
  pageKind?: PageKind;
  mode: Mode;
  articleReasons: string[];
  quotes: Quote[];
  speakers: Speaker[];
  hidden: HiddenBlock[];
  /** Milliseconds spent per stage (detect, declutter, quotes, speakers). */
  timings: Record<string, number>;
  /** Notes about caps that were hit or input that was odd; empty when none. */
  notes: string[];
  /** Whole minutes the article takes to read (core/reading-time.ts), once the engine answered. */
  readingMinutes?: number;
}
