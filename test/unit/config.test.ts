import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { configNotice, parseConfigText, settingsJsonSchema, type ConfigIssue } from '../../src/core/config';
import { defaultSettings, parseSettings, settingNames, type Settings } from '../../src/core/settings';
import { schemaDefaults, settingsSchema } from '../../src/core/settings-schema';
import type { IgnoreEntry } from '../../src/core/ignored-claims';

const lines = (...rows: string[]) => rows.join('\n');

interface Row {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly settings: Partial<Settings>;
  readonly ignore?: readonly IgnoreEntry[];
  readonly issues: readonly Omit<ConfigIssue, 'file'>[];
}

const unknownSetting =
  'unknown setting; expected one of scope, report, attributionPhrases, ignorePatterns, languages, explainInHover, includeHeadings, bibliography, linkSources';
const reportExpected = 'Invalid option: expected one of "uncited"|"attributed"|"cited"|"ignored"';

const rows: Row[] = [
  {
    name: 'an ignore list: valid entries kept, each bad one reported at its own field',
    file: '.claimlensrc.yaml',
    text: lines(
      'scope: paragraph',
      'ignore:',
      '  - file: notes/harvest.txt',
      '    claim: 5%',
      '    sentence: Sales rose 5% in May.',
      '  - file: a.txt',
      '  - file: b.txt',
      '    claim: $4 billion',
      '    occurrence: 0',
      '    colour: red',
      '  - file: c.txt',
      '    claim: "12"',
      '    occurrence: 2',
    ),
    settings: { scope: 'paragraph' },
    ignore: [
      { file: 'notes/harvest.txt', claim: '5%', sentence: 'Sales rose 5% in May.' },
      { file: 'c.txt', claim: '12', occurrence: 2 },
    ],
    issues: [
      { field: 'ignore.1.claim', message: 'Invalid input: expected string, received undefined', line: 6, column: 5 },
      { field: 'ignore.2.occurrence', message: 'Too small: expected number to be >=1', line: 9, column: 5 },
      { field: 'ignore.2.colour', message: 'unknown field; expected one of file, claim, sentence, occurrence', line: 10, column: 5 },
    ],
  },
  {
    name: 'an ignore that is not a list',
    file: '.claimlensrc.json',
    text: '{"ignore": "5%", "scope": "paragraph"}',
    settings: { scope: 'paragraph' },
    issues: [{ field: 'ignore', message: 'expected an array of {file, claim, sentence} entries', line: 1, column: 2 }],
  },
  {
    name: 'good JSON, with comments and a trailing comma',
    file: '.claimlensrc.json',
    text: lines(
      '{',
      '  "$schema": "./schemas/claimlensrc.schema.json",',
      '  // Paragraph scope: our writers cite at the end of a paragraph.',
      '  "scope": "paragraph",',
      '  /* only the claims nobody sourced */',
      '  "report": ["uncited"],',
      '  "ignorePatterns": ["^\\\\d{4}$"],',
      '}',
    ),
    settings: { scope: 'paragraph', report: ['uncited'], ignorePatterns: ['^\\d{4}$'] },
    issues: [],
  },
  {
    name: 'good YAML',
    file: '.claimlensrc.yaml',
    text: lines('# house rules', 'scope: paragraph', 'languages: [en]', 'attributionPhrases:', '  - as reported by', 'includeHeadings: true', ''),
    settings: { scope: 'paragraph', languages: ['en'], attributionPhrases: ['as reported by'], includeHeadings: true },
    issues: [],
  },
  {
    name: 'an empty YAML file',
    file: '.claimlensrc.yml',
    text: '\n',
    settings: {},
    issues: [],
  },
  {
    name: 'a JSON syntax error, with its position',
    file: '.claimlensrc.json',
    text: lines('{', '  "scope": "paragraph"', '  "report": ["uncited"]', '}'),
    settings: {},
    issues: [{ field: '(syntax)', message: 'invalid JSON: expected a comma', line: 3, column: 3 }],
  },
  {
    name: 'a YAML syntax error, with its position',
    file: '.claimlensrc.yml',
    text: lines('scope: paragraph', 'report: [uncited', 'languages: [en]'),
    settings: {},
    issues: [{ field: '(syntax)', message: 'invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]', line: 3, column: 1 }],
  },
  {
    name: 'a field of the wrong type in JSON: its field, line and column; the rest kept',
    file: '.claimlensrc.json',
    text: lines('{', '  "scope": "paragraph",', '  "includeHeadings": "yes"', '}'),
    settings: { scope: 'paragraph' },
    issues: [{ field: 'includeHeadings', message: 'Invalid input: expected boolean, received string', line: 3, column: 3 }],
  },
  {
    name: 'a wrong array item in YAML points at the item',
    file: '.claimlensrc.yaml',
    text: lines('scope: paragraph', 'report:', '  - uncited', '  - everything'),
    settings: { scope: 'paragraph' },
    issues: [{ field: 'report.1', message: reportExpected, line: 4, column: 5 }],
  },
  {
    name: 'an unknown field',
    file: '.claimlensrc.json',
    text: lines('{', '  "scope": "sentence",', '  "colour": "red"', '}'),
    settings: {},
    issues: [{ field: 'colour', message: unknownSetting, line: 3, column: 3 }],
  },
  {
    name: 'a bad regular expression',
    file: '.claimlensrc.yml',
    text: lines('ignorePatterns:', '  - "^FY\\\\d+$"', '  - "(unclosed"', 'languages: [zh]'),
    // The good pattern is kept beside the bad one.
    settings: { languages: ['zh'], ignorePatterns: ['^FY\\d+$'] },
    issues: [
      {
        field: 'ignorePatterns.1',
        message: 'not a valid regular expression (RE2 syntax: no backreferences or lookaround): missing closing ): `(unclosed`',
        line: 3,
        column: 5,
      },
    ],
  },
  {
    name: 'several issues, in file order',
    file: '.claimlensrc.yaml',
    text: lines('nope: 1', 'scope: everywhere', 'languages: []'),
    settings: {},
    issues: [
      { field: 'nope', message: unknownSetting, line: 1, column: 1 },
      { field: 'scope', message: 'Invalid option: expected one of "sentence"|"paragraph"', line: 2, column: 1 },
      { field: 'languages', message: 'Too small: expected array to have >=1 items', line: 3, column: 1 },
    ],
  },
  {
    name: 'not an object',
    file: '.claimlensrc.json',
    text: '\n["uncited"]\n',
    settings: {},
    issues: [{ field: '(root)', message: 'expected an object, got an array', line: 2, column: 1 }],
  },
  {
    name: 'columns count UTF-16 code units',
    file: '.claimlensrc.json',
    text: '{"attributionPhrases": ["数据来源"], "😀": 1}',
    settings: { attributionPhrases: ['数据来源'] },
    issues: [{ field: '😀', message: unknownSetting, line: 1, column: 34 }],
  },
];

describe('parseConfigText', () => {
  for (const row of rows) {
    it(row.name, () => {
      const parsed = parseConfigText(row.text, row.file);
      assert.deepEqual(parsed, {
        settings: { ...defaultSettings, ...row.settings },
        ignore: row.ignore ?? [],
        issues: row.issues.map((issue) => ({ file: row.file, ...issue })),
      });
    });
  }
});

describe('defaultSettings', () => {
  it('are the schema\'s defaults, written out, in the schema\'s order', () => {
    assert.deepEqual(defaultSettings, schemaDefaults());
    assert.deepEqual(settingNames, Object.keys(settingsSchema.shape));
  });

  it('are what nothing or an empty object gives, without issues', () => {
    assert.deepEqual(parseSettings(undefined), { settings: defaultSettings, issues: [] });
    assert.deepEqual(parseSettings({}), { settings: schemaDefaults(), issues: [] });
  });
});

describe('settingsJsonSchema', () => {
  it('matches the committed schemas/claimlensrc.schema.json (regenerate with node scripts/gen-schema.mjs)', () => {
    const committed: unknown = JSON.parse(readFileSync('schemas/claimlensrc.schema.json', 'utf8'));
    assert.deepEqual(committed, settingsJsonSchema());
  });

  it('describes every setting, allows $schema and nothing else', () => {
    const schema = settingsJsonSchema();
    assert.deepEqual(Object.keys(schema.properties as object).sort(), ['$schema', 'ignore', ...Object.keys(defaultSettings)].sort());
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.allowComments, true);
  });
});

describe('configNotice', () => {
  it('says an unknown setting is ignored, a wrong value falls back to its default, a syntax error to all defaults', () => {
    const unknown = parseConfigText('{ "scop": "paragraph", "languages": ["en"] }', '.claimlensrc.json');
    assert.equal(
      configNotice('.claimlensrc.json', unknown.issues),
      `Claim Lens: .claimlensrc.json: "scop" ${unknown.issues[0].message}. It is ignored; the other settings still apply.`,
    );
    assert.ok(!configNotice('.claimlensrc.json', unknown.issues).includes('Using the default'));
    const wrong = parseConfigText('{ "scope": "chapter", "report": [1] }', '.claimlensrc.json');
    assert.equal(wrong.issues.length, 2);
    assert.equal(
      configNotice('.claimlensrc.json', wrong.issues),
      `Claim Lens: .claimlensrc.json: "scope" ${wrong.issues[0].message} (and 1 more). Using the default for it; the other settings still apply.`,
    );
    const broken = parseConfigText('{ "scope": ', '.claimlensrc.json');
    assert.match(configNotice('.claimlensrc.json', broken.issues), /^Claim Lens: \.claimlensrc\.json could not be read: .+\. Using the default settings\.$/u);
  });
});
