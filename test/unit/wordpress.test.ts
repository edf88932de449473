import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeJsonString, decodeXmlContent, escapeForField, htmlRangeOf, rawRangeOf } from '../../src/core/formats/embedded';
import { readWordPressFile } from '../../src/core/formats/wordpress';
import {
  addNewSource,
  analyze,
  analyzeArticles,
  applyTextEdits,
  mergeAnalyses,
  defaultSettings,
  formatOfContent,
  ignoreClaim,
  readProse,
  type Analysis,
  type Claim,
} from '../../src/core/index';

const fixtures = resolve('test/fixtures/wordpress');
const postJson = readFileSync(join(fixtures, 'post.json'), 'utf8');
const exportXml = readFileSync(join(fixtures, 'export.xml'), 'utf8');
const cli = resolve('dist/cli.js');

/** 1-based line and column of a raw offset, counted here without the code under test. */
function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  return [before.split('\n').length, offset - before.lastIndexOf('\n')];
}

/** The raw offset of `needle` in `text`, which must hold it exactly once. */
function onlyIndex(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} is not in the text`);
  assert.equal(text.indexOf(needle, at + 1), -1, `${JSON.stringify(needle)} stands more than once`);
  return at;
}

/** What a claim says, without where it stands. */
function gist(claim: Claim): unknown {
  return {
    kind: claim.kind,
    value: claim.value,
    unit: claim.unit,
    qualifier: claim.qualifier,
    sentence: claim.sentence,
    status: claim.status,
    sources: claim.sources.map((s) => [s.kind, s.label, s.url ?? null, s.name ?? null]),
  };
}

/** The raw range of the JSON string value of `"key":{"rendered":"…"}` (inside its quotes). */
function renderedRange(json: string, key: string): { start: number; end: number } {
  const value = JSON.parse(json)[key].rendered as string;
  const open = json.indexOf('"rendered"', json.indexOf(`"${key}"`));
  const start = json.indexOf('"', json.indexOf(':', open)) + 1;
  // The raw string ends at the first quote that no backslash escapes.
  let end = start;
  while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
  assert.equal(JSON.parse(json.slice(start - 1, end + 1)), value);
  return { start, end };
}

describe('wordpress: JSON strings and XML text decoded with a map back to raw offsets', () => {
  it('decodes every JSON escape to one code unit and maps each onto its raw span', () => {
    const raw = 'x"a\\"b\\\\c\\/d\\ne\\u2019f\\ud83d\\ude00g"';
    const field = decodeJsonString(raw, 2, raw.length - 1, 'content');
    assert.equal(field.html, JSON.parse(raw.slice(1)));
    assert.equal(field.syntax, 'json');
    assert.equal(field.escapesSlash, true);
    assert.equal(field.escapesNonAscii, true);
    // Each decoded unit's raw span is the escape it came from.
    const units: string[] = [];
    for (let i = 0; i < field.html.length; i++) units.push(raw.slice(field.starts[i], field.starts[i + 1]));
    assert.deepEqual(units, ['a', '\\"', 'b', '\\\\', 'c', '\\/', 'd', '\\n', 'e', '\\u2019', 'f', '\\ud83d', '\\ude00', 'g']);
    // A range of decoded text maps onto whole escapes, and back.
    const r = rawRangeOf(field, { start: 9, end: 11 });
    assert.equal(raw.slice(r.start, r.end), '\\u2019f');
    assert.deepEqual(htmlRangeOf(field, r), { start: 9, end: 11 });
  });

  it('reads CDATA as it stands and decodes entities in XML text', () => {
    const raw = '<c><![CDATA[<p>A & B]]>&lt;b&gt;x&#8217;</c>';
    const field = decodeXmlContent(raw, 3, raw.length - 4, 'content');
    assert.equal(field.html, '<p>A & B<b>x\u2019');
    assert.equal(raw.slice(field.starts[0], field.starts[7] + 1), '<p>A & B');
    assert.equal(raw.slice(field.starts[8], field.starts[9]), '&lt;');
  });

  it('escapes new text as the field is written: JSON with \\/ and \\uXXXX when the post does, CDATA, XML', () => {
    const json = decodeJsonString('"a\\/\\u00e9"', 1, 10, 'content');
    assert.equal(escapeForField(json, '<a href="https://x.org/é">“x”</a>\n'), '<a href=\\"https:\\/\\/x.org\\/\\u00e9\\">\\u201cx\\u201d<\\/a>\\n');
    const plainJson = decodeJsonString('"ab"', 1, 3, 'content');
    assert.equal(escapeForField(plainJson, '</a>é'), '</a>é');
    const cdata = decodeXmlContent('<![CDATA[x]]>', 0, 13, 'content');
    assert.equal(escapeForField(cdata, 'a]]>b'), 'a]]]]><![CDATA[>b');
    const xml = decodeXmlContent('x', 0, 1, 'content');
    assert.equal(escapeForField(xml, '<p>A & B</p>'), '&lt;p&gt;A &amp; B&lt;/p&gt;');
  });
});

describe('wordpress: which files are WordPress posts', () => {
  it('takes a REST API post, an array of posts and an export; nothing else', () => {
    const notPost = readFileSync(join(fixtures, 'not-a-post.json'), 'utf8');
    const table: [string, string, string | undefined][] = [
      ['post.json', postJson, 'wordpress'],
      ['posts.json', `[${postJson}, ${postJson.replace('"harbour-dredging-costs"', '"second"')}]`, 'wordpress'],
      ['export.xml', exportXml, 'wordpress'],
      ['not-a-post.json', notPost, undefined],
      ['package.json', '{"name": "x", "content": {"rendered": 3}}', undefined],
      ['mixed.json', `[${postJson}, {"id": 3}]`, undefined],
      ['feed.xml', '<rss><channel><item><content:encoded>12%</content:encoded></item></channel></rss>', undefined],
      // Read while it is being typed: the tolerant parser still finds the post's shape.
      ['unfinished.json', '{"content": {"rendered": "<p>12%', 'wordpress'],
      ['not-json.json', 'content rendered', undefined],
      ['article.md', postJson, 'markdown'],
    ];
    for (const [name, text, format] of table) assert.equal(formatOfContent(name, text), format, name);
  });

  it('names the posts of an export by slug, leaving out attachments', () => {
    const file = readWordPressFile(exportXml);
    assert.equal(file?.kind, 'wxr');
    assert.deepEqual(file?.posts.map((p) => [p.name, p.fields.map((f) => [f.role, f.html.slice(0, 24)])]), [
      ['bus-fares', [['title', 'Bus fares rise for the 2'], ['content', '<p>Single fares rose 8% ']]],
      ['library-hours', [['title', 'Library hours & budgets'], ['content', '<p>The library will open']]],
      ['about', [['title', 'About us'], ['content', '<!-- wp:paragraph -->\n<p']]],
    ]);
  });
});

describe('wordpress: a REST API post', () => {
  const analysis = analyze(postJson, { format: 'wordpress' });
  const content = renderedRange(postJson, 'content');
  const html = JSON.parse(postJson).content.rendered as string;

  it('gives the claims its HTML gives, each at the raw range of its text in the JSON', () => {
    const fromHtml = analyze(html, { format: 'html' });
    assert.deepEqual(analysis.claims.map(gist), fromHtml.claims.map(gist));
    assert.deepEqual(analysis.claims.map((c) => c.text), fromHtml.claims.map((c) => c.text));
    for (const claim of analysis.claims) {
      const raw = postJson.slice(claim.range.start, claim.range.end);
      assert.equal(JSON.parse(`"${raw}"`), claim.text, `raw ${raw}`);
      assert.ok(claim.range.start >= content.start && claim.range.end <= content.end, `${claim.text} outside content.rendered`);
    }
    const euro = analysis.claims.find((c) => c.text === '€14.5 million');
    assert.ok(euro);
    assert.equal(postJson.slice(euro.range.start, euro.range.end), '\\u20ac14.5 million');
    assert.deepEqual(lineColumn(postJson, euro.range.start), lineColumn(postJson, onlyIndex(postJson, 'grown to \\u20ac14.5 million') + 9));
  });

  it('reads no claim in the metadata, and its title only as a heading', () => {
    assert.ok(analysis.claims.every((c) => c.range.start >= content.start && c.range.end <= content.end));
    const withHeadings = analyze(postJson, { format: 'wordpress', settings: { ...defaultSettings, includeHeadings: true } });
    const title = renderedRange(postJson, 'title');
    const inTitle = withHeadings.claims.filter((c) => c.range.start >= title.start && c.range.end <= title.end);
    assert.deepEqual(inTitle.map((c) => c.text), ['3']);
    assert.equal(readProse(postJson, 'wordpress').blocks[0].kind, 'title');
  });

  it('adds a new source inside the JSON string, escaped as the post escapes', () => {
    const claim = analysis.claims.find((c) => c.text === '212');
    assert.ok(claim);
    const edits = addNewSource(postJson, analysis, claim, 'wordpress', { url: 'https://council.example/complaints', title: 'Complaints log' });
    const after = applyTextEdits(postJson, edits);
    const fromHtml = analyze(html, { format: 'html' });
    const htmlClaim = fromHtml.claims.find((c) => c.text === '212');
    assert.ok(htmlClaim);
    const expected = applyTextEdits(html, addNewSource(html, fromHtml, htmlClaim, 'html', { url: 'https://council.example/complaints', title: 'Complaints log' }));
    assert.equal(JSON.parse(after).content.rendered, expected);
    assert.ok(after.includes('https:\\/\\/council.example\\/complaints'), 'the slash is escaped as WordPress does');
    const again = analyze(after, { format: 'wordpress' }).claims.find((c) => c.text === '212');
    assert.equal(again?.status, 'cited');
  });

  it('ignores a claim with a comment inside the post, which the next analysis honours', () => {
    const claim = analysis.claims.find((c) => c.text === '212');
    assert.ok(claim);
    const fix = ignoreClaim(postJson, claim, 'wordpress');
    assert.equal(fix.kind, 'edit');
    const after = applyTextEdits(postJson, fix.kind === 'edit' ? fix.edits : []);
    assert.match(JSON.parse(after).content.rendered, /<p>Residents filed <!-- claimlens-ignore -->212 complaints/u);
    const statuses = analyze(after, { format: 'wordpress' }).claims.map((c) => [c.text, c.status]);
    assert.deepEqual(statuses, analysis.claims.map((c) => [c.text, c.text === '212' ? 'ignored' : c.status]));
  });
});

describe('wordpress: an export', () => {
  it('puts its posts together with the same sources whether the analyses came as objects or through JSON', () => {
    const parts = analyzeArticles(exportXml, { format: 'wordpress' }).map((a) => a.analysis);
    const whole = mergeAnalyses('wordpress', parts);
    const throughJson = mergeAnalyses('wordpress', JSON.parse(JSON.stringify(parts)) as Analysis[]);
    const urls = (a: Analysis) => a.claims.map((c) => c.sources.map((s) => [s.id, a.sources[s.id]?.url ?? a.sources[s.id]?.label]));
    assert.ok(whole.sources.length > 1);
    assert.deepEqual(urls(throughJson), urls(whole));
    for (const claim of throughJson.claims) for (const source of claim.sources) assert.deepEqual(source, throughJson.sources[source.id]);
  });

  it('is analysed post by post, each claim inside its post', () => {
    const articles = analyzeArticles(exportXml, { format: 'wordpress' });
    assert.deepEqual(articles.map((a) => [a.name, a.analysis.claims.map((c) => c.text)]), [
      ['bus-fares', ['8%', '£23.50', '£21']],
      ['library-hours', ['a quarter', '£1.2 million']],
      ['about', ['About 40,000']],
    ]);
    for (const a of articles) {
      for (const c of a.analysis.claims) {
        assert.ok(c.range.start >= a.range.start && c.range.end <= a.range.end);
        assert.equal(exportXml.slice(c.range.start, c.range.end), c.text);
      }
    }
    // The library post's note [1] resolves to its own reference list.
    assert.deepEqual(articles[1].analysis.claims[0].sources.map((s) => [s.kind, s.text]), [['citation', 'Halford Council budget book 2025, p. 14.']]);
    // The whole file's analysis holds every post's claims, sources renumbered.
    const whole = analyze(exportXml, { format: 'wordpress' });
    assert.equal(whole.claims.length, 6);
    whole.sources.forEach((s, i) => assert.equal(s.id, i));
    for (const c of whole.claims) for (const s of c.sources) assert.equal(whole.sources[s.id], s);
  });

  it('adds a source inside the CDATA section of the post', () => {
    const whole = analyze(exportXml, { format: 'wordpress' });
    const claim = whole.claims.find((c) => c.text === 'About 40,000');
    assert.ok(claim);
    const after = applyTextEdits(exportXml, addNewSource(exportXml, whole, claim, 'wordpress', { url: 'https://herald.example/audit' }));
    assert.match(after, /About 40,000 people read the paper each week, and it has covered Halford since 1887<sup><a href="https:\/\/herald.example\/audit">herald.example<\/a><\/sup>\.<\/p>/u);
    assert.equal(analyzeArticles(after, { format: 'wordpress' })[2].analysis.claims[0].status, 'cited');
  });
});

describe('wordpress: the command line', () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const run = (cwd: string, args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

  it('reports an export post by post, and skips a .json that is no post with a note', () => {
    const r = run(fixtures, ['check', '--format', 'json', 'export.xml', 'post.json', 'not-a-post.json']);
    assert.equal(r.stderr, 'not-a-post.json:1:1 info skipped not a WordPress post, page or export, the only .json and .xml files Claim Lens reads\n');
    const out = JSON.parse(r.stdout) as { files: { path: string; claims: { text: string; line: number; column: number }[] }[] };
    assert.deepEqual(out.files.map((f) => f.path), ['export.xml#bus-fares', 'export.xml#library-hours', 'export.xml#about', 'post.json']);
    const fares = out.files[0].claims.find((c) => c.text === '£23.50');
    assert.deepEqual([fares?.line, fares?.column], lineColumn(exportXml, onlyIndex(exportXml, '£23.50')));
    const text = run(fixtures, ['check', 'export.xml', 'not-a-post.json']);
    assert.match(text.stdout, /^4 files \(1 skipped\), 6 claims: /mu);
  });

  it('finds the seed post\'s claims at their lines and columns in the JSON, and none in its metadata', function () {
    const seed = resolve('../shared/seeds/004_af0d4f4d9db185e3.txt');
    if (!existsSync(seed)) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-wp-'));
    made.push(dir);
    const text = readFileSync(seed, 'utf8');
    writeFileSync(join(dir, 'post.json'), text);
    const r = run(dir, ['check', '--format', 'json', 'post.json']);
    const out = JSON.parse(r.stdout) as { files: { path: string; claims: { text: string; line: number; column: number; endColumn: number }[] }[] };
    const claims = out.files[0].claims;
    const expected: [string, string, number][] = [
      ['a <strong>trillion Yuan', 'throwing a <strong>trillion Yuan<\\/strong>', 'throwing '.length],
      ['38,210', '>38,210 generative AI patents', 1],
      ['67%', 'accounted for 67% of global', 'accounted for '.length],
      ['over $40 billion', 'directed over $40 billion', 'directed '.length],
    ];
    for (const [claimText, context, shift] of expected) {
      const claim = claims.find((c) => c.text === claimText);
      assert.ok(claim, `no claim ${claimText}`);
      const [line, column] = lineColumn(text, onlyIndex(text, context) + shift);
      assert.deepEqual([claim.line, claim.column, claim.endColumn], [line, column, column + claimText.length], claimText);
    }
    // Every claim stands in content.rendered: none in the id, dates, categories or links.
    const content = renderedRange(text, 'content');
    const [, first] = lineColumn(text, content.start);
    const [, last] = lineColumn(text, content.end);
    for (const c of claims) assert.ok(c.column >= first && c.column <= last, `${c.text} at column ${c.column}`);
    // The same claims as the post's HTML read on its own.
    const html = JSON.parse(text).content.rendered as string;
    const fromJson: Analysis = analyze(text, { format: 'wordpress' });
    assert.deepEqual(fromJson.claims.map(gist), analyze(html, { format: 'html' }).claims.map(gist));
    assert.deepEqual(fromJson.claims.map((c) => c.text), analyze(html, { format: 'html' }).claims.map((c) => c.text));
  });
});
