import { seq, sym, word } from '../../pattern';
import { claimRule, Shape } from '../types';

const pValue = seq('p', sym('<', '>', '=', '≤', '≥'));
const confidence = seq(word('ci', 'cis'));
const confidenceWords = seq('confidence', word('interval', 'intervals', 'level'));

export const significance = claimRule({
  id: 'significance-level',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.marked,
  description: 'A significance level is how a result was tested, not a claim: "p < 0.01", "P = .03".',
  examples: { fires: ['The effect held (p < 0.01) in all groups.'], doesNotFire: ['The effect held in 12 groups.'] },
  apply: (c) => (c.numIndex >= 0 && pValue.endsBefore(c.tokens, c.numIndex) ? 'skip' : undefined),
});

export const confidenceLevel = claimRule({
  id: 'confidence-level',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.percent,
  description: 'A confidence level is how a figure was estimated, not a figure: "95% CI", "the 95% confidence interval".',
  examples: { fires: ['Risk fell 12% (95% CI 8 to 16).', 'We used the 95% confidence interval.'], doesNotFire: ['Risk fell 95% in the trial.'] },
  apply(c) {
    if (c.q.kind !== 'percent') return undefined;
    const at = c.q.last + 1;
    return confidence.startsAt(c.tokens, at) || confidenceWords.startsAt(c.tokens, at) ? 'skip' : undefined;
  },
});
