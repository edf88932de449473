import * as assert from 'node:assert/strict';
import { analyze, claimMessage, defaultSettings, parseSettings, type Format } from '../../src/core/index';
import { isNameOnly, isTopicPage, isWeakLink } from '../../src/core/sources/weak-links';

describe('weak links: text that is only a name', () => {
  const table: [string, boolean][] = [
    ['Yahoo', true],
    ['Yahoo’s', true],
    ['Tim Cook', true],
    ['the Federal Reserve', true],
    ['Bank of England', true],
    ['Procter & Gamble', true],
    ['iFlytek', true],
    ['U.S. Census Bureau', true],
    ['国家统计局', true],
    ['the filing shows', false],
    ['report', false],
    ['38,210 generative AI patents', false],
    ['Q3 2024 results', false],
    ['According to Reuters', false],
    ['of England', false],
    ['One Two Three Four Five Six Seven', false],
    ['', false],
  ];
  for (const [label, expected] of table) it(`${JSON.stringify(label)} → ${expected}`, () => assert.equal(isNameOnly(label), expected));
});

describe('weak links: pages about a name', () => {
  const table: [string, boolean][] = [
    ['https://www.nytimes.com/topic/company/yahoo-inc', true],
    ['https://techcrunch.com/tag/yahoo/', true],
    ['https://news.example/en/people/tim-cook', true],
    ['https://news.example/tag/ai/page/2', true],
    ['https://en.wikipedia.org/wiki/Tim_Cook', true],
    ['https://www.yahoo.com/', true],
    ['https://yahoo.com', true],
    ['https://twitter.com/nasa', true],
    ['https://www.linkedin.com/company/yahoo', true],
    ['https://www.crunchbase.com/organization/yahoo', true],
    ['https://twitter.com/nasa/status/1234567890', false],
    ['https://en.wikipedia.org/wiki/Tim_Cook/Archive', false],
    ['https://www.sec.gov/Archives/edgar/data/1011006/000119312517065791/d353069d8k.htm', false],
    ['https://news.example/2017/06/13/yahoo-verizon-deal-closes', false],
    ['https://news.example/topic/yahoo/2017/06/13/deal-closes', false],
    ['https://www.yahoo.com/?q=earnings', false],
    ['mailto:press@yahoo.com', false],
    ['not a url', false],
  ];
  for (const [url, expected] of table) it(`${url} → ${expected}`, () => assert.equal(isTopicPage(url), expected));

  // Plain http(s) addresses are taken apart by hand; the answer must be the URL parser's.
  it('reads plain addresses as the URL parser does', () => {
    const byParser = (url: string): boolean => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
      const host = parsed.hostname.replace(/^www\./u, '');
      const segments = parsed.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s).toLowerCase());
      if (!segments.length) return !parsed.search;
      if (/(?:^|\.)wikipedia\.org$/u.test(host)) return segments[0] === 'wiki' && segments.length === 2;
      if (/(?:^|\.)(?:twitter\.com|linkedin\.com)$/u.test(host)) return segments.length <= 2 && !segments.includes('status');
      return segments.length === 2 && (segments[0] === 'topic' || segments[0] === 'tag');
    };
    const urls = [
      'HTTPS://WWW.Yahoo.COM/', 'https://yahoo.com?', 'https://yahoo.com/?#top', 'https://yahoo.com/?q', 'https://yahoo.com#top',
      'https://yahoo.com/./', 'https://yahoo.com/topic/../', 'https://news.example/topic/./yahoo', 'https://news.example/topic/yahoo/..',
      'https://news.example/TOPIC/Yahoo', 'https://news.example//topic//yahoo//', 'https://news.example/topic/ya%68oo',
      'https://news.example:443/topic/yahoo', 'https://user@news.example/topic/yahoo', 'https://news.example\\topic\\yahoo',
      'https://1.2.3.4/', 'https://1.2.3.999/', 'https://xn--nxasmq6b.example/', 'https://xn--a.example/', 'https://example.com./',
      'https:news.example/topic/yahoo', 'https:/news.example/topic/yahoo', ' https://yahoo.com/', 'https://yahoo.com/?\u0001',
      'https://yahoo.com/?\t', 'https://en.wikipedia.org/wiki/Tim_Cook', 'https://twitter.com/nasa/status/1',
      "https://news.example/topic/o'brien", 'https://news.example/topic/a;b=c', 'https://news.example/topic/yahoo?x=1#y',
    ];
    for (const url of urls) assert.equal(isTopicPage(url), byParser(url), url);
  });

  it('needs both: a name on a topic page', () => {
    assert.equal(isWeakLink('Yahoo', 'https://news.example/topic/yahoo'), true);
    assert.equal(isWeakLink('the deal filing', 'https://news.example/topic/yahoo'), false);
    assert.equal(isWeakLink('Yahoo', 'https://sec.example/filings/yahoo-8k.htm'), false);
    assert.equal(isWeakLink('Yahoo', undefined), false);
  });
});

describe('weak links: the linkSources setting', () => {
  const article = [
    '[Yahoo](https://www.nytimes.com/topic/company/yahoo-inc)’s $4.8 billion sale to Verizon closed in June.',
    '',
    'Revenue rose 12% last year, [the filing shows](https://sec.example/filing/10-k).',
    '',
    'Shares fell 3% after [Yahoo](https://news.example/topic/yahoo) reported, [the exchange said](https://nasdaq.example/notice/42).',
    '',
  ].join('\n');
  const html = '<p><a href="https://en.wikipedia.org/wiki/Yahoo!">Yahoo</a> sold its core business for $4.8 billion.</p>';

  const run = (text: string, format: Format, linkSources: 'any' | 'strong') =>
    analyze(text, { format, settings: parseSettings({ linkSources }).settings }).claims.map((c) => [c.text, c.status, c.sources.filter((s) => s.weak).map((s) => s.label)]);

  it('"any" (the default): a link on a name cites, and is marked weak', () => {
    assert.equal(defaultSettings.linkSources, 'any');
    assert.deepEqual(run(article, 'markdown', 'any'), [
      ['$4.8 billion', 'cited', ['Yahoo']],
      ['12%', 'cited', []],
      ['3%', 'cited', ['Yahoo']],
    ]);
    assert.deepEqual(run(html, 'html', 'any'), [['$4.8 billion', 'cited', ['Yahoo']]]);
  });

  it('"strong": a claim cited only by a link on a name is attributed; another link still cites', () => {
    assert.deepEqual(run(article, 'markdown', 'strong'), [
      ['$4.8 billion', 'attributed', ['Yahoo']],
      ['12%', 'cited', []],
      ['3%', 'cited', ['Yahoo']],
    ]);
    assert.deepEqual(run(html, 'html', 'strong'), [['$4.8 billion', 'attributed', ['Yahoo']]]);
  });

  it('says "cited only by a link on a name" in the finding, under either setting', () => {
    for (const linkSources of ['any', 'strong'] as const) {
      const claim = analyze(article, { format: 'markdown', settings: parseSettings({ linkSources }).settings }).claims[0];
      assert.match(claimMessage(claim), /^Claim "\$4\.8 billion" is cited only by a link on a name/u, linkSources);
      assert.ok(claimMessage(claim).includes('https://www.nytimes.com/topic/company/yahoo-inc'));
    }
    const strong = analyze(article, { format: 'markdown', settings: parseSettings({ linkSources: 'strong' }).settings }).claims[2];
    assert.equal(claimMessage(strong), 'Claim "3%" is cited: link to https://news.example/topic/yahoo, link to https://nasdaq.example/notice/42.');
  });

  it('rejects another value, keeping the default', () => {
    const parsed = parseSettings({ linkSources: 'weak' });
    assert.equal(parsed.settings.linkSources, 'any');
    assert.deepEqual(parsed.issues.map((i) => i.field), ['linkSources']);
  });
});

describe('weak links: the editor\'s diagnostic message', () => {
  it('says "cited only by a link on a name" for either status', async () => {
    const { claimMessage: diagnosticMessage } = await import('../../src/shared/diagnostic-codes');
    const text = '[Yahoo](https://news.example/topic/yahoo)’s $4.8 billion sale closed.\n';
    const any = analyze(text, { format: 'markdown' }).claims[0];
    const strong = analyze(text, { format: 'markdown', settings: parseSettings({ linkSources: 'strong' }).settings }).claims[0];
    assert.equal(diagnosticMessage(any), 'Cited claim "$4.8 billion", only by a link on a name');
    assert.equal(diagnosticMessage(strong), 'Cited only by a link on a name (Yahoo), which leads to no evidence for "$4.8 billion"');
  });
});
