/**
 * The whole campaign on the standalone page with the demo's files (src/cli/demo.ts writeSampleFiles
 * on samples/p4-middle-managers.json): choose the preset, read the roster file, upload the returned
 * workbooks (some picked, some dropped), see the findings (the score 105 out of range, the file sent
 * twice, the file that is not a workbook), compute, download the result workbook and the blank
 * templates, and read them back with SheetJS. The scores are checked against (干部平均 + 员工平均)/2
 * worked out here from the sample JSON, so wrong figures fail the test. Every request is recorded and
 * must be to the page's own origin; each step is screenshotted and checked with axe-core.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import * as XLSX from '@e965/xlsx';
import { writeSampleFiles } from '../../src/cli/demo';
import { DEMO_SAMPLE, DemoSample, expectedDemoScores } from '../helpers/demo-sample';
import { download, dropFiles, foreignRequests, pageFixture, seriousViolations, sheetTable, shot, tableRecords } from './harness';

const TEST = 'demo-flow';

describe('standalone page: the demo campaign end to end', () => {
  const fx = pageFixture('demo');
  let files: { submissions: string; roster: string; sample: DemoSample };
  beforeAll(() => {
    files = writeSampleFiles(DEMO_SAMPLE, fx.dir) as typeof files;
  });

  it('runs the campaign and downloads a result workbook with the right figures', async () => {
    const { s, server } = fx;
    const { page } = s;
    const a11y: Record<string, unknown[]> = {};

    // 1. 方案: the preset and the roster file.
    await page.getByLabel('预设方案').selectOption(files.sample.scheme);
    await page.locator('input[type=file][aria-label="从文件读取名册"]').setInputFiles(files.roster);
    await page.getByText(`名册 ${files.sample.roster.length} 人`).waitFor();
    await shot(page, TEST, '1-scheme');
    a11y.scheme = await seriousViolations(page);

    // 2. 模板: the blank forms, all in one workbook.
    await page.getByRole('tab', { name: '2. 模板' }).click();
    await shot(page, TEST, '2-templates');
    a11y.templates = await seriousViolations(page);
    const templates = await download(page, () => page.getByRole('button', { name: '下载全部模板（一个工作簿）' }).click(), TEST);
    expect(templates.download.suggestedFilename()).toMatch(/全部模板\.xlsx$/);
    const tplBook = XLSX.read(templates.bytes, { type: 'buffer' });
    const tplSheets = tplBook.SheetNames.filter((n) => !n.startsWith('_'));
    expect(tplSheets.length).toBeGreaterThanOrEqual(2);
    const tplText = tplSheets.map((n) => sheetTable(tplBook, n).flat().join('|')).join('|');
    for (const p of files.sample.roster) expect(tplText).toContain(p.name);

    // 3. 校验: most files picked at once, the last three dropped on the drop zone.
    await page.getByRole('tab', { name: '3. 校验' }).click();
    a11y.validateEmpty = await seriousViolations(page);
    const names = readdirSync(files.submissions).sort();
    const dropped = names.slice(-3);
    const picked = names.filter((n) => !dropped.includes(n));
    await page.locator('input[type=file][aria-label="导入收回的文件"]').setInputFiles(picked.map((n) => join(files.submissions, n)));
    await page.getByText(`已导入 ${picked.length} 个文件`).waitFor();
    await dropFiles(
      page,
      '[data-testid="drop-zone"]',
      dropped.map((n) => ({ name: n, bytes: readFileSync(join(files.submissions, n)) })),
    );
    await page.getByText(`已导入 ${names.length} 个文件`).waitFor();
    // The files were parsed off the page's main thread, in the reader's worker.
    expect(s.workers.filter((u) => /pingyi-reader\.[0-9a-f]+\.js$/.test(u))).toHaveLength(1);
    const status = await page.getByRole('status').first().innerText();
    expect(status).toMatch(/共读取 \d+ 张票，计入 \d+ 张/);
    const validateText = await page.locator('[role=tabpanel]').innerText();
    expect(validateText).toContain('105');
    expect(validateText).toContain('逐字节相同');
    expect(validateText).toContain('员工-03（重发）.xlsx');
    expect(validateText).toContain('会议签到表.xlsx');
    await shot(page, TEST, '3-validate');
    a11y.validate = await seriousViolations(page);

    // 4. 计算: the table in rank order.
    await page.getByRole('tab', { name: '4. 计算' }).click();
    const table = page.getByRole('table', { name: '评议结果' });
    await table.waitFor();
    const tableText = await table.innerText();
    for (const p of files.sample.roster) expect(tableText).toContain(p.name);
    await shot(page, TEST, '4-compute');
    a11y.compute = await seriousViolations(page);

    // 5. 写回: the result workbook as a download.
    await page.getByRole('tab', { name: '5. 写回' }).click();
    await shot(page, TEST, '5-write');
    a11y.write = await seriousViolations(page);
    const result = await download(page, () => page.getByRole('button', { name: '下载结果工作簿' }).click(), TEST);
    expect(result.download.suggestedFilename()).toMatch(/结果_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = XLSX.read(result.bytes, { type: 'buffer' });
    expect(book.SheetNames.filter((n) => !n.startsWith('_'))).toEqual(['排名表', '公示表', '整改清单', '统计表', '得分情况', '校验结果']);

    const expected = expectedDemoScores(files.sample);
    const ranking = tableRecords(sheetTable(book, '排名表'));
    const scoreKey = Object.keys(ranking[0]).find((k) => k.includes('得分'))!;
    expect(scoreKey).toBeDefined();
    let checked = 0;
    for (const r of ranking) {
      const want = expected.get(String(r['姓名']));
      if (want === undefined) continue;
      expect(Number(r[scoreKey])).toBeCloseTo(want, 6);
      checked++;
    }
    expect(checked).toBe(10);
    // Ranks follow the scores, competition style (ties share a rank); a subject vetoed by an incident
    // in the roster (事故) ranks after all the others (README).
    const vetoed = new Set(files.sample.roster.filter((p) => p.flags?.事故).map((p) => p.name));
    const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
    const open = ranking.filter((r) => !vetoed.has(String(r['姓名'])));
    for (const r of open) {
      const mine = expected.get(String(r['姓名']))!;
      const higher = open.filter((o) => expected.get(String(o['姓名']))! > mine && !near(expected.get(String(o['姓名']))!, mine)).length;
      expect([r['姓名'], r['名次']]).toEqual([r['姓名'], higher + 1]);
    }
    expect(vetoed.size).toBe(1);
    for (const r of ranking.filter((r) => vetoed.has(String(r['姓名'])))) expect(Number(r['名次'])).toBeGreaterThan(Math.max(...open.map((o) => Number(o['名次']))));
    const findings = sheetTable(book, '校验结果').flat().join('|');
    for (const code of ['DUPLICATE_FILE', 'FILE_NOT_WORKBOOK', 'SCORE_OUT_OF_RANGE', 'SCORE_NOT_NUMBER', 'GROUP_UNKNOWN', 'NAME_NORMALISED']) expect(findings).toContain(code);
    const stats = sheetTable(book, '统计表');
    expect(stats.find((r) => r.includes('干部'))).toContain(6);

    // Nothing but the page's own files; no CSP violation, no error in the console.
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
    expect(s.cspViolations).toEqual([]);
    expect(s.errors).toEqual([]);
    expect(a11y).toEqual({ scheme: [], templates: [], validateEmpty: [], validate: [], compute: [], write: [] });
  });
});
