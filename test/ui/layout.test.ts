// The chat at the widths a side bar really has (300 px by default, 520 px
// dragged wide) and in light, dark and high-contrast themes: pickers that fit,
// tables that scroll instead of breaking words, checkboxes that show their
// state. Pictures of each go to .test-output/ui/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { answerFully, ask, assertHealthy, init, openWithInit } from './conversation';
import { repoRoot, startUi, type ChatPage, type Ui } from './harness';
import { applyTheme, type ThemeName } from './themes';

const coachOnly = { ...init, models: [init.models[0]!] };

// The kind of table the personas write: bracketed cells and long phrases.
const tableAnswer = [
  '**💰 Value Realization:**\n\n',
  'Here is how I would write the metrics:\n\n',
  '| Metric | Type | Baseline | Target | Timeframe | Owner |\n',
  '| --- | --- | --- | --- | --- | --- |\n',
  "| % of started checkouts that end in a paid order | lagging | [today's value] | [target] | end of Q1 | [owner] |\n",
  '| Apple Pay share of paid orders | leading | 0% | [target] | 6 weeks after launch | Payments team |\n',
  '| Refunds per 1,000 orders | guardrail | [today\'s value] | no worse | every release | Support lead |\n\n',
  'Sources: https://example.com/analytics/dashboards/checkout-conversion-funnel-by-payment-method-and-device\n',
].join('');

let ui: Ui;
before(async () => {
  ui = await startUi();
});
after(async () => {
  await ui.close();
});

async function openAt(width: number, initMessage = init): Promise<ChatPage> {
  const chat = await openWithInit(ui, initMessage);
  await chat.page.setViewportSize({ width, height: 760 });
  return chat;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function box(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).evaluate((element) => {
    const { left, right, top, bottom } = element.getBoundingClientRect();
    return { left, right, top, bottom };
  });
}

/** A computed CSS property of the element (runs in the page). */
function css(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((element, name) => (globalThis as any).getComputedStyle(element).getPropertyValue(name), property);
}

/** How far the page itself scrolls sideways (0 when nothing sticks out). */
function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as any).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/** Width the select's chosen text needs, and the width it has (without padding and the arrow). */
function selectFit(page: Page, selector: string): Promise<{ needed: number; available: number }> {
  return page.locator(selector).evaluate((select: any) => {
    const page = globalThis as any;
    const style = page.getComputedStyle(select);
    const context = page.document.createElement('canvas').getContext('2d');
    context.font = style.font;
    const needed = context.measureText(select.selectedOptions[0].text).width;
    const arrow = 20;
    const available = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
    return { needed, available };
  });
}

/** Words in table cells that are split over two lines. */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const broken: string[] = [];
    for (const cell of doc.querySelectorAll('.markdown th, .markdown td')) {
      const walker = doc.createTreeWalker(cell, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.data as string).matchAll(/\S+/g)) {
          const range = doc.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect: any) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

describe('chat layout', () => {
  it('fits a 300 px side bar: labels above the pickers, whole choices, nothing sticking out', async () => {
    const chat = await openAt(300, coachOnly);
    const page = chat.page;
    for (const [label, select] of [['label[for="persona"]', '#persona'], ['label[for="model"]', '#model']] as const) {
      assert.ok((await box(page, label)).bottom <= (await box(page, select)).top, `${label} is above ${select}`);
      const fit = await selectFit(page, select);
      assert.ok(fit.needed <= fit.available, `${select} shows its whole choice (${fit.needed} of ${fit.available} px)`);
      assert.ok((await box(page, select)).right <= 300 - 10, `${select} stays inside the view`);
    }
    assert.ok((await box(page, '#panel-toggle')).right <= 300 - 10);
    assert.equal(await page.getAttribute('#persona', 'title'), '💰 Value Realization');
    assert.equal(await page.getAttribute('#model', 'title'), 'Offline coach (not an AI model)');
    assert.ok((await box(page, '#model-hint')).right <= 300 - 10);

    const question = await ask(chat, 'What do you think of our success metrics?');
    await answerFully(chat, question, 'a1', tableAnswer);
    assert.equal(await pageOverflow(page), 0);
    assert.equal(await page.locator('#log').evaluate((log) => log.scrollWidth - log.clientWidth), 0, 'the conversation does not scroll sideways');
    await assertHealthy(chat);
    await chat.close();
  });

  it('puts labels beside the pickers when there is room, and updates the tooltips', async () => {
    const chat = await openAt(520);
    const page = chat.page;
    for (const [label, select] of [['label[for="persona"]', '#persona'], ['label[for="model"]', '#model']] as const) {
      const [l, s] = [await box(page, label), await box(page, select)];
      assert.ok(l.right <= s.left && l.bottom > s.top && l.top < s.bottom, `${label} is beside ${select}`);
    }
    await page.selectOption('#model', 'openai:llama3.1');
    assert.equal(await page.getAttribute('#model', 'title'), 'llama3.1 (localhost)');
    await page.selectOption('#persona', 'owner');
    assert.equal(await page.getAttribute('#persona', 'title'), '🧭 Product Owner');
    await chat.close();
  });

  it('cuts a choice too long for the picker with an ellipsis and keeps all of it in the tooltip', async () => {
    const name = 'Customer Success and Value Realization Lead for Enterprise Accounts';
    const chat = await openAt(300, { ...init, personas: [{ id: 'long', name, emoji: '🧾', description: '' }], selectedPersonaId: 'long' });
    const page = chat.page;
    assert.equal(await page.getAttribute('#persona', 'title'), `🧾 ${name}`);
    assert.equal(await css(page.locator('#persona'), 'text-overflow'), 'ellipsis');
    assert.ok((await box(page, '#persona')).right <= 300 - 10);
    assert.equal(await pageOverflow(page), 0);
    await chat.close();
  });

  for (const width of [300, 520]) {
    it(`keeps whole words in table cells at ${width} px, scrolling a table too wide for the answer`, async () => {
      const chat = await openAt(width);
      const question = await ask(chat, 'Draft the metrics');
      await answerFully(chat, question, 'a1', tableAnswer);
      const page = chat.page;
      const scroller = page.locator('article[data-id="a1"] .table-scroll');
      assert.equal(await scroller.locator('> table').count(), 1, 'the table sits in its scrolling box');
      assert.equal(await css(scroller, 'overflow-x'), 'auto');
      assert.deepEqual(await brokenWords(page), []);
      if (width === 300) {
        assert.ok(
          await scroller.evaluate((element) => element.scrollWidth > element.clientWidth),
          'six columns of whole words are wider than the answer: the table scrolls',
        );
      }
      // The long URL after the table wraps inside the answer instead of widening it.
      const url = page.locator('article[data-id="a1"] .markdown a');
      assert.ok((await box(page, 'article[data-id="a1"] .markdown a')).right <= width);
      assert.equal(await css(url, 'overflow-wrap'), 'anywhere');
      assert.equal(await pageOverflow(page), 0);
      assert.equal(await page.locator('#log').evaluate((log) => log.scrollWidth - log.clientWidth), 0);

      // The check itself sees broken words: with cells allowed to break anywhere, as they were, it finds some.
      await page.evaluate(() => {
        const sheet = (globalThis as any).document.styleSheets[0];
        sheet.insertRule('.markdown td, .markdown th { overflow-wrap: anywhere; }', sheet.cssRules.length);
      });
      if (width === 300) assert.notDeepEqual(await brokenWords(page), []);
      await chat.close();
    });
  }

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`draws the Include checkboxes with a box and a visible check in the ${theme} theme`, async () => {
      const chat = await openAt(300);
      await applyTheme(chat.page, theme);
      const look = (selector: string) =>
        chat.page.locator(selector).evaluate((input) => {
          const page = globalThis as any;
          const style = page.getComputedStyle(input);
          const mark = page.getComputedStyle(input, '::before');
          const { width, height } = input.getBoundingClientRect();
          return {
            appearance: style.appearance,
            size: `${width}x${height}`,
            border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
            background: style.backgroundColor,
            mark: mark.visibility,
            markColor: mark.backgroundColor,
          };
        });
      const checked = await look('#context-document');
      const unchecked = await look('#context-selection');
      const colors = await chat.page.evaluate(() => {
        const page = globalThis as any;
        const style = page.getComputedStyle(page.document.documentElement);
        return ['border', 'background', 'foreground'].map((part) => style.getPropertyValue(`--vscode-checkbox-${part}`));
      });
      for (const state of [checked, unchecked]) {
        assert.equal(state.appearance, 'none');
        assert.equal(state.size, '16x16');
        assert.equal(state.border, `1px solid ${rgb(colors[0]!)}`, 'the box has the theme checkbox border');
        assert.equal(state.background, rgb(colors[1]!));
      }
      assert.equal(checked.mark, 'visible');
      assert.equal(unchecked.mark, 'hidden');
      assert.equal(checked.markColor, rgb(colors[2]!));
      assert.ok(contrast(colors[2]!, colors[1]!) >= 4.5, 'the check stands out from its box');

      await chat.page.getByLabel('Selection').check();
      assert.equal((await look('#context-selection')).mark, 'visible');
      await assertHealthy(chat);
      await chat.close();
    });
  }

  it('looks right at 300 and 520 px in light, dark and high contrast (pictures in .test-output/ui/)', async () => {
    const dir = join(repoRoot, '.test-output/ui');
    mkdirSync(dir, { recursive: true });
    for (const theme of ['light', 'dark', 'high-contrast'] satisfies ThemeName[]) {
      for (const width of [300, 520]) {
        const chat = await openAt(width, coachOnly);
        await applyTheme(chat.page, theme);
        const review = await ask(chat, '/review is the success metrics table ready?');
        await answerFully(chat, review, 'a1', tableAnswer);
        await chat.page.locator('#log').evaluate((log) => (log.scrollTop = 0));
        await chat.page.screenshot({ path: join(dir, `chat-${width}-${theme}.png`) });
        assert.equal(await pageOverflow(chat.page), 0);
        await assertHealthy(chat);
        await chat.close();
      }
    }
  });
});

function channels(hex: string): number[] {
  const value = hex.trim().replace('#', '');
  return [0, 2, 4].map((at) => parseInt(value.slice(at, at + 2), 16));
}

function rgb(hex: string): string {
  return `rgb(${channels(hex).join(', ')})`;
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = channels(hex).map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
