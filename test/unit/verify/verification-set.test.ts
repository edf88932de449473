import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { Verifier } from '../../../src/verify/index';
import { confusionTable, loadSet, memoryFetcher, scoreSet, type SetScore } from '../../fixtures/verification/evaluate';

describe('verification: the labelled set of claim and source pairs', function () {
  this.timeout(20000);
  const { pairs, sources } = loadSet(resolve('test/fixtures/verification'));
  let score: SetScore;

  before(async () => {
    score = await scoreSet(pairs, new Verifier({ fetcher: memoryFetcher(sources), archiveApi: null }));
  });

  it('has at least 80 pairs of every case', () => {
    assert.ok(pairs.length >= 80, `${pairs.length} pairs`);
    const cases = new Set(pairs.map((p) => p.case));
    for (const c of ['other-form', 'other-words', 'nearby', 'other-subject', 'hedged']) assert.ok(cases.has(c), `no pair of case ${c}`);
  });

  it('gives not-found where the source states the figure in at most 5% of its not-found answers', () => {
    const wrong = score.results.filter((r) => r.got === 'not-found' && r.pair.expect !== 'not-found');
    assert.ok(score.notFoundPrecision >= 0.95, `precision of not-found ${score.notFoundPrecision.toFixed(3)}\n${confusionTable(score)}\n${wrong.map((r) => `  ${r.pair.claim}`).join('\n')}`);
  });

  it('is right about support for at least 90% of the pairs', () => {
    const wrong = score.results.filter((r) => r.got !== r.pair.expect);
    const detail = wrong.map((r) => `  expected ${r.pair.expect}, got ${r.got}: ${r.pair.claim} ${r.verification.quote ?? r.verification.reason ?? ''}`).join('\n');
    assert.ok(score.accuracy >= 0.9, `accuracy ${score.accuracy.toFixed(3)}\n${confusionTable(score)}\n${detail}`);
    assert.ok(score.supportedPrecision >= 0.9, `precision of supported ${score.supportedPrecision.toFixed(3)}\n${detail}`);
  });

  it('reads every pair\'s source: no pair is left unreachable or not checked', () => {
    assert.deepEqual(score.results.filter((r) => r.got === 'unreachable' || r.got === 'not-checked').map((r) => [r.pair.claim, r.verification.reason]), []);
  });
});
