/**
 * A whole folder of returned files through the page's folder picker (an <input webkitdirectory>, as
 * Chromium offers it): workbooks in sub-folders are read and named by their path, while what the
 * computer put there (a hidden file, an Office lock file) and a document are listed as not read.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { writeSampleFiles } from '../../src/cli/demo';
import { foreignRequests, pageFixture, shot } from './harness';

const SAMPLE = join(__dirname, '../../samples/p4-middle-managers.json');

describe('standalone page: importing a folder', () => {
  const fx = pageFixture('folder');

  it('reads the workbooks under the folder and lists the files it left out', async () => {
    const { s, server, dir } = fx;
    const { page } = s;
    const demo = writeSampleFiles(SAMPLE, join(dir, 'demo'));
    // The demo's files split over two sub-folders, plus the same file name in both, and the clutter.
    const inbox = join(dir, '收回');
    const names = readdirSync(demo.submissions).sort();
    const half = Math.ceil(names.length / 2);
    for (const [i, n] of names.entries()) {
      const sub = join(inbox, i < half ? '一支部' : '二支部');
      mkdirSync(sub, { recursive: true });
      copyFileSync(join(demo.submissions, n), join(sub, n));
    }
    writeFileSync(join(inbox, '.DS_Store'), 'x');
    writeFileSync(join(inbox, '一支部', `~$${names[0]}`), 'lock');
    writeFileSync(join(inbox, '二支部', '工作说明.docx'), 'not a ballot');

    await page.getByLabel('预设方案').selectOption(demo.sample.scheme);
    await page.locator('input[type=file][aria-label="从文件读取名册"]').setInputFiles(demo.roster);
    await page.getByText(`名册 ${demo.sample.roster.length} 人`).waitFor();
    await page.getByRole('tab', { name: '3. 校验' }).click();
    await page.locator('input[type=file][aria-label="导入整个文件夹"]').setInputFiles(inbox);
    await page.getByText(`已导入 ${names.length} 个文件`).waitFor();
    const text = await page.locator('[role=tabpanel]').innerText();
    expect(text).toContain('文件夹中有 2 个系统文件（临时锁定文件、隐藏文件等），未读取');
    for (const left of ['收回/.DS_Store', `收回/一支部/~$${names[0]}`]) expect(text).toContain(left);
    // A document a rater may have sent is a finding of its own (submission-files.ts).
    expect(text).toContain('收回/二支部/工作说明.docx');
    expect(text).toContain('不是工作簿，未读取');
    // Findings name files by their path under the folder picked.
    expect(text).toMatch(/收回\/[一二]支部\/会议签到表\.xlsx/);
    await shot(page, 'folder', 'validate');
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
