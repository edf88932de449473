import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { claimExplanationMarkdown, escapeMarkdown } from '../../src/shared/hover-card';
import { analyze, defaultSettings, explainClaim, explainFile, formatOfPath, formatRuleStats, namedRules, ruleStats, type ReportFile } from '../../src/core/index';

const cli = resolve('dist/cli.js');

function articlesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return articlesUnder(path);
    return formatOfPath(path) ? [path] : [];
  });
}

function explained(path: string, text = readFileSync(path, 'utf8')): ReportFile {
  const format = formatOfPath(path) ?? 'text';
  return { path, text, analysis: analyze(text, { format, explain: true }) };
}

describe('explain: the rules behind each claim, in words', () => {
  it('explains a claim widened by a qualifier, its kind, value, status and named source', () => {
    const text = 'Revenue rose more than 40% last year, PitchBook found.';
    const file = explained('a.txt', text);
    assert.equal(file.analysis.claims.length, 1);
    assert.deepEqual(explainClaim(file.analysis.claims[0], file.analysis, text), [
      '"more than 40%" is a percentage: more than 40%',
      'span widened by qualifier-before ("more than 40%"): A qualifier before the number ("more than", "about", "up to", "超过", "约") is part of the claim.',
      'attributed: a named source, but no link, footnote or citation',
      'source: named source PitchBook ("found", found by reporting-verb)',
    ]);
  });

  it('lists the numbers the rules left out, with their line and column', () => {
    const out = explainFile(explained('b.md', 'Sales peaked in 2019.\n\nChildren under five get free care.\n'));
    assert.deepEqual(out.split('\n'), [
      'b.md:1:17 left out by year ("2019"): A bare four-digit number from 1000 to 2199 is a year, not a count.',
      'b.md:3:16 left out by age ("five"): An age is not a claim: "children under five", "aged over 80", "people 65 and older", "turned 40".',
    ]);
  });

  it('runs on every article under test/fixtures and names each claim', () => {
    const paths = articlesUnder(resolve('test/fixtures'));
    assert.ok(paths.length > 10, `found ${paths.length} articles`);
    let claims = 0;
    for (const path of paths) {
      const file = explained(path);
      const out = explainFile(file);
      for (const claim of file.analysis.claims) assert.ok(out.includes(`"${claim.text}" is `), `${path}: ${claim.text} explained`);
      claims += file.analysis.claims.length;
    }
    assert.ok(claims > 50, `explained ${claims} claims`);
  });

  it('counts rule hits over files and names the rules that never fired', () => {
    const stats = ruleStats([explained('c.txt', 'Sales peaked in 2019 at over 40%.')]);
    assert.equal(stats.counts.length, namedRules.length);
    assert.equal(stats.counts.find((c) => c.rule.id === 'year')?.hits, 1);
    assert.equal(stats.counts.find((c) => c.rule.id === 'qualifier-before')?.hits, 1);
    assert.ok(stats.neverFired.some((r) => r.id === 'age'));
    assert.ok(!stats.neverFired.some((r) => r.id === 'year'));
    const text = formatRuleStats(stats, 1);
    assert.match(text, /^\s+1 {2}year\s+exclude$/mu);
    assert.match(text, new RegExp(`^${stats.neverFired.length} of ${namedRules.length} rules never fired over 1 file:$`, 'mu'));
  });

  it('gives the hover the same explanation, escaped, for the claim under the pointer', () => {
    const text = 'Revenue rose more than 40% last year, PitchBook found.';
    const plain = analyze(text, { format: 'text' });
    const file = explained('a.txt', text);
    assert.equal(claimExplanationMarkdown(plain.claims[0], file.analysis, text), [
      '**Why**',
      ...explainClaim(file.analysis.claims[0], file.analysis, text).map((l) => `- ${escapeMarkdown(l)}`),
    ].join('\n'));
    assert.equal(claimExplanationMarkdown(plain.claims[0], analyze('Nothing here.', { format: 'text', explain: true }), text), '');
    assert.equal(defaultSettings.explainInHover, false);
  });

  it('claimlens check --explain and --rule-stats print the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-explain-'));
    try {
      writeFileSync(join(dir, 'a.md'), 'Revenue rose more than 40% last year, PitchBook found.\n');
      const explain = spawnSync(process.execPath, [cli, 'check', '--explain', '--no-color', 'a.md'], { cwd: dir, encoding: 'utf8' });
      assert.equal(explain.status, 0);
      assert.deepEqual(explain.stdout.split('\n').slice(0, 2), [
        'a.md:1:14 "more than 40%" is a percentage: more than 40%',
        '  span widened by qualifier-before ("more than 40%"): A qualifier before the number ("more than", "about", "up to", "超过", "约") is part of the claim.',
      ]);
      const stats = spawnSync(process.execPath, [cli, 'check', '--rule-stats', '--no-color', 'a.md'], { cwd: dir, encoding: 'utf8' });
      assert.match(stats.stdout, /^\s+1 {2}qualifier-before\s+widen$/mu);
      assert.match(stats.stdout, /rules never fired over 1 file:/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
