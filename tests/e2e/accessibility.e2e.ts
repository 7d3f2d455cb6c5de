/**
 * axe-core in the page (tests/e2e/harness.ts injects axe.source through the DevTools protocol) on
 * every step, empty and filled with the demo campaign, with the reasons of a tier expanded and the
 * findings shown: no violation of impact 'serious' or 'critical'. Screenshots of each state are kept.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import { writeSampleFiles } from '../../src/cli/demo';
import { AxeViolation, axeViolations, pageFixture, shot } from './harness';

const SAMPLE = join(__dirname, '../../samples/p4-middle-managers.json');
const TEST = 'accessibility';
const STEPS = ['1. 方案', '2. 模板', '3. 校验', '4. 计算', '5. 写回'];

describe('standalone page: accessibility (axe-core)', () => {
  const fx = pageFixture('a11y');
  const found: Record<string, AxeViolation[]> = {};
  const serious = (vs: AxeViolation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

  async function check(state: string) {
    await shot(fx.s.page, TEST, state);
    found[state] = await axeViolations(fx.s.page);
    return serious(found[state]);
  }

  afterAll(() => {
    // Minor and moderate findings are printed for the record, not failed.
    const minor = Object.entries(found).flatMap(([state, vs]) => vs.filter((v) => !serious([v]).length).map((v) => `${state}: ${v.impact} ${v.id} (${v.help})`));
    if (minor.length) console.log(`axe, minor/moderate only:\n${[...new Set(minor)].join('\n')}`);
  });

  it('every step before any file is read', async () => {
    const { s, dir } = fx;
    for (const [i, step] of STEPS.entries()) {
      await s.page.getByRole('tab', { name: step }).click();
      expect(await check(`empty-${i + 1}`)).toEqual([]);
    }
  });

  it('every step with the demo campaign, findings shown and a tier explained', async () => {
    const { s, dir } = fx;
    const { page } = s;
    const demo = writeSampleFiles(SAMPLE, dir);
    await page.getByRole('tab', { name: STEPS[0] }).click();
    await page.getByLabel('预设方案').selectOption(demo.sample.scheme);
    await page.locator('input[type=file][aria-label="从文件读取名册"]').setInputFiles(demo.roster);
    await page.getByText(`名册 ${demo.sample.roster.length} 人`).waitFor();
    expect(await check('filled-1')).toEqual([]);
    await page.getByRole('tab', { name: STEPS[1] }).click();
    expect(await check('filled-2')).toEqual([]);
    await page.getByRole('tab', { name: STEPS[2] }).click();
    const names = readdirSync(demo.submissions);
    await page.locator('input[type=file][aria-label="导入收回的文件"]').setInputFiles(names.map((n) => join(demo.submissions, n)));
    await page.getByText(`已导入 ${names.length} 个文件`).waitFor();
    expect(await check('filled-3')).toEqual([]);
    await page.getByRole('tab', { name: STEPS[3] }).click();
    await page.getByRole('table', { name: '评议结果' }).getByRole('button').first().click();
    expect(await check('filled-4')).toEqual([]);
    await page.getByRole('tab', { name: STEPS[4] }).click();
    expect(await check('filled-5')).toEqual([]);
  });

  it('at 360 px (a phone-sized window): 错误/提醒 badges on one line, the wide result table said to scroll, the reasons within the window', async () => {
    const { page } = fx.s;
    // Runs after the demo campaign above is loaded.
    await page.setViewportSize({ width: 360, height: 760 });
    try {
      await page.getByRole('tab', { name: STEPS[2] }).click();
      const region = page.getByRole('region', { name: '校验结果' });
      await region.waitFor();
      // Each badge's text lies on one line (it broke as 错 over 误).
      const lines = await region.locator('.fui-Badge').evaluateAll((badges) =>
        badges.map((b) => {
          const range = document.createRange();
          range.selectNodeContents(b);
          return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
        }),
      );
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((n) => n !== 1)).toEqual([]);

      await page.getByRole('tab', { name: STEPS[3] }).click();
      const table = page.getByRole('table', { name: '评议结果' });
      await table.waitFor();
      const hint = page.getByText('表格较宽：左右滑动可看到名次和标记（一票否决、待定等）。');
      const overflows = () => table.evaluate((t) => t.parentElement!.scrollWidth > t.parentElement!.clientWidth + 1);
      // The hint is there exactly when the table is wider than its box: narrower still (280 px), the demo's table is.
      expect(await hint.isVisible()).toBe(await overflows());
      await page.setViewportSize({ width: 280, height: 760 });
      await hint.waitFor({ state: 'visible' });
      expect(await overflows()).toBe(true);
      // A subject's reasons wrap within the window, not the table's width.
      await table.getByRole('button').first().click();
      const reasons = page.getByRole('list', { name: /的等次依据$/ }).first();
      const box = (await reasons.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(280);
      await shot(page, TEST, 'narrow-4');

      await page.setViewportSize({ width: 900, height: 900 });
      await hint.waitFor({ state: 'detached' });
      expect(await overflows()).toBe(false);
    } finally {
      await page.setViewportSize({ width: 900, height: 900 });
    }
  });

  it('the check still fails on a focusable aria-hidden element that is not a Fluent focus guard', async () => {
    const { s, dir } = fx;
    // Proves the harness's exception for tabster's guards is that narrow: a planted offender is reported.
    await s.page.evaluate(() => {
      const b = document.createElement('button');
      b.textContent = '隐藏按钮';
      b.setAttribute('aria-hidden', 'true');
      b.id = 'planted-offender';
      document.body.appendChild(b);
    });
    const planted = serious(await axeViolations(s.page)).filter((v) => v.id === 'aria-hidden-focus');
    expect(planted.flatMap((v) => v.nodes)).toEqual(['#planted-offender']);
    await s.page.evaluate(() => document.getElementById('planted-offender')?.remove());
  });
});
