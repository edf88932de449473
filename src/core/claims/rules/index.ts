/**
 * The claim rules, in the order the pipeline runs them. Rules of a stage
 * live in files under `exclude/`, `classify/` and `widen/`; a new rule is a
 * new object in one of them, named here in its place.
 */
import { measuredTime, durationFrame } from './classify/measured-time';
import { chartRank, ordinal, zhRank } from './classify/ranks';
import { age } from './exclude/ages';
import { zhNumberAsName } from './exclude/chinese';
import { clockOrDate, decadeRule, monthDate, timeFrame, timeOfDay, year, zhTimeUnit } from './exclude/dates-and-times';
import { halfAlone, periodFraction } from './exclude/fractions';
import {
  ageAfterName, coordinates, dottedName, identifierWord, lettersAfter, lettersBefore, markBefore, nameWithHyphen, nameWithNumber,
  offerName, statuteName, streetAddress, zhCode,
} from './exclude/identifiers';
import { bracketedMarker, listicle, listMarker } from './exclude/list-markers';
import {
  capitalisedMidSentence, loneOne, numberWordBeforeIn, numberWordInName, referenceBack, withoutNoun, zeroCount,
} from './exclude/number-words';
import { leadingZero, phoneCall, phoneNumber } from './exclude/phone-numbers';
import { score } from './exclude/scores';
import { confidenceLevel, significance } from './exclude/statistics';
import type { ClaimRule } from './types';
import { ofWhole } from './widen/of-phrase';
import { qualifierAfter, qualifierBeforeRule, sign } from './widen/qualifiers';

/** Every claim rule, in pipeline order: the first that leaves a quantity out, or settles it, ends the run. */
export const claimRules: readonly ClaimRule[] = [
  qualifierAfter,
  // Numbers in digits: what their marks and neighbours make of them.
  year, decadeRule, lettersBefore, markBefore, ordinal, lettersAfter, clockOrDate, coordinates, ageAfterName, statuteName,
  significance, phoneNumber, dottedName, zhRank, zhNumberAsName, zhCode, leadingZero, listMarker, bracketedMarker,
  // Bare numbers and changes: dates, frames, positions and names around them.
  monthDate, timeFrame, chartRank, identifierWord, phoneCall, nameWithHyphen, streetAddress, offerName, nameWithNumber,
  score, age,
  // Times: measured, or a frame.
  measuredTime, durationFrame, timeOfDay, zhTimeUnit, confidenceLevel,
  // Number words.
  loneOne, numberWordInName, capitalisedMidSentence, referenceBack, withoutNoun, numberWordBeforeIn,
  listicle, ofWhole, halfAlone, periodFraction,
  // The anchor.
  sign, qualifierBeforeRule, zeroCount,
];
