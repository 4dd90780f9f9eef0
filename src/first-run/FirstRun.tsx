// The first-run page: what Quotelens hides, what the highlight colours mean, the shortcuts, and
// that nothing leaves the browser. Opened once on install (background/first-run.ts), and from the
// options page later.
import type { ClutterKind } from '../core/types';
import { type MessageKey, t } from '../shared/i18n';
import { SPEAKER_COLOURS, tintFor, UNATTRIBUTED, underlineFor } from '../shared/palette';
import { Shortcuts } from '../shared/Shortcuts';
import type { ShortcutSource } from '../shared/shortcuts';

/** The kinds hidden by default, in the order a reader meets them on a page. */
const HIDDEN_KINDS = [
  'ad',
  'trending',
  'related',
  'social',
  'newsletter',
  'cookie',
  'promo',
] as const satisfies readonly ClutterKind[];

/** Three speakers are enough to show the idea; the page itself has eight colours. */
const SAMPLES = [
  ['frOrdinal1', 'frSample1'],
  ['frOrdinal2', 'frSample2'],
  ['frOrdinal3', 'frSample3'],
] as const satisfies readonly (readonly [MessageKey, MessageKey])[];

function Sample({ text, bg, line }: { text: string; bg: string; line: string }) {
  const style = {
    backgroundColor: tintFor('standard', bg),
    textDecoration: `underline ${underlineFor('standard')} ${line}`,
    textUnderlineOffset: '3px',
  };
  return <q style={style}>{text}</q>;
}

export function FirstRun({ shortcuts, openOptions }: { shortcuts: ShortcutSource; openOptions: () => void }) {
  return (
    <main class="first-run">
      <header>
        <img src="/icons/icon-48.png" alt="" width="48" height="48" />
        <h1>{t('frTitle')}</h1>
      </header>
      <p class="lead">{t('frIntro')}</p>

      <section aria-labelledby="fr-hidden">
        <h2 id="fr-hidden">{t('frHiddenHeading')}</h2>
        <p>{t('frHiddenIntro')}</p>
        <ul class="kinds">
          {HIDDEN_KINDS.map((kind) => (
            <li key={kind} data-kind={kind}>
              {t(`kind_${kind}`)}
            </li>
          ))}
          <li data-kind="comments">
            {t('kind_comments')}: {t('frCommentsNote')}
          </li>
        </ul>
        <p>{t('frHiddenUndo')}</p>
      </section>

      <section aria-labelledby="fr-colours">
        <h2 id="fr-colours">{t('frColoursHeading')}</h2>
        <p>{t('frColoursIntro')}</p>
        <ul class="samples">
          {SAMPLES.map(([ordinal, sample], i) => (
            <li key={sample}>
              <Sample text={t(sample)} {...SPEAKER_COLOURS[i]!} /> <span>{t('frColourSpeaker', t(ordinal))}</span>
            </li>
          ))}
          <li>
            <Sample text={t('frSampleGrey')} {...UNATTRIBUTED} /> <span>{t('frColourGrey')}</span>
          </li>
        </ul>
        <p>{t('frColoursPopup')}</p>
      </section>

      <section aria-labelledby="fr-shortcuts">
        <h2 id="fr-shortcuts">{t('shortcutsHeading')}</h2>
        <Shortcuts source={shortcuts} />
        <p class="muted">{t('frAndroid')}</p>
      </section>

      <section aria-labelledby="fr-privacy">
        <h2 id="fr-privacy">{t('frPrivacyHeading')}</h2>
        <p>{t('frPrivacyText')}</p>
      </section>

      <p>
        <button type="button" class="primary" data-action="open-options" onClick={openOptions}>
          {t('frOpenOptions')}
        </button>
      </p>
    </main>
  );
}
