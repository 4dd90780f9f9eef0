// Options page: defaults for each switch, comment hiding, the sites where Quotelens is off, the
// keyboard shortcuts and the way back to the first-run page.
import { useEffect, useState } from 'preact/hooks';
import { ComfortControls } from '../shared/ComfortControls';
import { type Comfort, DEFAULT_COMFORT } from '../shared/comfort';
import { CORRECTION_TEXT_CHARS, type CorrectionList, type Corrections } from '../shared/corrections';
import { type MessageKey, t } from '../shared/i18n';
import { PALETTES, type Palette } from '../shared/palette';
import { Shortcuts } from '../shared/Shortcuts';
import { SiteList } from '../shared/SiteList';
import { Switch } from '../shared/Switch';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from '../shared/settings';
import type { ShortcutSource } from '../shared/shortcuts';
import { siteOf } from '../shared/sites';

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<Settings>;
}

/** Reader comfort in focus mode (its own storage.sync key: shared/comfort.ts). */
export interface ComfortStore {
  load(): Promise<Comfort>;
  save(comfort: Comfort): Promise<Comfort>;
}

/** The hand corrections made on pages (stored by the background in storage.local). */
export interface CorrectionsStore {
  load(): Promise<Corrections>;
  remove(site: string, list: CorrectionList, selector: string): Promise<Corrections>;
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

export function Options({
  store,
  shortcuts,
  corrections,
  comfort,
}: {
  store: SettingsStore;
  shortcuts?: ShortcutSource;
  corrections?: CorrectionsStore;
  comfort?: ComfortStore;
}) {
  const [status, setStatus] = useState('');
  const [settings, save] = useStored<Settings>(store, DEFAULT_SETTINGS, setStatus);

  const addSite = (typed: string): string => {
    // A site entry covers its subdomains, so "www." adds nothing.
    const host = siteOf(typed);
    const { settings: checked } = validateSettings({ ...settings, disabledSites: [...settings.disabledSites, host] });
    if (!checked.disabledSites.includes(host)) return t('optionsInvalidSite');
    save(checked);
    return '';
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
      {comfort ? <ComfortBox store={comfort} onStatus={setStatus} /> : null}
      <fieldset>
        <legend>{t('optionsSites')}</legend>
        <p class="muted">{t('optionsSitesHint')}</p>
        {settings.disabledSites.length === 0 ? <p class="muted">{t('optionsNoSites')}</p> : null}
        <SiteList
          sites={settings.disabledSites}
          addLabel={t('optionsAddSite')}
          errorId="site-error"
          onAdd={addSite}
          onRemove={(host) => save({ ...settings, disabledSites: settings.disabledSites.filter((h) => h !== host) })}
        />
      </fieldset>
      {corrections ? <CorrectionsList store={corrections} onStatus={setStatus} /> : null}
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

/**
 * A stored value the page shows and changes: the default until the store answers, the change shown
 * at once, then what the store kept (it checks what it is given), and "Saved" or the error.
 */
function useStored<T>(
  store: { load(): Promise<T>; save(value: T): Promise<T> },
  fallback: T,
  onStatus: (status: string) => void,
): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    store.load().then(setValue, () => setValue(fallback));
  }, [store, fallback]);
  const save = (next: T) => {
    setValue(next);
    store.save(next).then(
      (saved) => {
        setValue(saved);
        onStatus(t('optionsSaved'));
      },
      (err: Error) => onStatus(t('errorState', err.message)),
    );
  };
  return [value, save];
}

function ComfortBox({ store, onStatus }: { store: ComfortStore; onStatus: (s: string) => void }) {
  const [comfort, save] = useStored<Comfort>(store, DEFAULT_COMFORT, onStatus);
  return (
    <fieldset class="comfort-box">
      <legend>{t('comfortHeading')}</legend>
      <p class="muted">{t('comfortNote')}</p>
      <ComfortControls comfort={comfort} onChange={save} idPrefix="options-comfort" />
    </fieldset>
  );
}

function CorrectionsList({ store, onStatus }: { store: CorrectionsStore; onStatus: (s: string) => void }) {
  const [all, setAll] = useState<Corrections | null>(null);
  useEffect(() => {
    store.load().then(setAll, () => setAll(null));
  }, [store]);
  const undo = (site: string, list: CorrectionList, selector: string) =>
    store.remove(site, list, selector).then(
      (next) => {
        setAll(next);
        onStatus(t('optionsSaved'));
      },
      (err: Error) => onStatus(t('errorState', err.message)),
    );
  const sites = Object.entries(all?.sites ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <fieldset class="corrections">
      <legend>{t('optionsCorrections')}</legend>
      {sites.length === 0 ? <p class="muted">{t('optionsNoCorrections')}</p> : null}
      {sites.map(([site, entry]) => (
        <section key={site} data-site={site} aria-label={site}>
          <h2>{site}</h2>
          <ul class="sites">
            {(['keep', 'hide'] as const).flatMap((list) =>
              entry[list].map((c) => {
                const what = `${list === 'keep' ? t('correctionKeep') : t('correctionHide')}: ${c.text || c.selector}`;
                return (
                  <li key={`${list} ${c.selector}`} data-list={list}>
                    <span>
                      <strong>{list === 'keep' ? t('correctionKeep') : t('correctionHide')}</strong>{' '}
                      {c.text.length >= CORRECTION_TEXT_CHARS ? `${c.text}…` : c.text || c.selector}{' '}
                      <code>{c.selector}</code>
                    </span>
                    <button
                      type="button"
                      class="secondary"
                      data-action="undo-correction"
                      aria-label={t('optionsUndo', what)}
                      onClick={() => void undo(site, list, c.selector)}
                    >
                      ×
                    </button>
                  </li>
                );
              }),
            )}
          </ul>
        </section>
      ))}
    </fieldset>
  );
}
