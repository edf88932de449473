/**
 * The requests and notifications Claim Lens's language server adds to the
 * protocol: for the reports, and for a client (VS Code's) that draws its own
 * views from the analysis. Everything else goes through standard requests, so any LSP
 * client gets diagnostics, hovers, quick fixes, completion and definitions
 * without a plugin.
 */
import { ProtocolNotificationType, ProtocolRequestType, ProtocolRequestType0, type TextDocumentIdentifier, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { Analysis, BibEntry, Format, JsonReport, Settings } from '../core';

/** `claimlens/documentReport`: the JSON report (as `claimlens check --format json` prints it) of one open document. */
export interface DocumentReportParams {
  readonly textDocument: TextDocumentIdentifier;
}

/** The report of one document: `null` when it is not an article the server reads (or too large). */
export type DocumentReportResult = JsonReport | null;

export const documentReportRequest = new ProtocolRequestType<DocumentReportParams, DocumentReportResult, never, void, void>('claimlens/documentReport');

/** `claimlens/workspaceReport`: every article of a workspace folder, as the command line finds and reads them. */
export interface WorkspaceReportParams extends WorkDoneProgressParams {
  /** The folder's URI; the first workspace folder when omitted. */
  readonly folder?: string;
  /** Also answer each file's text and analysis (`files`), for a client that renders the report itself. */
  readonly withAnalyses?: boolean;
}

/** A file the workspace report left out, and why (the same reasons the command line gives). */
export interface SkippedFileReport {
  readonly path: string;
  readonly reason: string;
}

export interface WorkspaceReportResult {
  /** The folder's URI; paths in `report` and `skipped` are relative to it. */
  readonly folder: string;
  readonly report: JsonReport;
  readonly skipped: readonly SkippedFileReport[];
  /** Configuration and bibliography problems, as `path:line:column message` lines. */
  readonly warnings: readonly string[];
  /** Milliseconds the analysis took. */
  readonly elapsedMs: number;
  /** Each file's text and analysis, when asked for with `withAnalyses`. */
  readonly files?: readonly WorkspaceReportFileAnalysis[];
}

export const workspaceReportRequest = new ProtocolRequestType<WorkspaceReportParams, WorkspaceReportResult, never, void, void>('claimlens/workspaceReport');

/** `claimlens/documentAnalysis`: the whole analysis of one open document at its current version, for a client's own views. */
export interface DocumentAnalysisParams {
  readonly textDocument: TextDocumentIdentifier;
}

/** Claim counts of one analysed document. */
export interface DocumentCounts {
  readonly claims: number;
  readonly cited: number;
  readonly attributed: number;
  readonly uncited: number;
  readonly ignored: number;
  /** Broken sources: a footnote with no definition, an unknown citation key… */
  readonly problems: number;
}

/** Why an open document has no analysis. */
export type NotAnalysedReason =
  | { readonly reason: 'too-large'; readonly sizeKB: number; readonly limitKB: number }
  | { readonly reason: 'timed-out'; readonly limitMs: number }
  | { readonly reason: 'failed'; readonly message: string };

/** An open document's analysis, with what the client needs beside it: its settings and bibliography entries. */
export interface DocumentAnalysisResult {
  readonly uri: string;
  readonly version: number;
  readonly format: Format;
  readonly analysis: Analysis;
  /** The settings the document was analysed with (VS Code's and the nearest `.claimlensrc.*` merged). */
  readonly settings: Settings;
  /** The entries of the article's bibliography, when it names one. */
  readonly bibliography?: readonly BibEntry[];
  /** The nearest `.claimlensrc.*` file, as a URI, when one applies. */
  readonly configFile?: string;
}

/** The analysis, `{ notAnalysed }` when the document is an article that could not be analysed, `null` when it is no article. */
export type DocumentAnalysisResponse = DocumentAnalysisResult | { readonly uri: string; readonly version: number; readonly notAnalysed: NotAnalysedReason } | null;

export const documentAnalysisRequest = new ProtocolRequestType<DocumentAnalysisParams, DocumentAnalysisResponse, never, void, void>('claimlens/documentAnalysis');

/**
 * `claimlens/documentStatus` (server → client, when the initialization
 * options ask for `statusNotifications`): sent with each document's
 * diagnostics, so a status bar can count its claims; `notAnalysed` when it
 * was skipped (too large, an analysis over the time limit), `null` counts
 * when it is not an article (or no longer open).
 */
export interface DocumentStatusParams {
  readonly uri: string;
  readonly version: number;
  readonly counts: DocumentCounts | null;
  readonly notAnalysed?: NotAnalysedReason;
}

export const documentStatusNotification = new ProtocolNotificationType<DocumentStatusParams, void>('claimlens/documentStatus');

/** `claimlens/workspaceTrust` (client → server): the workspace was trusted, or trust was withdrawn. */
export interface WorkspaceTrustParams {
  readonly trusted: boolean;
}

export const workspaceTrustNotification = new ProtocolNotificationType<WorkspaceTrustParams, void>('claimlens/workspaceTrust');

/** `claimlens/serverInfo`: the server's process id and version, for a client that watches over the process. */
export interface ServerInfoResult {
  readonly pid: number;
  readonly version: string;
  readonly trusted: boolean;
}

export const serverInfoRequest = new ProtocolRequestType0<ServerInfoResult, never, void, void>('claimlens/serverInfo');

/** One file of the workspace report with its analysis, when `WorkspaceReportParams.withAnalyses` asks for them. */
export interface WorkspaceReportFileAnalysis {
  /** The path relative to the folder, as in `report` (`export.xml#post-slug` for a post of an export). */
  readonly path: string;
  /** The file's URI. */
  readonly uri: string;
  readonly text: string;
  readonly analysis: Analysis;
  readonly settings?: Pick<Settings, 'report' | 'scope'>;
}

/** What a file read through the client is: its cap and rules come from the kind. */
export type ReadFileKind = 'bibliography' | 'config';

/**
 * `claimlens/readFile`, sent by the server to the client where the server
 * cannot read files itself (VS Code for the Web): the bytes of a
 * bibliography or `.claimlensrc.*` file. The client reads only regular
 * files inside a workspace folder, no larger than the kind's cap, and says
 * why not otherwise.
 */
export interface ReadFileParams {
  readonly uri: string;
  readonly kind: ReadFileKind;
}

export type ReadFileResult =
  /** `base64`: the file's bytes, so any transport carries them unchanged. */
  | { readonly ok: true; readonly base64: string }
  | { readonly ok: false; readonly missing: boolean; readonly reason: string };

export const readFileRequest = new ProtocolRequestType<ReadFileParams, ReadFileResult, never, void, void>('claimlens/readFile');

/**
 * `claimlens/findFiles`, sent by the server to the client where it cannot
 * list folders itself: the files a glob of the `bibliography` setting
 * matches under `base` (a folder's URI). The client lists only files inside
 * a workspace folder, and none for a glob whose fixed part leads out of it.
 */
export interface FindFilesParams {
  readonly base: string;
  readonly pattern: string;
}

export interface FindFilesResult {
  /** The files' URIs, sorted. */
  readonly uris: readonly string[];
}

export const findFilesRequest = new ProtocolRequestType<FindFilesParams, FindFilesResult, never, void, void>('claimlens/findFiles');
