// The labelled pages of article detection, read from ../shared/pages, with their evidence.
// Shared by `npm run train:detect` (fits the model) and `npm run eval:detect` (measures it).
//   aeb/*            141 article pages (label: article), grouped by host
//   readability/*    label: article where expected-metadata.json says readerable, else unlabelled
//   nonarticles/*    clear pages: label non-article, grouped by source repository; borderline: unlabelled
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../src/cli/parse-html';
import { detectArticle, detectArticleSteps, findArticleRoot, firstLook, textFeatures } from '../src/core/article';
import { runSteps, TextMeasure } from '../src/core/article-measure';
import {
  type CheapFeature,
  cheapFeatures,
  type Features,
  type PageKind,
  type TextFeature,
} from '../src/core/page-kind';
import { hasShared, sharedPath } from '../tests/shared-data';

export type PageSet = 'aeb' | 'readability' | 'nonarticles';

export interface LabelledPage {
  set: PageSet;
  id: string;
  /** 1 article, 0 not an article, null unlabelled (borderline or not readerable). */
  label: 0 | 1 | null;
  /** Pages of one group come from one source (a site, a repository): folds never split a group. */
  group: string;
  /** The kind index.json gives a non-article page ('article' elsewhere). */
  kind: string;
  borderline: boolean;
  cheap: Features<CheapFeature>;
  text: Features<TextFeature>;
  /** What the shipped code decides on the page. */
  verdict: {
    isArticle: boolean;
    firstLook: string;
    /** The first look with `settle`, as the content script takes it: its verdict, and whether it stopped early. */
    settled: { verdict: string; early: boolean };
    /** Detection with `settle`, as the content script runs it: its verdict, and whether the walk stopped early. */
    settledWalk: { isArticle: boolean; early: boolean };
    kind: PageKind;
    confidence: number;
    reasons: string[];
  };
}

interface NonArticleEntry {
  file: string;
  repo: string;
  kind: string;
  borderline: boolean;
}

interface HappyDomWindow {
  happyDOM?: { close(): Promise<void> };
}

export const DETECT_SETS: PageSet[] = ['aeb', 'readability', 'nonarticles'];

export function hasDetectPages(): boolean {
  return DETECT_SETS.every((s) => hasShared('pages', s));
}

async function evidence(html: string, meta: Omit<LabelledPage, 'cheap' | 'text' | 'verdict'>): Promise<LabelledPage> {
  const doc = parseHtml(html);
  try {
    const body = doc.body ?? doc.documentElement;
    const measure = new TextMeasure(body);
    const root = findArticleRoot(body, measure);
    const look = firstLook(doc);
    const settled = firstLook(doc, undefined, true);
    const a = detectArticle(doc);
    const s = runSteps(detectArticleSteps(doc, undefined, false, () => false, true));
    return {
      ...meta,
      cheap: cheapFeatures(doc),
      text: textFeatures(doc, measure, root),
      verdict: {
        isArticle: a.isArticle,
        firstLook: look.verdict,
        settled: { verdict: settled.verdict, early: settled.settledEarly ?? false },
        settledWalk: { isArticle: s.isArticle, early: (s.settledEarly ?? false) && !settled.settledEarly },
        kind: a.kind,
        confidence: a.confidence,
        reasons: a.reasons,
      },
    };
  } finally {
    await (doc.defaultView as unknown as HappyDomWindow | null)?.happyDOM?.close();
  }
}

/** A site's name without its numbered copies: "nytimes-4" → "nytimes". */
function stem(slug: string): string {
  return slug.replace(/-\d+$/, '');
}

/** Every labelled page with its evidence (a minute or so in happy-dom). */
export async function loadDetectPages(sets: PageSet[] = DETECT_SETS): Promise<LabelledPage[]> {
  const out: LabelledPage[] = [];
  if (sets.includes('aeb')) {
    const dir = sharedPath('pages', 'aeb');
    for (const id of readdirSync(dir).sort()) {
      const truth = JSON.parse(readFileSync(join(dir, id, 'ground-truth.json'), 'utf8')) as { url?: string };
      const host = truth.url ? new URL(truth.url).hostname.replace(/^www\./, '') : id;
      const html = readFileSync(join(dir, id, 'source.html'), 'utf8');
      out.push(
        await evidence(html, { set: 'aeb', id, label: 1, group: `aeb:${host}`, kind: 'article', borderline: false }),
      );
    }
  }
  if (sets.includes('readability')) {
    const dir = sharedPath('pages', 'readability');
    for (const id of readdirSync(dir).sort()) {
      const metaFile = join(dir, id, 'expected-metadata.json');
      if (!existsSync(metaFile)) continue;
      const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { readerable?: boolean };
      const html = readFileSync(join(dir, id, 'source.html'), 'utf8');
      const label = meta.readerable === true ? 1 : null;
      out.push(
        await evidence(html, {
          set: 'readability',
          id,
          label,
          group: `readability:${stem(id)}`,
          kind: 'article',
          borderline: false,
        }),
      );
    }
  }
  if (sets.includes('nonarticles')) {
    const dir = sharedPath('pages', 'nonarticles');
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as NonArticleEntry[];
    for (const e of index) {
      const html = readFileSync(join(dir, e.file), 'utf8');
      out.push(
        await evidence(html, {
          set: 'nonarticles',
          id: e.file,
          label: e.borderline ? null : 0,
          group: `repo:${e.repo}`,
          kind: e.kind,
          borderline: e.borderline,
        }),
      );
    }
  }
  return out;
}
