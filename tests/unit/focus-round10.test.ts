// Issue 13, focus round 10: the page's own headline over a logo's <h1> (docs/declutter.md), on pages of our own.
import { describe, expect, it } from 'vitest';
import { findArticleHeader } from '../../src/core/clutter-header';
import { page, paragraphs } from './page-helpers';

const OG = '<meta property="og:title" content="Flood barrier holds as the river peaks">';

/** `logo` in the site's header, then a root holding `heading` and the story. */
function titled(logo: string, heading: string, head = OG): { doc: Document; root: Element } {
  const doc = page(
    `<header class="top">${logo}</header>
    <main><div class="story">${heading}<div class="text">${paragraphs(6)}</div></div></main>`,
    head,
  );
  return { doc, root: doc.querySelector('.story')! };
}

const textOf = (h: { title: Element | null }) => h.title?.textContent ?? null;

describe('findArticleHeader: the headline the page’s title repeats', () => {
  it('takes the h2 in the root over a logo’s h1 that shares no word with og:title', () => {
    const { doc, root } = titled('<h1>Valley Times</h1>', '<h2 class="t">Flood barrier holds as the river peaks</h2>');
    expect(textOf(findArticleHeader(doc, root))).toBe('Flood barrier holds as the river peaks');
  });

  it('keeps an h1 that shares most of its words with og:title (a longer headline than the card’s h2)', () => {
    const { doc, root } = titled(
      '<h1>Flood barrier holds as the river peaks overnight</h1>',
      '<h2>Flood barrier holds</h2>',
    );
    expect(textOf(findArticleHeader(doc, root))).toBe('Flood barrier holds as the river peaks overnight');
  });

  it('keeps a logo’s h1 inside a link', () => {
    const { doc, root } = titled(
      '<a href="/"><h1>Valley Times</h1></a>',
      '<h2>Flood barrier holds as the river peaks</h2>',
    );
    expect(textOf(findArticleHeader(doc, root))).toBe('Valley Times');
  });

  it('finds the headline when the page has no h1, and not an h2 of two words or one in a link', () => {
    const { doc, root } = titled(
      '',
      '<h2><a href="/x">Flood barrier</a></h2><h2>Flood barrier holds as the river peaks</h2>',
    );
    expect(textOf(findArticleHeader(doc, root))).toBe('Flood barrier holds as the river peaks');
    const none = titled('', '<h2>Flood barrier</h2><h3>Flood barrier holds as the river peaks</h3>');
    expect(findArticleHeader(none.doc, none.root).title).toBeNull();
  });
});
