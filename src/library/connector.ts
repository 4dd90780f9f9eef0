// The library page reads and acts through one connector: the real one talks to the background
// (and opens articles in tabs); tests use a mock over a snapshot held in memory.
import type { LibraryChange, LibrarySnapshot, QuoteRow } from './types';

/** What following a quote back found: the quote flashed, the page without it, or no answer. */
export type OpenResult = 'found' | 'missing' | 'opened';

export interface LibraryConnector {
  load(): Promise<LibrarySnapshot>;
  change(change: LibraryChange): Promise<LibrarySnapshot>;
  /** Opens the quote's article in a new tab and asks it to scroll to and flash the quote. */
  openQuote(row: QuoteRow, href: string): Promise<OpenResult>;
  /** Saves text as a file the reader downloads. */
  download(fileName: string, mime: string, text: string): void;
}
