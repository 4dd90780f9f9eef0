// Month and weekday names of a language, long and short ("October", "Oct", "Okt", "Mi"), from the
// platform's own locale data (Intl, in every browser and in Node), so no language needs them typed.
// A capitalised "Oct." before a date names nobody; short forms that are also first names ("Jan")
// are left out, since "Jan Egeland said" must still find its speaker.
import { firstNameGender } from '../entities';

/** Capitalised month and weekday names of `lang`, without a closing dot (speakers.ts reads them once per language). */
export function calendarWords(lang: string): string[] {
  const words = new Set<string>();
  const add = (s: string) => {
    const w = s.replace(/\.$/, '');
    if (w === '' || !/^\p{L}+$/u.test(w)) return;
    const cap = w[0]!.toLocaleUpperCase(lang) + w.slice(1);
    if (w.length <= 4 && firstNameGender(cap) !== null) return;
    words.add(cap);
  };
  try {
    for (const month of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) add(f.format(Date.UTC(2001, m, 15)));
    }
    for (const weekday of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(lang, { weekday, timeZone: 'UTC' });
      // 2001-01-01 was a Monday.
      for (let d = 0; d < 7; d++) add(f.format(Date.UTC(2001, 0, 1 + d)));
    }
  } catch {
    // A platform without locale data: the typed lists stand alone.
  }
  return [...words];
}
