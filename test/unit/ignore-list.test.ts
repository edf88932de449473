import assert from 'node:assert/strict';
import { analyze, ignoredClaimOf, ignoredClaimsFor, parseConfigText, withIgnoredClaims, type IgnoreEntry } from '../../src/core/index';
import { addIgnoreEntry, applyTextEdits, newConfigText, withIgnoreEntry } from '../../src/core/fixes/index';

const lines = (...l: string[]): string => l.join('\n');
const text = lines('Sales rose 5% in May.', 'Costs rose 5% in May and', 'then 5% again.', 'Sales rose 5% in May.', '');
const statuses = (ignored: Parameters<typeof withIgnoredClaims>[1]): string[] =>
  analyze(text, { format: 'text', ignoredClaims: ignored }).claims.map((c) => c.status);

describe('ignore lists: claims a configuration file ignores', () => {
  it('names claims by text, sentence (white space aside) and occurrence', () => {
    assert.deepEqual(statuses([]), ['uncited', 'uncited', 'uncited', 'uncited']);
    assert.deepEqual(statuses([{ claim: '5%' }]), ['ignored', 'ignored', 'ignored', 'ignored']);
    assert.deepEqual(statuses([{ claim: '5%', sentence: 'Sales rose 5% in May.' }]), ['ignored', 'uncited', 'uncited', 'ignored']);
    assert.deepEqual(statuses([{ claim: '5%', sentence: 'Sales rose 5% in May.', occurrence: 2 }]), ['uncited', 'uncited', 'uncited', 'ignored']);
    assert.deepEqual(statuses([{ claim: '5%', sentence: '  Costs rose 5% in May and then 5% again. ', occurrence: 2 }]), ['uncited', 'uncited', 'ignored', 'uncited']);
    assert.deepEqual(statuses([{ claim: '5%', sentence: 'Sales rose 5% in June.' }, { claim: '6%' }, { claim: '5%', occurrence: 9 }]), ['uncited', 'uncited', 'uncited', 'uncited']);
  });

  it('the entry made for a claim ignores that claim alone, and still does after edits elsewhere', () => {
    const { claims } = analyze(text, { format: 'text' });
    claims.forEach((claim, i) => {
      const entry = ignoredClaimOf(claims, claim);
      assert.deepEqual(statuses([entry]), claims.map((_, j) => (i === j ? 'ignored' : 'uncited')), JSON.stringify(entry));
      const edited = `A new first line, 7% up.\n\n${text.replace('Costs rose', 'Costs   rose')}`;
      assert.deepEqual(
        analyze(edited, { format: 'text', ignoredClaims: [entry] }).claims.map((c) => c.status),
        ['uncited', ...claims.map((_, j) => (i === j ? 'ignored' : 'uncited'))],
      );
    });
  });

  it('picks the entries of one article by its path relative to the configuration file', () => {
    const entries: IgnoreEntry[] = [
      { file: 'notes/a.txt', claim: '5%' },
      { file: './notes//a.txt', claim: '6%' },
      { file: 'notes\\a.txt', claim: '7%' },
      { file: 'notes/b.txt', claim: '8%' },
      { file: 'a.txt', claim: '9%' },
    ];
    assert.deepEqual(ignoredClaimsFor(entries, 'notes/a.txt'), [{ claim: '5%' }, { claim: '6%' }, { claim: '7%' }]);
    assert.deepEqual(ignoredClaimsFor(entries, 'a.txt'), [{ claim: '9%' }]);
    assert.deepEqual(ignoredClaimsFor(entries, 'other.txt'), []);
  });

  it('is linear: 20,000 entries on 20,000 claims', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `Item ${i} rose ${i % 50}%.`).join('\n');
    const { claims } = analyze(big, { format: 'text' });
    const entries = claims.filter((_, i) => i % 2 === 0).map((c) => ignoredClaimOf([c], c));
    const started = process.cpuUsage();
    const result = withIgnoredClaims(claims, [...entries, ...entries]);
    const cpuMs = (process.cpuUsage(started).user + process.cpuUsage(started).system) / 1000;
    assert.equal(result.filter((c) => c.status === 'ignored').length, Math.ceil(claims.length / 2));
    assert.ok(cpuMs < 2000, `${cpuMs} ms`);
  });
});

describe('ignore lists: adding an entry to a configuration file', () => {
  const entry: IgnoreEntry = { file: 'notes/a.txt', claim: '5%', sentence: 'Sales rose 5% in May.' };

  it('JSON with comments: the comments stay, the entry is appended, and the file reads back', () => {
    const config = lines('{', '  // Our writers cite at the end of a paragraph.', '  "scope": "paragraph",', '}', '');
    const once = withIgnoreEntry(config, '.claimlensrc.json', entry);
    assert.ok(once.includes('// Our writers cite at the end of a paragraph.'));
    const twice = withIgnoreEntry(once, '.claimlensrc.json', { file: 'b.txt', claim: '$4 billion' });
    const parsed = parseConfigText(twice, '.claimlensrc.json');
    assert.deepEqual(parsed.issues, []);
    assert.equal(parsed.settings.scope, 'paragraph');
    assert.deepEqual(parsed.ignore, [entry, { file: 'b.txt', claim: '$4 billion' }]);
    assert.deepEqual(addIgnoreEntry(twice, '.claimlensrc.json', { ...entry, file: './notes/a.txt' }), [], 'an entry already there is not added again');
  });

  it('YAML: the comments stay, a list is started and then appended to', () => {
    const config = lines('# house settings', 'scope: paragraph # cite at the end', '');
    const once = withIgnoreEntry(config, '.claimlensrc.yaml', entry);
    const twice = withIgnoreEntry(once, '.claimlensrc.yaml', { file: 'b.txt', claim: '12', occurrence: 2 });
    assert.ok(twice.startsWith('# house settings\nscope: paragraph # cite at the end\n'), twice);
    const parsed = parseConfigText(twice, '.claimlensrc.yaml');
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(parsed.ignore, [entry, { file: 'b.txt', claim: '12', occurrence: 2 }]);
    assert.deepEqual(addIgnoreEntry(twice, '.claimlensrc.yaml', entry), []);
  });

  it('a new file holds the entry alone; CRLF files keep CRLF', () => {
    for (const syntax of ['json', 'yaml'] as const) {
      const name = `.claimlensrc.${syntax}`;
      assert.deepEqual(parseConfigText(newConfigText(entry, syntax), name), parseConfigText(withIgnoreEntry('', name, entry), name));
      assert.deepEqual(parseConfigText(newConfigText(entry, syntax), name).ignore, [entry]);
    }
    const crlf = withIgnoreEntry('{\r\n  "scope": "paragraph"\r\n}\r\n', '.claimlensrc.json', entry);
    assert.equal(crlf.replace(/\r\n/gu, '').includes('\n'), false, JSON.stringify(crlf));
  });

  it('refuses a file it cannot read or whose ignore is not a list', () => {
    assert.throws(() => addIgnoreEntry('{"scope": ', '.claimlensrc.json', entry), /not a JSON object/u);
    assert.throws(() => addIgnoreEntry('{"ignore": "5%"}', '.claimlensrc.json', entry), /"ignore" in \.claimlensrc\.json is not a list/u);
    assert.throws(() => addIgnoreEntry('ignore: 5%\n', '.claimlensrc.yml', entry), /not a list/u);
    assert.equal(applyTextEdits('{}', addIgnoreEntry('{}', '.claimlensrc.json', entry)).includes('"claim": "5%"'), true);
  });
});
