/**
 * Nothing leaves the browser: the built page has no office.js and no outside URL, every request the
 * page makes during a whole campaign (uploads, chunks loaded on demand, downloads) is to the local
 * server's origin or stays in the page (blob:, data:), the server was asked only for files that exist
 * in dist/, and the page's Content-Security-Policy really blocks a request to anywhere else.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { writeSampleFiles } from '../../src/cli/demo';
import { DIST, PAGE, download, foreignRequests, pageFixture } from './harness';

const SAMPLE = join(__dirname, '../../samples/p4-middle-managers.json');

describe('standalone page: no request other than its own files', () => {
  const fx = pageFixture('offline');

  it('the built page loads no office.js and names no outside URL; its CSP is strict', () => {
    const { s, server, dir } = fx;
    const html = readFileSync(join(DIST, PAGE), 'utf8');
    expect(html).not.toMatch(/office\.js|appsforoffice|https?:\/\//);
    // The built html is minified: attribute quotes are dropped where they may be.
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toMatch(/connect-src 'self'( blob:)?;/);
    expect(csp).not.toContain('unsafe-eval');
  });

  it('a whole campaign makes requests to the page origin only (or blob:/data:)', async () => {
    const { s, server, dir } = fx;
    const { page } = s;
    const demo = writeSampleFiles(SAMPLE, dir);
    await page.getByLabel('预设方案').selectOption(demo.sample.scheme);
    await page.locator('input[type=file][aria-label="从文件读取名册"]').setInputFiles(demo.roster);
    await page.getByText(`名册 ${demo.sample.roster.length} 人`).waitFor();
    await page.getByRole('tab', { name: '2. 模板' }).click();
    await download(page, () => page.getByRole('button', { name: '下载全部模板（一个工作簿）' }).click(), 'offline');
    await page.getByRole('tab', { name: '3. 校验' }).click();
    const names = readdirSync(demo.submissions);
    await page.locator('input[type=file][aria-label="导入收回的文件"]').setInputFiles(names.map((n) => join(demo.submissions, n)));
    await page.getByText(`已导入 ${names.length} 个文件`).waitFor();
    await page.getByRole('tab', { name: '4. 计算' }).click();
    await page.getByRole('table', { name: '评议结果' }).waitFor();
    await page.getByRole('tab', { name: '5. 写回' }).click();
    await download(page, () => page.getByRole('button', { name: '下载结果工作簿' }).click(), 'offline');

    expect(s.requests.length).toBeGreaterThan(2);
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
    // The code loaded on demand (the reader's worker, the writer) came from the server, and nothing asked for was missing.
    expect(server.served.some((p) => /pingyi-reader\./.test(p))).toBe(true);
    expect(server.served.some((p) => /workbook-writer/.test(p))).toBe(true);
    expect(server.served.filter((p) => !existsSync(join(DIST, decodeURIComponent(p))))).toEqual([]);
    expect(s.cspViolations).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('the CSP blocks a request to anywhere else (checked after the requests above)', async () => {
    const { s, server, dir } = fx;
    const before = s.requests.length;
    const outcome = await s.page.evaluate(async () => {
      try {
        await fetch('http://192.0.2.1/ping');
        return 'sent';
      } catch (e) {
        return `blocked: ${String(e)}`;
      }
    });
    expect(outcome).toMatch(/^blocked/);
    // The violation report reaches the test through an exposed function: give it a moment to arrive.
    for (let i = 0; i < 50 && !s.cspViolations.some((v) => v.startsWith('connect-src') && v.includes('192.0.2.1')); i++) await s.page.waitForTimeout(100);
    expect(s.cspViolations.filter((v) => v.startsWith('connect-src') && v.includes('192.0.2.1'))).not.toEqual([]);
    expect(foreignRequests(s.requests.slice(before), server.origin)).toEqual([]);
  });
});
