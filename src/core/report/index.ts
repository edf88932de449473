/** Reports over analysed files: findings, summaries and output formats, shared by the CLI and the editor. */
export {
  citedOnlyByNameLinks,
  claimMessage,
  describeSource,
  describeSources,
  findingCodeOf,
  findingsOf,
  rules,
  shorten,
  verificationMessage,
  type ClaimFindingCode,
  type VerificationFindingCode,
  type Finding,
  type FindingCode,
  type ReportFile,
  type Rule,
  type Severity,
} from './findings';
export { explainClaim, explainFile, formatRuleStats, ruleStats, type RuleStats } from './explain';
export { addTotals, coveragePercent, summarize, summaryLine, type Totals } from './summary';
export { joinRendered, jsonFileText, jsonReportFrame, jsonReportText, renderJson, toJsonReport, type RenderedJson, type JsonClaim, type JsonFile, type JsonProblem, type JsonReport, type JsonSource, type JsonVerification } from './json';
export { defaultHelpBase, toSarif, type SarifLog, type SarifOptions, type SarifResult } from './sarif';
export { csvField, csvFileRows, csvHead, neutraliseFormula, toCsv } from './csv';
export { escapeMarkdown, markdownFile, markdownHead, toMarkdown } from './markdown';
export { ansiStyles, escapeControls, findingLine, plainStyles, type Styles } from './terminal';
export {
  formatAmount,
  formatClaimValue,
  formatClaimValueWithQualifier,
  languageOfText,
  linkableUrl,
  type ClaimValue,
  type ValueLanguage,
} from './values';
export { claimSentence, listedSources, maxListedSources } from './shared-sentence';
export { claimSourceSays, sourceSaysByClaim, sourceSaysLabels, sourceSaysOrder } from './source-says';
