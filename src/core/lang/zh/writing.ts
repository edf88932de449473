import type { ValueWriting } from '../types';

/** How Chinese reports write a claim's value: "1.2万亿元", "40亿美元", "三分之二 (0.67)", "3个百分点", "2倍", "第3". */
export const zhWriting: ValueWriting = {
  script: 'Han',
  decimalMark: '.',
  // Digits are not grouped: "2300".
  groupMark: '',
  // Scale words start at 万 (10,000): "12.6万".
  scales: [
    { size: 1e12, word: '万亿' },
    { size: 1e8, word: '亿' },
    { size: 1e4, word: '万' },
  ],
  scaleJoined: true,
  percent: '{n}%',
  percentagePoint: '{n}个百分点',
  percentagePoints: '{n}个百分点',
  percentUnits: ['百分之'],
  percentagePointUnits: ['个百分点'],
  multiplier: '{n}倍',
  rank: '第{n}{unit}',
  currencies: new Map([
    ['CNY', '元'],
    ['USD', '美元'],
    ['EUR', '欧元'],
    ['GBP', '英镑'],
    ['JPY', '日元'],
    ['HKD', '港元'],
    ['KRW', '韩元'],
    ['INR', '卢比'],
    ['CAD', '加元'],
    ['AUD', '澳元'],
  ]),
  money: '{n}{c}',
  fractions: {
    numbers: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'],
    pattern: '{d}分之{n}',
  },
  qualifiersAfter: ['左右', '上下', '以上', '以下', '多', '余', '有余', '出头'],
};
