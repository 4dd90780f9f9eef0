// The logistic function, shared by the models that turn a weighted sum into a probability: article
// detection (page-kind.ts, article.ts' first look) and attribution's scorer (model/scorer.ts).
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
