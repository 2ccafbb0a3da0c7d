// The README's pictures, each a sequence of gestures in the workbench a person would make,
// then a check that the picture shows what it should. They run in order on one workbench:
// each starts where the previous one left off.
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../host/build-tests.mjs';

export const VIEWPORT = { width: 1400, height: 900 };
const PRD = 'checkout-redesign-prd.md';
const log = (message) => console.error(`[screenshots] ${message}`);

/** A picture that does not show what it should. */
export class ShotError extends Error {}

/** Waits for a locator to be visible; `what` names it in the error. */
async function expectVisible(locator, what, timeout = 20_000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new ShotError(`${what} did not appear within ${timeout / 1000} s`);
  }
}

async function expectText(locator, texts, what) {
  const shown = (await locator.allInnerTexts()).join('\n');
  const missing = texts.filter((text) => !shown.includes(text));
  if (missing.length > 0) throw new ShotError(`${what} does not show ${missing.map((t) => `"${t}"`).join(', ')}; it shows:\n${shown}`);
}

async function shoot(page, out, name, { keepPointer = false } = {}) {
  const path = join(out, name);
  if (!keepPointer) await page.mouse.move(1, VIEWPORT.height / 2); // no stray hover where the pointer last was
  await page.screenshot({ path, type: 'png' });
  log(`${relative(REPO_ROOT, path)} (${Math.round(statSync(path).size / 1024)} KB)`);
}

// ------------------------------------------------------------ workbench gestures

const quickInput = (page) => page.locator('.quick-input-widget');
const activeEditor = (page) => page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
const editorLine = (page, text) => activeEditor(page).locator('.view-line', { hasText: text }).first();

/** Opens the quick input with `key` and types `text` once its input box has the focus. */
async function typeInto(page, key, text, what) {
  await page.keyboard.press(key);
  await expectVisible(quickInput(page).locator('input:focus'), what);
  await page.keyboard.type(text);
  // Enter acts on the focused row, which is set once the list has settled.
  await expectVisible(quickInput(page).locator('.monaco-list-row.focused', { hasText: text }), `"${text}" in ${what}, focused`);
}

/** F1, the command's title, Enter. */
async function runCommand(page, title) {
  await typeInto(page, 'F1', title, 'the command palette');
  await page.keyboard.press('Enter');
}

/** Ctrl+P, the file name, Enter; waits for its tab to be the active one. */
async function openFile(page, name) {
  await typeInto(page, 'Control+p', name, 'quick open');
  await page.keyboard.press('Enter');
  await expectVisible(page.locator('.tab.active', { hasText: name }), `the editor tab of ${name}`);
}

/** Where `text` is drawn inside a rendered editor line (the centre of its first character). */
async function pointAt(line, text) {
  const box = await line.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Monaco renders spaces as U+00A0.
      const at = node.data.replace(/\u00a0/g, ' ').indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return undefined;
  }, text);
  if (!box) throw new ShotError(`"${text}" is not on the editor line "${await line.innerText()}"`);
  return box;
}

async function setPanel(page, open) {
  const panel = page.locator('.part.panel');
  if ((await panel.isVisible()) !== open) await page.keyboard.press('Control+j');
}

/** The frame of the chat webview (webviews nest two iframes; the inner one holds the UI). */
async function chatFrame(page) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if ((await frame.locator('#input').count().catch(() => 0)) > 0) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new ShotError('the Persona Chat view did not load');
}

// ------------------------------------------------------------ the pictures

async function lintDiagnostics(page, out) {
  await openFile(page, PRD);
  await expectVisible(activeEditor(page).locator('.squiggly-warning'), `Outcome Lens squiggles in ${PRD}`, 30_000);
  await page.keyboard.press('Control+Shift+m');
  const problems = page.locator('.markers-panel .monaco-list-row');
  await expectVisible(problems.filter({ hasText: 'vanity-metric' }), 'vanity-metric findings in the Problems panel');
  const line = editorLine(page, 'Total sign-ups');
  const point = await pointAt(line, 'Total sign-ups');
  await page.mouse.move(point.x + 20, point.y);
  const hover = page.locator('.monaco-hover', { hasText: 'vanity metric' });
  await expectVisible(hover, 'the hover of the vanity-metric finding');
  await page.waitForTimeout(300); // the hover fades in
  await shoot(page, out, 'lint-diagnostics.png', { keepPointer: true });
}

async function quickFix(page, out) {
  // The hover from the previous picture covers the table header: point elsewhere first.
  await page.mouse.move(1, VIEWPORT.height / 2);
  await page.locator('.monaco-hover').first().waitFor({ state: 'hidden' });
  await setPanel(page, false);
  const point = await pointAt(editorLine(page, '| Metric | Baseline |'), 'Baseline');
  await page.mouse.click(point.x, point.y);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await expectVisible(menu, 'the quick-fix menu');
  await expectText(menu.locator('.title'), ['Add a Timeframe column', 'Disable metric-missing-timeframe for this', 'Show documentation for metric-missing-timeframe', 'Ask 💰 Value Realization about this'], 'the quick-fix menu');
  await shoot(page, out, 'quick-fix.png');
  await page.keyboard.press('Escape');
}

async function templatePicker(page, out) {
  await runCommand(page, 'Outcome Lens: New Document from Template...');
  const rows = quickInput(page).locator('.monaco-list-row');
  await expectVisible(rows.filter({ hasText: 'PRD (product requirements)' }), 'the template quick pick');
  await expectText(rows, ['Business case', 'Value Realization', 'Product Owner'], 'the template quick pick');
  await shoot(page, out, 'template-picker.png');
}

async function templateSnippet(page, out) {
  // The PRD is the first template; the picker is still open from the previous picture.
  await page.keyboard.press('Enter');
  await expectVisible(page.locator('.tab.active', { hasText: 'Untitled' }), 'an untitled editor with the PRD template');
  await expectVisible(editorLine(page, 'product requirements'), 'the PRD template text');
  // The snippet selects its first placeholder; the status bar counts the selected characters.
  await expectVisible(page.locator('.statusbar-item', { hasText: 'selected' }), 'the first placeholder, selected');
  await expectVisible(activeEditor(page).locator('.squiggly-warning'), 'placeholder-left squiggles on the template', 30_000);
  await shoot(page, out, 'template-snippet.png');
}

async function personaChat(page, out) {
  await page.keyboard.press('Escape');
  await openFile(page, PRD);
  await page.locator('.activitybar .action-item [aria-label^="Outcome Lens"]').first().click();
  const chat = await chatFrame(page);
  try {
    await chat.locator('#persona option', { hasText: 'Value Realization' }).waitFor({ state: 'attached' });
  } catch {
    throw new ShotError('the Value Realization persona is not in the persona picker');
  }
  // The side bar's default width truncates the pickers; people drag it wider.
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + sidebar.height / 2);
  await page.mouse.down();
  await page.mouse.move(sidebar.x + 520, sidebar.y + sidebar.height / 2, { steps: 8 });
  await page.mouse.up();
  await chat.locator('#persona').selectOption({ label: '💰 Value Realization' });
  await chat.locator('#input').click();
  await page.keyboard.type('What do you think of our success metrics?');
  await page.keyboard.press('Enter');
  const answer = chat.locator('article.msg.assistant').last();
  await expectVisible(answer.locator('[data-action="copy"]'), 'the finished answer', 30_000);
  await expectText(answer, ['💰 Value Realization', 'Offline coach', 'Total sign-ups'], 'the answer');
  // Scroll the conversation so the question and the start of the answer show.
  await chat.locator('#log').evaluate((log) => {
    const question = [...log.querySelectorAll('article.msg.user')].pop();
    log.scrollTop += question.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
  });
  await shoot(page, out, 'persona-chat.png');
}

/** File name and how to take it, in the order they must run. */
export const SHOTS = [
  ['lint-diagnostics.png', lintDiagnostics],
  ['quick-fix.png', quickFix],
  ['template-picker.png', templatePicker],
  ['template-snippet.png', templateSnippet],
  ['persona-chat.png', personaChat],
];

/** Waits until the workbench shows the workspace. */
export async function workbenchReady(page) {
  await expectVisible(page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'examples' }), 'the examples folder in the Explorer', 60_000);
}
