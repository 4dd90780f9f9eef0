// The reference page and what a reader expects on it, read from ../shared at test time.
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../shared-data';

export const SEED_PARTS = ['fixtures', 'seed'] as const;
export const ARTICLE_FILE = sharedPath(...SEED_PARTS, 'article.html');
export const EXPECTED_FILE = sharedPath(...SEED_PARTS, 'expected.json');

export interface ExpectedSpeaker {
  name: string;
  role: string;
  aliases: string[];
  min_quotes: number;
}

export interface ExpectedQuote {
  text: string;
  speaker: string;
  /** Other speakers that are also acceptable for this quote. */
  accept?: string[];
}

export interface Expected {
  is_article: boolean;
  speakers: ExpectedSpeaker[];
  quotes: ExpectedQuote[];
  headline_quotes: string[];
  not_speakers: string[];
  clutter: { kind: string; contains: string; count?: number }[];
  keep: string[];
}

export function readExpected(): Expected {
  return JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Expected;
}

/** A quotation as text to compare: no quote marks, collapsed spaces, no trailing punctuation. */
export function normaliseQuote(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[“"‘'«„]+|[”"’'»“]+$/g, '')
    .replace(/[\s,.;:]+$/, '')
    .trim();
}
