import * as vscode from 'vscode';
import type { ServerAnalyses } from './server-analyses';

/** What `claimlens.openExample` shows once the example is open: nothing more, a claim's hover card, or its quick fixes. */
export type ExampleStep = 'open' | 'hover' | 'fix';

/** The example article of the walkthrough, shipped in the extension. */
const examplePath = ['docs', 'walkthrough', 'example.md'] as const;

/**
 * The walkthrough's example: opens an untitled copy of the example article
 * beside the walkthrough (reusing it once open), and with `hover` or `fix`
 * puts the cursor on its first uncited claim and shows the hover card or
 * the quick fixes there, so each step of the walkthrough works from one
 * click. Resolves to the example document's URI.
 */
export class WalkthroughExample {
  private document: vscode.TextDocument | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: ServerAnalyses,
  ) {}

  async open(step: ExampleStep = 'open'): Promise<string> {
    if (!this.document || this.document.isClosed) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...examplePath));
      this.document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
    }
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside, preview: false });
    if (step === 'open') return this.document.uri.toString();
    const entry = await this.analyses.ensure(this.document);
    const claim = entry?.analysis.claims.find((c) => c.status === 'uncited');
    if (claim) {
      const start = this.document.positionAt(claim.range.start);
      const end = this.document.positionAt(claim.range.end);
      editor.selection = new vscode.Selection(start, start);
      editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      // The hover and the quick fixes say the claim's status through its diagnostic: wait for it to be published.
      await diagnosticAt(this.document.uri, start);
      await vscode.commands.executeCommand(step === 'hover' ? 'editor.action.showHover' : 'editor.action.quickFix');
    }
    return this.document.uri.toString();
  }
}

/** Resolves once a diagnostic covers `position` in the document at `uri`, or after two seconds. */
function diagnosticAt(uri: vscode.Uri, position: vscode.Position): Promise<void> {
  const present = () => vscode.languages.getDiagnostics(uri).some((d) => d.range.contains(position));
  if (present()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, 2_000);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString()) && present()) done();
    });
  });
}
