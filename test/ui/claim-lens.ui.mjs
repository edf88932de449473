// The UI test of Claim Lens: what a person sees and does in the workbench,
// on test/fixtures/ui (a copy of it). Each step takes screenshots for the
// README; scripts/run-ui.mjs runs the steps in order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, plain, waitUntil } from './workbench.mjs';

/** The article the steps open, and what it holds. */
export const article = {
  file: 'cycle-lanes.md',
  claims: 7,
  uncited: 2,
  /** An uncited claim to hover: the text on its line, the claim. */
  hovered: { line: 'up 12% since', claim: '12%' },
  /** An uncited claim to ignore with the quick fix: its position and line. */
  ignored: { line: 19, column: 29, text: 'Bike theft remains a worry: 1,480 bikes', claim: '1,480' },
};

/** Titles as src/extension/code-actions.ts (fixTitles) and package.json name them. */
const fixTitles = {
  cite: 'Cite a source already in this article…',
  add: 'Add a new source…',
  ignore: 'Ignore this claim',
};
const ignoreComment = '<!-- claimlens-ignore-next-line -->';
const reportCommand = 'Claim Lens: Show Claim Report';
const statusPattern = /\d+ claims? · \d+ uncited/;

/** Closes whatever menu, hover or quick input is open. */
async function dismiss(wb) {
  for (let i = 0; i < 2; i++) await wb.keyboard.press('Escape');
}

/**
 * Waits until the status bar reads "N claims · M uncited" (with M =
 * `uncited`, when given) and returns [N, M].
 */
async function statusCounts(wb, uncited, timeout = 30_000) {
  return waitUntil(
    async () => {
      const match = /(\d+) claims? · (\d+) uncited/.exec((await wb.statusBarText(statusPattern)) ?? '');
      const counts = match && [Number(match[1]), Number(match[2])];
      return counts && (uncited === undefined || counts[1] === uncited) ? counts : undefined;
    },
    { timeout, message: `the status bar to read "N claims · ${uncited ?? 'M'} uncited"` },
  );
}

/**
 * The steps, in order. A step that is `required` must pass for the later ones to run.
 * @type {{ name: string, required?: boolean, timeout?: number, run: (wb: import('./workbench.mjs').Workbench, ctx: { folder: string }) => Promise<void> }[]} */
export const steps = [
  {
    name: 'Ctrl+P opens the article',
    required: true,
    async run(wb) {
      await wb.quickOpen(article.file);
      await wb.editor.locator('.view-lines').filter({ hasText: 'cycle lanes' }).waitFor({ state: 'visible' });
    },
  },
  {
    name: 'the status bar counts the claims and the uncited ones',
    timeout: 75_000,
    async run(wb) {
      // The item shows once the extension has analysed the article.
      const text = await waitUntil(() => wb.statusBarText(/\bclaims?\b/), {
        timeout: 60_000,
        message: 'a status bar item with "claims"',
      });
      check(statusPattern.test(text), `status bar text "${text}" does not match ${statusPattern}`);
      const [claims, uncited] = await statusCounts(wb);
      check(claims === article.claims && uncited === article.uncited,
        `status bar says ${claims} claims · ${uncited} uncited, expected ${article.claims} · ${article.uncited}`);
    },
  },
  {
    name: 'hovering an uncited claim shows its card with status and quick fixes',
    async run(wb) {
      const { line, claim } = article.hovered;
      const squiggle = await waitUntil(() => wb.squiggleOn(line), { message: `a warning squiggle on the line with "${line}"` });
      // Hover the squiggle's middle; when the hover does not come (the mouse
      // was already there, or the line re-rendered), leave and come back.
      const x = squiggle.x + squiggle.width / 2;
      const y = squiggle.y + squiggle.height / 2 - 4;
      const text = await waitUntil(
        async () => {
          if (!(await wb.hover.isVisible())) {
            await wb.page.mouse.move(x, y + 60, { steps: 2 });
            await wb.page.mouse.move(x, y, { steps: 4 });
            await wb.hover.waitFor({ state: 'visible', timeout: 4_000 });
          }
          const shown = plain(await wb.hover.innerText({ timeout: 1_000 }));
          // The diagnostic and the card come from two providers: wait for both.
          return shown.includes('Claim Lens') && shown.includes('Uncited claim') && shown.includes(fixTitles.add) ? shown : undefined;
        },
        { timeout: 40_000, interval: 300, message: 'the Claim Lens hover card' },
      );
      for (const expected of [claim, 'Uncited claim', 'no link, footnote or citation in its sentence', fixTitles.cite, fixTitles.add]) {
        check(text.includes(expected), `the hover does not contain "${expected}":\n${text}`);
      }
      const hoverBox = await wb.hover.boundingBox();
      const lineBox = await wb.lineBox(line);
      const gutter = { ...lineBox, x: lineBox.x - 60, width: 60 }; // the line numbers
      await wb.screenshot('hover.png', { boxes: [hoverBox, lineBox, gutter], padding: 24, lineGrid: lineBox });
      await wb.page.mouse.move(5, 5);
      await dismiss(wb);
    },
  },
  {
    name: 'the Problems panel lists the uncited claims from Claim Lens',
    async run(wb) {
      await wb.chord('Control+Shift+M');
      const panel = wb.page.locator('.part.panel .markers-panel').filter({ visible: true });
      await panel.waitFor({ state: 'visible', timeout: 30_000 });
      const rows = panel.locator('.monaco-list-row');
      const markers = await waitUntil(
        async () => {
          const texts = (await rows.allInnerTexts()).map(plain);
          const ours = texts.filter((t) => t.includes('Claim Lens') && t.includes('uncited-claim'));
          return ours.length >= article.uncited ? texts : undefined;
        },
        { message: `${article.uncited} "Claim Lens" rows with "uncited-claim" in the Problems panel` },
      );
      check(markers.some((t) => t.includes(article.file)), `no row names ${article.file}: ${JSON.stringify(markers)}`);
      check(markers.some((t) => t.includes(`"${article.hovered.claim}"`)), `no row names the claim "${article.hovered.claim}"`);
      check(markers.some((t) => t.includes('attributed-claim')), 'no row for the attributed claim');
      // The editor with its squiggles above, the panel below.
      await wb.screenshot('problems.png');
      await wb.chord('Control+1'); // back to the editor, panel still open
    },
  },
  {
    name: 'Ctrl+. on an uncited claim offers the fixes, and Ignore adds the comment (undone with Ctrl+Z)',
    async run(wb, { folder }) {
      const { line, column, text, claim } = article.ignored;
      await wb.chord('Control+1');
      await wb.goTo(line, column);
      await wb.chord('Control+.');
      const menu = wb.page.locator('.action-widget').filter({ visible: true }).first();
      await menu.waitFor({ state: 'visible', timeout: 30_000 });
      const titles = await waitUntil(
        async () => {
          const shown = (await menu.locator('.monaco-list-row.action').allInnerTexts()).map((t) => plain(t).trim());
          return shown.includes(fixTitles.ignore) ? shown : undefined;
        },
        { message: `"${fixTitles.ignore}" in the quick fix menu` },
      );
      for (const title of Object.values(fixTitles)) {
        check(titles.includes(title), `the quick fix menu lacks "${title}": ${JSON.stringify(titles)}`);
      }
      const menuBox = await menu.boundingBox();
      const lineBox = await wb.lineBox(text);
      // The claim's line with two lines above it, the menu below, and the line numbers.
      const context = { ...lineBox, x: lineBox.x - 60, y: lineBox.y - 2 * lineBox.height, width: 60 };
      await wb.screenshot('quick-fix.png', { boxes: [menuBox, lineBox, context], padding: 24, lineGrid: lineBox });

      // The menu blocks clicks until the mouse moves, as a hand on a mouse does.
      const ignoreRow = menu.locator('.monaco-list-row.action').filter({ hasText: fixTitles.ignore });
      const rowBox = await ignoreRow.boundingBox();
      await wb.page.mouse.move(rowBox.x + rowBox.width / 2, rowBox.y + rowBox.height / 2, { steps: 5 });
      await waitUntil(async () => (await ignoreRow.getAttribute('class')).includes('focused'), {
        message: `"${fixTitles.ignore}" to be highlighted under the mouse`,
      });
      await ignoreRow.click();
      await menu.waitFor({ state: 'hidden', timeout: 10_000 });
      const commentAbove = async () => {
        const lines = await wb.editorLines();
        const at = lines.findIndex((l) => l.includes(text));
        return at > 0 && lines[at - 1].trim() === ignoreComment;
      };
      let failure;
      try {
        await waitUntil(commentAbove, { message: `"${ignoreComment}" on the line above "${text}"` });
        // The fix is saved (files.refactoring.autoSave), so the file says so too.
        const path = join(folder, article.file);
        await waitUntil(() => readFileSync(path, 'utf8').includes(`${ignoreComment}\n${text}`), {
          message: `${article.file} on disk to hold the comment`,
        });
        const [claims] = await statusCounts(wb, article.uncited - 1);
        check(claims === article.claims, `${claims} claims after ignoring "${claim}", expected ${article.claims}`);
      } catch (error) {
        failure = error;
      }
      // Undone even when a check above failed, so that the next steps see the article as it was.
      if (failure && !(await commentAbove())) throw failure;
      await wb.chord('Control+Z');
      await waitUntil(async () => !(await wb.editorLines()).some((l) => l.includes(ignoreComment)), {
        message: 'Ctrl+Z to take the comment away',
      });
      if (failure) throw failure;
      await statusCounts(wb, article.uncited);
    },
  },
  {
    name: 'Show Claim Report from F1 opens the report with coverage and the claims',
    async run(wb) {
      // A roomier window for the report: no panel, no side bar.
      for (const [part, keys] of [['.part.panel', ['Control+J']], ['.part.sidebar', ['Control+B']]]) {
        if (await wb.page.locator(part).isVisible()) {
          await wb.chord(...keys);
          await wb.page.locator(part).waitFor({ state: 'hidden', timeout: 10_000 });
        }
      }
      await wb.runCommand(reportCommand);
      const report = wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const coverage = plain(await report.locator('.coverage').textContent({ timeout: 30_000 }));
      check(/^\d+%$/.test(coverage.trim()), `coverage reads "${coverage}"`);
      const summary = plain(await report.locator('.summary').textContent());
      check(summary.includes(`${article.claims} claims`) && summary.includes(`${article.uncited} uncited`),
        `the summary reads "${summary}"`);
      const row = report.locator('tbody tr[data-claim]').filter({ hasText: article.hovered.claim }).first();
      const rowText = plain(await row.innerText({ timeout: 10_000 }));
      check(rowText.includes('Uncited'), `the row of "${article.hovered.claim}" reads "${rowText}"`);
      const rows = await report.locator('tbody tr[data-claim]').count();
      check(rows === article.claims, `the report has ${rows} claim rows, expected ${article.claims}`);
      // The report opens beside the article; the screenshot gives it the whole editor area.
      const reportTab = wb.page.locator('.tabs-container .tab.active').filter({ hasText: 'Claim Lens: cycle-lanes.md' });
      await reportTab.waitFor({ state: 'visible', timeout: 10_000 });
      await reportTab.click();
      await wb.chord('Control+K', 'Control+M');
      await waitUntil(async () => (await wb.page.locator('iframe.webview.ready').boundingBox())?.width > 1000, {
        message: 'the report to fill the editor area (Ctrl+K Ctrl+M)',
      });
      // The window down to the end of the table.
      const table = await report.locator('table').first().boundingBox();
      await wb.screenshot('report.png', { boxes: [{ x: 0, y: 0, width: 1280, height: table.y + table.height }], padding: 24 });
    },
  },
];
