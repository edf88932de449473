import * as vscode from 'vscode';
import {
  addNewSource,
  citableSources,
  citeBibliographyKey,
  citeExistingSource,
  editFootnoteDefinition,
  footnoteBodyRange,
  ignoreClaim,
  isHttpUrl,
  parseSourceInput,
  withIgnoreEntry,
  type Claim,
  type IgnoredClaim,
  type TextEdit,
} from '../core/index';
import type { ConfigFiles } from './config-files';
import type { AnalysedDocument, ServerAnalyses } from './server-analyses';
import { fixCommandIds } from '../shared/quick-fixes';
import type { Log } from './log';
import { authorsAndYear } from '../shared/claim-format';
import type { Prompts, SourceChoice } from './prompts';

/** Arguments of the quick-fix commands. Given answers skip the matching prompt. */
export interface FixArgs {
  /** The article (URI string or Uri). */
  readonly uri: string | vscode.Uri;
  /** `Claim.id` in the article's current analysis. */
  readonly claimId: string;
  /** `claimlens.citeExistingSource`: the id of the source to cite. */
  readonly sourceId?: number;
  /** `claimlens.citeExistingSource`: a bibliography key to cite (Markdown articles). */
  readonly key?: string;
  /** `claimlens.addSource`: the new source's http(s) URL… */
  readonly url?: string;
  /** …or the source as a writer types it: a URL, a DOI or words ("Treasury briefing, 4 March 2025")… */
  readonly source?: string;
  /** …and an optional title for a URL or DOI. */
  readonly title?: string;
}

/** Arguments of `claimlens.editNote`: the article and the footnote's label; `text` skips the prompt. */
export interface EditNoteArgs {
  readonly uri: string | vscode.Uri;
  readonly label: string;
  readonly text?: string;
}

export { fixCommandIds };

/**
 * The commands behind the quick fixes. Each asks what it needs (unless the
 * arguments answer it), computes plain edits in the core and applies them
 * as one WorkspaceEdit, so one undo takes the fix back. Each resolves to
 * true when it changed something.
 */
export function registerFixCommands(analyses: ServerAnalyses, configFiles: ConfigFiles, prompts: () => Prompts, log: Log): vscode.Disposable {
  const run = (name: string, body: (args: FixArgs) => Promise<boolean>) =>
    vscode.commands.registerCommand(name, async (args?: FixArgs) => {
      if (!args || !args.uri || !args.claimId) {
        void vscode.window.showInformationMessage('Claim Lens: use this from the light bulb on a claim (Ctrl+.).');
        return false;
      }
      try {
        return await body(args);
      } catch (cause) {
        log.error(`${name} failed.`, cause);
        void vscode.window.showErrorMessage(`Claim Lens: ${cause instanceof Error ? cause.message : String(cause)}`);
        return false;
      }
    });

  return vscode.Disposable.from(
    run(fixCommandIds.citeExistingSource, async (args) => {
      const found = await findClaim(analyses, args);
      if (!found) return false;
      let sourceId = args.sourceId;
      let key = args.key;
      if (sourceId === undefined && key === undefined) {
        const choices = sourceChoices(found.entry);
        if (!choices.length) {
          void vscode.window.showInformationMessage('Claim Lens: this article has no link, footnote or citation yet, and no bibliography. Use "Add a new source…".');
          return false;
        }
        const picked = await prompts().pickSource(choices, found.claim.text);
        if (picked === undefined) return false;
        if (picked.kind === 'entry') key = picked.key;
        else sourceId = picked.sourceId;
      }
      const again = await findClaim(analyses, args);
      if (!again) return false;
      const text = again.entry.document.getText();
      if (key === undefined) {
        const source = sourceId === undefined ? undefined : again.entry.analysis.sources[sourceId];
        if (!source || source.kind === 'textual') throw new Error(`No link, footnote or citation with id ${sourceId} in this article.`);
        if (source.kind === 'citation' && isMarkdown(again.entry.format) && isPandocCitation(text.slice(source.range.start, source.range.end))) {
          key = source.key ?? source.label;
        } else {
          return applyEdits(again.entry, citeExistingSource(text, again.claim, source, again.entry.format));
        }
      }
      if (!isMarkdown(again.entry.format)) throw new Error(`Citation keys such as @${key} are cited in Markdown articles only.`);
      const edits = citeBibliographyKey(text, again.claim, key);
      if (!edits.length) {
        void vscode.window.showInformationMessage(`Claim Lens: the claim's sentence already cites @${key}.`);
        return false;
      }
      return applyEdits(again.entry, edits);
    }),
    run(fixCommandIds.addSource, async (args) => {
      const found = await findClaim(analyses, args);
      if (!found) return false;
      if (args.url !== undefined && !isHttpUrl(args.url)) throw new Error(`"${args.url}" is not an http or https URL.`);
      const given = args.url ?? args.source;
      const input = given ?? (await prompts().askSource(found.claim.text));
      if (input === undefined) return false;
      const source = parseSourceInput(input);
      if (!source) throw new Error(`"${input}" is not a source Claim Lens can cite: give an http(s) URL, a DOI, or the source in words.`);
      // Words need no title; a URL or DOI may have one.
      const link = source.url ?? (source.doi ? `doi:${source.doi}` : undefined);
      const title = link === undefined ? '' : args.title ?? (given === undefined ? await prompts().askTitle(link) : '');
      if (title === undefined) return false;
      const again = await findClaim(analyses, args);
      if (!again) return false;
      const { document } = again.entry;
      const edits = addNewSource(document.getText(), again.entry.analysis, again.claim, again.entry.format, { ...source, ...(title ? { title } : {}) });
      return applyEdits(again.entry, edits);
    }),
    vscode.commands.registerCommand(fixCommandIds.editNote, async (args?: EditNoteArgs) => {
      try {
        return await editNote(analyses, prompts(), args);
      } catch (cause) {
        log.error(`${fixCommandIds.editNote} failed.`, cause);
        void vscode.window.showErrorMessage(`Claim Lens: ${cause instanceof Error ? cause.message : String(cause)}`);
        return false;
      }
    }),
    run(fixCommandIds.ignoreClaim, async (args) => {
      const found = await findClaim(analyses, args);
      if (!found) return false;
      const fix = ignoreClaim(found.entry.document.getText(), found.claim, found.entry.format, found.entry.analysis.claims);
      if (fix.kind === 'edit') return applyEdits(found.entry, fix.edits);
      return addToIgnoreList(configFiles, found.entry.document.uri, fix.claim);
    }),
  );
}

/** Edits a footnote's definition: asks for its new text, starting from the one written, and replaces it. */
async function editNote(analyses: ServerAnalyses, prompts: Prompts, args: EditNoteArgs | undefined): Promise<boolean> {
  if (!args?.uri || !args.label) {
    void vscode.window.showInformationMessage('Claim Lens: use this from the hover of a claim cited by a note.');
    return false;
  }
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
  const document = await vscode.workspace.openTextDocument(uri);
  const entry = await analyses.ensure(document);
  if (!entry) return false;
  const text = document.getText();
  const range = footnoteBodyRange(text, entry.format, args.label);
  if (!range) throw new Error(`This article has no definition of the note "${args.label}" to edit.`);
  const body = args.text ?? (await prompts.askNoteText(args.label, text.slice(range.start, range.end)));
  if (body === undefined) return false;
  const again = await analyses.ensure(document);
  if (!again || again.version !== entry.version) return false;
  return applyEdits(again, editFootnoteDefinition(text, again.format, args.label, body));
}

function isMarkdown(format: AnalysedDocument['format']): boolean {
  return format === 'markdown' || format === 'mdx';
}

/** `[@key…]` or `@key`: a Pandoc citation, which a new key can join. */
function isPandocCitation(raw: string): boolean {
  return raw.startsWith('@') || (raw.startsWith('[') && raw.includes('@'));
}

/**
 * What the cite quick fix offers for an article: its own links, footnotes
 * and citations, then (in Markdown) the entries of its bibliography that it
 * does not cite yet.
 */
export function sourceChoices(entry: AnalysedDocument): SourceChoice[] {
  const choices: SourceChoice[] = citableSources(entry.analysis);
  if (!entry.bibliography || !isMarkdown(entry.format)) return choices;
  const cited = new Set(entry.analysis.sources.filter((s) => s.kind === 'citation').map((s) => s.key ?? s.label));
  for (const bibEntry of entry.bibliography.entries()) {
    if (cited.has(bibEntry.key)) continue;
    choices.push({ kind: 'entry', key: bibEntry.key, label: `@${bibEntry.key}`, description: authorsAndYear(bibEntry), detail: bibEntry.title ?? '' });
  }
  return choices;
}

/** The claim the arguments name, in the current analysis of its article. */
async function findClaim(analyses: ServerAnalyses, args: FixArgs): Promise<{ entry: AnalysedDocument; claim: Claim } | undefined> {
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
  const document = await vscode.workspace.openTextDocument(uri);
  const entry = await analyses.ensure(document);
  const claim = entry?.analysis.claims.find((c) => c.id === args.claimId);
  if (!entry || !claim) {
    void vscode.window.showWarningMessage('Claim Lens: the claim has changed since the fix was offered. Try the light bulb again.');
    return undefined;
  }
  return { entry, claim };
}

/** Applies core edits to the document they were computed on, as one WorkspaceEdit (one undo step). */
export async function applyEdits(entry: AnalysedDocument, edits: readonly TextEdit[]): Promise<boolean> {
  const { document } = entry;
  if (document.version !== entry.version) return false;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.range.start), document.positionAt(e.range.end)), e.newText);
  return vscode.workspace.applyEdit(edit);
}

/**
 * Adds the claim to the `ignore` list of the article's nearest
 * `.claimlensrc` file, or of a new `.claimlensrc.json` in its workspace
 * folder, the file the CLI reads too. The file is saved, so the analysis
 * picks it up at once.
 */
async function addToIgnoreList(configFiles: ConfigFiles, uri: vscode.Uri, claim: IgnoredClaim): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) throw new Error('open the folder that holds this article: a plain-text claim is ignored in its .claimlensrc file.');
  const nearest = await configFiles.nearest(uri);
  const configUri = nearest?.uri ?? vscode.Uri.joinPath(folder.uri, '.claimlensrc.json');
  const file = relativeTo(vscode.Uri.joinPath(configUri, '..'), uri);
  if (file === undefined) throw new Error(`${uri.toString(true)} is not below ${configUri.toString(true)}.`);
  const name = configUri.path.slice(configUri.path.lastIndexOf('/') + 1);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
  let text = '';
  if (open) text = open.getText();
  else if (nearest) text = new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri));
  const updated = withIgnoreEntry(text, name, { file, ...claim });
  if (updated === text) return false;
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(configUri, new vscode.Range(open.positionAt(0), open.positionAt(text.length)), updated);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    return open.save();
  }
  await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(updated));
  return true;
}

/** The path of `uri` below the folder `dir`, with `/` between folders; undefined when it is not below it. */
function relativeTo(dir: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (dir.scheme !== uri.scheme || dir.authority !== uri.authority) return undefined;
  const base = dir.path.replace(/\/+$/u, '');
  return uri.path.startsWith(`${base}/`) ? uri.path.slice(base.length + 1) : undefined;
}
