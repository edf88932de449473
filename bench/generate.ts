// Seeded generators of news-style articles for the benchmark and the
// robustness tests: paragraphs dense with numbers, links, footnotes,
// `[@key]` citations and named attributions, some Chinese paragraphs,
// tables, lists and quotes. One article model is rendered three ways, as
// Markdown, HTML and plain text, so the formats carry the same content.
// Every sentence is drawn afresh (numbers, names, order), so no paragraph
// repeats verbatim and per-block caches cannot make a large input cheap.

/** The formats an article is rendered in. */
export type ArticleFormat = 'markdown' | 'html' | 'text';

/** One article in the three formats. */
export interface GeneratedArticle {
  readonly markdown: string;
  readonly html: string;
  readonly text: string;
}

/** A small, fast, seeded pseudo-random generator (mulberry32). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---------------------------------------------------------------------------
// The article model

/** An inline piece of a sentence. */
type Inline =
  | string
  | { readonly link: string; readonly url: string; readonly title?: string }
  | { readonly note: number }
  | { readonly cite: string; readonly locator?: string; readonly author: string; readonly year: number }
  | { readonly em: string }
  | { readonly strong: string }
  | { readonly code: string };

type Sentence = Inline[];

type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'paragraph'; readonly sentences: Sentence[]; readonly lang: 'en' | 'zh' }
  | { readonly kind: 'quote'; readonly sentences: Sentence[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: Sentence[] }
  | { readonly kind: 'table'; readonly header: string[]; readonly rows: string[][]; readonly source: Sentence }
  | { readonly kind: 'code'; readonly lines: string[] };

interface Note {
  readonly n: number;
  readonly text: string;
  readonly url: string;
}

const orgs = [
  'WIPO', 'PitchBook', 'McKinsey', 'the OECD', 'the World Bank', 'IDC', 'Gartner', 'Stanford HAI', 'the IMF',
  'Crunchbase', 'Eurostat', 'CB Insights', 'the Census Bureau', 'Deloitte', 'the European Commission',
  'the Bank of England', 'Counterpoint Research', 'SEMI', 'the International Energy Agency', 'Moody’s',
];
const orgDomains: Record<string, string> = {
  WIPO: 'wipo.int', PitchBook: 'pitchbook.com', McKinsey: 'mckinsey.com', 'the OECD': 'oecd.org',
  'the World Bank': 'worldbank.org', IDC: 'idc.com', Gartner: 'gartner.com', 'Stanford HAI': 'hai.stanford.edu',
  'the IMF': 'imf.org', Crunchbase: 'news.crunchbase.com', Eurostat: 'ec.europa.eu',
};
const companies = [
  'Huawei', 'Samsung', 'Tencent', 'Baidu', 'IBM', 'Alphabet', 'Microsoft', 'Nvidia', 'Alibaba', 'Sony', 'Siemens',
  'Toyota', 'LG', 'Intel', 'Qualcomm', 'ByteDance', 'TSMC', 'ASML', 'Ping An', 'Bosch',
];
const regions = [
  'China', 'the United States', 'South Korea', 'Japan', 'Germany', 'India', 'the UK', 'France', 'Brazil', 'Canada',
  'the EU', 'Singapore', 'Israel', 'Vietnam', 'Mexico',
];
const things = [
  'generative AI patents', 'venture deals', 'data-centre projects', 'chip exports', 'research papers',
  'startup funding rounds', 'robot installations', 'EV shipments', 'cloud contracts', 'job postings',
  'patent families', 'smartphone shipments', 'graduate students', 'new factories', 'licensing agreements',
];
const amounts = [
  'R&D spending', 'venture funding', 'cloud revenue', 'semiconductor sales', 'public investment', 'export earnings',
  'capital expenditure', 'operating profit', 'fund commitments', 'annual revenue',
];
const people = [
  'Maria Chen', 'David Okafor', 'Priya Raman', 'Lars Eriksson', 'Sofia Alvarez', 'Kenji Watanabe', 'Amara Nwosu',
  'Tom Becker', 'Li Wei', 'Hannah Schulz', 'Rafael Costa', 'Aisha Khan',
];
const roles = ['an analyst at', 'chief economist at', 'a partner at', 'head of research at', 'a senior fellow at'];
const verbsUp = ['rose', 'grew', 'climbed', 'jumped', 'increased'];
const verbsDown = ['fell', 'dropped', 'declined', 'slipped', 'shrank'];
const qualifiers = ['over', 'nearly', 'about', 'more than', 'almost', 'roughly', 'at least', 'less than'];
const multipliers = ['two times', 'three times', 'six times', 'twice', '2.5 times', '4x', 'ten times'];
const fractions = ['a quarter', 'a third', 'two-thirds', 'half', 'one in five', 'three in ten', 'four of the top five'];
const currencies: readonly [string, string][] = [['$', ''], ['€', ''], ['£', ''], ['US$', ''], ['', ' yuan'], ['¥', '']];
const scales = ['million', 'billion', 'trillion'];
const fillers: readonly string[][] = [
  ['Analysts', 'Investors', 'Officials', 'Executives', 'Economists', 'Researchers'],
  ['remain divided on', 'have questioned', 'are watching', 'disagree about', 'have played down', 'keep returning to'],
  ['what the figures mean for smaller firms', 'how long the boom can last', 'the role of state subsidies',
    'whether the trend will hold', 'the quality of the filings', 'the pace of hiring', 'the outlook for next year'],
];
const connectives = ['Meanwhile, ', 'By contrast, ', 'Still, ', 'At the same time, ', 'In addition, ', '', '', '', ''];

const zhOrgs = ['国家统计局', '工信部', '中国信通院', '海关总署', '中国人民银行', '世界知识产权组织', '国家知识产权局', '艾瑞咨询'];
const zhRegions = ['全国', '广东省', '江苏省', '上海市', '北京市', '浙江省', '东北三省', '长三角地区'];
const zhTopics = ['人工智能核心产业', '集成电路产量', '新能源汽车销量', '数字经济规模', '研发投入', '软件业务收入', '5G基站数量', '跨境电商进出口'];
const zhCompanies = ['华为', '腾讯', '百度', '阿里巴巴', '中芯国际', '比亚迪', '宁德时代', '小米'];

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

class ArticleModel {
  readonly blocks: Block[] = [];
  readonly notes: Note[] = [];
  private readonly citeKeys: { key: string; author: string; year: number }[] = [];

  constructor(private readonly r: Random) {
    for (let i = 0; i < 40; i++) {
      const author = r.pick(people).split(' ')[1];
      const year = r.int(2012, 2024);
      this.citeKeys.push({ key: `${author.toLowerCase()}${year}${'abcdefgh'[i % 8]}`, author, year });
    }
  }

  // --- numbers -------------------------------------------------------------

  private count(): string {
    const r = this.r;
    switch (r.int(0, 4)) {
      case 0:
        return withCommas(r.int(1_000, 99_999));
      case 1:
        return withCommas(r.int(100, 999));
      case 2:
        return `${r.int(1, 99)}.${r.int(1, 9)} million`;
      case 3:
        return withCommas(r.int(10_000, 2_000_000));
      default:
        return String(r.int(12, 480));
    }
  }

  private percent(): string {
    const r = this.r;
    const n = r.chance(0.5) ? String(r.int(2, 95)) : `${r.int(1, 60)}.${r.int(1, 9)}`;
    return r.pick([`${n}%`, `${n}%`, `${n} percent`, `${n} per cent`, `${n} percentage points`]);
  }

  private money(): string {
    const r = this.r;
    const [pre, post] = r.pick(currencies);
    const n = r.chance(0.5) ? String(r.int(2, 950)) : `${r.int(1, 99)}.${r.int(1, 9)}`;
    return `${pre}${n} ${r.pick(scales)}${post}`;
  }

  private qualified(s: string): string {
    return this.r.chance(0.35) ? `${this.r.pick(qualifiers)} ${s}` : s;
  }

  private year(): number {
    return this.r.int(2015, 2024);
  }

  // --- sources ---------------------------------------------------------------

  private url(org: string): string {
    const r = this.r;
    const domain = orgDomains[org] ?? r.pick(['reuters.com', 'ft.com', 'example.org', 'data.example.net', 'stats.example.com']);
    return `https://www.${domain}/${r.pick(['reports', 'news', 'data', 'publications'])}/${this.year()}/${slug(r.pick(things))}-${r.int(1, 9999)}`;
  }

  private newNote(org: string): { note: number } {
    const r = this.r;
    const n = this.notes.length + 1;
    const text = `${titleCase(org.replace(/^the /, ''))}, “${titleCase(r.pick(things))} ${r.pick(['Report', 'Outlook', 'Survey', 'Brief', 'Review'])} ${this.year()},” p. ${r.int(2, 240)}.`;
    this.notes.push({ n, text, url: this.url(org) });
    return { note: n };
  }

  private citation(): Inline {
    const c = this.r.pick(this.citeKeys);
    return this.r.chance(0.3) ? { cite: c.key, locator: `p. ${this.r.int(3, 300)}`, author: c.author, year: c.year } : { cite: c.key, author: c.author, year: c.year };
  }

  /** Puts a source on a sentence: a trailing footnote or citation, or nothing (the sentence may name one in words). */
  private close(sentence: Sentence, org: string, end = '.'): Sentence {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.22) return [...sentence, end, this.newNote(org)];
    if (roll < 0.36) return [...sentence, ' ', this.citation(), end];
    return [...sentence, end];
  }

  // --- sentences -------------------------------------------------------------

  private claimSentence(): Sentence {
    const r = this.r;
    const org = r.pick(orgs);
    const co = r.pick(companies);
    const region = r.pick(regions);
    const year = this.year();
    const linkIt = (s: string): Inline => (r.chance(0.2) ? { link: s, url: this.url(org) } : s);
    const name = (s: string): Inline => (r.chance(0.15) ? { link: s, url: this.url(s) } : r.chance(0.05) ? { strong: s } : s);
    switch (r.int(0, 11)) {
      case 0:
        return this.close([co, ` filed ${this.qualified(this.count())} ${r.pick(things)} in ${year}, up `, linkIt(this.percent()), ' from a year earlier'], org);
      case 1:
        return this.close(['According to ', name(org), `, ${r.pick(amounts)} in ${region} reached `, linkIt(this.qualified(this.money())), ` in ${year}`], org);
      case 2:
        return [name(titleCase(org)), ` said ${r.pick(amounts)} ${r.pick(verbsUp)} ${this.percent()} to ${this.money()} last year.`];
      case 3:
        return this.close([`${titleCase(region)} accounted for `, linkIt(this.percent()), ` of global ${r.pick(things)}, `, name(org), ' data show'], org);
      case 4:
        return this.close([`The number of ${r.pick(things)} ${r.pick(verbsDown)} from ${this.count()} to ${this.count()} between ${year - r.int(2, 8)} and ${year}`], org);
      case 5:
        return this.close([`${titleCase(r.pick(fractions))} of ${r.pick(things)} were filed by companies based in ${region}, a report by `, name(org), ' found'], org);
      case 6:
        return this.close([`${co} now spends ${r.pick(multipliers)} as much on ${r.pick(amounts)} as it did in ${year}`], org);
      case 7: {
        const who = r.pick(people);
        return [`“We counted ${this.qualified(this.count())} ${r.pick(things)} in the first quarter alone,” said ${who}, ${r.pick(roles)} `, name(org), '.'];
      }
      case 8:
        return this.close([`Per `, name(org), ` research, ${r.pick(amounts)} ${r.pick(verbsUp)} by between ${r.int(2, 9)}.${r.int(0, 9)} and ${r.int(10, 19)} percent`], org);
      case 9:
        return this.close([`${co} ranked ${r.int(2, 40)}th of ${r.int(50, 190)} firms, with ${this.count()} ${r.pick(things)} and `, { em: this.money() }, ' in sales'], org);
      case 10:
        return this.close([`Only ${r.int(3, 40)} of the ${r.int(50, 400)} ${r.pick(things)} we reviewed met the standard, and ${this.percent()} of those came from ${region}`], org);
      default:
        return this.close([`In ${region}, ${r.pick(amounts)} ${r.pick(verbsDown)} ${this.percent()} (`, { code: `${r.pick(['Q', 'FY'])}${r.int(1, 4)}` }, `) as ${co} cut ${this.count()} jobs`], org);
    }
  }

  private fillerSentence(): Sentence {
    const r = this.r;
    const parts = fillers.map((words) => r.pick(words));
    const tail = r.chance(0.3) ? `, ${r.pick(people)} said` : r.chance(0.2) ? ` since ${this.year()}` : '';
    const connective = r.pick(connectives);
    const body = `${parts.join(' ')}${tail}.`;
    return [connective ? connective + body.charAt(0).toLowerCase() + body.slice(1) : body];
  }

  private zhSentence(): Sentence {
    const r = this.r;
    const org = r.pick(zhOrgs);
    const region = r.pick(zhRegions);
    const topic = r.pick(zhTopics);
    const year = this.year();
    const yi = `${r.int(1, 99)}${r.chance(0.5) ? `.${r.int(1, 9)}` : ''}`;
    const p = `${r.int(1, 40)}${r.chance(0.4) ? `.${r.int(1, 9)}` : ''}%`;
    const note = (s: Sentence): Sentence => (r.chance(0.25) ? [...s, this.newNote('WIPO')] : s);
    switch (r.int(0, 5)) {
      case 0:
        return note([`据${org}统计，${year}年${region}${topic}达到${yi}亿元，同比增长${p}。`]);
      case 1:
        return note([`${org}数据显示，${topic}规模约为${yi}万亿元，占全国的${p}。`]);
      case 2:
        return note([`${r.pick(zhCompanies)}去年共申请专利${withCommas(r.int(1000, 60000))}件，比上年增加${r.int(100, 5000)}件。`]);
      case 3:
        return note([`截至${year}年底，${region}${topic}累计超过${r.int(2, 900)}万家。`]);
      case 4:
        return note([`根据${org}发布的报告，${region}${topic}增长了${r.int(2, 9)}倍，达到${yi}亿美元。`]);
      default:
        return note([`业内人士认为，${topic}仍有较大的增长空间，但${region}的${r.pick(['人才缺口', '融资环境', '产业配套'])}仍需改善。`]);
    }
  }

  private paragraph(): Block {
    const r = this.r;
    const sentences: Sentence[] = [];
    const n = r.int(3, 6);
    for (let i = 0; i < n; i++) sentences.push(r.chance(0.6) ? this.claimSentence() : this.fillerSentence());
    return { kind: 'paragraph', sentences, lang: 'en' };
  }

  private zhParagraph(): Block {
    const sentences: Sentence[] = [];
    const n = this.r.int(2, 5);
    for (let i = 0; i < n; i++) sentences.push(this.zhSentence());
    return { kind: 'paragraph', sentences, lang: 'zh' };
  }

  private table(): Block {
    const r = this.r;
    const org = r.pick(orgs);
    const header = ['Country', titleCase(r.pick(things)), 'Share', 'Change', `Spending (${r.pick(['$bn', '€m', '¥bn'])})`];
    const rows = r.shuffle([...regions]).slice(0, r.int(4, 9)).map((region) => [
      titleCase(region), withCommas(r.int(500, 90000)), `${r.int(1, 60)}.${r.int(0, 9)}%`,
      `${r.chance(0.7) ? '+' : '−'}${r.int(1, 30)}%`, `${r.int(1, 400)}.${r.int(0, 9)}`,
    ]);
    return { kind: 'table', header, rows, source: ['Source: ', { link: titleCase(org.replace(/^the /, '')), url: this.url(org) }] };
  }

  private list(): Block {
    const r = this.r;
    const items: Sentence[] = [];
    const n = r.int(3, 6);
    for (let i = 0; i < n; i++) {
      const org = r.pick(orgs);
      items.push(this.close([`${r.pick(companies)}: ${this.count()} ${r.pick(things)}, ${this.percent()} ${r.chance(0.5) ? 'more' : 'fewer'} than in ${this.year()}`], org));
    }
    return { kind: 'list', ordered: r.chance(0.3), items };
  }

  private section(first: boolean): void {
    const r = this.r;
    const heading = first ? 'Background' : `${titleCase(r.pick(things))} in ${r.pick(regions)}${r.chance(0.3) ? `, ${this.year()}` : ''}`;
    this.blocks.push({ kind: 'heading', level: 2, text: heading });
    const n = r.int(3, 7);
    const zhSection = !first && r.chance(0.08);
    for (let i = 0; i < n; i++) {
      const roll = r.next();
      if (zhSection || roll < 0.12) this.blocks.push(this.zhParagraph());
      else if (roll < 0.2) this.blocks.push(this.table());
      else if (roll < 0.3) this.blocks.push(this.list());
      else if (roll < 0.35) this.blocks.push({ kind: 'quote', sentences: [this.claimSentence(), this.fillerSentence()] });
      else if (roll < 0.37) {
        this.blocks.push({ kind: 'code', lines: [`total = ${r.int(100, 99999)}`, `share = ${r.int(1, 99)} / 100`, 'print(total * share)'] });
      } else this.blocks.push(this.paragraph());
    }
  }

  /** Adds sections until `estimate()` reaches `targetBytes`. */
  fill(targetBytes: number, estimate: () => number): void {
    let first = true;
    while (estimate() < targetBytes) {
      this.section(first);
      first = false;
    }
  }
}

// ---------------------------------------------------------------------------
// Rendering

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inlineMarkdown(sentence: Sentence): string {
  let out = '';
  for (const piece of sentence) {
    if (typeof piece === 'string') out += piece;
    else if ('link' in piece) out += piece.title ? `[${piece.link}](${piece.url} "${piece.title}")` : `[${piece.link}](${piece.url})`;
    else if ('note' in piece) out += `[^${piece.note}]`;
    else if ('cite' in piece) out += piece.locator ? `[@${piece.cite}, ${piece.locator}]` : `[@${piece.cite}]`;
    else if ('em' in piece) out += `*${piece.em}*`;
    else if ('strong' in piece) out += `**${piece.strong}**`;
    else out += `\`${piece.code}\``;
  }
  return out;
}

function inlineHtml(sentence: Sentence): string {
  let out = '';
  for (const piece of sentence) {
    if (typeof piece === 'string') out += escapeHtml(piece);
    else if ('link' in piece) out += `<a href="${escapeHtml(piece.url)}">${escapeHtml(piece.link)}</a>`;
    else if ('note' in piece) out += `<sup id="fnref${piece.note}"><a href="#fn${piece.note}" class="footnote-ref">${piece.note}</a></sup>`;
    else if ('cite' in piece) out += `<span class="citation" data-cites="${piece.cite}">(${piece.author} ${piece.year}${piece.locator ? `, ${piece.locator}` : ''})</span>`;
    else if ('em' in piece) out += `<em>${escapeHtml(piece.em)}</em>`;
    else if ('strong' in piece) out += `<strong>${escapeHtml(piece.strong)}</strong>`;
    else out += `<code>${escapeHtml(piece.code)}</code>`;
  }
  return out;
}

function inlineText(sentence: Sentence): string {
  let out = '';
  for (const piece of sentence) {
    if (typeof piece === 'string') out += piece;
    else if ('link' in piece) out += `${piece.link} (${piece.url})`;
    else if ('note' in piece) out += `[${piece.note}]`;
    else if ('cite' in piece) out += `(${piece.author} ${piece.year}${piece.locator ? `, ${piece.locator}` : ''})`;
    else if ('em' in piece) out += piece.em;
    else if ('strong' in piece) out += piece.strong;
    else out += piece.code;
  }
  return out;
}

function joinSentences(sentences: readonly Sentence[], lang: 'en' | 'zh', inline: (s: Sentence) => string): string {
  return sentences.map(inline).join(lang === 'zh' ? '' : ' ');
}

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'paragraph':
      return joinSentences(block.sentences, block.lang, inlineMarkdown);
    case 'quote':
      return `> ${joinSentences(block.sentences, 'en', inlineMarkdown)}`;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineMarkdown(item)}`).join('\n');
    case 'table': {
      const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
      return [row(block.header), row(block.header.map((_, i) => (i ? '---:' : '---'))), ...block.rows.map(row), '', inlineMarkdown(block.source)].join('\n');
    }
    case 'code':
      return ['```python', ...block.lines, '```'].join('\n');
  }
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p${block.lang === 'zh' ? ' lang="zh"' : ''}>${joinSentences(block.sentences, block.lang, inlineHtml)}</p>`;
    case 'quote':
      return `<blockquote><p>${joinSentences(block.sentences, 'en', inlineHtml)}</p></blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${block.items.map((item) => `  <li>${inlineHtml(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'table': {
      const cells = (tag: string, row: readonly string[]): string => `<tr>${row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
      return [
        '<table>',
        `  <thead>${cells('th', block.header)}</thead>`,
        '  <tbody>',
        ...block.rows.map((row) => `    ${cells('td', row)}`),
        '  </tbody>',
        '</table>',
        `<p class="source">${inlineHtml(block.source)}</p>`,
      ].join('\n');
    }
    case 'code':
      return `<pre><code class="language-python">${escapeHtml(block.lines.join('\n'))}</code></pre>`;
  }
}

/** Wraps a line at `width` columns, at spaces. */
function wrap(line: string, width: number): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = rest.indexOf(' ', width);
    if (cut <= 0) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  out.push(rest);
  return out.join('\n');
}

function textBlock(block: Block, index: number): string {
  // Some exported articles keep one paragraph per line, others wrap them.
  const wrapWidth = index % 3 === 0 ? 76 : Infinity;
  switch (block.kind) {
    case 'heading':
      return block.text;
    case 'paragraph':
      return block.lang === 'zh' ? joinSentences(block.sentences, 'zh', inlineText) : wrap(joinSentences(block.sentences, 'en', inlineText), wrapWidth);
    case 'quote':
      return wrap(`    ${joinSentences(block.sentences, 'en', inlineText)}`, wrapWidth);
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1})` : '•'} ${inlineText(item)}`).join('\n');
    case 'table': {
      const widths = block.header.map((h, i) => Math.max(h.length, ...block.rows.map((row) => row[i].length)));
      const row = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
      return [row(block.header), ...block.rows.map(row), '', inlineText(block.source)].join('\n');
    }
    case 'code':
      return block.lines.map((l) => `    ${l}`).join('\n');
  }
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  return n;
}

/**
 * A news-style article of at least `targetBytes` bytes of Markdown (UTF-8),
 * with the same content as HTML and plain text. The same seed gives the
 * same article.
 */
export function generateArticle(targetBytes: number, seed = 1): GeneratedArticle {
  const r = new Random(seed);
  const model = new ArticleModel(r);
  const title = `${titleCase(r.pick(things))}: how ${r.pick(regions)} pulled ahead`;
  let bytes = 0;
  let counted = 0;
  let notesCounted = 0;
  model.fill(targetBytes, () => {
    for (; counted < model.blocks.length; counted++) bytes += utf8Length(markdownBlock(model.blocks[counted])) + 2;
    for (; notesCounted < model.notes.length; notesCounted++) {
      const note = model.notes[notesCounted];
      bytes += utf8Length(note.text) + note.url.length + 10;
    }
    return bytes;
  });

  const date = `2024-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const markdown = [
    `---\ntitle: "${title}"\ndate: ${date}\n---`,
    `# ${title}`,
    ...model.blocks.map(markdownBlock),
    model.notes.map((n) => `[^${n.n}]: ${n.text} ${n.url}`).join('\n'),
  ].join('\n\n');

  const html = [
    '<!DOCTYPE html>',
    `<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n<article>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="byline">Published <time datetime="${date}">${date}</time></p>`,
    ...model.blocks.map(htmlBlock),
    '<section class="footnotes" role="doc-endnotes">\n<hr>\n<ol>',
    ...model.notes.map((n) => `<li id="fn${n.n}"><p>${escapeHtml(n.text)} <a href="${n.url}">${n.url}</a> <a href="#fnref${n.n}" class="footnote-back">↩︎</a></p></li>`),
    '</ol>\n</section>\n</article>\n</body>\n</html>',
  ].join('\n');

  const text = [
    title,
    date,
    ...model.blocks.map(textBlock),
    'References',
    model.notes.map((n) => `${n.n}. ${n.text} ${n.url}`).join('\n'),
  ].join('\n\n') + '\n';

  return { markdown: `${markdown}\n`, html: `${html}\n`, text };
}

/** The sizes the benchmark measures, in bytes of Markdown. */
export const benchSizes: readonly { readonly name: string; readonly bytes: number }[] = [
  { name: '5 KB', bytes: 5 * 1024 },
  { name: '100 KB', bytes: 100 * 1024 },
  { name: '2 MB', bytes: 2 * 1024 * 1024 },
];

/** UTF-8 length of a string, in bytes. */
export function byteLength(s: string): number {
  return utf8Length(s);
}
