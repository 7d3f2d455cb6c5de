/**
 * The forms handed out and kept, not read back (seed 000 二(三)–(五): 附件2 认岗承诺书, 附件3 党员践诺进度表,
 * 附件4 年终述诺表): one workbook each, a sheet per member with 姓名 and 所在支部, the fields the seed names;
 * and the reader passes them over when they come back among the ballots.
 */
import { runCampaign } from '../../engine';
import { CellValue, SheetGrid } from '../../forms/grid';
import { PRESETS, getPreset } from '../../presets';
import { RosterEntry } from '../../roster/roster';
import { describePaperwork } from '../describe-paperwork';
import { describeTemplates, templateSubmissionMeta } from '../describe-templates';
import { SheetDescription, checkSheetDescription } from '../sheet-description';

const scheme = getPreset('p1-double-pledge');
const ROSTER: RosterEntry[] = [
  { name: '王伟', unit: '第一党支部' },
  { name: '李强' },
  { name: '王伟', unit: '第二党支部' },
  { name: '机关党委', kind: 'organisation' },
];
const books = describePaperwork(scheme, ROSTER);
const book = (title: string) => books.find((b) => b.name === title)!;
const values = (s: SheetDescription) => s.cells.flat().map((c) => c.value);
const at = (s: SheetDescription, text: string) => {
  const r = s.cells.findIndex((row) => row.some((c) => c.value === text));
  return { r, c: s.cells[r].findIndex((c) => c.value === text) };
};
const toGrid = (s: SheetDescription): SheetGrid => ({ name: s.name, rows: s.cells.map((row) => row.map((c) => c.value as CellValue)), merges: s.merges.map((m) => ({ ...m })) });

describe('p1 paperwork (seed 000 附件2–4)', () => {
  it('is one workbook per form, in the seed order, each a sheet per member (重名 by their 支部), none for an organisation', () => {
    expect(books.map((b) => b.name)).toEqual(['认岗承诺书', '党员践诺进度表', '年终述诺表']);
    for (const b of books) {
      expect(b.sheets.map((s) => s.name)).toEqual(['王伟（第一党支部）', '李强', '王伟（第二党支部）']);
      for (const s of b.sheets) {
        expect(checkSheetDescription(s)).toEqual([]);
        expect(s.cells[0][0].value).toBe(b.name);
        // The form and member with the page number; no 共 N 页, which would count every member's pages.
        expect(s.print.footer).toBe(`${b.name}（${s.name}）　第 &P 页`);
        expect(s.meta).toMatchObject({ kind: 'paperwork', schemeId: 'p1-double-pledge', paper: b.paper.kind, title: b.name, subject: s.name });
      }
      const [first, second] = b.sheets;
      expect(values(first)).toEqual(expect.arrayContaining(['姓名：王伟（第一党支部）', '所在支部：第一党支部']));
      // No 单位 in the roster: the field is left to fill.
      expect(values(second)).toEqual(expect.arrayContaining(['姓名：李强', '所在支部：']));
    }
  });

  it('认岗承诺书: 共性目标岗位 a drop-down of exactly the four 先锋岗, then 个性目标岗位, 具体措施, 预期目标, 完成时限, 承诺人签名 and 日期', () => {
    const s = book('认岗承诺书').sheets[0];
    const labels = ['共性目标岗位', '个性目标岗位', '具体措施', '预期目标', '完成时限'].map((l) => at(s, l));
    expect(labels.map((p) => p.c)).toEqual([0, 0, 0, 0, 0]);
    expect(labels.map((p) => p.r)).toEqual(labels.map((_, i) => labels[0].r + i));
    // Each label's answer is one cell over the rest of its row.
    for (const p of labels) expect(s.merges).toContainEqual({ r1: p.r, c1: 1, r2: p.r, c2: s.columns.length - 1 });
    expect(s.validations).toEqual([
      expect.objectContaining({ kind: 'list', range: { r1: labels[0].r, c1: 1, r2: labels[0].r, c2: 1 }, values: ['政治严明先锋岗', '推动发展先锋岗', '创新有为先锋岗', '服务群众先锋岗'] }),
    ]);
    const sign = s.cells.findIndex((row) => typeof row[0].value === 'string' && row[0].value.startsWith('承诺人签名：'));
    expect(sign).toBe(labels[4].r + 1);
    expect(s.cells[sign][0].value).toMatch(/^承诺人签名：[\u3000]+日期：[\u3000]+年[\u3000]+月[\u3000]+日$/);
    const note = String(s.cells[sign + 1][0].value);
    expect(note).toContain('政治严明先锋岗、推动发展先锋岗、创新有为先锋岗、服务群众先锋岗');
    expect(note).toContain('一份由党支部存档备案，一份由党支部统一张贴公示');
  });

  it('党员践诺进度表: 承诺事项, 进展情况 over 第一季度 … 第四季度, 完成时限; five numbered rows to fill', () => {
    const s = book('党员践诺进度表').sheets[1];
    const top = at(s, '进展情况');
    expect(s.cells[top.r].map((c) => c.value)).toEqual(['序号', '承诺事项', '进展情况', null, null, null, '完成时限']);
    expect(s.cells[top.r + 1].map((c) => c.value)).toEqual([null, null, '第一季度', '第二季度', '第三季度', '第四季度', null]);
    expect(s.merges).toContainEqual({ r1: top.r, c1: 2, r2: top.r, c2: 5 });
    expect(s.cells.slice(top.r + 2, top.r + 7).map((row) => row.map((c) => c.value))).toEqual([1, 2, 3, 4, 5].map((n) => [n, null, null, null, null, null, null]));
    expect(s.print.orientation).toBe('portrait');
  });

  it('年终述诺表: 承诺事项 and 完成情况 rows, then 存在不足 and 今后努力方向, then the 分管领导\'s 审阅意见 and signature (二(五)一是 报分管领导审阅同意)', () => {
    const s = book('年终述诺表').sheets[2];
    const head = at(s, '承诺事项');
    expect(s.cells[head.r].map((c) => c.value)).toEqual(['序号', '承诺事项', '完成情况']);
    expect(s.cells[head.r + 6][0].value).toBe('存在不足：');
    expect(s.cells[head.r + 7][0].value).toBe('今后努力方向：');
    expect(s.cells[head.r + 8][0].value).toBe('分管领导审阅意见：');
    expect(s.cells[head.r + 9][0].value).toMatch(/^分管领导签名：[\u3000]+日期：[\u3000]+年[\u3000]+月[\u3000]+日$/);
    expect(String(s.cells[head.r + 10][0].value)).toContain('填好后报分管领导审阅同意，分管领导填写审阅意见并签名。');
  });

  it('with nobody in the roster: one blank sheet each, named by the form', () => {
    const blank = describePaperwork(scheme, [{ name: '机关党委', kind: 'organisation' }]);
    expect(blank.map((b) => b.sheets.map((s) => [s.name, s.meta?.subject]))).toEqual([[['认岗承诺书', undefined]], [['党员践诺进度表', undefined]], [['年终述诺表', undefined]]]);
    expect(values(blank[0].sheets[0])).toContain('姓名：');
  });

  it('other presets have none', () => {
    for (const p of PRESETS.filter((x) => x.id !== 'p1-double-pledge')) expect(describePaperwork(getPreset(p.id), ROSTER)).toEqual([]);
  });
});

describe('returned among the ballots, the paperwork is passed over', () => {
  const ballots = describeTemplates(scheme, ROSTER);
  /** One 党组织负责人 ballot: 李强 优秀. */
  function ballot() {
    const s = ballots.find((b) => b.meta?.groupId === 'leader')!;
    const g = toGrid(s);
    const L = g.rows.findIndex((row) => row.includes('优秀'));
    const r = g.rows.findIndex((row) => row.includes('李强'));
    g.rows[r][g.rows[L].indexOf('优秀')] = '√';
    return { file: '负责人.xlsx', sheets: [g], meta: undefined };
  }
  /** Every paperwork sheet filled in, as members return them. */
  const filled = () =>
    books.flatMap((b) =>
      b.sheets.map((s) => {
        const g = toGrid(s);
        // The 共性目标岗位 chosen, or the first 承诺事项 (the row numbered 1) written.
        const r = b.paper.kind === 'pledge' ? 2 : g.rows.findIndex((row) => row[0] === 1);
        expect(g.rows[r][1]).toBeNull();
        g.rows[r][1] = b.paper.kind === 'pledge' ? '服务群众先锋岗' : '办结群众来信';
        return { s, g };
      }),
    );

  it('known by its metadata: a warning per sheet naming the form, no ballot, no error', () => {
    const sheets = filled().map(({ s, g }) => ({ ...g, meta: templateSubmissionMeta(s.meta, scheme) ?? undefined }));
    expect(sheets[0].meta).toEqual({ output: '认岗承诺书' });
    const result = runCampaign({ scheme, roster: ROSTER, submissions: [ballot(), { file: '承诺书.xlsx', sheets }], today: '2026-12-01' });
    expect(result.read.ballots).toHaveLength(1);
    const said = result.read.findings.filter((f) => f.file === '承诺书.xlsx');
    expect(said.map((f) => f.code)).toEqual(new Array(9).fill('OWN_OUTPUT_SHEET'));
    expect(said[3].message).toBe('工作表「王伟（第一党支部）」是本工具生成的党员践诺进度表，不是测评表，未读取');
  });

  it('without it (pasted into another workbook): not a form by its labels, a warning, never FORM_NOT_RECOGNISED', () => {
    const result = runCampaign({ scheme, roster: ROSTER, submissions: [ballot(), { file: '承诺书.xlsx', sheets: filled().map(({ g }) => g) }], today: '2026-12-01' });
    expect(result.read.ballots).toHaveLength(1);
    expect(result.read.findings.filter((f) => f.file === '承诺书.xlsx').map((f) => [f.code, f.severity])).toEqual(new Array(9).fill(['SHEET_NOT_A_FORM', 'warning']));
    expect(result.subjects.find((x) => x.name === '李强')!.overall[0].votes).toBe(1);
  });
});
