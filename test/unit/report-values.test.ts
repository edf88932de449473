import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import {
  formatAmount,
  formatClaimValue,
  formatClaimValueWithQualifier,
  languageOfText,
  linkableUrl,
  type ClaimValue,
  type ValueLanguage,
} from '../../src/core/report';

function value(kind: ClaimValue['kind'], v: number | null, unit: string | null = null, extra: Partial<ClaimValue> = {}): ClaimValue {
  return { kind, value: v, unit, ...extra };
}

describe('report values: formatAmount', () => {
  const rows: [number, ValueLanguage, number | undefined, string][] = [
    [38210, 'en', undefined, '38,210'],
    [1.48, 'en', undefined, '1.48'],
    [999999, 'en', undefined, '999,999'],
    [6.2e9, 'en', undefined, '6.2 billion'],
    [3.2553e9, 'en', undefined, '3.2553 billion'],
    [76.1e9, 'en', undefined, '76.1 billion'],
    [1e6, 'en', undefined, '1 million'],
    [1.2e12, 'en', undefined, '1.2 trillion'],
    [1e13, 'en', 2e13, '10–20 trillion'],
    [6.5, 'en', 7, '6.5–7'],
    [2300, 'zh', undefined, '2300'],
    [126000, 'zh', undefined, '12.6万'],
    [3.8e8, 'zh', undefined, '3.8亿'],
    [1.2e12, 'zh', undefined, '1.2万亿'],
    [1e5, 'zh', 2e5, '10–20万'],
  ];
  for (const [v, language, max, expected] of rows) {
    it(`${v}${max === undefined ? '' : `–${max}`} in ${language} reads "${expected}"`, () => {
      assert.equal(formatAmount(v, language, max), expected);
    });
  }
});

describe('report values: formatClaimValue', () => {
  const rows: [ClaimValue, ValueLanguage, string][] = [
    [value('money', 6.2e9, 'GBP'), 'en', '£6.2 billion'],
    [value('money', 4e10, 'USD'), 'en', '$40 billion'],
    [value('money', 38, 'GBP'), 'en', '£38'],
    [value('money', 3.2553e9, 'CNY'), 'en', 'CN¥3.2553 billion'],
    [value('money', 12, 'CHF'), 'en', 'CHF 12'],
    [value('money', -5e6, 'EUR'), 'en', '-€5 million'],
    [value('money', 1.2e12, 'CNY'), 'zh', '1.2万亿元'],
    [value('money', 8.5e9, 'CNY'), 'zh', '85亿元'],
    [value('money', 4e9, 'USD'), 'zh', '40亿美元'],
    [value('percent', 67), 'en', '67%'],
    [value('percent', 6.5, 'percent', { valueMax: 7 }), 'en', '6.5–7%'],
    [value('percent', 3, 'percentage points'), 'en', '3 percentage points'],
    [value('percent', 1, 'percentage points'), 'en', '1 percentage point'],
    [value('percent', 3, '个百分点'), 'zh', '3个百分点'],
    [value('percent', 5, '‰'), 'en', '5‰'],
    [value('fraction', 2 / 3), 'en', 'two-thirds (0.67)'],
    [value('fraction', 0.333333333333), 'en', 'one-third (0.33)'],
    [value('fraction', 0.5), 'en', 'a half (0.5)'],
    [value('fraction', 0.25), 'en', 'one-quarter (0.25)'],
    [value('fraction', 0.75), 'en', 'three-quarters (0.75)'],
    [value('fraction', 0.7), 'en', 'seven-tenths (0.7)'],
    [value('fraction', 0.4321), 'en', '0.4321'],
    [value('fraction', 2 / 3), 'zh', '三分之二 (0.67)'],
    [value('multiplier', 6), 'en', '6×'],
    [value('multiplier', 2), 'zh', '2倍'],
    [value('change', 2), 'en', '2×'],
    [value('change', 3, 'points'), 'en', '3 points'],
    [value('rank', 3), 'en', 'No. 3'],
    [value('rank', 3), 'zh', '第3'],
    [value('measure', 4.5, 'GB'), 'en', '4.5 GB'],
    [value('measure', 1.48, '°C'), 'en', '1.48°C'],
    [value('measure', 3.8e8, '千瓦时'), 'zh', '3.8亿千瓦时'],
    [value('measure', 140, 'kilometres'), 'en', '140 kilometres'],
    [value('count', 38210), 'en', '38,210'],
    [value('count', 126000), 'zh', '12.6万'],
    [value('count', null), 'en', '—'],
  ];
  for (const [claim, language, expected] of rows) {
    it(`${claim.kind} ${claim.value}${claim.unit ? ` ${claim.unit}` : ''} in ${language} reads "${expected}"`, () => {
      assert.equal(formatClaimValue(claim, language), expected);
    });
  }

  it('puts the qualifier where the language puts it', () => {
    assert.deepEqual(
      [
        formatClaimValueWithQualifier(value('money', 4e10, 'USD', { qualifier: 'over' }), 'en'),
        formatClaimValueWithQualifier(value('count', 1100, null, { qualifier: 'Roughly' }), 'en'),
        formatClaimValueWithQualifier(value('money', 8.5e9, 'CNY', { qualifier: '超过' }), 'zh'),
        formatClaimValueWithQualifier(value('money', 8.5e9, 'CNY', { qualifier: '左右' }), 'zh'),
        formatClaimValueWithQualifier(value('count', null, null, { qualifier: 'about' }), 'en'),
      ],
      ['over $40 billion', 'roughly 1,100', '超过85亿元', '85亿元左右', '—'],
    );
  });

  it('formats the values the analyser reads from English and Chinese articles', () => {
    const english = 'Two-thirds of homes use it. The farm cost an estimated £6.2 billion. Sales rose 67% last year.\n';
    const chinese = '全国新能源汽车销售额达1.2万亿元，同比增长67%。\n';
    const read = (text: string) => {
      const language = languageOfText(text);
      return analyze(text, { format: 'text' }).claims.map((c) => [c.text, formatClaimValue(c, language)]);
    };
    assert.deepEqual(read(english), [['Two-thirds', 'two-thirds (0.67)'], ['an estimated £6.2 billion', '£6.2 billion'], ['67%', '67%']]);
    assert.deepEqual(read(chinese), [['1.2万亿元', '1.2万亿元'], ['67%', '67%']]);
  });
});

describe('report values: languageOfText', () => {
  it('reads Chinese when Chinese characters outnumber Latin letters', () => {
    assert.equal(languageOfText('---\ntitle: 充电桩\n---\n全国充电桩数量增长了43%，据省能源局统计。'), 'zh');
    assert.equal(languageOfText('The ministry (国家统计局) said output rose 4%.'), 'en');
    assert.equal(languageOfText(''), 'en');
  });
});

describe('report values: linkableUrl', () => {
  it('keeps http, https and mailto URLs and refuses every other scheme', () => {
    assert.deepEqual(
      ['https://example.org/a?b=1', 'HTTP://EXAMPLE.ORG', 'mailto:desk@example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'vscode:extension/x', '/relative/path', 'https://', undefined, '  https://example.org  '].map(linkableUrl),
      ['https://example.org/a?b=1', 'HTTP://EXAMPLE.ORG', 'mailto:desk@example.org', undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'https://example.org'],
    );
  });
});
