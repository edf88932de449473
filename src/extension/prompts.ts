import * as vscode from 'vscode';
import { parseSourceInput, type CitableSource } from '../core/index';

/** A bibliography entry offered beside the article's own sources, to cite by its key. */
export interface EntryChoice {
  readonly kind: 'entry';
  readonly key: string;
  /** `@key`. */
  readonly label: string;
  /** Authors and year: "Doe and Roe · 2023". */
  readonly description: string;
  /** The title. */
  readonly detail: string;
}

/** What the cite quick fix offers: a link, footnote or citation of the article, or a bibliography entry. */
export type SourceChoice = CitableSource | EntryChoice;

/**
 * The questions the quick fixes ask. The editor answers them with quick
 * picks and input boxes; tests can put in their own answers.
 */
export interface Prompts {
  /** Which of the article's sources or bibliography entries to cite; undefined when cancelled. */
  pickSource(sources: readonly SourceChoice[], claimText: string): Promise<SourceChoice | undefined>;
  /**
   * A new source as the writer types it: an http(s) URL, a DOI, or words
   * naming a source that has no URL ("Treasury briefing, 4 March 2025");
   * undefined when cancelled.
   */
  askSource(claimText: string): Promise<string | undefined>;
  /** An optional title for a new URL or DOI: '' for none, undefined when cancelled. */
  askTitle(url: string): Promise<string | undefined>;
  /** New text for a footnote's definition, starting from its current text; undefined when cancelled. */
  askNoteText(label: string, current: string): Promise<string | undefined>;
}

const kindIcons: Record<SourceChoice['kind'], string> = { link: '$(link)', footnote: '$(note)', citation: '$(book)', entry: '$(book)' };

type ChoiceItem = vscode.QuickPickItem & { readonly source?: SourceChoice };

/** Quick pick items: the article's sources, then the bibliography's entries under a separator. */
function choiceItems(sources: readonly SourceChoice[]): ChoiceItem[] {
  const items: ChoiceItem[] = [];
  let inBibliography = false;
  for (const source of sources) {
    if (source.kind === 'entry' && !inBibliography) {
      inBibliography = true;
      items.push({ label: 'Bibliography', kind: vscode.QuickPickItemKind.Separator });
    }
    items.push(
      source.kind === 'entry'
        ? { label: `${kindIcons.entry} ${source.label}`, description: source.description, detail: source.detail, source }
        : { label: `${kindIcons[source.kind]} ${source.label}`, detail: source.detail, source },
    );
  }
  return items;
}

/** Prompts shown as VS Code quick picks and input boxes. */
export const editorPrompts: Prompts = {
  async pickSource(sources, claimText) {
    const picked = await vscode.window.showQuickPick(choiceItems(sources), {
      title: `Cite a source for "${claimText}"`,
      placeHolder: 'A link, footnote or citation of this article, or a bibliography entry (by key, author, year or title)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.source;
  },
  askSource(claimText) {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: `Add a new source for "${claimText}"`,
        prompt: 'A URL, a DOI, or the source in words when it has no URL (an interview, a print report, a filing)',
        placeHolder: 'https://…, 10.1000/182, or "Treasury briefing, 4 March 2025"',
        ignoreFocusOut: true,
        validateInput: (value) =>
          parseSourceInput(value) ? undefined : value.trim() ? 'Only http:// and https:// links can be cited; write other sources in words' : 'Enter a URL, a DOI or the source in words',
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
  askNoteText(label, current) {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: `Edit note ${label}`,
        prompt: 'The text of the note, as the article writes it',
        value: current,
        ignoreFocusOut: true,
      }),
    );
  },
};
