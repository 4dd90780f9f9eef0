// Reader comfort in focus mode: text size, column width, line spacing and a colour theme, all as
// CSS over the page's own DOM (the article keeps its markup; nothing is moved or copied). The
// schema and the stylesheet are pure; the content script's comfort chunk (content/comfort.ts)
// marks the article's root and adds the sheet, and takes both away again. "page" everywhere means "the page's own".

import type { StorageAreaLike } from './storage';

export const COMFORT_WIDTHS = ['page', 'narrow', 'medium', 'wide'] as const;
export const COMFORT_SPACINGS = ['page', 'compact', 'relaxed', 'loose'] as const;
export const COMFORT_THEMES = ['page', 'light', 'sepia', 'dark'] as const;
export type ComfortWidth = (typeof COMFORT_WIDTHS)[number];
export type ComfortSpacing = (typeof COMFORT_SPACINGS)[number];
export type ComfortTheme = (typeof COMFORT_THEMES)[number];

export interface Comfort {
  /** Text size in percent of the page's own (MIN_SIZE..MAX_SIZE, steps of SIZE_STEP). */
  size: number;
  /** At most this many characters per line, or the page's own column. */
  width: ComfortWidth;
  /** Line spacing of the article's prose. */
  spacing: ComfortSpacing;
  theme: ComfortTheme;
}

export const DEFAULT_COMFORT: Readonly<Comfort> = Object.freeze({
  size: 100,
  width: 'page',
  spacing: 'page',
  theme: 'page',
});

export const MIN_SIZE = 80;
export const MAX_SIZE = 200;
export const SIZE_STEP = 10;

/** Characters per line: 45–75 is the span typographers give for comfortable reading. */
export const WIDTH_CH: Record<Exclude<ComfortWidth, 'page'>, number> = { narrow: 55, medium: 66, wide: 80 };
export const SPACING: Record<Exclude<ComfortSpacing, 'page'>, number> = { compact: 1.4, relaxed: 1.65, loose: 1.9 };

/** Colours per theme: text on background at a contrast of at least 7:1 (WCAG AAA), links distinct. */
export const THEME_COLOURS: Record<Exclude<ComfortTheme, 'page'>, { bg: string; fg: string; link: string }> = {
  light: { bg: '#ffffff', fg: '#1f1f1f', link: '#0b57d0' },
  sepia: { bg: '#f4ecd8', fg: '#3f3224', link: '#7a3e00' },
  dark: { bg: '#1b1b1f', fg: '#e6e4e0', link: '#9ec5ff' },
};

/**
 * Comfort has a storage.sync key of its own, beside the settings: the content script reads it raw
 * (null when the reader chose nothing) and only the chunk that applies it checks it, so a page that
 * is not read in focus mode pays nothing for it.
 */
export const COMFORT_KEY = 'comfort';

/** The attribute that marks the article's root while comfort applies (a DOM hook like data-quotelens-hidden). */
export const COMFORT_ROOT_ATTR = 'data-quotelens-comfort';
export const COMFORT_STYLE_ID = 'quotelens-comfort';

/** True when any choice differs from the page's own: only then is there anything to apply. */
export function comfortActive(c: Comfort | null | undefined): c is Comfort {
  return !!c && (c.size !== 100 || c.width !== 'page' || c.spacing !== 'page' || c.theme !== 'page');
}

/** The first entry of each list is 'page': what an unknown value falls back to. */
const pick = <T extends string>(list: readonly T[], v: unknown): T => (list.includes(v as T) ? (v as T) : list[0]!);

/** Turns a stored value into a valid Comfort, field by field; what was wrong goes to `problems`. */
export function validateComfort(raw: unknown, problems: string[]): Comfort {
  const r = (typeof raw === 'object' && raw ? raw : {}) as Record<string, unknown>;
  const c: Comfort = {
    size: typeof r.size === 'number' && Number.isFinite(r.size) ? clampSize(r.size) : 100,
    width: pick(COMFORT_WIDTHS, r.width),
    spacing: pick(COMFORT_SPACINGS, r.spacing),
    theme: pick(COMFORT_THEMES, r.theme),
  };
  const changed = (k: string) => r[k] !== undefined && r[k] !== c[k as keyof Comfort];
  if (raw !== undefined && (r !== raw || Array.isArray(raw) || Object.keys(c).some(changed))) {
    problems.push('comfort had values out of range or unknown; the page’s own is used for them');
  }
  return c;
}

/** The stored choices, checked. */
export async function loadComfort(area: StorageAreaLike): Promise<Comfort> {
  const raw = await area.get(COMFORT_KEY).then(
    (items) => items[COMFORT_KEY] ?? undefined,
    () => undefined,
  );
  return validateComfort(raw, []);
}

/** Stores checked choices: null when they are all the page's own, so pages skip the chunk. */
export async function storeComfort(area: StorageAreaLike, next: unknown): Promise<Comfort> {
  const problems: string[] = [];
  const comfort = validateComfort(next, problems);
  if (problems.length > 0) throw new Error(`bad arguments: ${problems.join('; ')}`);
  await area.set({ [COMFORT_KEY]: comfortActive(comfort) ? comfort : null });
  return comfort;
}

/** A size on the SIZE_STEP grid inside MIN_SIZE..MAX_SIZE. */
export function clampSize(size: number): number {
  return Math.min(MAX_SIZE, Math.max(MIN_SIZE, Math.round(size / SIZE_STEP) * SIZE_STEP));
}

/**
 * The stylesheet for `c`, scoped to the root marked with COMFORT_ROOT_ATTR. Text size scales the
 * root with `zoom` (headings, captions and inline sizes keep their proportions, and the column
 * still fits its container); width caps the root's measure and centres it; spacing sets the line
 * height of prose; a theme paints the page's background and every visible text in its colours
 * (in focus mode what is visible is the article). Our own hover card and in-page controls keep their colours.
 */
export function comfortCss(c: Comfort): string {
  const root = `[${COMFORT_ROOT_ATTR}]`;
  const rules: string[] = [];
  if (c.size !== 100) rules.push(`${root}{zoom:${clampSize(c.size) / 100}!important}`);
  if (c.width !== 'page') {
    rules.push(
      // The column and its ancestors give up their share of the page's grid, floats and fixed widths:
      // in focus mode what they held beside the article is hidden, so the column centres on the page.
      `body :has(${root}),${root}{float:none!important;width:auto!important;min-width:0!important;margin-left:auto!important;margin-right:auto!important;grid-column:1/-1!important;flex:1 1 100%!important}`,
      `body :has(${root}){max-width:none!important}`,
      `${root}{max-width:${WIDTH_CH[c.width]}ch!important;box-sizing:content-box!important}`,
    );
  }
  if (c.spacing !== 'page') {
    rules.push(`${root} :is(p,li,blockquote,dd,dt,figcaption,td){line-height:${SPACING[c.spacing]}!important}`);
  }
  if (c.theme !== 'page') {
    const { bg, fg, link } = THEME_COLOURS[c.theme];
    const scheme = c.theme === 'dark' ? 'dark' : 'light';
    rules.push(
      `html,body{background:${bg}!important;color:${fg}!important;color-scheme:${scheme}!important}`,
      // :where() keeps this rule's specificity at (0,0,1), so the link colours below win over it.
      `body :where(:not([data-quotelens-tip],[data-quotelens-ui],img,video,picture,canvas,iframe,svg,svg *)){background-color:transparent!important;color:inherit!important;border-color:color-mix(in srgb,currentColor 25%,transparent)!important;text-shadow:none!important}`,
      `body a,body a *{color:${link}!important}`,
    );
  }
  return rules.join('\n');
}
