// The learned decision and the sieve's steps as data: shipped weights fit the features, low confidence
// withholds the speaker (Unattributed), every step the sieve reports is a named Step, and the docs name
// only steps and constants that exist, with the values given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lang from '../../src/core/entities/lang';
import { FEATURES, featureVector, STEP_FEATURES } from '../../src/core/model/features';
import { confidence, MODEL, modelMatches } from '../../src/core/model/scorer';
import * as quotes from '../../src/core/quotes';
import * as speakers from '../../src/core/speakers';
import * as mentions from '../../src/core/speakers-mentions';
import { parseStep, STEPS } from '../../src/core/speakers-steps';
import { analyse } from './speakers-helpers';

const page =
  '<p>The harbour board met on Monday.</p><p>“We open in May,” said Margit Olsen, who leads the board.</p>' +
  '<p>Olsen added: “The pier is safe.” She said the “hard part” was over.</p><p>“It is late,” Sometimes said.</p>';

describe('the learned scorer', () => {
  it('ships weights for exactly the features the code computes, and a threshold in (0, 1)', () => {
    expect(modelMatches()).toBe(true);
    expect(MODEL.weights).toHaveLength(FEATURES.length);
    expect(MODEL.threshold).toBeGreaterThan(0);
    expect(MODEL.threshold).toBeLessThan(1);
  });
  it('every attribution carries a confidence; below the threshold the speaker is withheld', () => {
    const withModel = analyse(page, 'en', {}).result.attributions;
    for (const a of withModel) expect(a.confidence ?? 0).toBeGreaterThanOrEqual(0);
    for (const a of withModel)
      if (a.step?.endsWith(':withheld')) {
        expect(a.speaker).toBeNull();
        expect(a.confidence!).toBeLessThan(MODEL.threshold);
      } else if (a.speaker !== null) expect(a.confidence!).toBeGreaterThanOrEqual(MODEL.threshold);
  });
  it('a threshold of 1 withholds every speaker; a threshold of 0 none', () => {
    const all = analyse(page, 'en', { model: { ...MODEL, threshold: 1.01 } }).result;
    expect(all.attributions.every((a) => a.speaker === null)).toBe(true);
    expect(all.speakers).toEqual([]);
    const none = analyse(page, 'en', { model: { ...MODEL, threshold: 0 } }).result.attributions;
    expect(none.map((a) => a.speaker)).toEqual(analyse(page).who);
  });
  it('a common word never gets a card, whatever the model says', () => {
    const { who } = analyse(page, 'en', { model: { ...MODEL, threshold: 0 } });
    expect(who).not.toContain('Sometimes');
  });
  it('a clear cue scores higher than the same speaker reached by continuation', () => {
    const base = featureVector({
      step: 'right:said-X',
      mentionKind: 'name',
      speakerType: 'person',
      speaker: 'Margit Olsen',
      full: true,
      hasRole: false,
      mentions: 2,
      quoteText: 'We open in May,',
      partial: false,
      inHeading: false,
      lang: 'en',
      foreign: false,
      speakerQuotes: 2,
      speakerCued: 2,
      lowerWords: new Set(),
      sieveChoice: true,
      votes: 1,
      candidates: 1,
    });
    const cont = featureVector({
      step: 'continuation:next-in-block',
      mentionKind: null,
      speakerType: 'person',
      speaker: 'Margit Olsen',
      full: true,
      hasRole: false,
      mentions: 2,
      quoteText: 'hard part',
      partial: true,
      inHeading: false,
      lang: 'en',
      foreign: false,
      speakerQuotes: 2,
      speakerCued: 2,
      lowerWords: new Set(),
      sieveChoice: true,
      votes: 1,
      candidates: 1,
    });
    expect(confidence(base)).toBeGreaterThan(confidence(cont));
  });
});

describe('the sieve as data', () => {
  it('every step the sieve reports parses to a named Step', () => {
    const tags = analyse(page).result.attributions.map((a) => a.step ?? 'none');
    for (const t of tags) expect(parseStep(t), t).not.toBeNull();
    expect(parseStep('closing:right:said-X:withheld')).toEqual({
      step: 'right:said-X',
      prefix: 'closing',
      suffix: 'withheld',
    });
    expect(parseStep('left:nonsense')).toBeNull();
  });
  it('the model has one feature per step that can name a speaker (none of the no-one steps)', () => {
    expect(STEP_FEATURES).toEqual(STEPS.filter((s) => s.stage !== 'none').map((s) => s.name));
    expect(STEP_FEATURES).not.toContain('quote:title');
  });

  const docs = readFileSync(join(process.cwd(), 'docs', 'attribution.md'), 'utf8');
  it('docs/attribution.md names only steps that exist', () => {
    const named = [
      ...docs.matchAll(/`((?:right|left|heading|continuation|subject|closing|intro|intro-prev|quote):[^`\s]+)`/g),
    ].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    for (const n of named) expect(parseStep(n), n).not.toBeNull();
  });
  it('docs/attribution.md names only constants that exist, with the values given', () => {
    const constants: Record<string, unknown> = { ...quotes, ...speakers, ...mentions, ...lang };
    const named = [...docs.matchAll(/`([A-Z][A-Z0-9_]{3,})` \(([\d ,.]+)\)/g)];
    expect(named.length).toBeGreaterThan(5);
    for (const [, name, value] of named) {
      expect(constants, `${name} is not exported`).toHaveProperty(name!);
      expect(constants[name!], name).toBe(Number(value!.replace(/[ ,]/g, '')));
    }
  });
});
