/**
 * The add-in's own page (taskpane.html) opened outside Excel, with office.js unreachable: the pane
 * switches to files (the standalone page's host) instead of hanging or failing, and a campaign set
 * up there survives a reload (kept in the browser's storage).
 */
import { pageFixture } from './harness';

describe('taskpane.html outside Excel', () => {
  const fx = pageFixture('taskpane', 'taskpane.html');

  it('opens in files mode, and keeps the chosen preset over a reload', async () => {
    const { s, server } = fx;
    const { page } = s;
    // Files mode: roster from a file, no workbook sheets to validate.
    await page.getByRole('button', { name: '从文件读取名册' }).waitFor();
    await page.getByRole('tab', { name: '3. 校验' }).click();
    await page.getByRole('button', { name: '导入收回的文件' }).waitFor();
    expect(await page.getByRole('button', { name: '校验所选工作表' }).count()).toBe(0);
    expect(await page.getByText('未在 Excel 中打开').count()).toBe(0);

    await page.getByRole('tab', { name: '1. 方案' }).click();
    await page.getByLabel('预设方案').selectOption('p5-party-members');
    // Saved shortly after the last change (use-campaign.ts), then reloaded.
    await page.waitForFunction(() => (localStorage.getItem('pingyi.campaign.v1') ?? '').includes('"p5-party-members"'));
    await page.reload();
    await page.getByRole('tab', { name: '1. 方案' }).waitFor();
    expect(await page.getByLabel('预设方案').inputValue()).toBe('p5-party-members');
    // The page asked for office.js (refused) and nothing else outside its origin.
    expect(s.requests.filter((u) => !u.startsWith(server.origin))).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(s.errors.filter((e) => !/office\.js|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
