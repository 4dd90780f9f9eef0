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

interface HighlightApi {
  registry: { set(name: string, value: object): void; delete(name: string): boolean };
  Highlight: new (...ranges: Range[]) => object;
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
  private names = new Set<string>();
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
    const api = this.api;
    if (!api) return;
    const groups = new Map<string, Range[]>();
    for (const q of quotes) {
      const name = q.colour === null ? HIGHLIGHT_NONE : `${HIGHLIGHT_PREFIX}${q.colour}`;
      const list = groups.get(name) ?? [];
      list.push(q.range);
      groups.set(name, list);
    }
    for (const [name, ranges] of groups) {
      api.registry.set(name, new api.Highlight(...ranges));
      this.names.add(name);
    }
  }

  /** Briefly marks one quote (after the popup scrolled to it). */
  flash(range: Range): void {
    const api = this.api;
    clearTimeout(this.flashTimer);
    if (!api) return;
    api.registry.set(HIGHLIGHT_FLASH, new api.Highlight(range));
    this.names.add(HIGHLIGHT_FLASH);
    this.flashTimer = setTimeout(() => api.registry.delete(HIGHLIGHT_FLASH), 1600);
  }

  clear(): void {
    clearTimeout(this.flashTimer);
    if (this.api) for (const name of this.names) this.api.registry.delete(name);
    this.names.clear();
  }
}
