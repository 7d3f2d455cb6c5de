/**
 * A 计票汇总表 through the standalone page (seed 002 第四篇: the village reports its count to the 镇): the
 * count template downloaded from 模板, filled with numbers as a 计票人 would, imported beside the 镇评
 * ballots, and counted as its ballots in 校验 and 计算.
 */
import * as XLSX from '@e965/xlsx';
import { join } from 'path';
import { FilledTemplate, writeRoster } from '../helpers/fill-workbook';
import { download, foreignRequests, pageFixture, shot } from './harness';

const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 镇评 ballot made by hand (as a clerk's own form would be): one √ per person. */
function townBallot(marks: [string, number][]): Buffer {
  const rows = [['轮次：镇评'], ['姓名', ...LEVELS], ...marks.map(([who, level]) => [who, ...LEVELS.map((_, l) => (l === level ? '√' : null))])];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '测评票');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('standalone page: a 计票汇总表 beside ballots', () => {
  const fx = pageFixture('count-sheets');

  it('offers the count template, reads it back as its ballots and computes with them', async () => {
    const { s, server, dir } = fx;
    const { page } = s;
    const test = 'count-sheets';
    await page.getByLabel('预设方案').selectOption('p3-village-two-rounds');
    const roster = writeRoster(join(dir, '名册.xlsx'), ['姓名', '单位'], [['赵刚', '东村'], ['钱丽', '西村']]);
    await page.locator('input[type=file][aria-label="从文件读取名册"]').setInputFiles(roster);
    await page.getByText('名册 2 人').waitFor();

    await page.getByRole('tab', { name: '2. 模板' }).click();
    await page.getByRole('heading', { name: '计票汇总表（纸质投票、当场计票后填写）' }).waitFor();
    // 村评 is held in each village: one count sheet per village, named by it.
    const button = page.getByRole('button', { name: '下载「村党组织书记“双述双评”测评表计票汇总表（东村·村评）」' });
    const blank = (await download(page, () => button.click(), test)).bytes;
    await shot(page, test, '2-templates');
    // 东村's 计票人: 30 valid ballots, 赵刚 24 优秀 and 5 称职 (1 left him blank); 钱丽 is not on 东村's sheet.
    const t = new FilledTemplate(blank);
    t.set(t.row('赵刚'), t.column('优秀'), 24).set(t.row('赵刚'), t.column('称职'), 5);
    const field = t.findStarting('有效票');
    t.set(field.r, field.c, '有效票：30');
    const files = [
      { name: '东村计票.xlsx', mimeType: MIME, buffer: t.toBytes('xlsx') },
      { name: '镇评-1.xlsx', mimeType: MIME, buffer: townBallot([['赵刚', 0], ['钱丽', 0]]) },
      { name: '镇评-2.xlsx', mimeType: MIME, buffer: townBallot([['赵刚', 0], ['钱丽', 1]]) },
    ];

    await page.getByRole('tab', { name: '3. 校验' }).click();
    await page.locator('input[type=file][aria-label="导入收回的文件"]').setInputFiles(files);
    await page.getByText('已导入 3 个文件').waitFor();
    await expect(page.getByRole('status').first().innerText()).resolves.toBe('共读取 2 张票，计入 2 张；另计入计票汇总表 1 张，合 30 票。');
    expect(await page.locator('[role=tabpanel]').innerText()).toContain('是计票汇总表（等次栏填的是票数），按票数计入：村评、参会人员，有效票 30 张，1 名被评议对象');
    await shot(page, test, '3-validate');

    await page.getByRole('tab', { name: '4. 计算' }).click();
    await page.getByRole('table', { name: '评议结果' }).waitFor();
    expect(await page.locator('[role=tabpanel]').innerText()).toContain('计入 2 张票；另计入计票汇总表 1 张，合 30 票');
    // 赵刚: 村评 24/29 = 82.76% and 镇评 2/2, both ≥ 70% → 优秀.
    // (Cells: 姓名 (单位 under it), 等次, the scheme's figures, 名次, 标记.)
    const cells = (await page.getByRole('table', { name: '评议结果' }).getByRole('row', { name: '赵刚', exact: true }).getByRole('cell').allInnerTexts()).map((x) => x.trim());
    expect(cells[1]).toBe('优秀');
    await shot(page, test, '4-compute');
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
