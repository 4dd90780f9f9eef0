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

/** For the popup, which loads this module only in focus mode. */
export { DEFAULT_COMFORT };

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
      <Choice
        label={t('comfortWidth')}
        name="width"
        value={comfort.width}
        options={COMFORT_WIDTHS}
        text={WIDTH_TEXT}
        onChange={(width) => set({ width })}
      />
      <Choice
        label={t('comfortSpacing')}
        name="spacing"
        value={comfort.spacing}
        options={COMFORT_SPACINGS}
        text={SPACING_TEXT}
        onChange={(spacing) => set({ spacing })}
      />
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

/** A labelled select over one of comfort's lists. */
function Choice<T extends string>({
  label,
  name,
  value,
  options,
  text,
  onChange,
}: {
  label: string;
  name: string;
  value: T;
  options: readonly T[];
  text: Record<T, MessageKey>;
  onChange: (value: T) => void;
}) {
  return (
    <label class="comfort-row">
      <span>{label}</span>
      <select data-comfort={name} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(text[o])}
          </option>
        ))}
      </select>
    </label>
  );
}
