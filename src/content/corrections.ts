// Hand corrections on the page: the site's stored "keep" and "hide" selectors applied to each read
// (core/selector.ts matchCorrections keeps the article safe), the "Show hidden" labels (each hidden
// block outlined, its kind, a "Keep visible" button), and the picker's result. Writes go to the
// background, which stores them only under the grant the popup gave this tab. The labels, the
// picker and the selector writer are a chunk of their own (correction-ui.ts), loaded when the
// reader first asks for them: every page pays only for applying the stored corrections.
import type { ClutterBlock } from '../core/clutter';
import { hiddenText, type PageRead } from '../core/read-page';
import type { ClutterKind } from '../core/types';
import { CORRECTION_TEXT_CHARS, CORRECTIONS_KEY } from '../shared/corrections';
import type { CorrectionRequest } from '../shared/messages';
import { coversHost } from '../shared/sites';
import type { StorageAreaLike } from '../shared/storage';
import type { CorrectionRules, CorrectionUi } from './correction-ui';
import { Once } from './once';
import { type Overlay, shortText } from './overlay';
import { PICKED_REASON } from './page';
import { PICKED_ATTR } from './style';

export { PICKED_ATTR };

/** What the corrector needs of the page controller. */
export interface CorrectablePage {
  readonly articleRoot: Element | null;
  /** Shows a hidden block again, for good on this page. */
  unhide(el: Element): void;
  /** Hides a block the reader picked. */
  hidePicked(el: Element): void;
}

export class Corrector {
  private keep: string[] = [];
  private hide: string[] = [];
  /** Blocks kept on this page (also those with no stable selector). */
  private readonly kept = new Set<Element>();
  private labels: Overlay | null = null;
  private picker: { stop(): void } | null = null;
  /** Counts renders: a label set whose chunk arrives late is drawn only for the latest one. */
  private generation = 0;
  /** The UI chunk, loaded once; the reads that need it come after load() or a reader's correction. */
  private readonly ui: Once<CorrectionUi>;
  /** The last wait for the UI chunk (tests and callers that must see its result). */
  private pending: Promise<unknown> = Promise.resolve();
  page: CorrectablePage | null = null;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly save: (request: CorrectionRequest) => Promise<unknown>,
    /** Loads the UI chunk: import() of the extension's own file in the browser, of the module in tests. */
    loadUi: () => Promise<CorrectionUi>,
  ) {
    this.ui = new Once(loadUi);
  }

  /** The UI chunk, loaded once; a failed load is tried again next time. */
  private withUi(use: (ui: CorrectionUi) => void): Promise<void> {
    const done = this.ui.get().then(use);
    this.pending = done.catch(() => undefined);
    return done;
  }

  /** Resolves once every UI action asked for so far has run. */
  settled(): Promise<unknown> {
    return this.pending;
  }

  /**
   * Reads the site's stored corrections (this host, and every domain it is under). Only a site
   * that has some loads the chunk that applies them, before the page is read.
   */
  async load(area: StorageAreaLike, host: string): Promise<void> {
    const raw: unknown = (await area.get(CORRECTIONS_KEY))[CORRECTIONS_KEY];
    this.kept.clear();
    this.keep = [];
    this.hide = [];
    const sites = (raw as { sites?: unknown } | null)?.sites;
    if (typeof sites !== 'object' || sites === null || !Object.keys(sites).some((s) => coversHost(s, host))) return;
    await this.withUi((ui) => {
      const rules = ui.storedRulesFor(raw, host);
      this.keep = rules.keep;
      this.hide = rules.hide;
    });
  }

  private get rules(): CorrectionRules {
    return { keep: this.keep, hide: this.hide, kept: this.kept, pickedReason: PICKED_REASON, hiddenText };
  }

  /** The read as the reader corrected it: kept blocks are not clutter, picked blocks are. */
  adjust(read: PageRead): PageRead {
    if (this.keep.length === 0 && this.hide.length === 0 && this.kept.size === 0) return read;
    // Rules or kept blocks exist only once the chunk is here (load, or the reader's own correction).
    return this.ui.value ? this.ui.value.adjustRead(this.doc, read, this.rules) : read;
  }

  /** Late clutter the observer found, without the blocks the reader keeps. */
  filter(found: ClutterBlock[]): ClutterBlock[] {
    if (this.keep.length === 0 && this.kept.size === 0) return found;
    return this.ui.value ? this.ui.value.withoutKept(this.doc, found, this.rules) : found;
  }

  isPicked(el: Element): boolean {
    return el.hasAttribute(PICKED_ATTR);
  }

  /** After each render: the labels are on while hidden blocks are shown ("Show hidden"), else off. */
  rendered(hidden: readonly Element[], reveal: boolean): void {
    this.labels?.remove();
    this.labels = null;
    const generation = ++this.generation;
    if (!reveal || hidden.length === 0) return;
    const blocks = [...hidden];
    void this.withUi((ui) => {
      if (generation !== this.generation) return;
      this.labels = ui.showLabels(this.doc, this.win, blocks, (el, kind) => this.keepBlock(el, kind));
    }).catch(() => undefined);
  }

  /** The reader keeps a hidden block: shown now, remembered for the site by its selector. */
  keepBlock(el: Element, kind: ClutterKind): Promise<void> {
    this.kept.add(el);
    el.removeAttribute(PICKED_ATTR);
    this.page?.unhide(el);
    return this.withUi((ui) => this.remember(el, kind, ui.stableSelector(el)));
  }

  private remember(el: Element, kind: ClutterKind, selector: string | null): void {
    if (!selector) return;
    this.hide = this.hide.filter((s) => s !== selector);
    this.keep.push(selector);
    void this.save({
      list: 'keep',
      correction: { selector, kind, text: shortText(el, CORRECTION_TEXT_CHARS), at: 0 },
    }).catch(() => undefined);
  }

  /** Starts the "hide a block" picker; a second call while it runs does nothing. */
  startPicker(): Promise<void> {
    if (this.picker) return Promise.resolve();
    // Taken at once, so a second call while the chunk loads starts nothing more.
    const starting = { stop: () => undefined };
    this.picker = starting;
    return this.withUi((ui) => {
      // clear(true) while the chunk loaded ended this picker before it began.
      if (this.picker !== starting) return;
      this.picker = ui.startPicker(this.doc, this.win, {
        articleRoot: () => this.page?.articleRoot ?? null,
        onPick: (el) => void this.hideBlock(el),
        onStop: () => {
          this.picker = null;
        },
      });
    }).finally(() => {
      if (this.picker === starting) this.picker = null;
    });
  }

  /** The reader hides a block: hidden now, remembered for the site by its selector. */
  hideBlock(el: Element): Promise<void> {
    this.kept.delete(el);
    el.setAttribute(PICKED_ATTR, '');
    this.page?.hidePicked(el);
    return this.withUi((ui) => this.forget(el, ui.stableSelector(el)));
  }

  private forget(el: Element, selector: string | null): void {
    if (!selector) return;
    this.keep = this.keep.filter((s) => s !== selector);
    this.hide.push(selector);
    void this.save({
      list: 'hide',
      correction: { selector, kind: 'other', text: shortText(el, CORRECTION_TEXT_CHARS), at: 0 },
    }).catch(() => undefined);
  }

  /** Removes our marks and labels (before a new read, or Quotelens off); `all` also ends the picker. */
  clear(all = false): void {
    this.labels?.remove();
    this.labels = null;
    if (all) {
      this.picker?.stop();
      this.picker = null;
    }
    for (const el of this.doc.querySelectorAll(`[${PICKED_ATTR}]`)) el.removeAttribute(PICKED_ATTR);
  }
}
