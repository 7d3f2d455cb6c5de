/**
 * What the end-to-end tests share: a tiny static server for the built dist/ on 127.0.0.1 (node http,
 * nothing else), Debian's chromium driven headless by playwright-core with a fresh profile per test,
 * a record of every request the page makes, screenshots under test-artifacts/e2e/, and axe-core
 * injected into the page. No browser is ever downloaded: CHROMIUM_PATH or /usr/bin/chromium.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { extname, join, normalize, resolve, sep } from 'path';
import axe from 'axe-core';
import { BrowserContext, Download, Page, chromium } from 'playwright-core';
import * as XLSX from '@e965/xlsx';

export const ROOT = resolve(__dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const PAGE = 'standalone.html';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  /** Every path asked for, in order (to check the page asks only for its own files). */
  served: string[];
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port: GET/HEAD of files only, nothing outside `dir`. */
export async function serveDist(dir = DIST): Promise<StaticServer> {
  if (!existsSync(join(dir, PAGE))) throw new Error(`${join(dir, PAGE)} is missing: run \`npm run build\` before \`npm run test:e2e\`.`);
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    served.push(url.pathname);
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || PAGE;
    const file = resolve(dir, rel);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !(file === dir || file.startsWith(dir + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request URL the page made (documents, scripts, chunks, blobs...). */
  requests: string[];
  /** Console errors and page errors (a thrown error, a CSP violation report). */
  errors: string[];
  /** Content-Security-Policy violations the page reported (securitypolicyviolation events). */
  cspViolations: string[];
  /** Script URLs of the web workers the page started. */
  workers: string[];
  close(): Promise<void>;
}

/** A fresh headless chromium (its own temporary profile) with the standalone page open. */
export async function openPage(server: StaticServer, pagePath = PAGE): Promise<Session> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH). Never download a browser.`);
  const profile = mkdtempSync(join(tmpdir(), 'pingyi-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    locale: 'zh-CN',
    viewport: { width: 900, height: 900 },
  });
  const requests: string[] = [];
  const errors: string[] = [];
  const cspViolations: string[] = [];
  const workers: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('worker', (w) => workers.push(w.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.exposeFunction('__pingyiCsp', (v: string) => cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __pingyiCsp(v: string): void }).__pingyiCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));
  });
  // The one outside script a page of ours may name is office.js (taskpane.html): refuse it at once, as
  // a machine without network would, instead of waiting for the connection to fail.
  await context.route(/^https:\/\/appsforoffice\.microsoft\.com\//, (route) => route.abort('internetdisconnected'));
  await page.goto(`${server.origin}/${pagePath}`);
  await page.getByRole('tab', { name: '1. 方案' }).waitFor();
  return {
    context,
    page,
    requests,
    errors,
    cspViolations,
    workers,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageFixture {
  /** A temporary folder for the test's files, removed afterwards. */
  dir: string;
  server: StaticServer;
  s: Session;
}

/**
 * For a describe block: before its tests, a temporary folder, dist/ served on 127.0.0.1 and a fresh
 * chromium on `pagePath`; after them, all three gone. Fields are set once the beforeAll has run.
 */
export function pageFixture(tag: string, pagePath = PAGE): PageFixture {
  const fx = {} as PageFixture;
  beforeAll(async () => {
    fx.dir = mkdtempSync(join(tmpdir(), `pingyi-e2e-${tag}-`));
    fx.server = await serveDist();
    fx.s = await openPage(fx.server, pagePath);
  });
  afterAll(async () => {
    await fx.s?.close();
    await fx.server?.close();
    if (fx.dir) rmSync(fx.dir, { recursive: true, force: true });
  });
  return fx;
}

/** A full-page screenshot kept as a test artifact: test-artifacts/e2e/<test>/<step>.png. */
export async function shot(page: Page, test: string, step: string): Promise<void> {
  const dir = join(ARTIFACTS, test);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${step}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (injected through the DevTools protocol, which the page's CSP does not govern). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(`${axe.source}\n;void 0`);
  const raw = await page.evaluate(async () => {
    const a = (window as unknown as { axe: typeof axe }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html })),
    }));
  });
  return raw
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterFocusGuard(v.id, n.html)).map((n) => n.target) }))
    .filter((v) => v.nodes.length > 0);
}

/**
 * Fluent UI v9's focus manager (tabster) puts <i data-tabster-dummy aria-hidden tabindex=0> guards
 * around tab lists and dialogs: they are focusable on purpose, only to move focus on at once, and
 * hidden so that screen readers do not announce them. axe reports them under aria-hidden-focus; the
 * Fluent team documents this as a known false positive and Accessibility Insights suppresses exactly
 * these nodes (microsoft/accessibility-insights-web#7605). Only those nodes are dropped: any other
 * aria-hidden focusable element still fails the test.
 */
export function isTabsterFocusGuard(rule: string, html: string): boolean {
  return rule === 'aria-hidden-focus' && /^<i\b[^>]*\bdata-tabster-dummy=/.test(html);
}

/** Serious and critical violations only (what the tests forbid). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Clicks `trigger` and returns the download it starts, saved under test-artifacts/e2e/<test>/. */
export async function download(page: Page, trigger: () => Promise<void>, test: string): Promise<{ download: Download; bytes: Buffer; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const dir = join(ARTIFACTS, test);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { download: d, bytes: readFileSync(path), path };
}

/** The rows of a sheet as arrays (SheetJS), blanks as null. */
export function sheetTable(book: XLSX.WorkBook, name: string): unknown[][] {
  const ws = book.Sheets[name];
  if (!ws) throw new Error(`no sheet 「${name}」 in ${book.SheetNames.join(', ')}`);
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
}

/** A 排名表-like table: the header row with 姓名 and a column per header, rows as records. */
export function tableRecords(rows: unknown[][]): Record<string, unknown>[] {
  const h = rows.findIndex((r) => r.includes('姓名'));
  if (h < 0) throw new Error('no 姓名 header');
  const header = rows[h].map((v) => (v === null ? '' : String(v)));
  return rows
    .slice(h + 1)
    .filter((r) => typeof r[header.indexOf('姓名')] === 'string' && r[header.indexOf('姓名')] !== '')
    .map((r) => Object.fromEntries(header.map((k, i) => [k, r[i]])));
}

/** Asserts that every request went to the server's origin (or stayed in the page: blob:, data:). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((u) => !(u.startsWith(`${origin}/`) || u === origin || u.startsWith('blob:') || u.startsWith('data:')));
}

/** Drops files on an element as a user dragging them from the file manager would (a real DataTransfer). */
export async function dropFiles(page: Page, selector: string, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}
