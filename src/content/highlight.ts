// Quote highlights with the CSS Custom Highlight API: ranges are painted without touching the DOM
// (nothing for the site's scripts to trip over). Every browser the manifests accept has it
// (Chrome 105+, Firefox 140+). Where it is missing all the same, quotes are simply not highlighted:
// apply and flash do nothing and the page is left exactly as it was.
import { HIGHLIGHT_FLASH, HIGHLIGHT_NONE, HIGHLIGHT_PREFIX } from './style';

export interface QuoteRange {
  id: string;
  range: Range;
  /** Palette index, or null for an unattributed quote. */
  colour: number | null;
}

interface HighlightLike {
  add(range: Range): void;
  readonly size: number;
}

interface HighlightApi {
  registry: {
    set(name: string, value: HighlightLike): void;
    get(name: string): HighlightLike | undefined;
    delete(name: string): boolean;
  };
  Highlight: new (...ranges: Range[]) => HighlightLike;
}

function highlightApi(win: Window): HighlightApi | null {
  const w = win as unknown as {
    CSS?: { highlights?: HighlightApi['registry'] };
    Highlight?: HighlightApi['Highlight'];
  };
  if (w.CSS?.highlights && typeof w.Highlight === 'function')
    return { registry: w.CSS.highlights, Highlight: w.Highlight };
  return null;
}

export class Highlighter {
  /** What we registered, by name: the page may clear or replace the registry's entries. */
  private groups = new Map<string, HighlightLike>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly api: HighlightApi | null;

  constructor(win: Window) {
    this.api = highlightApi(win);
  }

  /** False where the browser lacks the Highlight API: then nothing is ever painted. */
  get usesHighlightApi(): boolean {
    return this.api !== null;
  }

  apply(quotes: QuoteRange[]): void {
    this.clear();
    this.add(quotes);
  }

  /** Adds quotes to what is painted (late quotes of a live page), one group per colour. */
  add(quotes: QuoteRange[]): void {
    const api = this.api;
    if (!api) return;
    for (const q of quotes) {
      const name = q.colour === null ? HIGHLIGHT_NONE : `${HIGHLIGHT_PREFIX}${q.colour}`;
      let group = this.groups.get(name);
      if (!group) {
        group = new api.Highlight();
        this.groups.set(name, group);
        api.registry.set(name, group);
      }
      group.add(q.range);
    }
  }

  /**
   * Registers again any group the page removed or replaced (CSS.highlights.clear(), delete, set):
   * what the popup reports is then what is painted. True when something had to be restored.
   */
  verify(): boolean {
    const api = this.api;
    if (!api) return false;
    let restored = false;
    for (const [name, group] of this.groups) {
      const now = api.registry.get(name);
      // Firefox hands the content script a wrapper of the registry's entry: compare sizes as well.
      if (now === group || (now !== undefined && now.size === group.size)) continue;
      api.registry.set(name, group);
      restored = true;
    }
    return restored;
  }

  /** Briefly marks one quote (after the popup scrolled to it). */
  flash(range: Range): void {
    const api = this.api;
    clearTimeout(this.flashTimer);
    if (!api) return;
    api.registry.set(HIGHLIGHT_FLASH, new api.Highlight(range));
    this.flashTimer = setTimeout(() => api.registry.delete(HIGHLIGHT_FLASH), 1600);
  }

  clear(): void {
    clearTimeout(this.flashTimer);
    if (this.api) {
      for (const name of this.groups.keys()) this.api.registry.delete(name);
      this.api.registry.delete(HIGHLIGHT_FLASH);
    }
    this.groups.clear();
  }

  /** Ranges painted right now (ours, as registered). */
  get painted(): number {
    let n = 0;
    for (const group of this.groups.values()) n += group.size;
    return n;
  }
}
