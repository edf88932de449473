import type { ValueWriting } from '../types';

/** How English reports write a claim's value: "£6.2 billion", "two-thirds (0.67)", "3 percentage points", "No. 3". */
export const enWriting: ValueWriting = {
  script: 'Latin',
  decimalMark: '.',
  groupMark: ',',
  // Scale words start at a million: "38,210", "999,999", "1 million".
  scales: [
    { size: 1e12, word: 'trillion' },
    { size: 1e9, word: 'billion' },
    { size: 1e6, word: 'million' },
  ],
  scaleJoined: false,
  percent: '{n}%',
  percentagePoint: '{n} percentage point',
  percentagePoints: '{n} percentage points',
  percentUnits: ['percent', 'per cent'],
  percentagePointUnits: ['percentage points', 'percentage point', 'pp', 'points', 'point'],
  multiplier: '{n}×',
  rank: 'No. {n} {unit}',
  currencies: new Map([
    ['USD', '$'],
    ['GBP', '£'],
    ['EUR', '€'],
    ['CNY', 'CN¥'],
    ['JPY', 'JP¥'],
    ['INR', '₹'],
    ['KRW', '₩'],
    ['CAD', 'CA$'],
    ['AUD', 'A$'],
    ['HKD', 'HK$'],
  ]),
  money: '{c}{n}',
  fractions: {
    numbers: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'],
    parts: new Map([
      [2, ['half', 'halves']],
      [3, ['third', 'thirds']],
      [4, ['quarter', 'quarters']],
      [5, ['fifth', 'fifths']],
      [6, ['sixth', 'sixths']],
      [7, ['seventh', 'sevenths']],
      [8, ['eighth', 'eighths']],
      [9, ['ninth', 'ninths']],
      [10, ['tenth', 'tenths']],
      [12, ['twelfth', 'twelfths']],
    ]),
    pattern: '{n}-{part}',
    named: new Map([['1/2', 'a half']]),
  },
  qualifiersAfter: [],
};
