// Reader comfort controls (popup in focus mode, and the options page): text size, column width,
// line spacing and colours. Real buttons, selects and radios, so keyboard and screen readers work.
import {
  COMFORT_SPACINGS,
  COMFORT_THEMES,
  COMFORT_WIDTHS,
  type Comfort,
  type ComfortSpacing,
  type ComfortTheme,
  type ComfortWidth,
  clampSize,
  comfortActive,
  DEFAULT_COMFORT,
  MAX_SIZE,
  MIN_SIZE,
  SIZE_STEP,
  THEME_COLOURS,
} from './comfort';
import { type MessageKey, t } from './i18n';

const WIDTH_TEXT: Record<ComfortWidth, MessageKey> = {
  page: 'comfortPage',
  narrow: 'widthNarrow',
  medium: 'widthMedium',
  wide: 'widthWide',
};
const SPACING_TEXT: Record<ComfortSpacing, MessageKey> = {
  page: 'comfortPage',
  compact: 'spacingCompact',
  relaxed: 'spacingRelaxed',
  loose: 'spacingLoose',
};
const THEME_TEXT: Record<ComfortTheme, MessageKey> = {
  page: 'comfortPage',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
};

export function ComfortControls({
  comfort,
  onChange,
  idPrefix = 'comfort',
}: {
  comfort: Comfort;
  onChange: (next: Comfort) => void;
  idPrefix?: string;
}) {
  const set = (patch: Partial<Comfort>) => onChange({ ...comfort, ...patch });
  const step = (by: number) => set({ size: clampSize(comfort.size + by) });
  return (
    <div class="comfort" data-comfort>
      <div class="comfort-row">
        <span id={`${idPrefix}-size`}>{t('comfortSize')}</span>
        <span class="comfort-size">
          <button
            type="button"
            class="secondary"
            data-action="comfort-smaller"
            aria-label={`A− ${t('comfortSmaller')}`}
            title={t('comfortSmaller')}
            disabled={comfort.size <= MIN_SIZE}
            onClick={() => step(-SIZE_STEP)}
          >
            A−
          </button>
          <output aria-live="polite" aria-labelledby={`${idPrefix}-size`}>
            {comfort.size}%
          </output>
          <button
            type="button"
            class="secondary"
            data-action="comfort-larger"
            aria-label={`A+ ${t('comfortLarger')}`}
            title={t('comfortLarger')}
            disabled={comfort.size >= MAX_SIZE}
            onClick={() => step(SIZE_STEP)}
          >
            A+
          </button>
        </span>
      </div>
      <label class="comfort-row">
        <span>{t('comfortWidth')}</span>
        <select
          data-comfort="width"
          value={comfort.width}
          onChange={(e) => set({ width: e.currentTarget.value as ComfortWidth })}
        >
          {COMFORT_WIDTHS.map((w) => (
            <option key={w} value={w}>
              {t(WIDTH_TEXT[w])}
            </option>
          ))}
        </select>
      </label>
      <label class="comfort-row">
        <span>{t('comfortSpacing')}</span>
        <select
          data-comfort="spacing"
          value={comfort.spacing}
          onChange={(e) => set({ spacing: e.currentTarget.value as ComfortSpacing })}
        >
          {COMFORT_SPACINGS.map((s) => (
            <option key={s} value={s}>
              {t(SPACING_TEXT[s])}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="comfort-themes">
        <legend>{t('comfortTheme')}</legend>
        {COMFORT_THEMES.map((theme) => (
          <label key={theme} class="comfort-theme">
            <input
              type="radio"
              name={`${idPrefix}-theme`}
              value={theme}
              data-comfort-theme={theme}
              checked={comfort.theme === theme}
              onChange={() => set({ theme })}
            />
            <span
              class="swatch"
              aria-hidden="true"
              style={
                theme === 'page' ? undefined : { background: THEME_COLOURS[theme].bg, color: THEME_COLOURS[theme].fg }
              }
            >
              Aa
            </span>
            <span>{t(THEME_TEXT[theme])}</span>
          </label>
        ))}
      </fieldset>
      {comfortActive(comfort) ? (
        <button
          type="button"
          class="secondary"
          data-action="comfort-reset"
          onClick={() => onChange({ ...DEFAULT_COMFORT })}
        >
          {t('comfortReset')}
        </button>
      ) : null}
    </div>
  );
}
