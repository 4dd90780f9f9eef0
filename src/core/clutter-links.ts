// Where a block's links lead, counted per element from one pass over the links of the measure:
// links to other articles (a slug or an id in the path), links to social networks and share
// endpoints, and links around a thumbnail. Teaser grids, "more on" boxes and share bars are known
// by these counts in any language. Pure: reads hrefs, returns arrays indexed like the measure.
import { type TextMeasure, tagSet } from './article-measure';

export interface LinkProfile {
  /** Links below each element whose path names another article. */
  articleLinks: Int32Array;
  /** Characters of those links' text. */
  articleChars: Int32Array;
  /** Links below each element to a social network or a share endpoint. */
  socialLinks: Int32Array;
  /** Characters of those links' text. */
  socialChars: Int32Array;
  /** Article links below each element that wrap an image (teaser cards). */
  thumbLinks: Int32Array;
}

/** A path segment naming an article: three words joined by '-' or '_' ("nato-chief-warns-…"). */
const SLUG = /[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+){2,}/u;
/** … or an id of five digits and more, or a date in the path (/2019/11/). */
const ARTICLE_ID = /(?:^|[/_.=-])\d{5,}(?:$|[/_.?&-])|\/(?:19|20)\d\d\/\d\d?\//;
/** … or a static page ("/story.html"; scripts such as index.php serve every kind of page). */
const PAGE_FILE = /\.s?html?(?:$|[?#])/i;
/** Paths of a site's own furniture, never another article (tags, authors, sections, search). */
const NOT_ARTICLE = /\/(?:tags?|topics?|authors?|categor(?:y|ies)|search|login|signin|account|subscribe)\//i;
/** Share endpoints on any host ("/sharer.php", "/intent/tweet", "?share="). */
const SHARE_PATH = /\/(?:sharer|share|intent\/tweet|submit|pin\/create)(?:[./?]|$)|[?&]share=/i;

/** 'article', 'social' or null for an href; `socialHosts` from the vocabulary (compileVocabulary). */
export function linkTarget(href: string, socialHosts: ReadonlySet<string>): 'article' | 'social' | null {
  const h = href.trim();
  if (h === '' || h.startsWith('#') || /^javascript:/i.test(h)) return null;
  if (/^(?:mailto|whatsapp|sms|tg|fb-messenger):/i.test(h)) return 'social';
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:]+)([^#]*)/i.exec(h);
  const host = m ? m[1]!.toLowerCase().replace(/^(?:www|m|mobile)\./, '') : '';
  const path = m ? m[2]! : h;
  if (host && isSocialHost(host, socialHosts)) return 'social';
  if (SHARE_PATH.test(path)) return 'social';
  if (NOT_ARTICLE.test(path)) return null;
  const segments = path.split(/[?#]/)[0]!.split('/');
  if (segments.some((s) => SLUG.test(s)) || ARTICLE_ID.test(path) || PAGE_FILE.test(path)) return 'article';
  return null;
}

function isSocialHost(host: string, socialHosts: ReadonlySet<string>): boolean {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (socialHosts.has(h)) return true;
  return false;
}

/** Counts, for every element of the measure, the links below it by where they lead. */
export function profileLinks(m: TextMeasure, socialHosts: ReadonlySet<string>): LinkProfile {
  const n = m.elements.length;
  const p: LinkProfile = {
    articleLinks: new Int32Array(n),
    articleChars: new Int32Array(n),
    socialLinks: new Int32Array(n),
    socialChars: new Int32Array(n),
    thumbLinks: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    if (m.tags[i] !== 'A' || !m.attrNames[i]!.includes('href')) continue;
    const target = linkTarget(m.elements[i]!.getAttribute('href') ?? '', socialHosts);
    if (!target) continue;
    const chars = m.of(m.elements[i]!).chars;
    let thumb = false;
    if (target === 'article') for (let j = i + 1; j < m.ends[i]! && !thumb; j++) thumb = IMAGE_TAGS.has(m.tags[j]!);
    for (let a = i; a >= 0; a = m.parents[a]!) {
      if (target === 'article') {
        p.articleLinks[a]!++;
        p.articleChars[a]! += chars;
        if (thumb) p.thumbLinks[a]!++;
      } else {
        p.socialLinks[a]!++;
        p.socialChars[a]! += chars;
      }
    }
  }
  return p;
}

const IMAGE_TAGS = tagSet('img picture');
