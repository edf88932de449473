import * as assert from 'node:assert/strict';
import { analyze, namedRules, parseSettings, registerLanguage, type Analysis, type RuleFiring, type RuleInfo } from '../../src/core/index';
import { de } from './lang-de/de';

// The `pack-…` rules read a language that has only its pack: their examples are German, read with the test's German pack.
registerLanguage(de);

/** The analysis of one example, with every rule firing recorded. */
function explain(rule: RuleInfo, text: string): Analysis {
  const { settings, issues } = parseSettings(rule.examples.settings ?? {});
  assert.deepEqual(issues, [], `rule ${rule.id}: its example settings are valid`);
  return analyze(text, { format: rule.examples.format ?? 'text', settings, explain: true });
}

function firingsOf(rule: RuleInfo, analysis: Analysis): RuleFiring[] {
  return (analysis.firings ?? []).filter((f) => f.rule === rule.id);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** What a firing must have done to the analysis, by its effect. */
function checkEffect(rule: RuleInfo, text: string, analysis: Analysis, firing: RuleFiring): void {
  const at = `"${text.slice(firing.range.start, firing.range.end)}" in "${text}"`;
  switch (firing.effect) {
    case 'left out':
      assert.ok(!analysis.claims.some((c) => c.range.start === firing.range.start), `${rule.id} left out ${at}, yet a claim starts there`);
      break;
    case 'widened':
    case 'kind':
      assert.ok(analysis.claims.some((c) => c.range.start <= firing.range.start && c.range.end >= firing.range.end) ||
        (analysis.firings ?? []).some((f) => f.effect === 'left out' && overlaps(f.range, firing.range)), `${rule.id} shaped ${at}, yet no claim holds it`);
      break;
    case 'attributed':
      assert.ok(analysis.sources.some((s) => s.kind === 'textual') || !analysis.claims.length, `${rule.id} attributed ${at}, yet no claim has a named source`);
      break;
  }
}

describe('named rules: every rule fires on its examples and not on its counter-examples, through analyze()', () => {
  for (const rule of namedRules) {
    describe(`${rule.stage}/${rule.id}`, () => {
      it('has an id, a one-line description and examples on both sides', () => {
        assert.match(rule.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
        assert.ok(rule.description.length > 10 && !rule.description.includes('\n'), 'one line');
        assert.ok(rule.examples.fires.length > 0, 'fires on at least one example');
        assert.ok(rule.examples.doesNotFire.length > 0, 'does not fire on at least one example');
        assert.ok(rule.languages.length > 0);
      });
      for (const text of rule.examples.fires) {
        it(`fires on ${JSON.stringify(text)}`, () => {
          const analysis = explain(rule, text);
          const fired = firingsOf(rule, analysis);
          assert.ok(fired.length > 0, `${rule.id} did not fire; rules that did: ${(analysis.firings ?? []).map((f) => f.rule).join(', ') || 'none'}`);
          for (const f of fired) checkEffect(rule, text, analysis, f);
        });
      }
      for (const text of rule.examples.doesNotFire) {
        it(`does not fire on ${JSON.stringify(text)}`, () => {
          assert.deepEqual(firingsOf(rule, explain(rule, text)).map((f) => text.slice(f.range.start, f.range.end)), []);
        });
      }
    });
  }

  it('gives every rule its own id', () => {
    const ids = namedRules.map((r) => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('records nothing unless asked to explain', () => {
    assert.equal(analyze('Sales peaked in 2019 at 40%.', { format: 'text' }).firings, undefined);
  });
});
