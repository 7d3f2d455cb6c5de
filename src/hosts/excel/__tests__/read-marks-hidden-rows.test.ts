/**
 * What reading a sheet of the open workbook brings beyond its cells: the template metadata of a
 * sheet the add-in inserted (so a filled-in template whose header was retyped is known for what it
 * is, as from a file), and the rows hidden by hand or by a filter, named in a finding.
 */
import { runCampaign } from '../../../core/engine';
import { describeTemplates, withTemplateMeta } from '../../../core/output/describe-templates';
import { getPreset } from '../../../core/presets';
import { RosterEntry } from '../../../core/roster/roster';
import { FakeExcel, FakeInput } from '../../../../tests/fakes/fake-excel';
import { readRoster } from '../../files/read-roster';
import { ExcelWorkbookHost } from '../excel-host';

const host = (fx: FakeExcel, extra: Partial<ConstructorParameters<typeof ExcelWorkbookHost>[0]> = {}) => new ExcelWorkbookHost({ run: fx.run, supports: fx.supports, ...extra });

const P3 = getPreset('p3-community-consecutive');
const COMMUNITY: RosterEntry[] = ['王芳', '李强', '张伟', '丁宁'].map((name) => ({ name, unit: '霍尔奇社区' }));
const WORKBOOK = '本工作簿';

describe('a template inserted into the workbook, read back', () => {
  async function filledTemplate(excelApi: string, retype: boolean) {
    const fx = new FakeExcel({ excelApi });
    fx.addSheet('名册');
    const h = host(fx);
    const templates = describeTemplates(P3, COMMUNITY);
    const [form] = (await h.writeSheets(templates)).written;
    const s = fx.sheet(form);
    s.protection = { protected: false, options: {}, password: null };
    const table = s.table();
    const header = table.findIndex((row) => row.includes('合格'));
    const pass = table[header].indexOf('合格');
    if (retype) {
      s.touch(header, pass).value = '同意';
      s.touch(header, pass + 1).value = '不同意';
    }
    for (let r = header + 1; r < table.length; r++) if (COMMUNITY.some((p) => p.name === table[r][1])) s.touch(r, pass).value = '√';
    const { sheets } = await h.readSheets([form]);
    return { sheets, meta: templates[0].meta! };
  }

  it.each(['1.13', '1.7'])('carries the metadata of its mark (ExcelApi %s), as the file host gives it from _pingyi', async (api) => {
    const { sheets, meta } = await filledTemplate(api, true);
    expect(sheets[0].templateMeta).toEqual(meta);
    expect(meta).toMatchObject({ kind: 'template', schemeId: P3.id });
  });

  it('with its header retyped: TEMPLATE_NOT_RECOGNISED, counted as returned and not valid (as for a file)', async () => {
    const { sheets } = await filledTemplate('1.13', true);
    // As the pane computes: the metadata applied for the scheme in use (use-campaign.ts).
    const result = runCampaign({ scheme: P3, roster: COMMUNITY, submissions: [withTemplateMeta({ file: WORKBOOK, sheets }, undefined, P3)], today: '2026-12-01' });
    const codes = result.findings.filter((f) => f.sheet === sheets[0].name).map((f) => f.code);
    expect(codes).toContain('TEMPLATE_NOT_RECOGNISED');
    expect(codes).not.toContain('FORM_NOT_RECOGNISED');
    expect(result.participation.map((p) => [p.returned, p.valid, p.invalid])).toEqual([[1, 0, 1]]);
  });

  it('filled in as inserted: read as the form and group its metadata names', async () => {
    const { sheets } = await filledTemplate('1.13', false);
    const result = runCampaign({ scheme: P3, roster: COMMUNITY, submissions: [withTemplateMeta({ file: WORKBOOK, sheets }, undefined, P3)], today: '2026-12-01' });
    expect(result.participation.map((p) => [p.returned, p.valid, p.invalid])).toEqual([[1, 1, 0]]);
  });

  it('a sheet of the clerk’s carries no metadata', async () => {
    const fx = new FakeExcel();
    fx.addSheet('笔记', [['会议记录']]);
    const { sheets } = await host(fx).readSheets(['笔记']);
    expect(sheets[0].templateMeta).toBeUndefined();
  });
});

describe('rows hidden by hand or by a filter', () => {
  const PEOPLE = ['王芳', '李强', '张伟', '丁宁', '欧阳明月', '赵六', '孙丽华', '周杰'];
  const OTHERS = ['马东', '牛西', '杨南'];
  /** A 街道 花名册 filtered to 霍尔奇社区: the three 河西社区 rows (sheet rows 10–12) hidden. */
  function streetRoster(): FakeExcel {
    const fx = new FakeExcel();
    const rows: FakeInput[][] = [['序号', '姓名', '所在社区'], ...PEOPLE.map((n, i) => [i + 1, n, '霍尔奇社区']), ...OTHERS.map((n, i) => [PEOPLE.length + i + 1, n, '河西社区'])];
    fx.addSheet('花名册', rows, { hiddenRows: [9, 10, 11] });
    return fx;
  }

  it('are read like the others (as from a file) and named in a finding, so the roster is not taken in unseen', async () => {
    const fx = streetRoster();
    const { sheets, findings } = await host(fx).readSheets(['花名册']);
    expect(sheets[0].rows.map((r) => r[1])).toEqual(['姓名', ...PEOPLE, ...OTHERS]);
    expect(findings).toEqual([
      {
        code: 'HIDDEN_ROWS',
        severity: 'warning',
        message:
          '工作表「花名册」的第 10–12 行被隐藏或筛选掉，已照常读取（与读取文件时一样）。请核实这些行应否计入；如只应读取显示的行，请把筛选后的表格复制到新的工作表（Excel 只复制显示的行），再读取新工作表。',
        file: fx.workbookName,
        sheet: '花名册',
        cell: null,
      },
    ]);
    // The roster as the pane reads it: the finding goes with the roster's own.
    const { roster } = readRoster({ file: WORKBOOK, sheets });
    expect(roster.map((r) => r.name)).toEqual([...PEOPLE, ...OTHERS]);
  });

  it('across bands: all hidden, none, and some (found by halving), only rows that hold something named', async () => {
    const fx = new FakeExcel();
    const rows: FakeInput[][] = Array.from({ length: 400 }, (_, i) => [i + 1, `姓名${i + 1}`]);
    rows[250] = []; // an empty row, hidden: nothing to say about it
    const hidden = [3, 4, 5, 100, 200, 201, 250, 398, 399, ...Array.from({ length: 40 }, (_, i) => 300 + i)];
    fx.addSheet('名单', rows, { hiddenRows: hidden });
    // Bands of 26 rows here: rows 313–338 make one band all hidden, others some or none.
    const { findings } = await host(fx, { readLimits: { responseBytes: 4000 } }).readSheets(['名单']);
    expect(findings.map((f) => f.code)).toEqual(['HIDDEN_ROWS']);
    expect(findings[0].message).toMatch(/^工作表「名单」的第 4–6、101、201–202、301–340、399–400 行被隐藏或筛选掉/);
  });

  it('no hidden rows: no finding and no sync more', async () => {
    const fx = new FakeExcel();
    fx.addSheet('名单', [['姓名'], ['王芳'], ['李强']]);
    const { findings } = await host(fx).readSheets(['名单']);
    expect(findings).toEqual([]);
    expect(fx.syncCount).toBe(4);
  });
});
