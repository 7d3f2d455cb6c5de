/**
 * Every preset through the standalone page: the roster file read in 方案, each blank form downloaded
 * from 模板 (the pane's own exceljs writer), filled with SheetJS by tests/helpers/fill-workbook.ts
 * (cells found by their labels) and uploaded in 校验, then the tiers and ranks shown in 计算 compared
 * with figures worked out by hand below (the same small campaigns as tests/cli/round-trip.test.ts,
 * with a little drift: a lost metadata sheet, title rows, a name typed with a full-width space).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Page } from 'playwright-core';
import { Cell, FilledTemplate, fillMiddleManagerScores, writeRoster } from '../helpers/fill-workbook';
import * as XLSX from '@e965/xlsx';
import { Session, StaticServer, download, foreignRequests, openPage, serveDist, sheetTable, shot } from './harness';

interface Ballot {
  /** A part of the template's name that picks exactly one template (a 测评人类别, a round, a form title). */
  template: string;
  file: string;
  fill(t: FilledTemplate): void;
}

interface Case {
  preset: string;
  header: string[];
  roster: Cell[][];
  ballots: Ballot[];
  /** Name → [等次 as the pane shows it, 名次 or null to leave unchecked]. */
  expected: Record<string, [string, number | null]>;
  /**
   * 往年结果 read in 方案 (a 连续 N 次 rule), written into the pane's own blank (its year columns, oldest first,
   * take the values in the order of `header`), and what one subject's 等次依据 must then say.
   */
  history?: { header: string[]; rows: Cell[][]; name: string; says: string };
  /**
   * Names changed in 方案 (a field's label, the new name) before the templates are made, as a clerk adapts a preset in
   * words; `printed`: a text the templates must then print.
   */
  renames?: { fields: [string, string][]; printed: string };
}

const P5_ITEMS = ['参加创先争优活动情况', '立足岗位履行职责情况', '承诺践诺情况', '联系和服务群众情况'] as const;
const P5_A3 = ['服务态度', '服务质量', '办事效率', '廉洁公正'];
const [S, F, B, D] = ['满意', '比较满意', '基本满意', '不满意'];
const P4S_ITEMS = ['抓基层党建工作责任', '落实党风廉政建设主体责任', '落实意识形态责任制'] as const;
const mmScores = fillMiddleManagerScores;

const CASES: Case[] = [
  {
    // 服务对象代表 and 党组织负责人 each 50%.
    // 王芳 优秀 (2/3 + 1/2)/2 = 58.33% ≥ 50% → 优秀 1; 李强 称职及以上 (2/3 + 1/2)/2 = 58.33% → 称职 2;
    // 张伟 基本称职及以上 (1/3 + 1/2)/2 = 41.67% < 50% → 不称职 3.
    // One 支部's 述诺大会 (its 测评 is held 以支部为单位: one form per 支部 and 测评人类别).
    preset: 'p1-double-pledge',
    header: ['姓名', '单位', '违法违纪'],
    roster: [
      ['王芳', '第二党支部', null],
      ['李强', '第二党支部', '是（已查处）'],
      ['张伟', '第二党支部', null],
    ],
    ballots: [
      { template: '服务对象代表', file: '服务对象-1.xlsx', fill: (t) => t.marks({ 王芳: ['优秀'], 李强: ['称职'], 张伟: ['基本称职'] }) },
      { template: '服务对象代表', file: '服务对象-2.xlsx', fill: (t) => t.marks({ 王芳: ['优秀'], 李强: ['称职'], 张伟: ['不称职'] }).retype('王芳', '王　芳').dropMeta() },
      { template: '服务对象代表', file: '服务对象-3.xlsx', fill: (t) => t.marks({ 王芳: ['称职'], 李强: ['基本称职'], 张伟: ['不称职'] }).insertRowsAtTop([['附件5']]) },
      { template: '党组织负责人', file: '负责人-1.xlsx', fill: (t) => t.marks({ 王芳: ['优秀'], 李强: ['优秀'], 张伟: ['基本称职'] }).dropMeta() },
      { template: '党组织负责人', file: '负责人-2.xlsx', fill: (t) => t.marks({ 王芳: ['称职'], 李强: ['不称职'], 张伟: ['不称职'] }) },
    ],
    expected: { 王芳: ['优秀', 1], 李强: ['称职', 2], 张伟: ['不称职', 3] },
  },
  {
    // 村评 V1 优称称 V2 称优称 V3 优称基 V4 优称不; 镇评 T1 优称称 T2 优称不 T3 优基不.
    // 赵刚 优秀 3/4 and 3/3 ≥ 70% → 优秀; 钱丽 称职及以上 4/4, 2/3 ≥ 60% → 称职; 孙明 称职及以上 2/4 < 60%, 基本称职及以上
    // (3 + 1)/7 = 57.14% ≥ 50% → 基本称职 (不称职 3/7 < 50%): the preset reads the tiers as an ordered scale.
    preset: 'p3-village-two-rounds',
    header: ['姓名', '单位'],
    roster: [
      ['赵刚', '东村'],
      ['钱丽', '西村'],
      ['孙明', '南村'],
    ],
    ballots: [
      // 村评 is held in each village: each village's form lists its own secretary (V1–V4 as above, per village).
      // Raters who agree on a one-name form would send byte-identical files, since this filler stamps no save time
      // (Excel and WPS do), and identical files count once (DUPLICATE_FILE): each fills in its 评议时间.
      ...([
        ['赵刚', '东村', ['优秀', '称职', '优秀', '优秀']],
        ['钱丽', '西村', ['称职', '优秀', '称职', '称职']],
        ['孙明', '南村', ['称职', '称职', '基本称职', '不称职']],
      ] as const).flatMap(([name, village, levels]) =>
        levels.map((level, i) => ({
          template: `${village}·村评`,
          file: `村评-${village}-${i + 1}.xlsx`,
          fill: (t: FilledTemplate) => {
            const filled = t.marks({ [name]: [level] }).fillLine('评议时间', `评议时间：2026年12月${i + 1}日`);
            return i === 1 ? filled.dropMeta() : filled;
          },
        })),
      ),
      { template: '镇评', file: '镇评-1.xlsx', fill: (t) => t.marks({ 赵刚: ['优秀'], 钱丽: ['称职'], 孙明: ['称职'] }) },
      { template: '镇评', file: '镇评-2.xlsx', fill: (t) => t.marks({ 赵刚: ['优秀'], 钱丽: ['称职'], 孙明: ['不称职'] }) },
      { template: '镇评', file: '镇评-3.xlsx', fill: (t) => t.marks({ 赵刚: ['优秀'], 钱丽: ['基本称职'], 孙明: ['不称职'] }).insertRowsAtTop([['附件2']]).dropMeta() },
    ],
    expected: { 赵刚: ['优秀', 1], 钱丽: ['称职', 2], 孙明: ['基本称职', 3] },
  },
  {
    // 不合格 when its votes exceed 50%: 周敏 1/5 → 合格 1; 郑洁 2/4 (one blank) = 50%, not over → 合格 2; 吴杰 4/5 → 不合格 3.
    preset: 'p3-community-consecutive',
    header: ['姓名', '职务'],
    roster: [
      ['周敏', '社区书记'],
      ['吴杰', '社区主任'],
      ['郑洁', '委员'],
    ],
    ballots: [
      { template: '评议票', file: '评议票-1.xlsx', fill: (t) => t.marks({ 周敏: ['合格'], 吴杰: ['不合格'], 郑洁: ['不合格'] }) },
      { template: '评议票', file: '评议票-2.xlsx', fill: (t) => t.marks({ 周敏: ['合格'], 吴杰: ['不合格'], 郑洁: ['合格'] }).dropMeta() },
      { template: '评议票', file: '评议票-3.xlsx', fill: (t) => t.marks({ 周敏: ['不合格'], 吴杰: ['不合格'], 郑洁: ['合格'] }).retype('周敏', '周　敏') },
      { template: '评议票', file: '评议票-4.xlsx', fill: (t) => t.marks({ 周敏: ['合格'], 吴杰: ['合格'], 郑洁: ['不合格'] }) },
      { template: '评议票', file: '评议票-5.xlsx', fill: (t) => t.marks({ 周敏: ['合格'], 吴杰: ['不合格'] }) },
    ],
    expected: { 周敏: ['合格', 1], 郑洁: ['合格', 2], 吴杰: ['不合格', 3] },
    // 吴杰 was 不合格 in 2025 too: the second time running → 诫勉谈话 (seed 002 第五篇 三、5), not 警示谈话.
    history: {
      header: ['姓名', '2024年', '2025年'],
      rows: [
        ['周敏', '合格', '合格'],
        ['吴杰', '合格', '不合格'],
        ['郑洁', '合格', '合格'],
      ],
      name: '吴杰',
      // The run that decided the step is said with it (连续第 2 次).
      says: '结果运用：连续第 2 次被评为「不合格」，由街道予以诫勉谈话，工资按原工资的80%发放（30 天内整改）（《霍尔奇社区“勤廉双述双评”活动工作方案》三、5：连续两次被评为不合格的；整改期限为本预设默认 30 天）',
    },
  },
  {
    // a/b/c票 × three 专项, 好90 较好80 一般70 差60. 陈刚 805/9 = 89.44 → 好 1; 林峰 250/3 = 83.33 → 较好 2;
    // 何静 725/9 = 80.56, but 一般+差 2/12 = 16.67% > 10% → 差 3.
    preset: 'p4-secretary-appraisal',
    header: ['姓名', '单位', '被问责'],
    roster: [
      ['陈刚', '一分场党支部', null],
      ['林峰', '二分场党支部', null],
      ['何静', '机关党支部', null],
    ],
    ballots: [
      { template: 'a票', file: 'a票.xlsx', fill: (t) => t.marks({ 陈刚: ['好', '好', '好'], 林峰: ['较好', '较好', '较好'], 何静: ['较好', '较好', '较好'] }, P4S_ITEMS) },
      { template: 'b票', file: 'b票.xlsx', fill: (t) => t.marks({ 陈刚: ['好', '好', '好'], 林峰: ['好', '好', '好'], 何静: ['较好', '较好', '较好'] }, P4S_ITEMS).dropMeta() },
      { template: 'c票', file: 'c票-1.xlsx', fill: (t) => t.marks({ 陈刚: ['好', '好', '好'], 林峰: ['较好', '较好', '较好'], 何静: ['好', '一般', '好'] }, P4S_ITEMS) },
      { template: 'c票', file: 'c票-2.xlsx', fill: (t) => t.marks({ 陈刚: ['好', '好', '较好'], 林峰: ['较好', '较好', '较好'], 何静: ['好', '差', '好'] }, P4S_ITEMS) },
    ],
    expected: { 陈刚: ['好', 1], 林峰: ['较好', 2], 何静: ['差', 3] },
  },
  {
    // 干部 × 50% + 员工 × 50%; 85 / 75 / 65 (含). 刘军 (88 + 82)/2 = 85 → 优秀 1; 韩梅 75 → 称职 2;
    // 高峰 (75 + 433/6)/2 = 73.58 → 基本称职 3; 谢东 (62 + 68)/2 = 65 → 基本称职 4; 马兰 80 but 事故 → 不称职 5.
    preset: 'p4-middle-managers',
    header: ['姓名', '单位', '职务类别', '事故'],
    roster: [
      ['刘军', '营业部', '正职', null],
      ['谢东', '公司部', '正职', null],
      ['高峰', '个人金融部', '副职', null],
      ['马兰', '运营管理部', '副职', '2026年3月 柜面操作风险事故'],
      ['韩梅', '风险管理部', '副职', null],
    ],
    ballots: [
      { template: '（中层干部）', file: '干部-1.xlsx', fill: mmScores('干部1') },
      { template: '（中层干部）', file: '干部-2.xlsx', fill: (t) => (mmScores('干部2')(t), t.dropMeta()) },
      { template: '（员工）', file: '员工-1.xlsx', fill: mmScores('员工1') },
      { template: '（员工）', file: '员工-2.xlsx', fill: (t) => (mmScores('员工2')(t), t.retype('韩梅', '韩　梅').dropMeta()) },
      { template: '（员工）', file: '员工-3.xlsx', fill: mmScores('员工3') },
    ],
    expected: { 刘军: ['优秀', 1], 韩梅: ['称职', 2], 高峰: ['基本称职', 3], 谢东: ['基本称职', 4], 马兰: ['不称职', 5] },
    // The bank's own words: 干部 renamed 中层干部 on the 方案 step, printed on its template; 干部-2 (its template record
    // dropped) is read by that printed header alone.
    renames: { fields: [['评议人类别 1 的名称', '中层干部']], printed: '测评人类别：中层干部' },
  },
  {
    // 附表2: 李强 满意+比较满意 11/12 = 91.67% ≥ 90% → 优秀党员; 王芳 附表2 100% but 附表3 7/8 = 87.5% < 90%
    // → 未评为优秀党员; 张伟 100% but a verified 党风廉政问题 → 未评为优秀党员 (一票否决).
    preset: 'p5-party-members',
    header: ['姓名', '类型', '窗口岗位', '职务类别', '党风廉政问题'],
    roster: [
      ['机关支部', '组织', null, null, null],
      ['王芳', '个人', '是', null, null],
      ['李强', '个人', '否', null, null],
      ['张伟', '个人', '否', null, '经组织核实，事实清楚'],
      ['赵敏', '个人', '否', '预备党员', null],
      ['刘洋', '个人', '否', null, null],
    ],
    ballots: [
      {
        template: '优秀党员民主评议推荐表',
        file: '附表2-1.xlsx',
        fill: (t) => t.marks({ 王芳: [S, S, S, S], 李强: [S, S, F, S], 张伟: [S, S, S, S], 赵敏: [S, S, S, S], 刘洋: [S, F, B, D] }, P5_ITEMS).recommend('王芳').recommend('李强'),
      },
      {
        template: '优秀党员民主评议推荐表',
        file: '附表2-2.xlsx',
        fill: (t) => t.marks({ 王芳: [S, S, S, S], 李强: [S, F, S, B], 张伟: [S, S, S, S], 赵敏: [S, S, S, S], 刘洋: [S, B, B, D] }, P5_ITEMS).recommend('李强').dropMeta(),
      },
      {
        template: '优秀党员民主评议推荐表',
        file: '附表2-3.xlsx',
        fill: (t) => t.marks({ 王芳: [S, S, S, F], 李强: [S, S, S, S], 张伟: [F, F, F, F], 赵敏: [S, S, S, S], 刘洋: [F, S, D, S] }, P5_ITEMS).recommend('李强').recommend('张伟'),
      },
      { template: '窗口服务岗位群众满意度测评表', file: '附表3-1.xlsx', fill: (t) => [S, S, S, S].forEach((l, i) => t.markItem(P5_A3[i], l, '王芳')) },
      { template: '窗口服务岗位群众满意度测评表', file: '附表3-2.xlsx', fill: (t) => [S, S, B, S].forEach((l, i) => t.markItem(P5_A3[i], l, '王芳')) },
    ],
    expected: { 李强: ['优秀党员', null], 王芳: ['未评为优秀党员', null], 张伟: ['未评为优秀党员', null] },
  },
];

/** The cells of the pane's result row for `name`, by column header (姓名, 等次, the scheme's figures, 名次, 标记). */
async function resultRow(page: Page, name: string): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: '评议结果' });
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
  const cells = (await table.getByRole('row', { name, exact: true }).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  return Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
}

describe('standalone page: every preset, computed in the browser', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDist();
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(CASES.map((c) => [c.preset, c] as const))('%s: templates downloaded, filled, uploaded and computed', async (preset, c) => {
    const dir = mkdtempSync(join(tmpdir(), `pingyi-e2e-${preset}-`));
    const s: Session = await openPage(server);
    const test = `preset-${preset}`;
    try {
      const { page } = s;
      await page.getByLabel('预设方案').selectOption(preset);
      const roster = writeRoster(join(dir, '名册.xlsx'), c.header, c.roster, '2026年度评议对象名册');
      await page.locator('input[type=file][aria-label="从文件读取名册"]').setInputFiles(roster);
      await page.getByText(`名册 ${c.roster.length} 人`).waitFor();
      if (c.history) {
        // The pane's own blank 往年结果 (the roster's names, a column per past year), filled as a clerk would.
        const blankHistory = await download(page, () => page.getByRole('button', { name: /^下载往年结果模板/ }).click(), test);
        const book = XLSX.read(blankHistory.bytes);
        const table = sheetTable(book, '往年结果');
        const header = table.findIndex((r) => r.includes('姓名'));
        const nameCol = table[header].indexOf('姓名');
        expect(table.slice(header + 1, header + 1 + c.roster.length).map((r) => r[nameCol])).toEqual(c.roster.map((r) => r[0]));
        // The year columns, oldest first, whatever this year is.
        const yearCols = table[header].flatMap((label, col) => (/^\d{4}年$/.test(String(label)) ? [col] : []));
        expect(yearCols).toHaveLength(c.history.header.length - 1);
        for (const row of table.slice(header + 1)) {
          const given = c.history.rows.find((g) => g[0] === row[nameCol]);
          if (given) yearCols.forEach((col, k) => (row[col] = given[k + 1]));
        }
        const history = join(dir, '往年结果.xlsx');
        const filled = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(filled, XLSX.utils.aoa_to_sheet(table), '往年结果');
        XLSX.writeFile(filled, history);
        await page.locator('input[type=file][aria-label="从文件读取往年结果"]').setInputFiles(history);
        await page.getByText(`往年结果：${c.history.rows.length} 人（文件「往年结果.xlsx」）`).waitFor();
      } else expect(await page.getByRole('heading', { name: '往年结果' }).count()).toBe(0); // the 考核年度 hint also says 往年结果
      for (const [label, name] of c.renames?.fields ?? []) {
        const box = page.getByRole('textbox', { name: label, exact: true });
        await box.fill(name);
        await box.press('Enter');
        await expect(box.inputValue()).resolves.toBe(name);
      }

      // 模板: each template needed, downloaded once, filled for each ballot.
      await page.getByRole('tab', { name: '2. 模板' }).click();
      const blank = new Map<string, Buffer>();
      for (const part of new Set(c.ballots.map((b) => b.template))) {
        // The ballot template, not the 计票汇总表 offered for the same group and round.
        const button = page.getByRole('button', { name: new RegExp(`^下载「(?![^」]*计票汇总表)[^」]*${part.replace(/[()（）]/g, '\\$&')}[^」]*」$`) });
        expect(await button.count()).toBe(1);
        blank.set(part, (await download(page, () => button.click(), test)).bytes);
      }
      await shot(page, test, '2-templates');
      if (c.renames) {
        const printed = [...blank.values()].flatMap((bytes) => {
          const book = XLSX.read(bytes);
          return book.SheetNames.flatMap((n) => sheetTable(book, n).flat());
        });
        expect(printed).toContain(c.renames.printed);
      }
      const files = c.ballots.map((b) => {
        const t = new FilledTemplate(blank.get(b.template)!);
        b.fill(t);
        return { name: b.file, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: t.toBytes('xlsx') };
      });

      // 校验: all ballots at once.
      await page.getByRole('tab', { name: '3. 校验' }).click();
      await page.locator('input[type=file][aria-label="导入收回的文件"]').setInputFiles(files);
      await page.getByText(`已导入 ${files.length} 个文件`).waitFor();
      await expect(page.getByRole('status').first().innerText()).resolves.toContain(`计入 ${files.length} 张`);
      await shot(page, test, '3-validate');

      // 计算: the tiers and ranks worked out by hand.
      await page.getByRole('tab', { name: '4. 计算' }).click();
      await page.getByRole('table', { name: '评议结果' }).waitFor();
      await shot(page, test, '4-compute');
      const got: Record<string, [string, number | null]> = {};
      for (const [name, [, rank]] of Object.entries(c.expected)) {
        const cells = await resultRow(page, name);
        got[name] = [cells['等次'], rank === null ? null : Number(cells['名次'])];
      }
      expect(got).toEqual(c.expected);
      if (c.history) {
        await page.getByRole('table', { name: '评议结果' }).getByRole('row', { name: c.history.name, exact: true }).getByRole('button').click();
        const reasons = await page.getByRole('list', { name: `「${c.history.name}」的等次依据` }).getByRole('listitem').allInnerTexts();
        expect(reasons).toContain(c.history.says);
      }
      expect(foreignRequests(s.requests, server.origin)).toEqual([]);
      expect(s.cspViolations).toEqual([]);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
