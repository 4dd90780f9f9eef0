// Is this page an article, and where is its main content? Document in, plain data out.
import { isProbablyReaderable } from '@mozilla/readability';
import type { ArticleVerdict, Lang } from './types';

export interface ArticleResult extends ArticleVerdict {
  /** The element holding the article body, or null when the page is not an article. */
  root: Element | null;
}

const ARTICLE_LD_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|ReviewNewsArticle|BackgroundNewsArticle|Report)$/;

export function detectLang(doc: Document): Lang {
  const raw = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  if (raw.startsWith('de')) return 'de';
  if (raw.startsWith('fr')) return 'fr';
  return 'en';
}

/** First version: JSON-LD / og:type / <article> / Readability's readerable check. */
export function detectArticle(doc: Document): ArticleResult {
  const reasons: string[] = [];
  let score = 0;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const types = JSON.stringify(data).match(/"@type":"([^"]+)"/g) ?? [];
      if (types.some((t) => ARTICLE_LD_TYPES.test(t.slice(9, -1)))) {
        score += 2;
        reasons.push('+2 JSON-LD article type');
        break;
      }
    } catch {
      // Broken JSON-LD is common; it is simply no evidence.
    }
  }
  if (doc.querySelector('meta[property="og:type"][content="article"]')) {
    score += 1;
    reasons.push('+1 og:type=article');
  }
  const readerable = doc.body ? isProbablyReaderable(doc) : false;
  if (readerable) {
    score += 2;
    reasons.push('+2 Readability isProbablyReaderable');
  }
  const root = findRoot(doc);
  return {
    isArticle: score >= 2,
    reasons,
    score,
    title: doc.title.trim(),
    site: doc.location?.hostname ?? '',
    lang: detectLang(doc),
    root: score >= 2 ? root : null,
  };
}

function findRoot(doc: Document): Element | null {
  let best: Element | null = null;
  let bestLen = 0;
  for (const el of Array.from(doc.querySelectorAll('article, main, [itemprop="articleBody"]'))) {
    const len = Array.from(el.querySelectorAll('p')).reduce((n, p) => n + (p.textContent?.length ?? 0), 0);
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  return best ?? doc.body;
}
