// A list of sites, each with a remove button, and a field to add one: the options page's sites
// Quotelens is off on, the library's sites it does not keep.
import { useState } from 'preact/hooks';
import { t } from './i18n';

/** What a reader types for a site, as a host: no scheme, no path, lower case. */
export function hostFromInput(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
}

export function SiteList({
  sites,
  addLabel,
  errorId,
  onAdd,
  onRemove,
}: {
  sites: readonly string[];
  addLabel: string;
  /** The id of the error line, unique on its page. */
  errorId: string;
  /** Takes a typed host; says why it is refused, or '' when it is taken. */
  onAdd: (host: string) => string;
  onRemove: (host: string) => void;
}) {
  const [site, setSite] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const refused = onAdd(hostFromInput(site));
    setError(refused);
    if (refused === '') setSite('');
  };
  return (
    <>
      <ul class="sites">
        {sites.map((host) => (
          <li key={host}>
            <span>{host}</span>
            <button
              type="button"
              class="secondary"
              aria-label={t('optionsRemove', host)}
              onClick={() => onRemove(host)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form class="add" onSubmit={add}>
        <input
          type="text"
          aria-label={addLabel}
          placeholder={t('optionsSitePlaceholder')}
          value={site}
          onInput={(e) => setSite(e.currentTarget.value)}
          aria-invalid={error !== ''}
          aria-describedby={errorId}
        />
        <button type="submit" class="secondary">
          {addLabel}
        </button>
      </form>
      <p id={errorId} class="error" role="alert">
        {error}
      </p>
    </>
  );
}
