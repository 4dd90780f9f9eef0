// The learned decision: a logistic model over the features of an attribution (features.ts), trained by
// `npm run train` (scripts/train-attrib.ts) and shipped as weights.json. Its output is the confidence
// that the named speaker is right; below the threshold chosen on dev data the quote stays unattributed.
import { sigmoid } from '../logistic';
import { FEATURES } from './features';
import model from './weights.json';

export interface Model {
  features: string[];
  weights: number[];
  bias: number;
  /** Confidence below which a quote goes to Unattributed (chosen on dev by the training script). */
  threshold: number;
}

export const MODEL: Model = model;

/** True when the shipped weights were trained on the features this code computes. */
export const modelMatches = (m: Model = MODEL): boolean =>
  m.features.length === FEATURES.length && m.features.every((f, i) => f === FEATURES[i]);

export { sigmoid };

/** Confidence in [0, 1]; 1 when no trained model matches the features (nothing is withheld then). */
export function confidence(x: readonly number[], m: Model = MODEL): number {
  if (!modelMatches(m)) return 1;
  let z = m.bias;
  for (let i = 0; i < x.length; i++) z += m.weights[i]! * x[i]!;
  return sigmoid(z);
}
