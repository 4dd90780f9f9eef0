// The keyboard shortcuts, as a list of keys and what they do, and a button to the browser's page
// for changing them. Shared by the options page and the first-run page.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';
import type { ShortcutInfo, ShortcutSource } from './shortcuts';

function Keys({ shortcut }: { shortcut: string }) {
  if (!shortcut) return <span class="muted">{t('shortcutNone')}</span>;
  const keys = shortcut.split('+');
  return (
    <span class="keys">
      {keys.map((key, i) => (
        <Fragment key={`${i}-${key}`}>
          {i > 0 ? '+' : null}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

export function Shortcuts({ source }: { source: ShortcutSource }) {
  // undefined: still asking the browser; null: this browser has no shortcuts for extensions.
  const [list, setList] = useState<ShortcutInfo[] | null | undefined>(undefined);
  useEffect(() => {
    source.list().then(setList, () => setList(null));
  }, [source]);

  if (list === undefined) return null;
  if (list === null) return <p class="muted shortcuts-none">{t('shortcutsUnavailable')}</p>;
  return (
    <div class="shortcuts">
      <dl>
        {list.map((s) => (
          <div class="shortcut" key={s.name} data-command={s.name}>
            <dt>
              <Keys shortcut={s.shortcut} />
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
      <p>
        <button
          type="button"
          class="secondary"
          data-action="change-shortcuts"
          onClick={() => void source.openSettings()}
        >
          {t('shortcutsChange')}
        </button>{' '}
        <span class="muted">{source.howToChange}</span>
      </p>
    </div>
  );
}
