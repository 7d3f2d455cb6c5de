/**
 * The project's own output sheets copied without the hidden record that names them (移动或复制 to a new
 * workbook: values only) are known by their title and the line under it (core/output/result-sheet-names.ts
 * ownOutputByTitle) and passed over (OWN_OUTPUT_SHEET), not read as a ballot: a copied 统计表 read as 附表2
 * added a 废票 to 实收 and a NOTHING_COUNTED that sent the clerk to check names that were right.
 */
import { runCampaign } from '../../src/core/engine';
import { CellValue, SheetGrid } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { describeResultWorkbook } from '../../src/core/output/describe-workbooks';
import { describeHistoryTemplate } from '../../src/core/output/describe-history';
import { ownOutputByTitle } from '../../src/core/output/result-sheet-names';
import { RosterEntry } from '../../src/core/roster/roster';
import { readRoster } from '../../src/hosts/files/read-roster';
import { readWorkbook } from '../../src/hosts/files/read-workbook';
import { writeWorkbook } from '../../src/hosts/files/write-workbook';
import { SATISFIED as S, annex2Sheet } from '../helpers/annex-forms';
import { submission } from '../helpers/grids';

// 党员人数 10, so the quota (20%: 2) is no error of its own in these runs.
const scheme = { ...getPreset('p5-party-members'), memberCount: 10 };
const roster: RosterEntry[] = [{ name: '王毅' }, { name: '丁宁' }, { name: '李娜' }];
const ballot = (i: number) => submission(`附表2-${i}.xlsx`, annex2Sheet('推荐表', { branch: '机关', rows: roster.map((p) => ({ name: p.name, marks: [S, S, S, S] })) }));
const base = runCampaign({ scheme, roster, submissions: [ballot(1), ballot(2)], today: '2026-12-01' });

/** The result workbook as a clerk's copy of it: written, read back, its hidden record not attached. */
async function copiedSheets(): Promise<SheetGrid[]> {
  const history = describeHistoryTemplate(getPreset('p3-community-consecutive'), roster, 2026)!;
  const bytes = await writeWorkbook([...describeResultWorkbook(base), history]);
  const read = await readWorkbook('统计表（报党委）.xlsx', bytes);
  return read.submission!.sheets.map((s) => ({ ...s, meta: undefined }));
}

describe('own output sheets copied without their record', () => {
  it('every sheet the result workbook has (and the 往年结果 sheet) is known by its title', async () => {
    const sheets = await copiedSheets();
    expect(sheets.map((s) => [s.name, ownOutputByTitle(s.rows)?.output])).toEqual([
      ['排名表', '排名表'],
      ['公示表', '公示表'],
      ['整改清单', '整改清单'],
      ['统计表', '统计表'],
      ['得票情况', '得票情况'],
      ['校验结果', '校验结果'],
      ['往年结果', '往年结果'],
    ]);
  });

  it('beside the ballots they are passed over, said once per sheet: 实收 and 有效 stay 2, no error', async () => {
    const sheets = await copiedSheets();
    const r = runCampaign({ scheme, roster, submissions: [ballot(1), ballot(2), { file: '统计表（报党委）.xlsx', sheets }], today: '2026-12-01' });
    const own = r.findings.filter((f) => f.file === '统计表（报党委）.xlsx');
    expect(own.map((f) => [f.sheet, f.code, f.cell])).toEqual(sheets.map((s) => [s.name, 'OWN_OUTPUT_SHEET', 'A1']));
    expect(own[3].message).toBe('工作表「统计表」的标题是「2026年度民主评议党员测评结果统计表」，按标题认出是本工具生成的统计表，不是测评表，未读取');
    expect(own[4].message).toBe('工作表「得票情况」的标题是「2026年度民主评议党员得票情况」，按标题认出是本工具生成的得票情况，不是测评表，未读取');
    const annex2 = r.participation.find((p) => p.form === '优秀党员民主评议推荐表')!;
    expect([annex2.returned, annex2.valid]).toEqual([2, 2]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each<[string, CellValue[][]]>([
    // A clerk's own count sheet under the same title as ours: its next line is its header, not 一、等次分布.
    ['a count sheet titled like ours', [['民主评议党员测评结果统计表'], ['姓名', '满意', '比较满意', '基本满意', '不满意'], ['王毅', 10, 0, 0, 0]]],
    ['a ballot titled …排名表 without our subtitle', [['优秀党员推荐排名表'], ['姓名', '满意']]],
    ['a title alone', [['校验结果']]],
    ['a 公示 whose next line is not ours', [['关于评议结果的公示'], ['（按得票多少为序）']]],
  ])('not ours: %s', (_what, rows) => expect(ownOutputByTitle(rows)).toBeNull());

  it('a title with spaces or a blank row before the next line is still ours (a copy tidied by hand)', () => {
    expect(ownOutputByTitle([[null, ' 民主评议党员 排名表 '], [], ['（按名次排列；名次相同或未排名的，按姓氏笔画为序）']])).toEqual({ output: '排名表', title: '民主评议党员 排名表' });
  });
});

describe('last year\'s result workbook given as the roster', () => {
  it('only its 排名表 is read (each person once, with the unit, without 名次, 等次 or 理由 as flags), the other sheets are named as passed over', async () => {
    const dated = runCampaign({ scheme, roster: [{ name: '王毅', unit: '机关支部' }, { name: '丁宁', unit: '机关支部' }, { name: '李娜' }], submissions: [ballot(1), ballot(2)], today: '2026-12-01' });
    const read = await readWorkbook('2026结果.xlsx', await writeWorkbook(describeResultWorkbook(dated)));
    // Read as the command line reads a roster: the sheets known by their titles.
    const { roster: entries, findings } = readRoster(read.submission!);
    expect(entries.map((e) => [e.name, e.unit ?? '', Object.keys(e.flags ?? {}).join()]).sort()).toEqual([
      ['丁宁', '机关支部', ''],
      ['李娜', '', ''],
      ['王毅', '机关支部', ''],
    ]);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['ROSTER_OWN_OUTPUT', 'warning']]);
    expect(findings[0].message).toMatch(/^名册「2026结果\.xlsx」是本工具生成的结果文件：只读取其中的「排名表」作名册（姓名、单位、职务类别），「公示表」「整改清单」.*未读取；今年的人员如有变动，请另存名册$/);
  });
});

describe('NOTHING_COUNTED gives the real reason', () => {
  it.each([
    ['every name on it the roster\'s', roster],
    ['one name not the roster\'s (李娜 left out of the roster)', [...roster.slice(0, 2), { name: '陈刚' }]],
  ])('a table with the roster\'s names but none of the form\'s items (%s): a 废票 that blames the header, not the names', async (_what, listed) => {
    // The copied 得票情况 (the names' table) retitled, so not known as ours: read as 附表2, its four item groups are missing.
    const stats = (await copiedSheets()).find((s) => s.name === '得票情况')!;
    const rows = stats.rows.map((row, r) => (r === 0 ? ['情况汇总'] : row));
    const r = runCampaign({ scheme, roster: listed, submissions: [ballot(1), { file: '汇总.xlsx', sheets: [{ ...stats, rows }] }], today: '2026-12-01' });
    const nothing = r.findings.filter((f) => f.code === 'NOTHING_COUNTED');
    expect(nothing).toHaveLength(1);
    // Returned 2, valid 1: the real ballot; the table is a 废票, not a valid blank ballot.
    const annex2 = r.participation.find((p) => p.form === '优秀党员民主评议推荐表')!;
    expect([annex2.returned, annex2.valid, annex2.invalid]).toEqual([2, 1, 1]);
    // The roster's names in 得票情况: 丁宁, 王毅, 李娜 (3), or 丁宁 and 王毅 (2) when 李娜 is not listed.
    const found = listed.filter((p) => roster.some((q) => q.name === p.name)).length;
    expect(nothing[0].message).toBe(`本票有 ${found} 个姓名是名册中的，但找不到任何评价项目（见上），没有一项计入，按废票计；问题不在姓名：请核对这张表是否为「优秀党员民主评议推荐表」、表头是否被改动`);
  });

  it('a ballot whose names are none of the roster\'s still says to check the names', () => {
    const other = submission('附表2-x.xlsx', annex2Sheet('推荐表', { branch: '机关', rows: [{ name: '赵六', marks: [S, S, S, S] }] }));
    const r = runCampaign({ scheme, roster, submissions: [other], today: '2026-12-01' });
    expect(r.findings.find((f) => f.code === 'NOTHING_COUNTED')!.message).toBe('本票的 1 个姓名都没能对应到名册（见上），没有一项计入，按废票计；请核对姓名后重新校验');
  });
});
