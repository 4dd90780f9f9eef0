// Speaker colours: a stable palette readable on light and dark pages (background tints with
// enough contrast against both black and white text; an underline carries the colour too, so
// colour is never the only cue).
export const SPEAKER_COLOURS = [
  { bg: 'rgba(255, 196, 0, 0.38)', line: '#b8860b' },
  { bg: 'rgba(0, 170, 255, 0.30)', line: '#0077b6' },
  { bg: 'rgba(255, 90, 160, 0.30)', line: '#c2185b' },
  { bg: 'rgba(60, 200, 120, 0.32)', line: '#2e7d32' },
  { bg: 'rgba(170, 110, 255, 0.30)', line: '#6a1b9a' },
  { bg: 'rgba(255, 140, 60, 0.32)', line: '#d35400' },
  { bg: 'rgba(0, 200, 200, 0.30)', line: '#00838f' },
  { bg: 'rgba(150, 150, 150, 0.32)', line: '#546e7a' },
] as const;

export const UNATTRIBUTED = { bg: 'rgba(128, 128, 128, 0.16)', line: '#888888' } as const;

export function colourIndex(speakerRank: number): number {
  return speakerRank % SPEAKER_COLOURS.length;
}

/** How highlights are painted; the reader picks one in the options. */
export const PALETTES = ['standard', 'strong', 'underline'] as const;
export type Palette = (typeof PALETTES)[number];

/** Background tint of a speaker's colour for a palette ('underline' paints none). */
export function tintFor(palette: Palette, bg: string): string {
  if (palette === 'underline') return 'transparent';
  if (palette === 'strong') return bg.replace(/[\d.]+\)$/, '0.6)');
  return bg;
}

/** Underline thickness per palette: the colour cue that never depends on the tint. */
export function underlineFor(palette: Palette): string {
  return palette === 'standard' ? '2px' : '3px';
}
