import { LineIndex } from '../lines';
import { findingsOf, rules, type FindingCode, type ReportFile, type Severity } from './findings';

/** Where the README's section on each finding code lives; a rule's `helpUri` is this plus `#code`. */
export const defaultHelpBase = 'https://github.com/claimlens/claimlens';

/** Options of `toSarif`. */
export interface SarifOptions {
  /** The tool's version, as `tool.driver.version`. */
  readonly toolVersion?: string;
  /** The README address that rules link to (`helpUri` = base + `#code`). */
  readonly helpBase?: string;
  /** A `file://` URI of the folder the paths are relative to (ends with `/`), as `%SRCROOT%`. */
  readonly srcRoot?: string;
}

/** A SARIF 2.1.0 log: the subset of the standard that `toSarif` writes. */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

export interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string;
      readonly version?: string;
      readonly semanticVersion?: string;
      readonly informationUri: string;
      readonly rules: readonly SarifRule[];
    };
  };
  readonly originalUriBaseIds?: Record<string, { readonly uri: string }>;
  readonly artifacts: readonly { readonly location: SarifArtifactLocation }[];
  readonly results: readonly SarifResult[];
  readonly columnKind: 'utf16CodeUnits';
}

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
}

export interface SarifArtifactLocation {
  readonly uri: string;
  readonly uriBaseId: '%SRCROOT%';
  readonly index?: number;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly {
    readonly physicalLocation: {
      readonly artifactLocation: SarifArtifactLocation;
      readonly region: {
        readonly startLine: number;
        readonly startColumn: number;
        readonly endLine: number;
        readonly endColumn: number;
        readonly snippet?: { readonly text: string };
      };
    };
  }[];
}

export type SarifLevel = 'error' | 'warning' | 'note';

const levels: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A SARIF 2.1.0 log of the findings (see `findingsOf`): one run of the tool
 * "Claim Lens", one rule per finding code, one result per finding. Regions
 * are 1-based with exclusive end columns in UTF-16 code units
 * (`columnKind: utf16CodeUnits`); artifact URIs are the report paths,
 * relative to `%SRCROOT%`.
 */
export function toSarif(files: readonly ReportFile[], options: SarifOptions = {}): SarifLog {
  const helpBase = options.helpBase ?? defaultHelpBase;
  const ruleIndex = new Map<FindingCode, number>(rules.map((rule, i) => [rule.id, i]));
  const results: SarifResult[] = [];
  files.forEach((file, index) => {
    const lines = new LineIndex(file.text);
    const artifactLocation: SarifArtifactLocation = { uri: pathToUri(file.path), uriBaseId: '%SRCROOT%', index };
    for (const finding of findingsOf(file, lines)) {
      results.push({
        ruleId: finding.code,
        ruleIndex: ruleIndex.get(finding.code) ?? -1,
        level: levels[finding.severity],
        message: { text: finding.message },
        locations: [{
          physicalLocation: {
            artifactLocation,
            region: {
              startLine: finding.start.line,
              startColumn: finding.start.column,
              endLine: finding.end.line,
              endColumn: finding.end.column,
              snippet: { text: file.text.slice(finding.range.start, finding.range.end) },
            },
          },
        }],
      });
    }
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Claim Lens',
          ...(options.toolVersion ? { version: options.toolVersion, semanticVersion: options.toolVersion } : {}),
          informationUri: helpBase,
          rules: rules.map((rule) => ({
            id: rule.id,
            name: rule.name,
            shortDescription: { text: rule.description },
            helpUri: `${helpBase}#${rule.id}`,
            defaultConfiguration: { level: levels[rule.severity] },
          })),
        },
      },
      ...(options.srcRoot ? { originalUriBaseIds: { '%SRCROOT%': { uri: options.srcRoot } } } : {}),
      artifacts: files.map((file) => ({ location: { uri: pathToUri(file.path), uriBaseId: '%SRCROOT%' as const } })),
      results,
      columnKind: 'utf16CodeUnits',
    }],
  };
}

/** A relative URI reference for a `/`-separated path: each segment percent-encoded. */
function pathToUri(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}
