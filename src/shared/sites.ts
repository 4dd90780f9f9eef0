// Site entries: a stored site covers its subdomains ("nytimes.com" covers "www.nytimes.com" and
// "cooking.nytimes.com"), so one entry is one site as a reader thinks of it. Pure.

/** A host as we store it: lower case, no trailing dot, "www." dropped (it is the same site). */
export function siteOf(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** True when the stored entry names this host or a domain it is under. */
export function coversHost(entry: string, host: string): boolean {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  const e = siteOf(entry);
  return e !== '' && (h === e || h.endsWith(`.${e}`));
}

/** The most specific entry that covers the host (the longest), or undefined. */
export function entryFor<T extends string>(entries: Iterable<T>, host: string): T | undefined {
  let best: T | undefined;
  for (const e of entries) if (coversHost(e, host) && (best === undefined || e.length > best.length)) best = e;
  return best;
}
