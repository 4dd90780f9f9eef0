// Clutter vocabulary as data: class/id words and the labels that head clutter blocks, in en/de/fr.
// One source for each list; CLUTTER_VOCABULARY (below) is what the background writes to
// storage.local for the content script and what the CLI and tests pass to the core, which compiles
// it (clutter-vocabulary.ts). The content script never imports this file: a test checks it. Labels
// are compared lower-cased, with white space collapsed and a trailing ':' or '›'/'»'/'>' dropped,
// against the whole label text.
import { buildVocabulary, type ClutterVocabulary, type LabelKind } from '../clutter-vocabulary';
import type { Lang } from '../types';

export type { LabelKind } from '../clutter-vocabulary';

/**
 * Whole class/id tokens (split on '-', '_', space and camelCase, lower-cased) per kind.
 * Tokens, not substrings: "ad" must not fire on "header", "read" or "shadow".
 */
export const CLASS_TOKENS: Record<LabelKind, readonly string[]> = {
  ad: [
    'ad',
    'ads',
    'adv',
    'advert',
    'adverts',
    'advertisement',
    'advertising',
    'adslot',
    'adunit',
    'adbox',
    'adblock',
    'adcontainer',
    'adwrapper',
    'adsense',
    'adsbygoogle',
    'dfp',
    'gpt',
    'sponsor',
    'sponsored',
    'sponsorship',
    'outbrain',
    'taboola',
    'trc',
    'plista',
    'ligatus',
    'teads',
    'outstream',
    'billboard',
    'leaderboard',
    'skyscraper',
    'mpu',
    'pubad',
    'werbung',
    'anzeige',
    'publicite',
  ],
  trending: ['trending', 'trend', 'mostread', 'mostpopular', 'mostviewed', 'popular', 'meistgelesen', 'topstories'],
  related: [
    'related',
    'recommended',
    'recommendations',
    'recirc',
    'recirculation',
    'morestories',
    'readmore',
    'readnext',
    'alsoread',
  ],
  social: [
    'share',
    'sharing',
    'sharebar',
    'sharetools',
    'social',
    'socials',
    'follow',
    'sociallinks',
    'addthis',
    'sharethis',
    'shariff',
  ],
  newsletter: ['newsletter', 'newsletters', 'signup', 'optin', 'mailchimp'],
  cookie: [
    'cookie',
    'cookies',
    'consent',
    'gdpr',
    'cmp',
    'onetrust',
    'cookiebot',
    'didomi',
    'usercentrics',
    'privacybanner',
  ],
  comments: ['comment', 'comments', 'disqus', 'discussion', 'kommentare', 'commentaires', 'respond', 'replies'],
  promo: [
    'promo',
    'promotion',
    'subscribe',
    'subscription',
    'paywall',
    'upsell',
    'membership',
    'donate',
    'appbanner',
    'piano',
  ],
};

/** Two-token class phrases, joined without separator after tokenising ("most-read" → "mostread"). */
export const CLASS_PHRASES: Record<LabelKind, readonly string[]> = {
  ad: ['adslot', 'adunit', 'adcontainer', 'adwrapper', 'adbox', 'googleads', 'pubad', 'nativead', 'stickyad'],
  trending: ['mostread', 'mostpopular', 'mostviewed', 'topstories', 'popularposts', 'trendingnow'],
  related: [
    'relatedposts',
    'relatedarticles',
    'relatedstories',
    'relatedcontent',
    'readmore',
    'readnext',
    'morestories',
    'youmaylike',
    'alsoread',
    // Previous/next-story links (WordPress core's nav.post-navigation, theme variants).
    'postnavigation',
    'postnav',
    'nextprev',
    'prevnext',
    'navprevious',
    'navnext',
  ],
  social: ['sharebar', 'sharebuttons', 'sharetools', 'sociallinks', 'followus', 'socialshare'],
  newsletter: ['newslettersignup', 'emailsignup', 'signupform'],
  cookie: ['cookiebanner', 'cookienotice', 'cookieconsent', 'consentbanner', 'privacybanner'],
  comments: ['commentlist', 'commentsarea', 'disqusthread'],
  promo: ['subscribebar', 'subscriptionbar', 'paywallprompt', 'appbanner', 'webpush', 'pushprompt', 'pushnotification'],
};

/** Labels that head a clutter block (the whole text of a heading, label or caption), per language. */
export const LABELS: Record<Lang, Record<LabelKind, readonly string[]>> = {
  en: {
    ad: [
      'advertisement',
      'advertisements',
      'advertising',
      'ad',
      'ads',
      'sponsored',
      'sponsored content',
      'sponsored links',
      'sponsored stories',
      'paid content',
      'paid post',
      'promoted',
      'promoted stories',
      'promoted content',
      'partner content',
      'from our partners',
      'around the web',
      'you may like',
      'you might like',
      'recommended by',
      'ads by google',
      'story continues below advertisement',
      'article continues below advertisement',
      'continue reading below',
    ],
    trending: [
      'trending',
      'trending now',
      'trending stories',
      'most read',
      'most popular',
      'most viewed',
      'most shared',
      'popular now',
      'popular',
      'popular stories',
      'popular posts',
      'top stories',
      'what’s hot',
      "what's hot",
    ],
    related: [
      'related',
      'related articles',
      'related stories',
      'related content',
      'related posts',
      'related coverage',
      'related topics',
      'recommended',
      'recommended for you',
      'recommended stories',
      'read more',
      'read next',
      'more stories',
      'more from',
      'more on this story',
      'more on this topic',
      'you might also like',
      'you may also like',
      'also read',
      'see also',
      'further reading',
      'editor’s picks',
      "editor's picks",
    ],
    social: [
      'share',
      'share this',
      'share this article',
      'share this story',
      'share this post',
      'share on',
      'share article',
      'follow us',
      'connect with us',
      'find us on',
      'stay connected',
    ],
    newsletter: [
      'newsletter',
      'newsletters',
      'sign up for our newsletter',
      'subscribe to our newsletter',
      'get our newsletter',
      'sign up',
      'sign up for free',
      'daily newsletter',
      'get the newsletter',
    ],
    cookie: [
      'cookie settings',
      'cookie policy',
      'we value your privacy',
      'your privacy',
      'manage cookies',
      'cookie consent',
    ],
    comments: [
      'comments',
      'comment',
      'leave a comment',
      'leave a reply',
      'join the discussion',
      'join the conversation',
      'reader comments',
      'conversation',
    ],
    promo: [
      'subscribe',
      'subscribe now',
      'become a member',
      'support our journalism',
      'support us',
      'already a subscriber?',
      'get unlimited access',
      'download our app',
      'get the app',
    ],
  },
  de: {
    ad: [
      'anzeige',
      'werbung',
      'gesponsert',
      'sponsored',
      'promotion',
      'partnerinhalt',
      'mehr aus dem web',
      'das könnte sie auch interessieren (anzeige)',
    ],
    trending: [
      'meistgelesen',
      'meistgelesene artikel',
      'am meisten gelesen',
      'meistgesehen',
      'beliebt',
      'beliebteste artikel',
      'top-artikel',
      'im trend',
    ],
    related: [
      'mehr zum thema',
      'zum thema',
      'das könnte sie auch interessieren',
      'weitere artikel',
      'auch interessant',
      'lesen sie auch',
      'lesen sie mehr',
      'mehr lesen',
      'empfehlungen',
      'ähnliche artikel',
      'weiterlesen',
      'verwandte themen',
    ],
    social: [
      'teilen',
      'artikel teilen',
      'diesen artikel teilen',
      'folgen sie uns',
      'folgen sie uns auf',
      'jetzt teilen',
    ],
    newsletter: ['newsletter', 'newsletter abonnieren', 'jetzt newsletter abonnieren', 'zum newsletter anmelden'],
    cookie: ['datenschutzeinstellungen', 'cookie-einstellungen', 'ihre privatsphäre', 'privatsphäre-einstellungen'],
    comments: ['kommentare', 'kommentar', 'kommentieren', 'diskussion', 'leserkommentare'],
    promo: ['jetzt abonnieren', 'abonnieren', 'abo abschließen', 'unterstützen sie uns', 'jetzt testen', 'plus-abo'],
  },
  fr: {
    ad: [
      'publicité',
      'publicite',
      'pub',
      'annonce',
      'contenu sponsorisé',
      'sponsorisé',
      'contenu partenaire',
      'sur le web',
      'vous aimerez peut-être',
    ],
    trending: [
      'les plus lus',
      'les plus populaires',
      'les plus partagés',
      'les plus commentés',
      'tendances',
      'populaire',
    ],
    related: [
      'à lire aussi',
      'a lire aussi',
      'lire aussi',
      'à lire également',
      'sur le même sujet',
      'à voir aussi',
      'voir aussi',
      'nos articles',
      'vous aimerez aussi',
      'dans la même rubrique',
      'articles liés',
      'lire la suite',
    ],
    social: ['partager', 'partager cet article', 'partagez', 'suivez-nous', 'suivez-nous sur'],
    newsletter: [
      'newsletter',
      'lettre d’information',
      "lettre d'information",
      'inscrivez-vous à notre newsletter',
      'recevez notre newsletter',
    ],
    cookie: [
      'paramètres des cookies',
      'gestion des cookies',
      'vos choix concernant les cookies',
      'respect de votre vie privée',
    ],
    comments: ['commentaires', 'commentaire', 'réagissez', 'réactions', 'laisser un commentaire'],
    promo: ['abonnez-vous', 'je m’abonne', "je m'abonne", 'soutenez-nous', 'offre spéciale'],
  },
};

/**
 * Phrases that name a block wherever they stand in a short label ("Ryan Reed's Most Recent
 * Stories", "Popular on IndieWire", "ADVERTISEMENT – Star Tours"), in any of the languages we
 * read; matched on word boundaries after normalizeLabel. Whole labels are in LABELS.
 */
export const LABEL_PHRASES: Record<LabelKind, readonly string[]> = {
  ad: ['advertisement', 'sponsored by', 'from our sponsor', 'publicidade', 'publicidad', 'pubblicità', 'anzeige'],
  trending: [
    'most popular',
    'most read',
    'most viewed',
    'most discussed',
    'most recent',
    'popular on',
    'popular this week',
    'popular now',
    'top stories',
    'top local stories',
    'breaking news',
    'main news',
    'más leídas',
    'mais lidas',
    'più letti',
    'meistgelesen',
    'les plus lus',
  ],
  related: [
    'related post',
    'related posts',
    'related articles',
    'related stories',
    'related tags',
    'recent posts',
    'recent articles',
    'recent stories',
    'latest stories',
    'latest news',
    'more in',
    'more from',
    'more on',
    'more news',
    'more stories',
    'read next',
    'up next',
    'next up',
    'you may also like',
    'you might also like',
    'explore further',
    'also on',
    'materials on the topic',
    'noticias relacionadas',
    'notícias relacionadas',
    'leia também',
    'leggi anche',
    'articoli correlati',
    'lee también',
    'mehr zum thema',
    'à lire aussi',
  ],
  social: ['share this', 'follow us', 'like us on', 'tweets by', 'stay connected', 'siga-nos', 'síguenos', 'seguici'],
  newsletter: ['newsletter', 'newsletters', 'via email', 'by email'],
  cookie: ['cookie settings', 'cookie policy'],
  comments: ['comments', 'comentários', 'comentarios', 'commenti', 'kommentare', 'commentaires'],
  promo: ['subscribe', 'support us', 'donate', 'upcoming events', 'get the app', 'podcasts'],
};

/** Inline prefixes of a one-line link to another story inside the article ("Read more: …"). */
export const INLINE_RELATED_PREFIX =
  /^(read more|read also|also read|related|see also|more|mehr zum thema|lesen sie auch|mehr dazu|à lire aussi|a lire aussi|lire aussi|voir aussi)\s*[:›»>–-]/i;

/** Text that only a cookie or consent notice says (any of en/de/fr). */
export const COOKIE_TEXT =
  /\b(we use cookies|this (web)?site uses cookies|uses cookies to|by continuing to (use|browse)|accept (all )?cookies|cookie policy|consent to (the use of )?cookies|wir verwenden cookies|diese website verwendet cookies|verwendet cookies|cookies zu|alle akzeptieren|nous utilisons des cookies|ce site utilise des cookies|utilise des cookies|accepter les cookies|tout accepter|(is|are) using cookies|utilizziamo i cookie|usiamo i cookie|utilizamos cookies|usamos cookies|utilizamos (as )?cookies|este sitio (web )?utiliza cookies|este site utiliza cookies|aceptar (todas las )?cookies|accetta (tutti i )?cookie)\b/i;

/** Text of a newsletter sign-up (en/de/fr). */
export const NEWSLETTER_TEXT =
  /\b(newsletters?|in(to)? your inbox|to your inbox|sign up for|subscribe to our|via e-?mail|by e-?mail|e-?mail updates|e-mail address|email address|e-mail-adresse|adresse e-mail|adresse mail|inscrivez-vous|boletín|iscriviti)\b/i;

/**
 * Calls to action of self-promotion: subscriptions, donations, apps, notifications, events, tips
 * (en, de, fr, es, it, pt). Read only in short boxes, and only with a link, button or field there.
 */
export const PROMO_TEXT =
  /(^(subscribe|sign up|sign in|log in|join|download|install|listen (to|live)|chat with us)\b)|\b(subscribe( now| today| for| to (our|the)\b)|subscriber experience|read the full story|affiliate|subscribers? only|already a subscriber|unlimited access|click here|tap here|get the [\w ]{0,20}app|download (the|our) app|news app|(turn on|push|browser) notifications|support (our|independent|quality) journalism|donate (now|today)|make a donation|needs your help|become a (member|supporter|patron)|got a tip|send us your|join our|free trial|upcoming events|get tickets|latest issue|digital edition|e-paper|jetzt (abonnieren|testen|spenden)|abonnieren sie|unterstützen sie|app herunterladen|browser-push|abonnez-vous|je m['’]abonne|soutenez[- ]nous|faites un don|téléchargez l['’]application|suscríbete|hazte socio|descarga la app|abbonati|scarica l['’]app|assine|baixe (agora|o app)|clique (aqui|na))\b/i;

/** Share and follow prompts (en, de, fr, es, it, pt); read in short boxes next to a network's name. */
export const SOCIAL_TEXT =
  /\b(share (this|on|it|with|your)|follow (us|me|him|her|them|@|\w+ on)|like us on|tweet this|click to tweet|tweets by|stay connected|siga|síguenos|suivez-nous|folgen sie uns|seguici|partagez|compartir|condividi|compartilhe)\b/i;

/** Names of the networks a share or follow prompt points to. */
export const SOCIAL_NETWORKS =
  /\b(facebook|twitter|instagram|whatsapp|linkedin|pinterest|telegram|youtube|reddit|tiktok|messenger|google\+|e-?mail)\b/i;

/** Hosts of social networks and share endpoints (a link there is a share or follow button). */
export const SOCIAL_HOSTS: readonly string[] = [
  'facebook.com',
  'fb.com',
  'twitter.com',
  'x.com',
  't.co',
  'instagram.com',
  'whatsapp.com',
  'wa.me',
  'linkedin.com',
  'pinterest.com',
  'reddit.com',
  'telegram.me',
  't.me',
  'youtube.com',
  'tiktok.com',
  'tumblr.com',
  'flipboard.com',
  'vk.com',
  'ok.ru',
  'line.me',
  'xing.com',
  'addthis.com',
  'sharethis.com',
  'getpocket.com',
  'news.ycombinator.com',
  'stumbleupon.com',
];

/** Hosts that serve ads and sponsored widgets into iframes and scripts. */
export const AD_HOSTS =
  /(^|\.)(doubleclick\.net|googlesyndication\.com|googleadservices\.com|adservice\.google\.[a-z.]+|adnxs\.com|amazon-adsystem\.com|taboola\.com|outbrain\.com|criteo\.(com|net)|pubmatic\.com|rubiconproject\.com|openx\.net|teads\.tv|smartadserver\.com|adform\.net|yieldlove\.com|media\.net|revcontent\.com|mgid\.com|zergnet\.com|ligatus\.com|plista\.com|sharethrough\.com|moatads\.com|serving-sys\.com|adsrvr\.org|ads\.[a-z0-9-]+\.[a-z]+)$/i;

/** IAB ad sizes (width x height): a box of exactly one of these is an ad slot. */
export const AD_SIZES: readonly string[] = [
  '300x250',
  '728x90',
  '160x600',
  '300x600',
  '320x50',
  '320x100',
  '970x250',
  '970x90',
  '336x280',
  '468x60',
  '120x600',
  '250x250',
  '200x200',
  '300x50',
  '300x100',
  '320x480',
  '800x250',
];

/** The vocabulary in its stored form (clutter-vocabulary.ts): what the background writes and the CLI passes. */
export const CLUTTER_VOCABULARY: ClutterVocabulary = buildVocabulary({
  classTokens: CLASS_TOKENS,
  classPhrases: CLASS_PHRASES,
  labels: LABELS,
  labelPhrases: LABEL_PHRASES,
  patterns: {
    inlineRelatedPrefix: INLINE_RELATED_PREFIX,
    cookieText: COOKIE_TEXT,
    newsletterText: NEWSLETTER_TEXT,
    promoText: PROMO_TEXT,
    socialText: SOCIAL_TEXT,
    socialNetworks: SOCIAL_NETWORKS,
    adHosts: AD_HOSTS,
  },
  socialHosts: SOCIAL_HOSTS,
  adSizes: AD_SIZES,
});
