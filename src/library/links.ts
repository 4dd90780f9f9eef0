// A link back to the quote in its article: a text fragment (`#:~:text=`), which Chromium and
// Firefox (131+) scroll to and mark even when the content script cannot help (site switched off).

/** Words at each end of a long quote used as the fragment's start and end. */
const FRAGMENT_EDGE_WORDS = 5;

/** Percent-encodes a fragment term; the directive's own separators (-, &, ,) must be escaped too. */
function term(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

export function quoteLink(url: string, text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const directive =
    words.length <= FRAGMENT_EDGE_WORDS * 2
      ? term(words.join(' '))
      : `${term(words.slice(0, FRAGMENT_EDGE_WORDS).join(' '))},${term(words.slice(-FRAGMENT_EDGE_WORDS).join(' '))}`;
  return `${url.replace(/#.*$/, '')}#:~:text=${directive}`;
}
