// Small pages for the article and clutter unit tests: our own sentences, realistic markup.
import { parseHtml } from '../../src/cli/parse-html';

const SENTENCES = [
  'The river rose two metres overnight and the lower town woke to water in the streets.',
  'Volunteers carried sandbags from the fire station to the bakery until the early hours.',
  'The mayor said the new barrier had held where the old wall failed twelve years ago.',
  'Engineers will inspect the bridge on Monday before it reopens to lorries and buses.',
  'Farmers upstream reported lost hay and flooded barns but no injured animals.',
  'Schools stay closed until the water board confirms the tap water is safe to drink.',
];

/** A paragraph of `n` sentences of prose, starting at sentence `from`. */
export function prose(n = 3, from = 0): string {
  return Array.from({ length: n }, (_, i) => SENTENCES[(from + i) % SENTENCES.length]).join(' ');
}

/** Article body paragraphs, each a few sentences long. */
export function paragraphs(count = 5): string {
  return Array.from({ length: count }, (_, i) => `<p>${prose(3, i)}</p>`).join('\n');
}

export const ARTICLE_HEAD =
  '<meta property="og:type" content="article"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Floods"}</script>';

export function page(body: string, head = ARTICLE_HEAD, url?: string): Document {
  return parseHtml(
    `<!DOCTYPE html><html lang="en"><head><title>Floods</title>${head}</head><body>${body}</body></html>`,
    url,
  );
}

/** An article page: `before` and `after` go beside the article, `inside` between its paragraphs. */
export function articlePage(parts: { before?: string; inside?: string; after?: string } = {}): Document {
  return page(`
    <header class="site-header"><a href="/">Valley Times</a><nav><a href="/news">News</a> <a href="/trending">Trending</a></nav></header>
    ${parts.before ?? ''}
    <main><article>
      <h1>Flood barrier holds as river peaks</h1>
      <p class="byline">By <a rel="author" href="/a/jo">Jo Marsh</a></p>
      <div class="article-body">
        ${paragraphs(3)}
        ${parts.inside ?? ''}
        ${paragraphs(3)}
      </div>
    </article>
    ${parts.after ?? ''}
    </main>
    <footer class="site-footer"><p>© Valley Times</p></footer>`);
}
