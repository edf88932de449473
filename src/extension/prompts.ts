import * as vscode from 'vscode';
import { isHttpUrl, type CitableSource } from '../core/index';

/**
 * The questions the quick fixes ask. The editor answers them with quick
 * picks and input boxes; tests can put in their own answers.
 */
export interface Prompts {
  /** Which of the article's sources to cite; undefined when cancelled. */
  pickSource(sources: readonly CitableSource[], claimText: string): Promise<CitableSource | undefined>;
  /** The URL of a new source (http or https); undefined when cancelled. */
  askUrl(claimText: string): Promise<string | undefined>;
  /** An optional title for the new source: '' for none, undefined when cancelled. */
  askTitle(url: string): Promise<string | undefined>;
}

const kindIcons: Record<CitableSource['kind'], string> = { link: '$(link)', footnote: '$(note)', citation: '$(book)' };

/** Prompts shown as VS Code quick picks and input boxes. */
export const editorPrompts: Prompts = {
  async pickSource(sources, claimText) {
    const picked = await vscode.window.showQuickPick(
      sources.map((source) => ({ label: `${kindIcons[source.kind]} ${source.label}`, detail: source.detail, source })),
      { title: `Cite a source for "${claimText}"`, placeHolder: 'A link, footnote or citation already in this article', matchOnDetail: true },
    );
    return picked?.source;
  },
  askUrl(claimText) {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: `Add a new source for "${claimText}"`,
        prompt: 'The URL of the source (http or https)',
        placeHolder: 'https://',
        ignoreFocusOut: true,
        validateInput: (value) => (isHttpUrl(value) ? undefined : 'Enter an http:// or https:// URL'),
      }),
    ).then((value) => value?.trim());
  },
  askTitle(url) {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: 'Title of the source (optional)',
        prompt: `A title for ${url}; leave empty for none`,
        ignoreFocusOut: true,
      }),
    );
  },
};
