// The learned decision: a logistic model over the features of an attribution (features.ts), trained by
// `npm run train` (scripts/train-attrib.ts) and shipped as weights.json. Its output is the confidence
// that the named speaker is right; below the threshold chosen on dev data the quote stays unattributed.
// A language with train data of its own (German) gets its own weights and threshold over the same
// features: its news reports more than it quotes, and one shared fit traded its quotes against English cards.
import { sigmoid } from '../logistic';
import { FEATURES } from './features';
import model from './weights.json';

/** Weights over FEATURES, a bias and the confidence below which a quote goes to Unattributed. */
export interface LanguageModel {
  weights: number[];
  bias: number;
  threshold: number;
}

export interface Model extends LanguageModel {
  features: string[];
  /** Weights fitted to one language's train data alone, by language code; other languages use the shared ones. */
  languages?: Record<string, LanguageModel>;
}

export const MODEL: Model = model;

/** True when the shipped weights were trained on the features this code computes. */
export const modelMatches = (m: Model = MODEL): boolean =>
  m.features.length === FEATURES.length && m.features.every((f, i) => f === FEATURES[i]);

/** The model a page in `lang` is scored with: that language's own weights when it has some, else the shared ones. */
export function modelFor(m: Model, lang: string): Model {
  const own = m.languages?.[lang];
  return own ? { features: m.features, ...own } : m;
}

export { sigmoid };

/** Confidence in [0, 1]; 1 when no trained model matches the features (nothing is withheld then). */
export function confidence(x: readonly number[], m: Model = MODEL): number {
  if (!modelMatches(m) || m.weights.length !== m.features.length) return 1;
  let z = m.bias;
  for (let i = 0; i < x.length; i++) z += m.weights[i]! * x[i]!;
  return sigmoid(z);
}
