/**
 * The workspace layer: everything between the disk and the core, for the
 * command line and the language server alike — which files (discovery,
 * `.gitignore`, symbolic links, size limits), read how (encodings, binary
 * files), with which settings (`.claimlensrc.*`) and bibliographies.
 */
export { analyseFiles, compare, type AnalyseFilesOptions, type FilesAnalysis, type RenderedFiles, type SkippedFile } from './analyse-files';
export { RunBibliographies, type BibliographyWarning } from './bibliographies';
export { FixedConfig, NearestConfig, type FileSettings, type LocatedConfigIssue, type SettingsSource } from './config-lookup';
export { binaryKind, decodeText, sniffUtf16, type ReadResult } from './decode';
export { describeFsError as describeError, formatBytes as formatSize } from './guarded-read';
export { discoverFiles, readRoots, workspaceRoot, type Discovery } from './discover';
export { describeFsError, formatBytes, isInside, maxBibliographyBytes, maxConfigBytes, readGuarded, realPathOf, type GuardedRead, type ReadGuard } from './guarded-read';
export { GitignoreRules, ignoreTop } from './gitignore';
export { mapConcurrent } from './pool';
export { readArticle } from './read-article';
export { renderFile, type RenderFormat } from './render-file';
export { PhaseTimer, timingsLine, timingsWanted, type ThreadTimings } from './timings';
