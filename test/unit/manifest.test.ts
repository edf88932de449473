import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defaultMaxSize } from '../../src/cli/args';
import { settingsSchema } from '../../src/core/settings-schema';
import { readClientSettings } from '../../src/server/settings';
import { defaultAnalysisTimeLimitSeconds, maxAnalysisTimeLimitSeconds, minAnalysisTimeLimitSeconds } from '../../src/shared/analysis-time-limit';

interface SettingSchema {
  type?: string;
  enum?: unknown[];
  items?: { type?: string; enum?: unknown[] };
  default?: unknown;
  scope?: string;
  description?: string;
  markdownDescription?: string;
}

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[]; description?: string } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    configuration: { title: string; properties: Record<string, SettingSchema> }[];
    jsonValidation: { fileMatch: string | string[]; url: string }[];
    walkthroughs: {
      id: string;
      title: string;
      steps: {
        id: string;
        title: string;
        description: string;
        media: { markdown?: string; image?: string | Record<string, string>; altText?: string };
        completionEvents?: string[];
      }[];
    }[];
  };
};
const settings: Record<string, SettingSchema> = Object.assign({}, ...manifest.contributes.configuration.map((group) => group.properties));
const jsonSchema = z.toJSONSchema(settingsSchema, { io: 'input' }) as { properties: Record<string, SettingSchema> };

describe('manifest: settings match the core schema', () => {
  for (const [field, schema] of Object.entries(jsonSchema.properties)) {
    it(`claimlens.${field}`, () => {
      const setting = settings[`claimlens.${field}`];
      assert.ok(setting, `package.json has no setting claimlens.${field}`);
      assert.deepEqual(
        { type: setting.type, enum: setting.enum, itemType: setting.items?.type, itemEnum: setting.items?.enum, default: setting.default, scope: setting.scope },
        { type: schema.type, enum: schema.enum, itemType: schema.items?.type, itemEnum: schema.items?.enum, default: schema.default, scope: 'resource' },
      );
    });
  }

  it('has no claimlens.* setting that is neither in the schema nor an editor setting', () => {
    const editorOnly = [
      'claimlens.enable',
      'claimlens.enabledLanguageIds',
      'claimlens.debounceMs',
      'claimlens.maxFileSizeKB',
      'claimlens.analysisTimeLimitSeconds',
      'claimlens.statusBar.enabled',
      'claimlens.verify.archiveApi',
      'claimlens.verify.cacheMaxAgeHours',
      'claimlens.verify.cacheMaxSizeMB',
      'claimlens.verify.timeoutSeconds',
      'claimlens.severity.uncited',
      'claimlens.severity.attributed',
      'claimlens.severity.cited',
      'claimlens.severity.ignored',
      'claimlens.severity.brokenSource',
    ];
    const expected = [...Object.keys(jsonSchema.properties).map((f) => `claimlens.${f}`), ...editorOnly].sort();
    assert.deepEqual(Object.keys(settings).sort(), expected);
  });

  it('describes every setting and gives each a scope', () => {
    const missing = Object.entries(settings)
      .filter(([, s]) => !(s.description || s.markdownDescription) || !s.scope)
      .map(([key]) => key);
    assert.deepEqual(missing, []);
  });

  it('skips articles over the same size as `claimlens check` does by default (10 MB), in the editor and the language server', () => {
    assert.equal(settings['claimlens.maxFileSizeKB'].default, defaultMaxSize / 1024);
    assert.equal(readClientSettings({}).editor.maxFileSizeKB, defaultMaxSize / 1024);
    assert.equal(defaultMaxSize, 10 * 1024 * 1024);
  });

  it('stops an analysis after the same time limit, in seconds, in the manifest and the editor and language server', () => {
    const setting = settings['claimlens.analysisTimeLimitSeconds'] as SettingSchema & { minimum?: number; maximum?: number };
    assert.deepEqual([setting.type, setting.default, setting.minimum, setting.maximum], ['number', defaultAnalysisTimeLimitSeconds, minAnalysisTimeLimitSeconds, maxAnalysisTimeLimitSeconds]);
    assert.equal(readClientSettings({ analysisTimeLimitSeconds: setting.default }).editor.analysisTimeLimitMs, 20_000);
  });

  it('offers the same severity choices for every kind of finding', () => {
    const severities = Object.entries(settings).filter(([key]) => key.startsWith('claimlens.severity.'));
    assert.deepEqual(
      severities.map(([key, s]) => [key, s.enum]),
      severities.map(([key]) => [key, ['error', 'warning', 'information', 'hint', 'off']]),
    );
  });
});

describe('manifest: activation, commands and files', () => {
  it('activates on every default language', () => {
    const languages = settings['claimlens.enabledLanguageIds'].default as string[];
    for (const language of languages) assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), `onLanguage:${language}`);
  });

  it('puts every command in the "Claim Lens" category with a title', () => {
    assert.deepEqual(
      manifest.contributes.commands.filter((c) => c.category !== 'Claim Lens' || !c.title || !c.command.startsWith('claimlens.')),
      [],
    );
  });

  it('hides the quick-fix commands, which need arguments, from the command palette', () => {
    assert.deepEqual(
      manifest.contributes.menus.commandPalette.map((m) => [m.command, m.when]),
      [
        ['claimlens.citeExistingSource', 'false'],
        ['claimlens.addSource', 'false'],
        ['claimlens.ignoreClaim', 'false'],
        ['claimlens.editNote', 'false'],
      ],
    );
  });

  it('registers in code exactly the commands it contributes', () => {
    // The quick fixes' command ids are shared with the language server, which offers them.
    const sources = ['extension/extension.ts', 'extension/fix-commands.ts', 'extension/verify-sources.ts', 'shared/quick-fixes.ts'].map((f) => readFileSync(join(root, 'src', f), 'utf8')).join('\n');
    const registered = new Set([...sources.matchAll(/(?:command\(|registerCommand\(|: )'(claimlens\.[a-zA-Z]+)'/gu)].map((m) => m[1]));
    assert.deepEqual([...registered].sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('validates .claimlensrc.json with the schema file, which exists', () => {
    assert.equal(manifest.contributes.jsonValidation.length, 1);
    const [entry] = manifest.contributes.jsonValidation;
    assert.ok([entry.fileMatch].flat().includes('.claimlensrc.json'));
    assert.ok(existsSync(join(root, entry.url)), entry.url);
  });

  it('runs in untrusted workspaces', () => {
    // Limited only by the settings that name files to read: in Restricted Mode, VS Code gives their user values alone.
    assert.deepEqual(
      { supported: manifest.capabilities.untrustedWorkspaces.supported, restricted: manifest.capabilities.untrustedWorkspaces.restrictedConfigurations },
      { supported: 'limited', restricted: ['claimlens.bibliography'] },
    );
    assert.ok(manifest.capabilities.untrustedWorkspaces.description);
  });
});

describe('manifest: the walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  const steps = walkthrough?.steps ?? [];
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  const mediaOf = (step: (typeof steps)[number]) => [
    ...(step.media.markdown ? [step.media.markdown] : []),
    ...(typeof step.media.image === 'string' ? [step.media.image] : Object.values(step.media.image ?? {})),
  ];

  it('opens an example, shows a hover and a quick fix, the report, the settings and the command line', () => {
    assert.deepEqual(steps.map((s) => s.id), ['openExample', 'hover', 'quickFix', 'report', 'settings', 'cli']);
    for (const step of steps) assert.match(step.description, /\]\(command:[\w.]+(?:\?[^)]*)?\)/u, `${step.id} has a button`);
  });

  it('links only to commands it contributes, or to the settings editor', () => {
    const linked = steps.flatMap((s) => [...s.description.matchAll(/\(command:([\w.]+)/gu)].map((m) => m[1]!));
    const completing = steps.flatMap((s) => (s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)));
    assert.deepEqual([...linked, ...completing].filter((c) => !commands.has(c) && c !== 'workbench.action.openSettings'), []);
  });

  it('shows media that exist and that the package keeps', () => {
    const keep = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim());
    const kept = (path: string) => keep.some((pattern) => pattern === path || (pattern.endsWith('/**') && path.startsWith(pattern.slice(0, -2))));
    const media = [...steps.flatMap(mediaOf), 'docs/walkthrough/example.md'];
    assert.ok(media.length >= 6);
    assert.deepEqual(media.filter((path) => !existsSync(join(root, path))), [], 'every medium exists');
    assert.deepEqual(media.filter((path) => !kept(path)), [], 'every medium is let back in by .vscodeignore');
    for (const step of steps) if (step.media.image) assert.ok(step.media.altText, `${step.id} describes its image`);
  });
});
