import * as assert from 'node:assert/strict';
import { analyze, findFigures, type Claim } from '../../../src/core/index';
import { charsetOf, contentWords, deepLink, doiUrl, findFigure, indexSource, precisionOf, retryAfterMs, targetsOf, urlsOfSource, valuesAgree } from '../../../src/verify/index';

/** The claim whose text is `figure` in a plain-text sentence. */
function claimOf(sentence: string, figure: string): Claim {
  const claim = analyze(sentence, { format: 'text' }).claims.find((c) => c.text === figure);
  assert.ok(claim, `no claim "${figure}" in ${sentence}`);
  return claim;
}

describe('verification: figures and their values', () => {
  it('finds figures in prose with the claim finder, leaving out years', () => {
    const figures = findFigures('In 2023 output rose 67 per cent and files reached 4.5GB. 全年产量1288.8万辆。');
    assert.deepEqual(figures.map((f) => [f.text, f.kind, f.value]), [
      ['67 per cent', 'percent', 67],
      ['4.5GB', 'measure', 4.5],
      ['1288.8万辆', 'count', 12888000],
    ]);
  });

  const precisions: [string, number, number][] = [
    ['38,210', 38210, 1],
    ['38.2 thousand', 38200, 100],
    ['$40 billion', 4e10, 1e9],
    ['1.2万亿元', 1.2e12, 1e11],
    ['59.6%', 59.6, 0.1],
    ['38 210', 38210, 1],
  ];
  for (const [text, value, step] of precisions) {
    it(`reads "${text}" as written to ${step}`, () => {
      assert.ok(Math.abs(precisionOf(text, value) - step) < step * 1e-9, String(precisionOf(text, value)));
    });
  }

  const agreements: [string, string, string, string, boolean][] = [
    ['China filed 38,210 patents.', '38,210', 'Filings reached 38.2 thousand.', '38.2 thousand', true],
    ['China filed 38,210 patents.', '38,210', 'Filings reached 38.4 thousand.', '38.4 thousand', false],
    ['China filed 38,210 patents.', '38,210', 'Filings reached 38,201.', '38,201', false],
    ['Sales rose 67%.', '67%', 'Sales rose 67 percent.', '67 percent', true],
    ['Sales rose 67%.', '67%', 'Sales rose 67.4 percent.', '67.4 percent', true],
    ['Sales rose 67%.', '67%', 'Sales rose 68 percent.', '68 percent', false],
    ['It cost $40 billion.', '$40 billion', 'It cost US$40bn.', 'US$40bn', true],
    ['It cost $40 billion.', '$40 billion', 'It cost €40bn.', '€40bn', false],
    ['It cost $40 billion.', '$40 billion', 'It cost $40 million.', '$40 million', false],
    ['About 60% agreed.', 'About 60%', 'Of those asked 62.5% agreed.', '62.5%', true],
    ['About 60% agreed.', 'About 60%', 'Of those asked 55% agreed.', '55%', false],
    ['Over 40% agreed.', 'Over 40%', 'Of those asked 43% agreed.', '43%', true],
    ['Over 40% agreed.', 'Over 40%', 'Of those asked 38% agreed.', '38%', false],
    ['Under 40% agreed.', 'Under 40%', 'Of those asked 38% agreed.', '38%', true],
    ['Three quarters of firms agreed.', 'Three quarters', 'Of those asked 75% agreed.', '75%', true],
    ['收入1.2万亿元。', '1.2万亿元', 'Revenue was 1.2 trillion yuan.', '1.2 trillion yuan', true],
    ['收入1.2万亿元。', '1.2万亿元', 'Revenue was 1.2 trillion dollars.', '1.2 trillion dollars', false],
    ['Waiting lists stand at 7.6m cases.', '7.6m', 'Waiting lists reached 7.6 million cases.', '7.6 million', true],
    ['Waiting lists stand at 7.6m cases.', '7.6m', 'Waiting lists reached 7.2 million cases.', '7.2 million', false],
    ['It weighs 4.5GB.', '4.5GB', 'The file is 4.5 MB.', '4.5 MB', false],
  ];
  for (const [sentence, figure, source, sourceFigure, agree] of agreements) {
    it(`${agree ? 'matches' : 'does not match'} "${figure}" with "${sourceFigure}"`, () => {
      const found = findFigures(source).find((f) => f.text === sourceFigure);
      assert.ok(found, `no figure "${sourceFigure}" in ${source}: ${JSON.stringify(findFigures(source).map((f) => f.text))}`);
      assert.equal(valuesAgree(claimOf(sentence, figure), found), agree);
    });
  }
});

describe('verification: passages', () => {
  const filler = 'The survey covers every region and sets out its method in the notes.';

  it('keeps the passage that shares the most words with the claim', () => {
    const source = indexSource({ blocks: [
      { text: `${filler} Exports of wine rose 12% in the year.` },
      { text: `${filler} Solar output in Spain rose 12% in the year, the grid operator said.` },
    ] });
    const match = findFigure(claimOf('Spain\'s solar output rose 12% last year.', '12%'), source);
    assert.ok(match);
    assert.match(match.quote, /Solar output in Spain/u);
    assert.equal(match.figure, '12%');
    assert.equal(match.prefix, 'in Spain rose');
  });

  it('reads the words of the blocks beside a figure: a table\'s header and row label', () => {
    const source = indexSource({ blocks: [
      { text: filler },
      { text: 'Solar output by country' },
      { text: 'Country' }, { text: 'Rise in 2023' },
      { text: 'Spain' }, { text: '67%' },
      { text: 'Portugal' }, { text: '41%' },
    ] });
    const match = findFigure(claimOf('Spain\'s solar output rose 67% last year.', '67%'), source);
    assert.ok(match);
    assert.equal(match.quote, '67%');
  });

  it('needs a shared word: the bare figure is not enough', () => {
    const source = indexSource({ blocks: [{ text: `${filler} Inflation eased to 12% in March.` }] });
    assert.equal(findFigure(claimOf('Spain\'s solar output rose 12% last year.', '12%'), source), undefined);
  });

  it('stems English words and pairs Chinese characters', () => {
    assert.deepEqual([...contentWords('Patents filed by inventors in China')].sort(), ['china', 'fil', 'inventor', 'patent']);
    assert.deepEqual([...contentWords('新能源汽车产量')].sort(), ['产量', '新能', '汽车', '源汽', '能源', '车产']);
  });

  it('links to the passage with a text fragment, or to a PDF page', () => {
    assert.equal(deepLink('https://example.org/r?id=1#top', '38-210', 'filed by China'), 'https://example.org/r?id=1#:~:text=filed%20by%20China-,38%2D210');
    assert.equal(deepLink('https://example.org/r.pdf', '67%', 'rose', 3), 'https://example.org/r.pdf#page=3');
  });
});

describe('verification: what to fetch', () => {
  it('takes links, footnote URLs, and bibliography URLs and DOIs of cited claims', () => {
    const text = [
      '---',
      'references:',
      '  - id: wipo',
      '    title: Patent landscape',
      '    DOI: 10.1000/xyz-123',
      '---',
      '',
      'China filed 38,210 patents [@wipo].',
      '',
      'Sales rose 12%.[^1]',
      '',
      'Output rose [4%](https://example.org/output).',
      '',
      'Costs fell 9%, as [noted above](#local).',
      '',
      '[^1]: Annual report, https://example.org/a and https://example.org/b',
    ].join('\n');
    const targets = targetsOf(analyze(text, { format: 'markdown', bibliography: undefined }));
    const urls = targets.map((t) => [t.claim.text, t.urls]);
    assert.deepEqual(urls.filter(([figure]) => figure === '12%'), [['12%', ['https://example.org/a', 'https://example.org/b']]]);
    assert.deepEqual(urls.filter(([figure]) => figure === '4%'), [['4%', ['https://example.org/output']]]);
    assert.ok(!urls.some(([figure]) => figure === '9%'), 'a link within the page is not fetched');
  });

  it('sends a DOI through doi.org', () => {
    assert.equal(doiUrl('10.1000/xyz 123'), 'https://doi.org/10.1000/xyz%20123');
    assert.equal(doiUrl('doi:10.1000/abc'), 'https://doi.org/10.1000/abc');
    assert.equal(doiUrl('https://dx.doi.org/10.1000/abc'), 'https://doi.org/10.1000/abc');
    const source = { id: 0, kind: 'citation' as const, range: { start: 0, end: 1 }, label: 'k', key: 'k', entry: { key: 'k', authors: [], doi: '10.1000/abc' } };
    assert.deepEqual(urlsOfSource(source), ['https://doi.org/10.1000/abc']);
  });

  it('reads charsets from the header, then a meta tag', () => {
    assert.equal(charsetOf('text/html; charset=ISO-8859-1'), 'ISO-8859-1');
    assert.equal(charsetOf('text/html', new TextEncoder().encode('<html><head><meta charset="gb18030">')), 'gb18030');
    assert.equal(charsetOf('text/html; charset=nonsense'), 'utf-8');
  });

  it('reads Retry-After in seconds or as a date', () => {
    assert.equal(retryAfterMs('3'), 3000);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const ms = retryAfterMs(inAMinute) ?? -1;
    assert.ok(ms > 55_000 && ms <= 60_000, String(ms));
    assert.equal(retryAfterMs('soon'), undefined);
  });
});
