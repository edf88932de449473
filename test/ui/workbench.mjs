// Drives the VS Code workbench (code-server in headless Chromium) the way a
// person does: keyboard shortcuts, Quick Open, the command palette, the mouse.
// Every wait polls with a deadline; the only fixed pauses are the short ones
// between the keys of a chord.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Polls `probe` until it returns a truthy value, and returns that value; throws `message` (plus the last value seen) at the deadline. */
export async function waitUntil(probe, { timeout = 30_000, interval = 150, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? ` (last error: ${lastError.message.split('\n')[0]})` : last !== undefined ? ` (last seen: ${JSON.stringify(last)})` : '';
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${message}${seen}`);
    }
    await new Promise((done) => setTimeout(done, interval));
  }
}

/** Throws `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Text as the editor renders it: no-break spaces back to spaces. */
export function plain(text) {
  return (text ?? '').replace(/\u00a0/gu, ' ');
}

export class Workbench {
  /**
   * @param page a playwright-core Page showing the workbench
   * @param screenshotDir where screenshots go during the run
   */
  constructor(page, screenshotDir) {
    this.page = page;
    this.keyboard = page.keyboard;
    this.screenshotDir = screenshotDir;
    /** Names (e.g. "hover.png") of the screenshots this run took. */
    this.screenshots = [];
  }

  /** Waits until the workbench has rendered its parts and the folder's explorer. */
  async ready(timeout = 90_000) {
    await this.page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout });
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
  }

  /** Presses a chord such as ["Control+K", "Control+I"], with a tiny pause between the keys. */
  async chord(...keys) {
    for (const [index, key] of keys.entries()) {
      if (index > 0) await this.page.waitForTimeout(80);
      await this.keyboard.press(key);
    }
  }

  /** The visible quick input (Quick Open, the command palette, Go to Line). */
  get quickInput() {
    return this.page.locator('.quick-input-widget').filter({ visible: true });
  }

  /** The label of the focused row of the quick input list. */
  async focusedQuickPickLabel() {
    const row = this.quickInput.locator('.monaco-list-row.focused .label-name').first();
    return plain(await row.textContent({ timeout: 1_000 })).trim();
  }

  /** Opens the quick input with `keys`, types `text` and waits until it shows `expectFocused` (when given) before pressing Enter. */
  async quickInputAccept(keys, text, { expectFocused, timeout = 30_000 } = {}) {
    await this.chord(...keys);
    const box = this.quickInput.locator('input.input');
    await box.waitFor({ state: 'visible', timeout });
    await box.pressSequentially(text, { delay: 15 });
    if (expectFocused) {
      await waitUntil(async () => (await this.focusedQuickPickLabel()) === expectFocused, {
        timeout,
        message: `the focused row to read "${expectFocused}"`,
      });
    }
    await this.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout });
  }

  /** Ctrl+P, the file name, Enter; waits until the file's editor tab is active. */
  async quickOpen(fileName, timeout = 45_000) {
    await this.quickInputAccept(['Control+P'], fileName, { expectFocused: fileName, timeout });
    await this.page
      .locator('.tabs-container .tab.active')
      .filter({ hasText: fileName })
      .waitFor({ state: 'visible', timeout });
  }

  /** F1, the command's title, Enter. */
  async runCommand(title, timeout = 30_000) {
    await this.quickInputAccept(['F1'], title, { expectFocused: title, timeout });
  }

  /** Ctrl+G and "line:column": puts the cursor there (1-based). */
  async goTo(line, column, timeout = 30_000) {
    await this.chord('Control+G');
    const box = this.quickInput.locator('input.input');
    await box.waitFor({ state: 'visible', timeout });
    await box.pressSequentially(`${line}:${column}`, { delay: 15 });
    // Go to Line previews the position as it is typed; Enter only after it reads our line.
    await waitUntil(async () => plain(await this.quickInput.textContent()).includes(`line ${line}`), {
      timeout,
      message: `Go to Line to offer line ${line}`,
    });
    await this.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout });
    await waitUntil(async () => (await this.cursorPosition()) === `Ln ${line}, Col ${column}`, {
      timeout,
      message: `the cursor at Ln ${line}, Col ${column}`,
    });
  }

  /** The status bar's "Ln 3, Col 7". */
  async cursorPosition() {
    const item = this.page.locator('.statusbar-item').filter({ hasText: /^Ln \d+, Col \d+/ }).first();
    return plain(await item.textContent({ timeout: 1_000 })).trim();
  }

  /** The text of the first status bar item whose text matches `pattern`, or undefined. */
  async statusBarText(pattern) {
    const items = this.page.locator('.part.statusbar .statusbar-item').filter({ hasText: pattern });
    if ((await items.count()) === 0) return undefined;
    return plain(await items.first().textContent({ timeout: 1_000 })).trim();
  }

  /** The active editor's `.monaco-editor`. */
  get editor() {
    return this.page.locator('.part.editor .editor-instance .monaco-editor').filter({ visible: true }).first();
  }

  /** The rendered lines of the active editor, top to bottom (only those on screen). */
  async editorLines() {
    return this.editor.locator('.view-lines .view-line').evaluateAll((lines) =>
      lines
        .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text.replace(/\u00a0/gu, ' ')),
    );
  }

  /** The bounding box of the rendered line that contains `text`. */
  async lineBox(text) {
    const line = this.editor.locator('.view-lines .view-line').filter({ hasText: text }).first();
    return line.boundingBox({ timeout: 5_000 });
  }

  /** The squiggle (`.squiggly-<severity>`) on the line that shows `text`, as a bounding box. */
  async squiggleOn(text, severity = 'warning') {
    const lineBox = await this.lineBox(text);
    if (!lineBox) return undefined;
    const boxes = await this.editor.locator(`.view-overlays .squiggly-${severity}`).evaluateAll((nodes) =>
      nodes.map((node) => {
        const r = node.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    return boxes.find((box) => {
      const middle = box.y + box.height / 2;
      return box.width > 0 && middle >= lineBox.y && middle <= lineBox.y + lineBox.height;
    });
  }

  /** The hover widget currently shown, if any. */
  get hover() {
    return this.page.locator('.monaco-hover').filter({ visible: true }).first();
  }

  /**
   * Saves a screenshot of the page, or of the part around `boxes` (padded
   * and kept inside the viewport), to the run's screenshot folder. With
   * `lineGrid` (the box of one editor line), the top and bottom edges fall
   * between lines.
   */
  async screenshot(name, { boxes, padding = 16, lineGrid } = {}) {
    mkdirSync(this.screenshotDir, { recursive: true });
    const path = join(this.screenshotDir, name);
    let clip;
    if (boxes?.length) {
      const viewport = this.page.viewportSize();
      const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - padding);
      let top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - padding);
      let bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + padding);
      const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + padding);
      // Cut between editor lines, never through one.
      if (lineGrid) {
        const { y, height } = lineGrid;
        top = Math.max(0, y + Math.floor((top - y) / height) * height);
        bottom = Math.min(viewport.height, y + Math.ceil((bottom - y) / height) * height);
      }
      clip = { x: Math.floor(left), y: Math.floor(top), width: Math.ceil(right - left), height: Math.ceil(bottom - top) };
    }
    await this.page.screenshot({ path, clip, timeout: 15_000, animations: 'disabled', caret: 'initial' });
    this.screenshots.push(name);
    return path;
  }

  /**
   * Switches the colour theme with the theme picker (Ctrl+K Ctrl+T), as a
   * person does, and waits until the workbench shows a `kind` ("light",
   * "dark" or "high-contrast") theme.
   */
  async setTheme(name, kind, timeout = 30_000) {
    await this.chord('Control+K', 'Control+T');
    const box = this.quickInput.locator('input.input');
    await box.waitFor({ state: 'visible', timeout });
    await box.pressSequentially(name, { delay: 10 });
    await waitUntil(async () => (await this.focusedQuickPickLabel()) === name, { timeout, message: `"${name}" in the theme picker` });
    await this.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout });
    const wanted = { light: 'vs', dark: 'vs-dark', 'high-contrast': 'hc-black' }[kind];
    await waitUntil(async () => ((await this.page.locator('.monaco-workbench').first().getAttribute('class')) ?? '').split(/\s+/).includes(wanted), {
      timeout,
      message: `the ${kind} theme "${name}"`,
    });
  }

  /** Copies the run's screenshots to `targetDir`, except those named "review-…", which are only for looking at. */
  copyScreenshots(targetDir) {
    mkdirSync(targetDir, { recursive: true });
    const names = this.screenshots.filter((name) => !name.startsWith('review-'));
    for (const name of names) copyFileSync(join(this.screenshotDir, name), join(targetDir, name));
    return names.map((name) => join(targetDir, name));
  }
}
