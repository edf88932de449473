import type { RuleInfo } from '../../claims/rules/types';
import type { Token } from '../../claims/tokens';
import type { Named } from '../attribution';
import type { Language } from '../../lang/types';

/** What an attribution rule looks at: the prose, its tokens, and the phrases the settings add. */
export interface AttributionContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** The prose range searched: names never reach outside it. */
  readonly from: number;
  readonly to: number;
  /** `settings.attributionPhrases`, each as the lower-case texts of its tokens. */
  readonly phrases: readonly (readonly string[])[];
  /** The same phrases by their first token's text: a token is checked against the few phrases it can start. */
  readonly phrasesByFirst: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** The packs of the settings' languages that no rule of their own serves: the `pack-…` rules read them from their data. */
  readonly packs: readonly Language[];
  /** The token index before which rules that read a whole phrase do not start again (set by those rules). */
  resumeAt: number;
}

/** A rule that finds a named source at a token. */
export interface AttributionRule extends RuleInfo {
  readonly stage: 'attribute';
  /**
   * Which earlier attribution the one found must not overlap: `name` (the
   * name it found may not start inside one: "a report by IDC found" names
   * IDC once) or `phrase` (only its own phrase may not).
   */
  readonly overlap: 'name' | 'phrase';
  /** Word-class bits of words and Han characters that can start the phrase; 0 to look at every token. */
  readonly triggers: number;
  /**
   * The attribution whose phrase starts at token `i`; null when the phrase
   * is there but names no source (later rules are not tried); undefined
   * when the phrase is not there.
   */
  find(ctx: AttributionContext, i: number): Named | readonly Named[] | null | undefined;
}

/** An attribution rule, checked for the shape every rule file must have. */
export function attributionRule(rule: AttributionRule): AttributionRule {
  return rule;
}
