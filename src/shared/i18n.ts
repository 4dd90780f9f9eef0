// All user-visible text goes through _locales. Outside an extension (unit tests, screenshots of
// the mock popup) the English messages are the fallback.
import en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, subs?: string[]): string;
}

function extensionI18n(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  const fromBrowser = extensionI18n()?.getMessage(key, strings);
  if (fromBrowser) return fromBrowser;
  return en[key].message.replace(/\$P(\d)\$/g, (_m, n: string) => strings[Number(n) - 1] ?? '');
}
