/**
 * `ignorePatterns`: regular expressions a workspace supplies, so they run on
 * a linear-time engine (RE2's, ported to JavaScript by `re2js`) instead of
 * the backtracking `RegExp`, which a pattern such as `^(?:.|.)*x$` can keep
 * busy for ever. RE2 syntax is JavaScript's without backreferences and
 * lookaround.
 */
import type { RE2JS } from 're2js';

/** Longest pattern accepted, in characters: a claim's text is short, and so is any pattern that matches one. */
export const maxIgnorePatternLength = 1000;

/** A compiled pattern that tests a claim's text. */
export interface IgnorePattern {
  readonly source: string;
  /** Whether the pattern matches anywhere in `text` (in time linear in `text`). */
  test(text: string): boolean;
}

/** Why `source` is not a usable pattern, in words; undefined when it is one. */
export function ignorePatternError(source: string): string | undefined {
  const compiled = compile(source);
  return typeof compiled === 'string' ? compiled : undefined;
}

const compiledPatterns = new Map<string, IgnorePattern | string>();

/** Compiles `source`, or says why it cannot be (cached: settings repeat the same few patterns). */
function compile(source: string): IgnorePattern | string {
  let found = compiledPatterns.get(source);
  if (found === undefined) {
    found = compileUncached(source);
    if (compiledPatterns.size > 1000) compiledPatterns.clear();
    compiledPatterns.set(source, found);
  }
  return found;
}

function compileUncached(source: string): IgnorePattern | string {
  if (source.length > maxIgnorePatternLength) return `longer than ${maxIgnorePatternLength} characters`;
  try {
    const re = re2js().compile(source);
    return { source, test: (text) => re.test(text) };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.replace(/^error parsing regexp: /u, '') : String(cause);
    return `not a valid regular expression (RE2 syntax: no backreferences or lookaround): ${detail}`;
  }
}

let engine: typeof RE2JS | undefined;

/** The engine, loaded on first use (`require` inside a function): a run whose settings have no pattern does not load it. */
function re2js(): typeof RE2JS {
  engine ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return engine;
}

/** The usable patterns of `sources`, compiled; invalid ones are left out (settings validation reports them). */
export function compileIgnorePatterns(sources: readonly string[]): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  for (const source of sources) {
    const compiled = compile(source);
    if (typeof compiled !== 'string') out.push(compiled);
  }
  return out;
}
