/**
 * The requests Claim Lens's language server adds to the protocol, for the
 * reports. Everything else goes through standard requests, so any LSP
 * client gets diagnostics, hovers, quick fixes, completion and definitions
 * without a plugin.
 */
import { ProtocolRequestType, type TextDocumentIdentifier, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { JsonReport } from '../core';

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
}

export const workspaceReportRequest = new ProtocolRequestType<WorkspaceReportParams, WorkspaceReportResult, never, void, void>('claimlens/workspaceReport');

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
