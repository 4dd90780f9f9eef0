// Options page: defaults for each switch, comment hiding, the sites where Quotelens is off, the
// keyboard shortcuts and the way back to the first-run page.
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../shared/i18n';
import { PALETTES, type Palette } from '../shared/palette';
import { Shortcuts } from '../shared/Shortcuts';
import { Switch } from '../shared/Switch';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from '../shared/settings';
import type { ShortcutSource } from '../shared/shortcuts';

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<Settings>;
}

const PALETTE_LABELS = {
  standard: 'paletteStandard',
  strong: 'paletteStrong',
  underline: 'paletteUnderline',
} as const satisfies Record<Palette, MessageKey>;

const SWITCHES = [
  ['declutter', 'switchDeclutter'],
  ['highlight', 'switchHighlight'],
  ['focus', 'switchFocus'],
  ['hideComments', 'optionComments'],
] as const;

/** The first-run page, relative to this page (both are built under src/). */
export const FIRST_RUN_HREF = '../first-run/index.html';

export function Options({ store, shortcuts }: { store: SettingsStore; shortcuts?: ShortcutSource }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [status, setStatus] = useState('');
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');

  useEffect(() => {
    store.load().then(setSettings, () => setSettings(DEFAULT_SETTINGS));
  }, [store]);

  const save = (next: Settings) => {
    setSettings(next);
    store.save(next).then(
      (saved) => {
        setSettings(saved);
        setStatus(t('optionsSaved'));
      },
      (err: Error) => setStatus(t('errorState', err.message)),
    );
  };

  const addSite = (e: Event) => {
    e.preventDefault();
    const host = site
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    const { settings: checked } = validateSettings({ ...settings, disabledSites: [...settings.disabledSites, host] });
    if (!checked.disabledSites.includes(host)) {
      setSiteError(t('optionsInvalidSite'));
      return;
    }
    setSiteError('');
    setSite('');
    save(checked);
  };

  return (
    <main class="options-page">
      <h1>{t('optionsTitle')}</h1>
      <fieldset>
        <legend>{t('optionsDefaults')}</legend>
        {SWITCHES.map(([key, label]) => (
          <Switch key={key} label={t(label)} on={settings[key]} onChange={(on) => save({ ...settings, [key]: on })} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsColours')}</legend>
        {PALETTES.map((palette) => (
          <label class="radio" key={palette}>
            <input
              type="radio"
              name="palette"
              value={palette}
              checked={settings.palette === palette}
              onChange={() => save({ ...settings, palette })}
            />
            <span>{t(PALETTE_LABELS[palette])}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsSites')}</legend>
        {settings.disabledSites.length === 0 ? <p class="muted">{t('optionsNoSites')}</p> : null}
        <ul class="sites">
          {settings.disabledSites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                class="secondary"
                aria-label={t('optionsRemove', host)}
                onClick={() => save({ ...settings, disabledSites: settings.disabledSites.filter((h) => h !== host) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form class="add" onSubmit={addSite}>
          <input
            type="text"
            aria-label={t('optionsAddSite')}
            placeholder={t('optionsSitePlaceholder')}
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
            aria-invalid={siteError !== ''}
            aria-describedby="site-error"
          />
          <button type="submit" class="secondary">
            {t('optionsAddSite')}
          </button>
        </form>
        <p id="site-error" class="error" role="alert">
          {siteError}
        </p>
      </fieldset>
      <p>
        <a href="../library/index.html">{t('libTitle')}</a>
      </p>
      {shortcuts ? (
        <fieldset class="shortcuts-box">
          <legend>{t('shortcutsHeading')}</legend>
          <Shortcuts source={shortcuts} />
        </fieldset>
      ) : null}
      <p>
        <a href={FIRST_RUN_HREF} data-action="first-run">
          {t('openFirstRun')}
        </a>
      </p>
      <p class="muted">{t('optionsPrivacy')}</p>
      <p class="muted" role="status">
        {status}
      </p>
    </main>
  );
}
