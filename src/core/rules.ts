import { claimRules } from './claims/rules/index';
import { pageCountRule } from './claims/rules/exclude/page-furniture';
import type { RuleInfo } from './claims/rules/types';
import { makerOfEvidence } from './sources/rules/english';
import { attributionRules } from './sources/rules/index';

export type { RuleExamples, RuleInfo, RuleStage } from './claims/rules/types';

/** Strips a rule to what it says about itself. */
function infoOf(rule: RuleInfo): RuleInfo {
  const { id, languages, stage, description, examples } = rule;
  return { id, languages, stage, description, examples };
}

/**
 * Every named rule, claim rules in pipeline order, then page furniture, then
 * attribution rules: their ids, stages, languages, descriptions and examples.
 */
export const namedRules: readonly RuleInfo[] = [...claimRules, pageCountRule, ...attributionRules, makerOfEvidence].map(infoOf);

/** A named rule by its id, or undefined. */
export function ruleById(id: string): RuleInfo | undefined {
  return namedRules.find((r) => r.id === id);
}
