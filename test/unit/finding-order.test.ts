import * as assert from 'node:assert/strict';
import { chooseShown, rankOfCode } from '../../src/shared/finding-order';

interface Finding {
  readonly id: string;
  readonly start: number;
  readonly code: string;
}

const place = (f: Finding) => ({ start: f.start, end: f.start + 3, rank: rankOfCode(f.code) });
const ids = (findings: readonly Finding[]) => findings.map((f) => f.id);

describe('findings an editor shows when there are too many', () => {
  const findings: Finding[] = [
    { id: 'info-top', start: 10, code: 'attributed-claim' },
    { id: 'uncited-top', start: 20, code: 'uncited-claim' },
    { id: 'broken-mid', start: 500, code: 'missing-footnote' },
    { id: 'uncited-mid', start: 520, code: 'uncited-claim' },
    { id: 'info-end', start: 990, code: 'attributed-claim' },
    { id: 'uncited-end', start: 1000, code: 'uncited-claim' },
  ];

  it('shows everything, in the order given, when it fits', () => {
    assert.deepEqual(chooseShown(findings, place, [], 6), { shown: findings, hidden: 0 });
  });

  it('keeps uncited claims before broken sources and attributed claims', () => {
    const { shown, hidden } = chooseShown(findings, place, [], 4);
    assert.deepEqual(ids(shown), ['uncited-top', 'broken-mid', 'uncited-mid', 'uncited-end']);
    assert.equal(hidden, 2);
  });

  it('keeps the ones nearest the visible range first among equals, listed in document order', () => {
    assert.deepEqual(ids(chooseShown(findings, place, [{ start: 950, end: 1010 }], 2).shown), ['uncited-mid', 'uncited-end']);
    assert.deepEqual(ids(chooseShown(findings, place, [{ start: 0, end: 30 }], 2).shown), ['uncited-top', 'uncited-mid']);
    assert.deepEqual(ids(chooseShown(findings, place, [{ start: 0, end: 30 }, { start: 995, end: 1010 }], 2).shown), ['uncited-top', 'uncited-end']);
  });

  it('keeps a claim typed near the end of a long article when the view is there', () => {
    const many: Finding[] = Array.from({ length: 2126 }, (_, i) => ({ id: `u${i}`, start: i * 100, code: 'uncited-claim' }));
    const { shown, hidden } = chooseShown(many, place, [{ start: 2120 * 100, end: 2126 * 100 }]);
    assert.equal(shown.length, 1000);
    assert.equal(hidden, 1126);
    assert.ok(ids(shown).includes('u2125'));
    assert.ok(!ids(shown).includes('u0'));
  });
});
