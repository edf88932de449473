import {
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type LocationLink,
  type Position,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  citableSources,
  citeBibliographyKey,
  citeExistingSource,
  citedKeyAt,
  ignoreClaim,
  keyCompletionAt,
  type BibEntry,
  type Claim,
  type TextEdit,
} from '../core';
import { authorsAndYear } from '../shared/claim-format';
import { entryMarkdown, hoverCardsAt } from '../shared/hover-card';
import type { SeverityKind } from './settings';
import type { DocumentAnalysis } from './analyses';
import { claimOfDiagnostic, diagnosticSource, rangeOf } from './diagnostics';

/** Quick fixes offered per claim at most: the article's nearest sources first. */
const maxCiteActions = 8;
const fixableCodes = new Set(['uncited-claim', 'attributed-claim']);

/** The hover of claims, a citation key and broken sources at `position`: the same cards as in VS Code. */
export function hoverAt(entry: DocumentAnalysis, document: TextDocument, position: Position): Hover | null {
  const hover = hoverCardsAt({
    text: entry.text,
    format: entry.format,
    settings: entry.settings,
    analysis: entry.analysis,
    bibliography: entry.bibliography,
    // A claim with a diagnostic: the client shows its message, which says the status, beside the card.
    statusShown: (claim) => (entry.settings.report as readonly string[]).includes(claim.status) && entry.editor.severity[claim.status as SeverityKind] !== 'off',
    whereDefined: (bibEntry) => whereDefined(entry, bibEntry),
  }, document.offsetAt(position));
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: rangeOf(document, hover.start, hover.end) };
}

/** "references/milling.bib, line 1": where an entry stands. */
function whereDefined(entry: DocumentAnalysis, bibEntry: BibEntry): string | undefined {
  if (bibEntry.file === undefined) return undefined;
  const name = bibEntry.file === entry.articleName ? 'this article’s front matter' : bibEntry.file;
  return bibEntry.line === undefined ? name : `${name}, line ${bibEntry.line}`;
}

/**
 * Quick fixes on uncited and attributed claims, each a `WorkspaceEdit` the
 * client applies as it is: cite one of the article's own links, footnotes
 * or citations (the nearest first), cite a bibliography entry (Markdown),
 * or ignore the claim with a comment. The claims come from the diagnostics
 * in the request's context, or, when it has none, from the requested range.
 */
export function codeActionsFor(entry: DocumentAnalysis, document: TextDocument, params: CodeActionParams): CodeAction[] {
  if (params.context.only && !params.context.only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === 'quickfix')) {
    return [];
  }
  const targets: { claim: Claim; diagnostic?: Diagnostic }[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === diagnosticSource && fixableCodes.has(String(d.code ?? '')));
  for (const diagnostic of ours) {
    const claim = claimOfDiagnostic(entry, document, diagnostic);
    if (claim) targets.push({ claim, diagnostic });
  }
  if (!ours.length) {
    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    for (const claim of entry.analysis.claims) {
      if ((claim.status === 'uncited' || claim.status === 'attributed') && claim.range.start <= end && start <= claim.range.end) targets.push({ claim });
    }
  }
  const actions: CodeAction[] = [];
  for (const { claim, diagnostic } of targets) {
    const make = (title: string, edits: readonly TextEdit[], isPreferred = false): void => {
      if (!edits.length) return;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
        ...(isPreferred ? { isPreferred } : {}),
        edit: { changes: { [entry.uri]: edits.map((e) => toLspEdit(document, e)) } },
      });
    };
    const markdown = entry.format === 'markdown' || entry.format === 'mdx';
    const sources = citableSources(entry.analysis)
      .map((choice) => ({ choice, source: entry.analysis.sources[choice.sourceId] }))
      .sort((a, b) => Math.abs(a.source.range.start - claim.range.start) - Math.abs(b.source.range.start - claim.range.start))
      .slice(0, maxCiteActions);
    let first = true;
    for (const { choice, source } of sources) {
      const raw = entry.text.slice(source.range.start, source.range.end);
      const edits =
        source.kind === 'citation' && markdown && (raw.startsWith('@') || (raw.startsWith('[') && raw.includes('@')))
          ? citeBibliographyKey(entry.text, claim, source.key ?? source.label)
          : citeExistingSource(entry.text, claim, source, entry.format);
      make(`Cite ${choice.label}${choice.detail && choice.detail !== choice.label ? ` — ${oneLine(choice.detail, 60)}` : ''}`, edits, first);
      first = false;
    }
    if (markdown && entry.bibliography) {
      const cited = new Set(entry.analysis.sources.filter((s) => s.kind === 'citation').map((s) => s.key ?? s.label));
      let offered = 0;
      for (const bibEntry of entry.bibliography.entries()) {
        if (cited.has(bibEntry.key) || offered >= maxCiteActions) continue;
        offered++;
        const about = [authorsAndYear(bibEntry), bibEntry.title].filter(Boolean).join(', ');
        make(`Cite @${bibEntry.key}${about ? ` — ${oneLine(about, 60)}` : ''}`, citeBibliographyKey(entry.text, claim, bibEntry.key), first);
        first = false;
      }
    }
    const ignore = ignoreClaim(entry.text, claim, entry.format);
    if (ignore.kind === 'edit') make('Ignore this claim', ignore.edits);
  }
  return actions;
}

/**
 * Citation keys after `[@` and `@` in Markdown, from the article's
 * bibliography. `insertReplace`: the client takes an insert-or-replace edit.
 */
export function completionsAt(entry: DocumentAnalysis, document: TextDocument, position: Position, insertReplace: boolean): CompletionItem[] {
  if (!entry.bibliography) return [];
  const text = document.getText();
  const offset = document.offsetAt(position);
  const at = keyCompletionAt(text, offset, entry.format);
  if (!at) return [];
  const replace = rangeOf(document, at.range.start, at.range.end);
  const insert = { start: replace.start, end: position };
  const items: CompletionItem[] = [];
  for (const bibEntry of entry.bibliography.entries()) {
    const description = authorsAndYear(bibEntry);
    items.push({
      label: bibEntry.key,
      ...(description ? { labelDetails: { description } } : {}),
      kind: CompletionItemKind.Reference,
      detail: [description, bibEntry.title].filter((p) => p !== undefined && p !== '').join(' — '),
      documentation: { kind: MarkupKind.Markdown, value: entryMarkdown(bibEntry) },
      filterText: bibEntry.key,
      textEdit: insertReplace ? { newText: bibEntry.key, insert, replace } : { newText: bibEntry.key, range: replace },
    });
  }
  return items;
}

/**
 * Go to Definition on a citation key: the entry's line in its bibliography
 * file, or in the front matter. `fileUri` gives the URI of a file named
 * relative to the article's folder.
 */
export function definitionAt(entry: DocumentAnalysis, document: TextDocument, position: Position, fileUri: (folder: string, file: string) => string): LocationLink[] {
  const cited = citedKeyAt(entry.text, entry.analysis, document.offsetAt(position));
  const bibEntry = cited?.source.entry;
  if (!cited || !bibEntry || bibEntry.file === undefined) return [];
  const origin = rangeOf(document, cited.range.start, cited.range.end);
  if (bibEntry.file === entry.articleName && bibEntry.offset !== undefined) {
    const at = document.positionAt(bibEntry.offset);
    const range = { start: at, end: { line: at.line, character: at.character } };
    return [{ originSelectionRange: origin, targetUri: entry.uri, targetRange: range, targetSelectionRange: range }];
  }
  if (entry.folder === undefined || bibEntry.line === undefined) return [];
  const line = bibEntry.line - 1;
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  return [{ originSelectionRange: origin, targetUri: fileUri(entry.folder, bibEntry.file), targetRange: range, targetSelectionRange: range }];
}

function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: rangeOf(document, edit.range.start, edit.range.end), newText: edit.newText };
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
