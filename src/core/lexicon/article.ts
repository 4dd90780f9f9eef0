// Words the article finder reads (article.ts): small, so they ship with the content script.

/**
 * Class/id words of content beside the article (navigation, asides, comments, pop-ups): prose
 * there does not decide where the article's root is. Substring-bounded, so "post-comments" and
 * "sidebar-left" match and "navigator" does not.
 */
export const SIDE_CONTENT_WORDS =
  /(^|[^a-z])(comments?|sidebar|footer|related|recommend\w*|promo|outbrain|taboola|newsletter|nav|menu|widget|disqus|cookies?|consent|popup|modal)([^a-z]|$)/i;
