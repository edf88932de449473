// The UI test of Claim Lens: what a person sees and does in the workbench,
// on test/fixtures/ui (a copy of it). Each step takes screenshots for the
// README; scripts/run-ui.mjs runs the steps in order.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const ignoreComment = '<!-- claimlens-ignore -->';
const reportCommand = 'Claim Lens: Show Claim Report';
const workspaceCommand = 'Claim Lens: Show Claim Report for the Workspace';
const reportTitle = `Claim Lens: ${article.file}`;
/** The walkthrough's title, as package.json contributes it. */
const walkthroughTitle = 'Check the numbers in an article';

/** What else the workspace holds: a copy of examples/ (the run copies it). */
export const workspace = {
  examples: readdirSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples')).filter((f) => /\.(?:md|html|txt)$/.test(f)).length,
};

/** The themes the README's screenshots show, and the class each gives the report's body. */
const themes = [
  { name: 'Dark Modern', kind: 'dark', body: 'vscode-dark' },
  { name: 'Light Modern', kind: 'light', body: 'vscode-light' },
];
/** The article report is also checked in a high-contrast theme (a screenshot for review, not for the README). */
const highContrast = { name: 'Dark High Contrast', kind: 'high-contrast', body: 'vscode-high-contrast' };

/** The report page in the visible webview whose tab reads `title` (default: the article's report). */
async function reportFrame(wb, title = reportTitle) {
  await wb.page.locator('.tabs-container .tab.active').filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
  const outer = wb.page.locator('iframe.webview.ready').filter({ visible: true });
  const frame = await waitUntil(async () => {
    for (const handle of await outer.all()) {
      const inner = handle.contentFrame().locator('iframe#active-frame').contentFrame();
      const heading = await inner.locator('h1').textContent({ timeout: 1_000 }).catch(() => '');
      if (heading && (`Claim Lens: ${heading}`.endsWith(title.replace(/^Claim Lens: /, '')) || title.endsWith(heading))) return inner;
    }
    return undefined;
  }, { message: `the webview of "${title}"` });
  return frame;
}

/** The tallest row of the report's table and the height of two lines of text in it, in pixels. */
async function rowHeights(report) {
  return report.locator('table.report').evaluate((table) => {
    const rows = [...table.querySelectorAll('tbody tr.row')].filter((r) => !r.hidden);
    const cell = rows[0].querySelector('td');
    const style = getComputedStyle(cell);
    const line = parseFloat(getComputedStyle(document.body).lineHeight);
    const limit = Math.ceil(2 * line + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth) + 1);
    return { tallest: Math.max(...rows.map((r) => Math.round(r.getBoundingClientRect().height))), limit };
  });
}
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
      for (const expected of [claim, 'Uncited claim', 'no link, footnote or citation', fixTitles.cite, fixTitles.add]) {
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
      // The comment goes inline, just before the claim, so the paragraph keeps its lines.
      const ignoredText = text.replace(claim, `${ignoreComment}${claim}`);
      const commentAbove = async () => (await wb.editorLines()).some((l) => l.includes(ignoredText));
      let failure;
      try {
        await waitUntil(commentAbove, { message: `"${ignoreComment}" just before "${claim}" in "${text}"` });
        // The fix is saved (files.refactoring.autoSave), so the file says so too.
        const path = join(folder, article.file);
        await waitUntil(() => readFileSync(path, 'utf8').includes(ignoredText), {
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
    name: 'Show Claim Report opens beside the article, in a tab of its own, with coverage and the claims',
    async run(wb) {
      // A roomier window for the report: no panel, no side bar.
      for (const [part, keys] of [['.part.panel', ['Control+J']], ['.part.sidebar', ['Control+B']]]) {
        if (await wb.page.locator(part).isVisible()) {
          await wb.chord(...keys);
          await wb.page.locator(part).waitFor({ state: 'hidden', timeout: 10_000 });
        }
      }
      await wb.chord('Control+1');
      await wb.runCommand(reportCommand);
      const report = await reportFrame(wb);
      const coverage = plain(await report.locator('.coverage').textContent({ timeout: 30_000 }));
      check(/^\d+%$/.test(coverage.trim()), `coverage reads "${coverage}"`);
      const summary = plain(await report.locator('.summary').textContent());
      check(summary.includes(`${article.claims} claims`) && summary.includes('Coverage is the share of claims that name a source'),
        `the summary reads "${summary}"`);
      const row = report.locator('tbody tr[data-claim]').filter({ hasText: article.hovered.claim }).first();
      const rowText = plain(await row.innerText({ timeout: 10_000 }));
      check(rowText.includes('Uncited'), `the row of "${article.hovered.claim}" reads "${rowText}"`);
      const rows = await report.locator('tbody tr[data-claim]').count();
      check(rows === article.claims, `the report has ${rows} claim rows, expected ${article.claims}`);
      // Beside the article: two editor groups, the article in the first, the report's tab active in the second.
      const groups = wb.page.locator('.part.editor .editor-group-container');
      check((await groups.count()) === 2, `${await groups.count()} editor groups, expected the article and its report side by side`);
      await groups.nth(1).locator('.tab.active').filter({ hasText: reportTitle }).waitFor({ state: 'visible', timeout: 10_000 });
      await groups.nth(0).locator('.tab').filter({ hasText: article.file }).waitFor({ state: 'visible', timeout: 10_000 });
      const frame = await wb.page.locator('iframe.webview.ready').filter({ visible: true }).first().boundingBox();
      check(frame.width > 500, `the report is ${Math.round(frame.width)} px wide beside the article`);
      const heights = await rowHeights(report);
      check(heights.tallest <= heights.limit, `a row is ${heights.tallest} px tall beside the article, more than 2 lines (${heights.limit} px)`);
    },
  },
  {
    name: 'the report sorts by status (click and keyboard), filters by text and status, and Enter jumps to the claim',
    async run(wb, { folder }) {
      const report = await reportFrame(wb);
      const statusHeader = report.locator('thead th[data-key="status"]');
      const statuses = () => report.locator('tbody tr.row:not([hidden])').evaluateAll((rows) => rows.map((r) => r.dataset.status));
      await statusHeader.locator('button').click();
      check((await statusHeader.getAttribute('aria-sort')) === 'ascending', 'Status sorts ascending after a click');
      check((await report.locator('thead th[data-key="line"]').getAttribute('aria-sort')) === null, 'Line is no longer the sorted column');
      const ascending = await statuses();
      const order = ['uncited', 'attributed', 'cited', 'ignored'];
      check(ascending.every((s, i) => i === 0 || order.indexOf(ascending[i - 1]) <= order.indexOf(s)) && ascending[0] === 'uncited',
        `sorted by status: ${ascending.join(', ')}`);
      await statusHeader.locator('button').focus();
      await wb.keyboard.press('Enter');
      check((await statusHeader.getAttribute('aria-sort')) === 'descending', 'Enter on the Status header sorts descending');
      const descending = await statuses();
      check(descending.join() === [...ascending].reverse().join() || descending[descending.length - 1] === 'uncited',
        `sorted by status, descending: ${descending.join(', ')}`);

      const filter = report.locator('#filter');
      await filter.click();
      await filter.pressSequentially('station', { delay: 20 });
      await waitUntil(async () => (await statuses()).length === 1, { message: 'one row left after filtering by "station"' });
      const shown = plain(await report.locator('#shown').textContent());
      check(shown === `1 of ${article.claims} claims`, `the count reads "${shown}"`);
      check((await report.locator('tbody tr.row:not([hidden])').innerText()).includes('2,300'), 'the row left is the 2,300 claim');
      await filter.fill('');
      await report.locator('.filters button[data-filter="uncited"]').click();
      await waitUntil(async () => (await statuses()).join() === Array(article.uncited).fill('uncited').join(), {
        message: `${article.uncited} uncited rows with the Uncited filter`,
      });
      check((await report.locator('.filters button[data-filter="uncited"]').getAttribute('aria-pressed')) === 'true', 'the Uncited filter is pressed');
      await report.locator('.filters button[data-filter="all"]').click();
      await waitUntil(async () => (await statuses()).length === article.claims, { message: 'every row back with All' });

      // The keyboard: the first row, down one, Enter: the editor selects that claim.
      await report.locator('thead th[data-key="line"] button').click();
      await report.locator('tbody tr.row').first().focus();
      await wb.keyboard.press('ArrowDown');
      const focused = await report.locator('tbody tr.row:focus').getAttribute('data-claim');
      const [offset] = focused.split(':');
      check(focused === (await report.locator('tbody tr.row').nth(1).getAttribute('data-claim')), 'ArrowDown moves to the second row');
      await wb.keyboard.press('Enter');
      const text = readFileSync(join(folder, article.file), 'utf8');
      const before = text.slice(0, Number(offset));
      const line = before.split('\n').length;
      await waitUntil(async () => (await wb.cursorPosition()).startsWith(`Ln ${line},`), { message: `the cursor on line ${line}` });
    },
  },
  {
    name: 'a source in the report is a link that opens its URL',
    async run(wb) {
      const report = await reportFrame(wb);
      const link = report.locator('tbody tr.row a[href="https://example.org/city-council/traffic-count-2025"]');
      check((await link.textContent()) === 'annual traffic count', 'the link shows the link text');
      const kind = plain(await link.locator('xpath=..').locator('.kind').textContent());
      check(kind === 'link', `the source's kind reads "${kind}"`);
      // The machine is offline: the outside site is answered here, so the page that opens keeps its URL.
      const context = wb.page.context();
      await context.route('https://example.org/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Traffic count</title>' }));
      const popup = context.waitForEvent('page', { timeout: 15_000 }).catch(() => undefined);
      await link.click();
      // VS Code either opens the site in a new page or asks first in a dialog that names the URL.
      const dialog = wb.page.locator('.monaco-dialog-box').filter({ visible: true });
      const opened = await Promise.race([
        dialog.waitFor({ state: 'visible', timeout: 15_000 }).then(async () => plain(await dialog.innerText())),
        popup.then(async (page) => {
          if (!page) return undefined;
          await page.waitForLoadState('domcontentloaded').catch(() => {});
          const url = page.url();
          await page.close();
          return `opened ${url}`;
        }),
      ]);
      await context.unroute('https://example.org/**');
      check(opened && opened.includes('https://example.org/city-council/traffic-count-2025'), `clicking the link did not open its URL: ${opened}`);
      if (await dialog.isVisible()) {
        await wb.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      }
    },
  },
  {
    name: 'Export… in the report asks for the format of the export',
    async run(wb) {
      const report = await reportFrame(wb);
      await report.locator('#export').click();
      const offered = await waitUntil(async () => {
        const rows = (await wb.quickInput.locator('.monaco-list-row').allInnerTexts()).map(plain);
        return rows.length ? rows : undefined;
      }, { message: 'the export formats in a quick pick' });
      for (const format of ['JSON', 'CSV', 'Markdown', 'SARIF']) {
        check(offered.some((row) => row.startsWith(format)), `the export offers no ${format}: ${JSON.stringify(offered)}`);
      }
      await wb.keyboard.press('Escape');
      await wb.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    },
  },
  {
    name: 'the report screenshots, in the dark and light themes, with the report filling the editor area',
    timeout: 90_000,
    async run(wb) {
      await wb.page.locator('.part.editor .editor-group-container').nth(1).locator('.tab.active').filter({ hasText: reportTitle }).click();
      await wb.chord('Control+K', 'Control+M');
      await waitUntil(async () => (await wb.page.locator('iframe.webview.ready').filter({ visible: true }).first().boundingBox())?.width > 1200, {
        message: 'the report to fill the editor area (Ctrl+K Ctrl+M)',
      });
      const report = await reportFrame(wb);
      const heights = await rowHeights(report);
      check(heights.tallest <= heights.limit, `a row is ${heights.tallest} px tall at 1400×900, more than 2 lines (${heights.limit} px)`);
      for (const theme of [highContrast, ...themes]) {
        await wb.setTheme(theme.name, theme.kind);
        await waitUntil(async () => (await report.locator('body').getAttribute('class'))?.includes(theme.body), { message: `the report in the ${theme.kind} theme` });
        await report.locator('tbody tr.row').first().hover();
        await wb.page.mouse.move(2, 2);
        const table = await report.locator('table.report').boundingBox();
        await wb.screenshot(`${theme === highContrast ? 'review-' : ''}report-${theme.kind}.png`, { boxes: [{ x: 0, y: 0, width: 1400, height: table.y + table.height + 40 }], padding: 0 });
      }
      await wb.chord('Control+K', 'Control+M');
    },
  },
  {
    name: 'the workspace report totals each folder, and a click on a file opens its report',
    timeout: 120_000,
    async run(wb) {
      await wb.runCommand(workspaceCommand);
      const report = await reportFrame(wb, 'Claim Lens: workspace');
      const read = plain(await report.locator('.note').first().textContent({ timeout: 30_000 }));
      check(/^Read \d+ files of \d+ found\.$/.test(read), `the workspace report reads "${read}"`);
      const folders = (await report.locator('tbody.group th[scope=rowgroup]').allInnerTexts()).map(plain);
      check(folders.length === 2 && folders[0].startsWith('Top folder') && folders[1].startsWith('examples/'), `folder groups: ${JSON.stringify(folders)}`);
      const files = await report.locator('tbody tr.row').count();
      check(files === 1 + workspace.examples, `${files} file rows, expected ${1 + workspace.examples}`);
      // Filter by path, then sort by uncited claims.
      await report.locator('#filter').pressSequentially('wind', { delay: 20 });
      await waitUntil(async () => (await report.locator('tbody tr.row:not([hidden])').count()) === 1, { message: 'one file left for "wind"' });
      await report.locator('#filter').fill('');
      await report.locator('thead th[data-key="uncited"] button').click();
      check((await report.locator('thead th[data-key="uncited"]').getAttribute('aria-sort')) === 'descending', 'Uncited sorts most first');
      await waitUntil(async () => (await report.locator('tbody tr.row:not([hidden])').count()) === files, { message: 'every file back' });
      // The screenshots give the workspace report the whole editor area, with no side bar.
      if (await wb.page.locator('.part.sidebar').isVisible()) {
        await wb.chord('Control+B');
        await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
      }
      await wb.chord('Control+K', 'Control+M');
      await waitUntil(async () => (await wb.page.locator('iframe.webview.ready').filter({ visible: true }).first().boundingBox())?.width > 1200, {
        message: 'the workspace report to fill the editor area (Ctrl+K Ctrl+M)',
      });
      for (const theme of [...themes].reverse()) {
        await wb.setTheme(theme.name, theme.kind);
        await waitUntil(async () => (await report.locator('body').getAttribute('class'))?.includes(theme.body), { message: `the workspace report in the ${theme.kind} theme` });
        const table = await report.locator('table.report').boundingBox();
        await wb.screenshot(`workspace-report-${theme.kind}.png`, { boxes: [{ x: 0, y: 0, width: 1400, height: Math.min(900, table.y + table.height + 40) }], padding: 0 });
      }
      await wb.chord('Control+K', 'Control+M');
      await report.locator('tbody tr.row').filter({ hasText: 'offshore-wind.md' }).click();
      const article = await reportFrame(wb, 'Claim Lens: offshore-wind.md');
      const title = plain(await article.locator('h1').textContent({ timeout: 30_000 }));
      check(title === 'examples/offshore-wind.md', `the file's report is titled "${title}"`);
      const value = plain(await article.locator('tbody tr.row').filter({ hasText: '£6.2 billion' }).first().innerText());
      check(value.includes('an estimated £6.2 billion') && !value.includes('6,200,000,000'), `the £6.2 billion row reads "${value}"`);
      await wb.page.locator('.tabs-container .tab').filter({ hasText: 'offshore-wind.md' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    },
  },
  {
    name: 'the walkthrough opens the example article and shows a hover and the quick fixes on it',
    timeout: 90_000,
    async run(wb) {
      await wb.chord('F1');
      const box = wb.quickInput.locator('input.input');
      await box.waitFor({ state: 'visible' });
      await box.pressSequentially('Welcome: Open Walkthrough', { delay: 10 });
      await waitUntil(async () => (await wb.focusedQuickPickLabel()).startsWith('Welcome: Open Walkthrough'), { message: '"Welcome: Open Walkthrough…" in the command palette' });
      await wb.keyboard.press('Enter');
      await waitUntil(async () => !(await box.inputValue()).startsWith('>'), { message: 'the list of walkthroughs' });
      await box.pressSequentially(walkthroughTitle, { delay: 10 });
      await waitUntil(async () => (await wb.focusedQuickPickLabel()) === walkthroughTitle, { message: `"${walkthroughTitle}" among the walkthroughs` });
      await wb.keyboard.press('Enter');
      const page = wb.page.locator('.gettingStartedContainer').filter({ visible: true });
      await page.locator('.getting-started-step').first().waitFor({ state: 'visible', timeout: 30_000 });
      const steps = (await page.locator('.getting-started-step .step-title').allInnerTexts()).map((t) => plain(t).trim());
      for (const title of ['Open an example article', 'Hover a claim', 'Cite it with a quick fix', 'Read the claim report', 'Fit it to your desk', 'Check articles on the command line']) {
        check(steps.includes(title), `the walkthrough lacks the step "${title}": ${JSON.stringify(steps)}`);
      }
      await wb.screenshot('review-walkthrough.png');

      // A step's button runs its command; a click on the step's title first expands it.
      const exampleTab = wb.page.locator('.tabs-container .tab').filter({ hasText: /Untitled|cycle lanes, one year on/ }).first();
      const pressStep = async (step, button, done) => {
        await waitUntil(async () => {
          const expanded = page.locator('.getting-started-step.expanded').filter({ hasText: step });
          if (!(await expanded.count())) {
            await page.locator('.getting-started-step').filter({ hasText: step }).first().click();
            return false;
          }
          await expanded.locator('.button-link, button, a').filter({ hasText: button }).first().click();
          return waitUntil(done, { timeout: 5_000, message: `"${button}" to work` }).catch(() => false);
        }, { timeout: 40_000, message: `the walkthrough's "${button}" button` });
      };
      await pressStep('Open an example article', 'Open the Example', () => exampleTab.isVisible());

      // "Hover a claim" › "Show a Hover": the card of the example's first uncited claim.
      await pressStep('Hover a claim', 'Show a Hover', async () => (await wb.hover.isVisible()) && plain(await wb.hover.innerText({ timeout: 1_000 })).includes('Claim Lens'));
      const hover = await waitUntil(async () => {
        const text = (await wb.hover.isVisible()) ? plain(await wb.hover.innerText({ timeout: 1_000 })) : '';
        return text.includes('Uncited claim') && text.includes('Claim Lens') ? text : undefined;
      }, { timeout: 40_000, message: 'the hover card of the example\'s first uncited claim' });
      check(hover.includes('12%'), `the hover is not on "12%": ${hover}`);
      await wb.screenshot('review-walkthrough-hover.png');
      await dismiss(wb);

      // "Cite it with a quick fix" › "Show the Quick Fixes": the menu on the same claim.
      const menu = wb.page.locator('.action-widget').filter({ visible: true }).first();
      await pressStep('Cite it with a quick fix', 'Show the Quick Fixes', () => menu.isVisible());
      const titles = await waitUntil(async () => {
        const shown = (await menu.locator('.monaco-list-row.action').allInnerTexts()).map((t) => plain(t).trim());
        return shown.includes(fixTitles.ignore) ? shown : undefined;
      }, { message: 'the quick fixes of the example\'s claim' });
      for (const title of Object.values(fixTitles)) check(titles.includes(title), `the quick fix menu lacks "${title}": ${JSON.stringify(titles)}`);
      await dismiss(wb);
    },
  },
  {
    name: 'after Verify Sources, the report filters by what the sources say, with the status and text filters',
    timeout: 120_000,
    async run(wb, { folder }) {
      const filler = 'The statistics office reviews output, wages and rents each quarter, region by region, and sets out its method in the notes at the end of the release.';
      const server = createServer((req, res) => {
        const path = (req.url ?? '').split('?')[0];
        const pages = {
          '/solar': 'Spain saw its solar output climb 67 per cent last year.',
          '/wages': 'Wages rose 3.1 per cent in the year to March, the office said.',
        };
        if (pages[path]) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(`<html><body><p>${filler}</p><p>${pages[path]}</p><p>${filler}</p></body></html>`);
        } else {
          // Access denied: "not checked", and no archive is asked.
          res.writeHead(403);
          res.end();
        }
      });
      await new Promise((done) => server.listen(0, '127.0.0.1', done));
      try {
        const base = `http://127.0.0.1:${server.address().port}`;
        const file = 'sources-check.md';
        writeFileSync(join(folder, file), [
          '# What the sources say',
          '',
          `Solar output rose [67%](${base}/solar) in Spain last year.`,
          '',
          `Wages rose [4.5%](${base}/wages) in the year to March.`,
          '',
          `Coal use fell [20%](${base}/denied) in the year.`,
          '',
          'Rents rose 9% in the city centre.',
          '',
        ].join('\n'));
        // Quick Open's file list was read before the file was there: open it from the Explorer.
        await wb.chord('Control+Shift+E');
        const row = wb.page.locator('.part.sidebar .monaco-list-row').filter({ hasText: file }).first();
        await row.waitFor({ state: 'visible', timeout: 30_000 });
        await row.click();
        await wb.page.locator('.tabs-container .tab.active').filter({ hasText: file }).waitFor({ state: 'visible', timeout: 30_000 });
        await wb.runCommand('Claim Lens: Verify Sources in This Article');
        await waitUntil(() => wb.statusBarText(/not in source/), { timeout: 60_000, message: 'the status bar to count the claims not in their source' });
        // The status bar's count opens the report (the palette may offer the workspace's first, recently used).
        await wb.page.locator('.part.statusbar .statusbar-item').filter({ hasText: /4 claims · 1 uncited/ }).first().click();
        const report = await reportFrame(wb, `Claim Lens: ${file}`);
        const says = report.locator('.filters[data-by="says"]');
        await says.waitFor({ state: 'visible', timeout: 30_000 });
        check((await says.getAttribute('role')) === 'group' && (await says.getAttribute('aria-label')) === 'Show by what the sources say', 'the Source says filters are a labelled group');
        const counts = (await says.locator('button').allInnerTexts()).map((t) => plain(t).replace(/\s+/g, ' ').trim());
        check(counts.join('|') === 'All 4|Supported 1|Not found 1|Dead source 0|Not checked 1|Not verified 1', `the Source says filters read ${JSON.stringify(counts)}`);
        const shownSays = () => report.locator('tbody tr.row:not([hidden])').evaluateAll((rows) => rows.map((r) => r.dataset.says));
        const notFound = says.locator('button[data-filter="not-found"]');
        await notFound.click();
        await waitUntil(async () => (await shownSays()).join() === 'not-found', { message: 'the one claim not found with the Not found filter' });
        check((await notFound.getAttribute('aria-pressed')) === 'true', 'the Not found filter is pressed');
        await wb.screenshot('review-report-source-says.png');
        check((await says.locator('button[data-filter="all"]').getAttribute('aria-pressed')) === 'false', 'All is no longer pressed');
        // With a status filter: the claim not found is cited, so Uncited leaves nothing.
        const statusGroup = report.locator('.filters[data-by="statuses"]');
        await statusGroup.locator('button[data-filter="uncited"]').click();
        await waitUntil(async () => (await shownSays()).length === 0 && (await report.locator('#nothing').isVisible()), { message: 'no row for Not found and Uncited together' });
        await statusGroup.locator('button[data-filter="all"]').click();
        await waitUntil(async () => (await shownSays()).join() === 'not-found', { message: 'the claim not found back with status All' });
        // With the text filter.
        await report.locator('#filter').fill('solar');
        await waitUntil(async () => (await shownSays()).length === 0, { message: 'no row for Not found and "solar" together' });
        await report.locator('#filter').fill('');
        // The keyboard: Space on a focused filter button presses it.
        await says.locator('button[data-filter="unverified"]').focus();
        await wb.keyboard.press('Space');
        await waitUntil(async () => (await shownSays()).join() === 'unverified', { message: 'the uncited claim with Not verified, pressed with Space' });
        const shown = plain(await report.locator('#shown').textContent());
        check(shown === '1 of 4 claims', `the count reads "${shown}"`);
        await says.locator('button[data-filter="all"]').click();
        await waitUntil(async () => (await shownSays()).length === 4, { message: 'every row back with All' });
      } finally {
        server.closeAllConnections();
        server.close();
      }
    },
  },
];
