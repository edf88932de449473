/**
 * The attribution rules, in the order they are tried at each token: the
 * first whose phrase stands there decides. A new rule is a new object in a
 * file of this folder, named here in its place.
 */
import { zhAccording, zhReportingVerb, zhSourceLine } from './chinese';
import {
  accordingTo, citing, evidenceBy, evidencePutsFigure, inJournal, participleBy, perSource, reportingTag, reportingVerb, sourceLine,
} from './english';
import { packReportingVerb, packSourceOpener } from './from-pack';
import { settingPhrase } from './phrases';
import type { AttributionRule } from './types';

/** Every attribution rule, in the order they are tried; `setting-phrase` last, when no built-in phrase stands at a token. */
export const attributionRules: readonly AttributionRule[] = [
  accordingTo, perSource, inJournal, citing, sourceLine, evidenceBy, evidencePutsFigure, participleBy, reportingVerb, reportingTag,
  zhAccording, zhSourceLine, zhReportingVerb,
  packSourceOpener, packReportingVerb,
  settingPhrase,
];
