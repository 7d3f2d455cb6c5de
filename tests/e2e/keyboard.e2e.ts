/**
 * Keyboard only: the demo campaign with Tab, Shift+Tab, the arrow keys, Enter and Space, no mouse.
 * The file buttons are reached with Tab and their files set on the button's own hidden input (a
 * headless browser has no dialog to drive with keys; the inputs are not in the tab order), and focus
 * is checked at every step: the selected tab is the one Tab stop of the tab list, the arrow keys move
 * along it and Enter/Space selects, Tab leads into the step's own controls.
 */
import { readFileSync, readdirSync } from 'fs';
import { basename, join } from 'path';
import * as XLSX from '@e965/xlsx';
import { Page } from 'playwright-core';
import { writeSampleFiles } from '../../src/cli/demo';
import { foreignRequests, pageFixture, shot } from './harness';

const SAMPLE = join(__dirname, '../../samples/p4-middle-managers.json');
const TEST = 'keyboard';

interface Focused {
  tag: string;
  role: string | null;
  text: string;
  selected: string | null;
  expanded: string | null;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return {
      tag: e?.tagName ?? '',
      role: e?.getAttribute('role') ?? null,
      text: (e?.innerText ?? '').trim(),
      selected: e?.getAttribute('aria-selected') ?? null,
      expanded: e?.getAttribute('aria-expanded') ?? null,
    };
  });
}

/** Presses Tab (or Shift+Tab) until `want` holds for the focused element; fails after `max` presses. */
async function tabUntil(page: Page, want: (f: Focused) => boolean, what: string, opts: { back?: boolean; max?: number } = {}): Promise<number> {
  const max = opts.max ?? 40;
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    if (want(await focused(page))) return i;
  }
  throw new Error(`focus never reached ${what} in ${max} presses of ${opts.back ? 'Shift+Tab' : 'Tab'}`);
}

/** From anywhere in the page: back to the tab list, along it with the arrow keys to `label`, selected with `key`. */
async function goToStep(page: Page, label: string, key: 'Enter' | ' '): Promise<void> {
  await tabUntil(page, (f) => f.role === 'tab', 'the tab list', { back: true });
  for (let i = 0; i < 6 && (await focused(page)).text !== label; i++) await page.keyboard.press('ArrowRight');
  expect((await focused(page)).text).toBe(label);
  await page.keyboard.press(key);
  await expect(focused(page)).resolves.toMatchObject({ role: 'tab', text: label, selected: 'true' });
}

/**
 * Answers the file dialog of the focused button: a headless browser shows no dialog a key could
 * drive, so the files are set on the button's own (hidden, labelled) file input, the element right
 * after the focused button, and focus must still be on that button afterwards.
 */
async function chooseFiles(page: Page, files: string[]): Promise<void> {
  const label = (await focused(page)).text;
  const input = page.locator(':focus + input[type=file]');
  await expect(input.getAttribute('aria-label')).resolves.toBe(label);
  // Set through a DataTransfer and a change event: locator.setInputFiles would move focus to the input.
  const payload = files.map((f) => ({ name: basename(f), data: readFileSync(f).toString('base64') }));
  await input.evaluate((el, list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (ch) => ch.charCodeAt(0))], f.name));
    (el as HTMLInputElement).files = dt.files;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, payload);
  await expect(focused(page)).resolves.toMatchObject({ tag: 'BUTTON', text: label });
}

describe('standalone page: keyboard only', () => {
  const fx = pageFixture('keys');
  let demo: ReturnType<typeof writeSampleFiles>;
  beforeAll(() => {
    demo = writeSampleFiles(SAMPLE, fx.dir);
  });

  it('completes the campaign with Tab, the arrow keys, Enter and Space', async () => {
    const { s, server, dir } = fx;
    const { page } = s;
    await page.locator('body').focus();

    // The first Tab stop is the selected step; the next the preset list, changed with the arrow keys.
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ role: 'tab', text: '1. 方案', selected: 'true' });
    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('SELECT');
    const select = page.getByLabel('预设方案');
    for (let i = 0; i < 10 && (await select.inputValue()) !== demo.sample.scheme; i++) await page.keyboard.press('ArrowDown');
    expect(await select.inputValue()).toBe(demo.sample.scheme);

    // The roster: Tab to its button, Enter opens the file dialog.
    await tabUntil(page, (f) => f.tag === 'BUTTON' && f.text === '从文件读取名册', 'the roster button');
    await chooseFiles(page, [demo.roster]);
    await page.getByText(`名册 ${demo.sample.roster.length} 人`).waitFor();
    await shot(page, TEST, '1-scheme');

    // 模板: Space selects the step; Tab leads to the download; Enter starts it.
    await goToStep(page, '2. 模板', ' ');
    await tabUntil(page, (f) => f.text === '下载全部模板（一个工作簿）', 'the template download', { max: 5 });
    const [tpl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(tpl.suggestedFilename()).toMatch(/全部模板\.xlsx$/);
    await shot(page, TEST, '2-templates');

    // 校验: the first Tab stop in the step opens the file dialog (Space), many files at once.
    await goToStep(page, '3. 校验', 'Enter');
    await tabUntil(page, (f) => f.text === '导入收回的文件', 'the import button', { max: 3 });
    const names = readdirSync(demo.submissions).sort();
    await chooseFiles(page, names.map((n) => join(demo.submissions, n)));
    await page.getByText(`已导入 ${names.length} 个文件`).waitFor();
    await expect(page.locator('[role=tabpanel]').innerText()).resolves.toContain('105');
    await shot(page, TEST, '3-validate');

    // 计算: Tab reaches the first subject's button; Enter shows the reasons for the tier.
    await goToStep(page, '4. 计算', 'Enter');
    await tabUntil(page, (f) => f.expanded === 'false', 'a result row', { max: 10 });
    const subject = (await focused(page)).text.replace(/^▸\s*/, '');
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toMatchObject({ expanded: 'true' });
    await page.getByRole('list', { name: `「${subject}」的等次依据` }).waitFor();
    await page.keyboard.press(' ');
    await expect(focused(page)).resolves.toMatchObject({ expanded: 'false' });
    await shot(page, TEST, '4-compute');

    // 写回: Tab to the download, Enter; the workbook has the result sheets.
    await goToStep(page, '5. 写回', ' ');
    await tabUntil(page, (f) => f.text === '下载结果工作簿', 'the result download', { max: 5 });
    const [result] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const path = join(dir, 'result.xlsx');
    await result.saveAs(path);
    const book = XLSX.readFile(path);
    expect(book.SheetNames).toEqual(expect.arrayContaining(['排名表', '公示表', '整改清单', '统计表', '校验结果']));
    await shot(page, TEST, '5-write');

    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
  });
});
