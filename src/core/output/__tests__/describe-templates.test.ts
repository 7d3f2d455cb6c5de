/**
 * Blank templates: shaped like the annex forms (seed 004 附1/附2/附3), √ dropdowns over exactly the
 * mark cells, score validation, locked header and names, meta — and the engine's own recogniser
 * reads the engine's own templates once a test fills them (the round trip).
 */
import { CampaignResult, runCampaign } from '../../engine';
import { CellValue, SheetGrid, Submission } from '../../forms/grid';
import { PRESETS, getPreset } from '../../presets';
import { RosterEntry } from '../../roster/roster';
import { loadScheme } from '../../scheme/load-scheme';
import { Scheme } from '../../scheme/scheme-schema';
import { MARK, TEMPLATE_VERSION, describeTemplates, templateSubmissionMeta } from '../describe-templates';
import { CellRange, SheetDescription, checkSheetDescription, inRanges, isValidSheetName } from '../sheet-description';

const SATISFACTION = ['满意', '比较满意', '基本满意', '不满意'];

/** The grid a host would read back from a rendered template: values and merges only. */
function toGrid(s: SheetDescription): SheetGrid {
  return { name: s.name, rows: s.cells.map((row) => row.map((c) => c.value as CellValue)), merges: s.merges.map((m) => ({ ...m })) };
}

/** A header as the reader compares it: line breaks and spaces removed (附2 sets 比较⏎满意 on two lines). */
const bare = (v: CellValue) => (typeof v === 'string' ? v.replace(/\s/g, '') : v);

const key = (r: number, c: number) => `${r},${c}`;

function cellsOf(ranges: readonly CellRange[]): Set<string> {
  const out = new Set<string>();
  for (const x of ranges) for (let r = x.r1; r <= x.r2; r++) for (let c = x.c1; c <= x.c2; c++) out.add(key(r, c));
  return out;
}

function listCells(s: SheetDescription): Set<string> {
  return cellsOf(s.validations.filter((v) => v.kind === 'list' && v.values.length === 1 && v.values[0] === '√').map((v) => v.range));
}

/** Row where the most cells equal one of the labels (the tier row of a form). */
function labelRow(g: SheetGrid, labels: string[]): number {
  let best = -1;
  let bestCount = 0;
  g.rows.forEach((row, r) => {
    const n = row.filter((v) => typeof v === 'string' && labels.includes(bare(v) as string)).length;
    if (n > bestCount) [best, bestCount] = [r, n];
  });
  return best;
}

function find(g: SheetGrid, pred: (v: CellValue) => boolean): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  g.rows.forEach((row, r) => row.forEach((v, c) => pred(v) && out.push({ r, c })));
  return out;
}

function set(g: SheetGrid, r: number, c: number, v: CellValue) {
  g.rows[r][c] = v;
}

const P5_ROSTER: RosterEntry[] = [
  { name: '王芳', window: true, unit: '办公室' },
  { name: '李强' },
  { name: '张伟', window: true },
  { name: '丁宁', category: '预备党员' },
  { name: '机关党支部', kind: 'organisation' },
];

describe('P5 民主评议党员 templates (附1, 附2, 附3)', () => {
  const scheme = getPreset('p5-party-members');
  const sheets = describeTemplates(scheme, P5_ROSTER);
  const byForm = (id: string) => sheets.find((s) => s.meta?.formId === id)!;

  it('gives one sheet per form × rater group, each valid, uniquely named, with its meta', () => {
    expect(sheets.map((s) => s.meta?.formId)).toEqual(['branch-review', 'candidate-review', 'window-satisfaction']);
    expect(new Set(sheets.map((s) => s.name)).size).toBe(3);
    for (const s of sheets) {
      expect(checkSheetDescription(s)).toEqual([]);
      expect(isValidSheetName(s.name)).toBe(true);
      expect(s.kind).toBe('template');
      expect(s.meta).toMatchObject({ kind: 'template', version: TEMPLATE_VERSION, schemeId: 'p5-party-members', roundId: 'main' });
      expect(s.meta!.signature).toMatch(/^[0-9a-f]{8}$/);
      expect(s.protection?.password).toBeNull();
    }
    expect(byForm('candidate-review').meta!.groupId).toBe('members');
    expect(byForm('window-satisfaction').meta!.groupId).toBe('service-users');
    expect(byForm('branch-review').meta!.subject).toBe('机关党支部');
  });

  it('附2: item names merged over their four tier columns (two-row header), candidates pre-filled, 是否推荐', () => {
    const s = byForm('candidate-review');
    const g = toGrid(s);
    const L = labelRow(g, SATISFACTION);
    for (const item of scheme.forms[1].itemLabels) {
      const [at] = find(g, (v) => v === item);
      expect(at.r).toBe(L - 1);
      const m = s.merges.find((x) => x.r1 === at.r && x.c1 === at.c)!;
      expect(m).toEqual({ r1: L - 1, c1: at.c, r2: L - 1, c2: at.c + 3 });
      expect(g.rows[L].slice(at.c, at.c + 4).map(bare)).toEqual(SATISFACTION);
    }
    const [nameHeader] = find(g, (v) => bare(v) === '优秀党员候选人姓名');
    expect(s.merges).toContainEqual({ r1: L - 1, c1: nameHeader.c, r2: L, c2: nameHeader.c });
    // Persons only (not the branch), in roster order.
    expect(g.rows.slice(L + 1, L + 5).map((row) => row[nameHeader.c])).toEqual(['王芳', '李强', '张伟', '丁宁']);
    expect(find(g, (v) => v === '是否推荐')).toHaveLength(1);
    const note = find(g, (v) => typeof v === 'string' && v.startsWith('填表说明'));
    expect(note).toHaveLength(1);
    const text = g.rows[note[0].r][note[0].c] as string;
    expect(text).toContain('每项只打一个');
    expect(text).toContain('推荐名额不能多于5名，超过名额则推荐无效');
    expect(s.print.orientation).toBe('landscape');
    expect(s.print.repeatRows).toEqual({ from: L - 1, to: L });
    expect(s.freeze).toEqual({ rows: L + 1, cols: nameHeader.c + 1 });
  });

  it('附2: long headers on two lines as the seed sets them, so its 19 columns print at about 93% on landscape A4, not 72%', () => {
    const s = byForm('candidate-review');
    const g = toGrid(s);
    const L = labelRow(g, SATISFACTION);
    expect(g.rows[L - 1][1]).toBe('优秀党员\n候选人姓名');
    expect(g.rows[L].slice(2, 6)).toEqual(['满意', '比较\n满意', '基本\n满意', '不\n满意']);
    // Widths, a Chinese character 2.15 units: 序号 6, the name 14 (候选人姓名 10.75, bold ×1.1 → 11.83 → 12, + 2), each tier
    // column 7 (比较 4.3 → 4.73 → 5, + 2), 是否推荐 12 (8.6 → 9.46 → 10, + 2): 6 + 14 + 16 × 7 + 12 = 144; on one line
    // the headers made it 191.
    expect(s.columns.map((c) => c.width)).toEqual([6, 14, ...new Array(16).fill(7), 12]);
    // Excel: a column is width × 7 + 5 px, 0.75 pt a px; landscape A4 less 0.5 in margins is 10.69 in = 769.7 pt.
    const points = s.columns.reduce((a, c) => a + (c.width * 7 + 5) * 0.75, 0);
    expect(769.7 / points).toBeGreaterThan(0.93);
    expect(s.print.orientation).toBe('landscape');
  });

  it('附2: √ dropdowns over exactly the mark cells (16 tier columns and 是否推荐 of each candidate row)', () => {
    const s = byForm('candidate-review');
    const g = toGrid(s);
    const L = labelRow(g, SATISFACTION);
    const tierCols = g.rows[L].flatMap((v, c) => (typeof v === 'string' && SATISFACTION.includes(bare(v) as string) ? [c] : []));
    expect(tierCols).toHaveLength(16);
    const recCol = find(g, (v) => v === '是否推荐')[0].c;
    const nameCol = find(g, (v) => bare(v) === '优秀党员候选人姓名')[0].c;
    const dataRows = g.rows.flatMap((row, r) => (['王芳', '李强', '张伟', '丁宁'].includes(row[nameCol] as string) ? [r] : []));
    const expected = new Set(dataRows.flatMap((r) => [...tierCols, recCol].map((c) => key(r, c))));
    expect(listCells(s)).toEqual(expected);
  });

  it('附2: header and name cells locked, every mark cell unlocked, nothing else but 评议时间', () => {
    const s = byForm('candidate-review');
    const g = toGrid(s);
    const unlocked = cellsOf(s.protection!.unlocked);
    for (const k of listCells(s)) expect(unlocked.has(k)).toBe(true);
    const nameCol = find(g, (v) => bare(v) === '优秀党员候选人姓名')[0].c;
    for (const { r } of find(g, (v) => v === '王芳' || v === '丁宁')) expect(inRanges(s.protection!.unlocked, r, nameCol)).toBe(false);
    for (const { r, c } of find(g, (v) => typeof v === 'string' && (SATISFACTION.includes(v) || v.includes('情况') || v.includes('测评人类别'))))
      expect(inRanges(s.protection!.unlocked, r, c)).toBe(false);
    const others = [...unlocked].filter((k) => !listCells(s).has(k)).map((k) => k.split(',').map(Number));
    const date = find(g, (v) => typeof v === 'string' && v.startsWith('评议时间'))[0];
    for (const [r] of others) expect(r).toBe(date.r);
  });

  it('附3: window posts only, each name merged over its four item rows, blank rows allowed', () => {
    const s = byForm('window-satisfaction');
    const g = toGrid(s);
    const nameCol = find(g, (v) => v === '窗口岗位姓名')[0].c;
    const names = find(g, (v) => v === '王芳' || v === '张伟' || v === '李强' || v === '丁宁');
    expect(names.map((n) => g.rows[n.r][n.c])).toEqual(['王芳', '张伟']);
    for (const n of names) {
      expect(n.c).toBe(nameCol);
      expect(s.merges).toContainEqual({ r1: n.r, c1: nameCol, r2: n.r + 3, c2: nameCol });
      const itemCol = find(g, (v) => v === '测评项目')[0].c;
      expect([0, 1, 2, 3].map((k) => g.rows[n.r + k][itemCol])).toEqual(['服务态度', '服务质量', '办事效率', '廉洁公正']);
    }
    const L = labelRow(g, SATISFACTION);
    const tierCols = g.rows[L].flatMap((v, c) => (typeof v === 'string' && SATISFACTION.includes(bare(v) as string) ? [c] : []));
    const expected = new Set(names.flatMap((n) => [0, 1, 2, 3].flatMap((k) => tierCols.map((c) => key(n.r + k, c)))));
    expect(listCells(s)).toEqual(expected);
    const note = find(g, (v) => typeof v === 'string' && v.startsWith('填表说明'))[0];
    expect(g.rows[note.r][note.c]).toContain('可不填写');
    // The comment field: label and answer in one unlocked cell across the table.
    const comment = find(g, (v) => v === '党风廉政建设方面存在问题的反馈（请注明具体岗位）：')[0];
    expect(s.merges).toContainEqual({ r1: comment.r, c1: 0, r2: comment.r, c2: g.rows[0].length - 1 });
    expect(inRanges(s.protection!.unlocked, comment.r, comment.c)).toBe(true);
  });

  it('附1: the branch in the subject field, one row per item, one comment field for the label and its alias', () => {
    const s = byForm('branch-review');
    const g = toGrid(s);
    expect(find(g, (v) => v === '所在支部名称：机关党支部')).toHaveLength(1);
    // Filled by the 党小组组长 for the members, one group: no 测评人类别 (seed 004 附1 prints 所在支部名称, 评议时间).
    expect(find(g, (v) => typeof v === 'string' && v.startsWith('测评人类别'))).toEqual([]);
    const rows = scheme.forms[0].itemLabels.map((item) => find(g, (v) => v === item)[0].r);
    expect(rows).toEqual(rows.map((_, i) => rows[0] + i));
    expect(find(g, (v) => typeof v === 'string' && v.includes('意见或建议'))).toHaveLength(1);
    const L = labelRow(g, SATISFACTION);
    const tierCols = g.rows[L].flatMap((v, c) => (typeof v === 'string' && SATISFACTION.includes(bare(v) as string) ? [c] : []));
    expect(listCells(s)).toEqual(new Set(rows.flatMap((r) => tierCols.map((c) => key(r, c)))));
    expect(s.print.orientation).toBe('portrait');
  });

  describe('round trip: filled copies of the templates are read by runCampaign', () => {
    /** 附2: every item of a candidate at the same level; 附3: 王芳 rated, 张伟 left blank; 附1 all 满意. */
    function filled(): Submission[] {
      const subs: Submission[] = [];
      const levelOf: Record<string, number> = { 王芳: 0, 李强: 1, 张伟: 2, 丁宁: 3 };
      for (let rater = 0; rater < 3; rater++) {
        const s = byForm('candidate-review');
        const g = toGrid(s);
        const L = labelRow(g, SATISFACTION);
        const nameCol = find(g, (v) => bare(v) === '优秀党员候选人姓名')[0].c;
        const recCol = find(g, (v) => v === '是否推荐')[0].c;
        const tierCols = g.rows[L].flatMap((v, c) => (typeof v === 'string' && SATISFACTION.includes(bare(v) as string) ? [c] : []));
        g.rows.forEach((row, r) => {
          const level = levelOf[row[nameCol] as string];
          if (level === undefined || r <= L) return;
          for (let item = 0; item < 4; item++) set(g, r, tierCols[item * 4 + level], MARK);
          if (level <= 1) set(g, r, recCol, MARK);
        });
        subs.push({ file: `candidate-${rater}.xlsx`, sheets: [g], meta: undefined });
      }
      const w = toGrid(byForm('window-satisfaction'));
      const wL = labelRow(w, SATISFACTION);
      const top = find(w, (v) => v === '王芳')[0].r;
      for (let k = 0; k < 4; k++) set(w, top + k, w.rows[wL].indexOf('满意'), MARK);
      subs.push({ file: 'window-1.xlsx', sheets: [w] });
      const b = toGrid(byForm('branch-review'));
      const bL = labelRow(b, SATISFACTION);
      for (const item of scheme.forms[0].itemLabels) set(b, find(b, (v) => v === item)[0].r, b.rows[bL].indexOf('满意'), MARK);
      const comment = find(b, (v) => typeof v === 'string' && v.includes('意见或建议'))[0];
      set(b, comment.r, comment.c, `${b.rows[comment.r][comment.c]}多组织志愿服务`);
      const w2 = find(w, (v) => v === '党风廉政建设方面存在问题的反馈（请注明具体岗位）：')[0];
      set(w, w2.r, w2.c, '党风廉政建设方面存在问题的反馈（请注明具体岗位）：（无）');
      subs.push({ file: 'branch-1.xlsx', sheets: [b] });
      return subs;
    }

    function check(result: CampaignResult) {
      expect(result.read.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(result.read.ballots).toHaveLength(5);
      const votes = (n: string) => result.subjects.find((s) => s.name === n)!.overall.map((l) => l.votes);
      // 附2: 3 ballots × 4 items (王芳 also 4 items of 附3, the branch 5 items of 附1).
      expect(votes('李强')).toEqual([0, 12, 0, 0]);
      expect(votes('张伟')).toEqual([0, 0, 12, 0]);
      expect(votes('丁宁')).toEqual([0, 0, 0, 12]);
      expect(result.subjects.find((s) => s.name === '王芳')!.recommendations).toEqual({ votes: 3, ballots: 3 });
      expect(result.subjects.find((s) => s.name === '丁宁')!.recommendations?.votes).toBe(0);
      const window = result.read.ballots.find((b) => b.formId === 'window-satisfaction')!;
      // 2 window posts × 4 item rows, each row read for its own subject and item, every item row's √
      // counted (found failing while writing these tests; fixed in the reader by commit 7e6e3d2).
      expect(window.entries.map((e) => [result.roster.all[e.subject].name, e.item])).toEqual(
        ['王芳', '张伟'].flatMap((n) => [0, 1, 2, 3].map((i) => [n, i])),
      );
      expect(window.entries.slice(0, 4).every((e) => e.status === 'valid' && e.level === 0)).toBe(true);
      expect(window.entries.slice(4).every((e) => e.status === 'na')).toBe(true);
      expect(votes('王芳')).toEqual([16, 0, 0, 0]);
      expect(votes('机关党支部')).toEqual([5, 0, 0, 0]);
      const branch = result.read.ballots.find((b) => b.formId === 'branch-review')!;
      expect(branch.entries.map((e) => e.item)).toEqual([0, 1, 2, 3, 4]);
      expect(branch.comments).toEqual(['多组织志愿服务']);
      expect(window.comments).toEqual(['（无）']);
    }

    it('by labels alone', () => {
      check(runCampaign({ scheme, roster: P5_ROSTER, submissions: filled(), today: '2026-12-01' }));
    });

    it('with the meta a host kept', () => {
      const subs = filled().map((sub) => {
        const form = sub.file.startsWith('candidate') ? 'candidate-review' : sub.file.startsWith('window') ? 'window-satisfaction' : 'branch-review';
        return { ...sub, meta: templateSubmissionMeta(byForm(form).meta, scheme) ?? undefined };
      });
      expect(subs[0].meta).toEqual({ formId: 'candidate-review', groupId: 'members', roundId: 'main' });
      check(runCampaign({ scheme, roster: P5_ROSTER, submissions: subs, today: '2026-12-01' }));
    });

    it('says whose template a template of another scheme is (no form taken from it)', () => {
      expect(templateSubmissionMeta(byForm('candidate-review').meta, getPreset('p1-double-pledge'))).toEqual({ otherScheme: '方案「民主评议党员（附表1/2/3）」中「优秀党员民主评议推荐表」' });
      // A scheme no preset has (an imported one): not named.
      expect(templateSubmissionMeta({ ...byForm('candidate-review').meta, schemeId: 'our-own' }, scheme)).toEqual({ otherScheme: '' });
      expect(templateSubmissionMeta(undefined, scheme)).toBeNull();
    });
  });
});

describe('a template\'s file is named in full, its sheet cut to 31 characters', () => {
  const branch = '中共某某市某某区某某街道幸福里社区第一党支部委员会';
  const templates = describeTemplates(getPreset('p5-party-members'), [{ name: branch, kind: 'organisation' }, { name: '王芳' }]);

  it('附1 for a 支部 of a long name: sheet 「党支部开展创先争（党员·…第一」, file the form\'s title and the whole name', () => {
    const d = templates.find((t) => t.meta?.formId === 'branch-review')!;
    expect(d.name).toBe('党支部开展创先争（党员·中共某某市某某区某某街道幸福里社区第一');
    expect(d.name).toHaveLength(31);
    expect(d.fileName).toBe(`党支部开展创先争优活动群众评议表（党员·${branch}）`);
  });

  it('a sheet name that is whole gives no file name of its own (the file is named after the sheet)', () => {
    const d = templates.find((t) => t.meta?.formId === 'candidate-review')!;
    expect(d.name).toBe('优秀党员民主评议推荐表（党员）');
    expect(d.fileName).toBeUndefined();
  });

  it('two templates of one full name are told apart, as their sheets are: (2)', () => {
    const two = describeTemplates(getPreset('p5-party-members'), [{ name: branch, kind: 'organisation' }, { name: `${branch} `, kind: 'organisation' }]);
    const files = two.filter((t) => t.meta?.formId === 'branch-review').map((t) => t.fileName);
    expect(files).toHaveLength(2);
    expect(new Set(files).size).toBe(2);
  });
});

describe('P5: who fills each form, its signature and stamp lines, as seed 004 prints them', () => {
  const scheme = getPreset('p5-party-members');
  const sheets = describeTemplates(scheme, P5_ROSTER);
  const byForm = (id: string) => sheets.find((s) => s.meta?.formId === id)!;
  const noteOf = (g: SheetGrid) => g.rows.flat().find((v) => typeof v === 'string' && v.startsWith('填表说明')) as string;
  /** The row of the first cell whose text starts with `prefix`, and whether that row is a whole-width unlocked band. */
  const line = (s: SheetDescription, prefix: string) => {
    const [at] = find(toGrid(s), (v) => typeof v === 'string' && v.startsWith(prefix));
    expect(at).toBeDefined();
    expect(at.c).toBe(0);
    expect(s.merges).toContainEqual({ r1: at.r, c1: 0, r2: at.r, c2: s.columns.length - 1 });
    expect(inRanges(s.protection!.unlocked, at.r, 0)).toBe(true);
    return at.r;
  };

  it('附1: filled by the 党小组组长 "根据多数党员意见", signed 「支部　党小组　组长：」 under the table and its comment, not 无记名', () => {
    const s = byForm('branch-review');
    const g = toGrid(s);
    const note = noteOf(g);
    expect(note).toContain('1、请党小组组长根据多数党员意见在评价等次（满意、比较满意、基本满意、不满意）相应栏目中打“√”');
    expect(note).not.toContain('无记名');
    expect(note).toContain('填写后请填好表末各栏并签名。');
    const sign = line(s, '支部');
    expect((g.rows[sign][0] as string).replace(/\s/g, '')).toBe('支部党小组组长：');
    const lastItem = find(g, (v) => v === '加强党组织和党员队伍建设情况')[0].r;
    const comment = find(g, (v) => typeof v === 'string' && v.startsWith('对开展创先争优活动的意见或建议'))[0].r;
    const noteRow = find(g, (v) => typeof v === 'string' && v.startsWith('填表说明'))[0].r;
    expect(lastItem < comment && comment < sign && sign < noteRow).toBe(true);
  });

  it('附3: filled by a service-user unit, stamped, 「贵单位联系人：　电话：」 at the bottom, feedback 「（请注明具体岗位）」', () => {
    const s = byForm('window-satisfaction');
    const g = toGrid(s);
    const note = noteOf(g);
    expect(note).toContain('1、请服务对象单位在评价等次');
    expect(note).not.toContain('无记名');
    expect(note).toContain('填写后请填好表末各栏并加盖公章。');
    const feedback = find(g, (v) => v === '党风廉政建设方面存在问题的反馈（请注明具体岗位）：')[0].r;
    const stamp = line(s, '填表单位（盖章）：');
    const contact = line(s, '贵单位联系人：');
    expect(g.rows[contact][0]).toMatch(/^贵单位联系人：[\s\u3000]+电话：$/);
    expect(feedback < stamp && stamp < contact).toBe(true);
    // One comment field: the label without the hint is only its other spelling.
    expect(find(g, (v) => typeof v === 'string' && v.startsWith('党风廉政建设方面存在问题的反馈'))).toHaveLength(1);
  });

  it('附2: 「支部名称：」 in the header beside 评议时间, unlocked; an anonymous ballot with no signature line', () => {
    const s = byForm('candidate-review');
    const g = toGrid(s);
    const [field] = find(g, (v) => v === '支部名称：');
    const [date] = find(g, (v) => typeof v === 'string' && v.startsWith('评议时间'));
    expect(field.r).toBe(date.r);
    expect(field.r).toBeLessThan(labelRow(g, SATISFACTION) - 1);
    expect(inRanges(s.protection!.unlocked, field.r, field.c)).toBe(true);
    expect(noteOf(g)).toContain('本表无记名填写。请勿增删行列或修改表头、姓名。');
    const noteRow = find(g, (v) => typeof v === 'string' && v.startsWith('填表说明'))[0].r;
    const lastName = find(g, (v) => v === '丁宁')[0].r;
    expect(noteRow).toBe(lastName + 1);
  });

  it('other presets keep 「本表无记名填写」 on every ballot and have no lines under the table', () => {
    for (const p of PRESETS.filter((x) => x.id !== 'p5-party-members')) {
      for (const s of describeTemplates(getPreset(p.id), [{ name: '王毅' }, { name: '第一党支部', kind: 'organisation' }])) {
        const g = toGrid(s);
        expect(noteOf(g)).toContain('本表无记名填写');
        expect(find(g, (v) => typeof v === 'string' && /组长|盖章|联系人/.test(v))).toEqual([]);
      }
    }
  });

  it('filled in or left blank, the lines under the table are no finding: 支部名称, 组长, 盖章, 联系人, the feedback as the seed labels it', () => {
    const subs: Submission[] = [];
    for (const fill of [true, false]) {
      // Filled in: 满意 on 附1 and 附2, 比较满意 on 附3; left blank: one level lower (no copy repeats another).
      const [level, lower] = fill ? ['满意', '比较满意'] : ['比较满意', '基本满意'];
      const b = toGrid(byForm('branch-review'));
      const bL = labelRow(b, SATISFACTION);
      for (const item of scheme.forms[0].itemLabels) set(b, find(b, (v) => v === item)[0].r, b.rows[bL].map(bare).indexOf(level), MARK);
      const w = toGrid(byForm('window-satisfaction'));
      const wL = labelRow(w, SATISFACTION);
      const top = find(w, (v) => v === '王芳')[0].r;
      for (let k = 0; k < 4; k++) set(w, top + k, w.rows[wL].indexOf(lower), MARK);
      const c = toGrid(byForm('candidate-review'));
      const cL = labelRow(c, SATISFACTION);
      const li = find(c, (v) => v === '李强')[0].r;
      c.rows[cL].forEach((v, col) => bare(v) === level && set(c, li, col, MARK));
      if (fill) {
        const sign = find(b, (v) => typeof v === 'string' && v.startsWith('支部'))[0];
        set(b, sign.r, 0, '支部　机关　党小组　第一　组长：张敏');
        set(w, find(w, (v) => v === '填表单位（盖章）：')[0].r, 0, '填表单位（盖章）：宁波某贸易有限公司');
        set(w, find(w, (v) => typeof v === 'string' && v.startsWith('贵单位联系人'))[0].r, 0, '贵单位联系人：陈晓　电话：0574-87000000');
        set(w, find(w, (v) => typeof v === 'string' && v.startsWith('党风廉政建设'))[0].r, 0, '党风廉政建设方面存在问题的反馈（请注明具体岗位）：无');
        const branch = find(c, (v) => v === '支部名称：')[0];
        set(c, branch.r, branch.c, '支部名称：机关党支部');
      }
      subs.push({ file: `附表1-${fill}.xlsx`, sheets: [b] }, { file: `附表3-${fill}.xlsx`, sheets: [w] }, { file: `附表2-${fill}.xlsx`, sheets: [c] });
    }
    const result = runCampaign({ scheme, roster: P5_ROSTER, submissions: subs, today: '2026-12-01' });
    // Only the candidates left unmarked on 附2 (弃权), and, once, that 附2 (held per 支部) is read over everyone:
    // the roster gives a unit to 王芳 alone.
    expect(result.read.findings.filter((f) => f.code !== 'ABSTENTION').map((f) => [f.code, f.file])).toEqual([['UNIT_NOT_STATED', '附表2-true.xlsx']]);
    expect(result.read.ballots).toHaveLength(6);
    const votes = (n: string) => result.subjects.find((s) => s.name === n)!.overall.map((l) => l.votes);
    expect(votes('机关党支部')).toEqual([5, 5, 0, 0]);
    expect(votes('王芳')).toEqual([0, 4, 4, 0]);
    expect(votes('李强')).toEqual([4, 4, 0, 0]);
    expect(result.read.ballots.filter((b) => b.formId === 'window-satisfaction').map((b) => b.comments)).toEqual([['无'], []]);
  });

  it('feedback under the label without the seed\'s hint is still the comment (VETO_FEEDBACK names its cell)', () => {
    const w = toGrid(byForm('window-satisfaction'));
    const wL = labelRow(w, SATISFACTION);
    const top = find(w, (v) => v === '王芳')[0].r;
    set(w, top, w.rows[wL].indexOf('满意'), MARK);
    const at = find(w, (v) => typeof v === 'string' && v.startsWith('党风廉政建设'))[0];
    set(w, at.r, 0, '党风廉政建设方面存在问题的反馈：签证窗口收受礼品');
    const result = runCampaign({ scheme, roster: P5_ROSTER, submissions: [{ file: 'w.xlsx', sheets: [w] }], today: '2026-12-01' });
    expect(result.read.ballots[0].comments).toEqual(['签证窗口收受礼品']);
    expect(result.read.findings.map((f) => [f.code, f.cell])).toEqual([['VETO_FEEDBACK', `A${at.r + 1}`]]);
  });
});

describe('a signature line of a scheme\'s own, under a table of names (matrix form)', () => {
  const base = getPreset('p3-village-two-rounds');
  const roster = [{ name: '王毅' }, { name: '李娜' }];
  const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
  const withLine = (signatureLines?: string[]): Scheme => ({ ...base, forms: base.forms.map((f) => ({ ...f, ...(signatureLines ? { signatureLines } : {}) })) });

  function run(scheme: Scheme, written: string) {
    const s = describeTemplates(scheme, roster)[0];
    const g = toGrid(s);
    const L = labelRow(g, LEVELS);
    set(g, find(g, (v) => v === '王毅')[0].r, g.rows[L].indexOf('优秀'), MARK);
    const noteRow = find(g, (v) => typeof v === 'string' && v.startsWith('填表说明'))[0].r;
    // Written over the template's line, or (no line of the scheme's) on the row above the 填表说明.
    const r = scheme.forms[0].signatureLines ? find(g, (v) => typeof v === 'string' && v.startsWith('评议小组'))[0].r : noteRow - 1;
    set(g, r, 0, written);
    return runCampaign({ scheme, roster, submissions: [{ file: 'a.xlsx', sheets: [g] }], today: '2026-12-01' });
  }

  it('is passed over filled in, its blanks holding words, and is printed on the template', () => {
    const scheme = withLine(['评议小组　　　　组长：']);
    expect(toGrid(describeTemplates(scheme, roster)[0]).rows.flat()).toContain('评议小组　　　　组长：');
    const result = run(scheme, '评议小组　第三　组长：王五');
    // Only 李娜, left unmarked (弃权).
    expect(result.read.findings.map((f) => f.code)).toEqual(['ABSTENTION']);
    expect(result.read.ballots).toHaveLength(1);
  });

  it('the same words under a form without that line are taken for a name (so the scheme\'s line is what lets them pass)', () => {
    const result = run(withLine(), '评议小组　第三　组长：王五');
    expect(result.read.findings.filter((f) => f.code !== 'ABSTENTION').map((f) => f.code)).not.toEqual([]);
  });
});

describe('计票汇总表 (--counts): 计票人 and 监票人 sign under the table (seed 002 第五篇 二(三)3–4)', () => {
  const scheme = getPreset('p3-village-two-rounds');
  const roster = [{ name: '王毅' }, { name: '李娜' }];
  const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
  const village = describeTemplates(scheme, roster, { counts: true }).find((s) => s.meta?.roundId === 'village')!;

  it('puts the signature lines after the table, before the 填表说明; the header keeps 收回票数, 有效票 and 评议时间', () => {
    const g = toGrid(village);
    const last = find(g, (v) => v === '李娜')[0].r;
    const counter = find(g, (v) => v === '计票人（签名）：')[0];
    const monitor = find(g, (v) => v === '监票人（签名）：')[0];
    const note = find(g, (v) => typeof v === 'string' && v.startsWith('填表说明'))[0];
    expect([counter.r, monitor.r, note.r]).toEqual([last + 1, last + 2, last + 3]);
    expect(inRanges(village.protection!.unlocked, counter.r, 0)).toBe(true);
    const header = labelRow(g, LEVELS);
    const above = g.rows.slice(0, header).flat().filter((v) => typeof v === 'string');
    expect(above.some((v) => (v as string).includes('计票人') || (v as string).includes('监票人'))).toBe(false);
    for (const f of ['收回票数：', '有效票：']) expect(above).toContain(f);
    expect(g.rows[note.r][0]).toContain('计票人、监票人核对无误后在表末签名');
  });

  /** The count template with votes in: 王毅 8 优秀 and 2 称职 of 有效票 10, 李娜 10 称职. */
  function counted(field: '有效票' | '收回票数' = '有效票'): SheetGrid {
    const g = toGrid(village);
    const L = labelRow(g, LEVELS);
    set(g, find(g, (v) => v === '王毅')[0].r, g.rows[L].indexOf('优秀'), 8);
    set(g, find(g, (v) => v === '王毅')[0].r, g.rows[L].indexOf('称职'), 2);
    set(g, find(g, (v) => v === '李娜')[0].r, g.rows[L].indexOf('称职'), 10);
    const at = find(g, (v) => v === `${field}：`)[0];
    set(g, at.r, at.c, `${field}：10`);
    return g;
  }
  const read = (g: SheetGrid) => runCampaign({ scheme, roster, submissions: [{ file: 'c.xlsx', sheets: [g] }], today: '2026-12-01' });
  const expectCounted = (result: CampaignResult) => {
    expect(result.read.findings.map((f) => f.code)).toEqual(['COUNT_SHEET']);
    expect(result.participation.find((p) => p.round === '村评')).toMatchObject({ valid: 10 });
    expect(result.subjects.map((s) => s.overall.map((l) => l.votes))).toEqual([
      [8, 2, 0, 0],
      [0, 10, 0, 0],
    ]);
  };

  it('reads the count with the signature lines signed or left blank', () => {
    expectCounted(read(counted()));
    const g = counted();
    set(g, find(g, (v) => v === '计票人（签名）：')[0].r, 0, '计票人（签名）：张三　李四');
    set(g, find(g, (v) => v === '监票人（签名）：')[0].r, 0, '监票人（签名）：王五　赵六');
    expectCounted(read(g));
  });

  it('with 收回票数 given and 有效票 left blank: the blank field, now just above the header, is no 合计 column', () => {
    expectCounted(read(counted('收回票数')));
  });

  it('still reads a count sheet returned in the old layout, 计票人 and 监票人 as header fields between the others', () => {
    const g = counted();
    const valid = find(g, (v) => v === '有效票：10')[0];
    // The old template's field row: 收回票数 | 有效票 | 评议时间 | 计票人 | 监票人, signed there.
    g.rows.splice(valid.r + 1, 0, ['计票人：张三　李四', null, '监票人：王五　赵六', ...new Array(g.rows[0].length - 3).fill(null)]);
    g.merges = g.merges.map((m) => (m.r1 > valid.r ? { ...m, r1: m.r1 + 1, r2: m.r2 + 1 } : m));
    for (const line of ['计票人（签名）：', '监票人（签名）：']) {
      const at = find(g, (v) => v === line)[0];
      g.rows.splice(at.r, 1);
      g.merges = g.merges.filter((m) => m.r1 !== at.r).map((m) => (m.r1 > at.r ? { ...m, r1: m.r1 - 1, r2: m.r2 - 1 } : m));
    }
    expectCounted(read(g));
  });
});

describe('P3 two rounds: a template per round with 轮次', () => {
  const scheme = getPreset('p3-village-two-rounds');
  const roster = [{ name: '王毅' }, { name: '李娜' }];
  const sheets = describeTemplates(scheme, roster);
  const LEVELS = ['优秀', '称职', '基本称职', '不称职'];

  it('names the round in a header field and in the sheet name', () => {
    expect(sheets.map((s) => s.meta?.roundId)).toEqual(['village', 'town']);
    expect(find(toGrid(sheets[0]), (v) => v === '轮次：村评')).toHaveLength(1);
    expect(find(toGrid(sheets[1]), (v) => v === '轮次：镇评')).toHaveLength(1);
    expect(sheets[0].name).not.toBe(sheets[1].name);
    expect(sheets[0].name).toContain('村评');
  });

  it('round trip: both rounds read, tiers decided from both', () => {
    const subs: Submission[] = [];
    sheets.forEach((s, round) => {
      for (let i = 0; i < 3; i++) {
        const g = toGrid(s);
        const L = labelRow(g, LEVELS);
        set(g, find(g, (v) => v === '王毅')[0].r, g.rows[L].indexOf('优秀'), MARK);
        set(g, find(g, (v) => v === '李娜')[0].r, g.rows[L].indexOf('称职'), MARK);
        subs.push({ file: `r${round}-${i}.xlsx`, sheets: [g] });
      }
    });
    const result = runCampaign({ scheme, roster, submissions: subs, today: '2026-12-01' });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.participation.map((p) => [p.round, p.returned, p.valid])).toEqual([
      ['村评', 3, 3],
      ['镇评', 3, 3],
    ]);
    expect(result.subjects.map((s) => s.tier)).toEqual(['优秀', '称职']);
  });
});

describe('P3 two rounds: the one 综合评价 item says what raters weigh (seed 002 第四篇 四、2)', () => {
  it('the 填表说明 names 德、能、勤、绩、廉, and the form keeps its one item', () => {
    const scheme = getPreset('p3-village-two-rounds');
    for (const s of describeTemplates(scheme, [{ name: '王毅' }])) {
      const note = find(toGrid(s), (v) => typeof v === 'string' && v.startsWith('填表说明'));
      expect(note).toHaveLength(1);
      expect(s.cells[note[0].r][note[0].c].value).toContain('3、“综合评价”请围绕村党组织书记的德、能、勤、绩、廉五个方面');
    }
    expect(scheme.forms.map((f) => f.itemLabels)).toEqual([['综合评价']]);
  });
});

describe('P4 篇二 现场述职专项评分表: who fills each kind, and what a √ is worth (seed 003 篇二 五、(三)3(3))', () => {
  const scheme = getPreset('p4-secretary-appraisal');
  const roster = [{ name: '陈刚' }, { name: '林峰' }];
  const sheets = describeTemplates(scheme, roster);
  const LEVELS = ['好', '较好', '一般', '差'];
  const noteOf = (s: SheetDescription) => s.cells.flat().map((c) => c.value).find((v) => typeof v === 'string' && v.startsWith('填表说明')) as string;

  it('prints the kind with who fills it: a票 场领导班子成员, b票 党委委员、纪委委员, c票 与会的支部书记、党员代表', () => {
    expect(sheets.map((s) => find(toGrid(s), (v) => typeof v === 'string' && v.startsWith('测评人类别')).map((x) => toGrid(s).rows[x.r][x.c]))).toEqual([
      ['测评人类别：a票（场领导班子成员填写）'],
      ['测评人类别：b票（党委委员、纪委委员填写）'],
      ['测评人类别：c票（与会的支部书记、党员代表填写）'],
    ]);
  });

  it('the 填表说明 gives the points and 相加除以3, from the scale and scoring (a clerk\'s 95 for 好 is printed as 95)', () => {
    for (const s of sheets) expect(noteOf(s)).toContain('3、各等次计分：“好”90分、“较好”80分、“一般”70分、“差”60分；三个评价项目分别计分后相加除以3，得出最后得分。');
    const edited = structuredClone(scheme);
    edited.scales[0].levels[0].points = 95;
    expect(noteOf(describeTemplates(loadScheme(edited), roster)[0])).toContain('“好”95分、“较好”80分');
    // Not on a form whose marks are not scored by points.
    expect(noteOf(describeTemplates(getPreset('p3-village-two-rounds'), roster)[0])).not.toContain('计分');
  });

  it('round trip without metadata: each copy counted for the kind its header names, with no finding on the field', () => {
    const subs: Submission[] = sheets.map((s, i) => {
      const g = toGrid(s);
      const L = labelRow(g, LEVELS);
      const row = find(g, (v) => v === '陈刚')[0].r;
      for (let item = 0; item < 3; item++) set(g, row, g.rows[L].indexOf('好') + item * LEVELS.length, MARK);
      return { file: `k${i}.xlsx`, sheets: [g] };
    });
    const result = runCampaign({ scheme, roster, submissions: subs, today: '2026-12-01' });
    expect(result.participation.map((p) => [p.group, p.valid])).toEqual([
      ['a票', 1],
      ['b票', 1],
      ['c票', 1],
    ]);
    expect(result.findings.filter((f) => ['FIELD_READ_AS', 'GROUP_UNKNOWN'].includes(f.code) || f.severity === 'error')).toEqual([]);
    expect(result.subjects.find((x) => x.name === '陈刚')!.scoreText).toBe('90.00');
  });
});

describe('P4 篇六 score templates', () => {
  const scheme = getPreset('p4-middle-managers');
  const roster = [{ name: '王芳', category: '正职' }, { name: '李强', category: '副职' }];
  const sheets = describeTemplates(scheme, roster);

  it('validates the score cells, exactly, as decimals within the form range', () => {
    expect(sheets.map((s) => s.meta?.groupId)).toEqual(['cadre', 'staff']);
    for (const s of sheets) {
      const g = toGrid(s);
      const col = find(g, (v) => v === '测评得分')[0].c;
      const rows = find(g, (v) => v === '王芳' || v === '李强').map((x) => x.r);
      expect(s.validations).toEqual([expect.objectContaining({ kind: 'decimal', min: 0, max: 100, range: { r1: rows[0], c1: col, r2: rows[1], c2: col } })]);
      expect(listCells(s).size).toBe(0);
      expect(find(g, (v) => typeof v === 'string' && v.startsWith('填表说明'))).toHaveLength(1);
    }
  });

  it('round trip: scores read, 干部50% + 员工50%', () => {
    const scores = [
      [90, 80],
      [80, 70],
    ];
    const subs = sheets.map((s, i) => {
      const g = toGrid(s);
      const col = find(g, (v) => v === '测评得分')[0].c;
      set(g, find(g, (v) => v === '王芳')[0].r, col, scores[i][0]);
      set(g, find(g, (v) => v === '李强')[0].r, col, scores[i][1]);
      return { file: `s${i}.xlsx`, sheets: [g] };
    });
    const result = runCampaign({ scheme, roster, submissions: subs, today: '2026-12-01' });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.subjects.map((s) => s.scoreText)).toEqual(['85.00', '75.00']);
  });
});

describe('重名: two people of one name', () => {
  const scheme = getPreset('p4-middle-managers');
  const roster = [{ name: '王伟', unit: '办公室' }, { name: '李强', unit: '办公室' }, { name: '王伟', unit: '财务部' }];
  const sheets = describeTemplates(scheme, roster);

  it('are written with their units, and filled copies read back to each of them without a finding', () => {
    const subs = sheets.map((s, i) => {
      const g = toGrid(s);
      const col = find(g, (v) => v === '测评得分')[0].c;
      expect(find(g, (v) => v === '王伟（办公室）')).toHaveLength(1);
      expect(find(g, (v) => v === '王伟（财务部）')).toHaveLength(1);
      set(g, find(g, (v) => v === '王伟（办公室）')[0].r, col, 90);
      set(g, find(g, (v) => v === '李强')[0].r, col, 80);
      set(g, find(g, (v) => v === '王伟（财务部）')[0].r, col, 70 + i);
      return { file: `s${i}.xlsx`, sheets: [g] };
    });
    const result = runCampaign({ scheme, roster, submissions: subs, today: '2026-12-01' });
    expect(result.read.findings).toEqual([]);
    // 干部 and 员工 at 50% each: 90 and 90, 80 and 80, 70 and 71.
    expect(result.subjects.map((s) => `${s.name}/${s.unit} ${s.scoreText}`)).toEqual(['王伟/办公室 90.00', '李强/办公室 80.00', '王伟/财务部 70.50']);
  });
});

describe('every preset: templates are sound and read back', () => {
  const roster: RosterEntry[] = [
    { name: '王芳', window: true },
    { name: '李强' },
    { name: '张伟', window: true },
    { name: '=1+1' },
    { name: '第一党支部', kind: 'organisation' },
    { name: '第二党支部', kind: 'organisation' },
  ];

  function fillAll(scheme: Scheme, s: SheetDescription): SheetGrid {
    const g = toGrid(s);
    const form = scheme.forms.find((f) => f.id === s.meta!.formId)!;
    const levels = form.response.kind === 'tier' ? scheme.scales.find((x) => x.id === (form.response as { scale: string }).scale)!.levels.length : 0;
    for (const v of s.validations) {
      const { r1, c1, r2, c2 } = v.range;
      for (let r = r1; r <= r2; r++) {
        if (v.kind === 'decimal') for (let c = c1; c <= c2; c++) set(g, r, c, 88.5);
        else if (c2 - c1 + 1 >= levels && levels > 0) for (let c = c1; c <= c2; c += levels) set(g, r, c + (r % levels), MARK);
      }
    }
    return g;
  }

  it.each(PRESETS.map((p) => [p.id]))('%s', (id) => {
    const scheme = getPreset(id);
    const sheets = describeTemplates(scheme, roster);
    expect(sheets.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const s of sheets) {
      expect(checkSheetDescription(s)).toEqual([]);
      expect(names.has(s.name.toLowerCase())).toBe(false);
      names.add(s.name.toLowerCase());
      expect(s.meta?.schemeId).toBe(id);
      // The formula-like name is written as text.
      for (const row of s.cells) for (const c of row) if (c.value === '=1+1') expect(c.formulaSafe).toBe(true);
    }
    // The sheet's name and page numbers on every template, ballots and count sheets alike.
    for (const s of [...sheets, ...describeTemplates(scheme, roster, { counts: true })]) expect(s.print.footer).toBe(`${s.name}　第 &P 页，共 &N 页`);
    const result = runCampaign({ scheme, roster, submissions: sheets.map((s, i) => ({ file: `t${i}.xlsx`, sheets: [fillAll(scheme, s)] })), today: '2026-12-01' });
    expect(result.read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.read.ballots).toHaveLength(sheets.length);
    for (const b of result.read.ballots) {
      expect(b.entries.length).toBeGreaterThan(0);
      expect(b.entries.every((e) => e.status === 'valid')).toBe(true);
    }
  });

  it('p5: a form returned from an older version, with 「测评人类别：党员」 still above its table, reads as before', () => {
    const scheme = getPreset('p5-party-members');
    const sheets = describeTemplates(scheme, roster);
    const old = sheets.map((s) => {
      const g = fillAll(scheme, s);
      expect(g.rows.flat()).not.toContain(`测评人类别：${scheme.raterGroups.find((x) => x.id === s.meta!.groupId)!.name}`);
      // The field as older templates printed it, on a row of its own under the title.
      const field = [`测评人类别：${scheme.raterGroups.find((x) => x.id === s.meta!.groupId)!.name}`, ...new Array<CellValue>(g.rows[0].length - 1).fill(null)];
      const shift = (r: number) => (r >= 1 ? r + 1 : r);
      return { ...g, rows: [g.rows[0], field, ...g.rows.slice(1)], merges: g.merges.map((m) => ({ ...m, r1: shift(m.r1), r2: shift(m.r2) })) };
    });
    const result = runCampaign({ scheme, roster, submissions: old.map((g, i) => ({ file: `old${i}.xlsx`, sheets: [g] })), today: '2026-12-01' });
    expect(result.read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.read.ballots.map((b) => b.groupId)).toEqual(sheets.map((s) => s.meta!.groupId));
    for (const b of result.read.ballots) expect(b.entries.every((e) => e.status === 'valid')).toBe(true);
  });
});

describe('single-subject forms of a tiny inline scheme (plain tier columns; a score)', () => {
  const scheme = loadScheme({
    schemaVersion: 1,
    id: 'tiny',
    name: '支部评议（测试）',
    process: '支部评议',
    description: '',
    seed: 'test',
    subjectKind: 'organisation',
    scales: [{ id: 'pf', name: '合格/不合格', levels: [{ label: '合格' }, { label: '不合格' }] }],
    tiers: ['合格', '不合格'],
    raterGroups: [{ id: 'g', name: '党员代表', weight: 1 }],
    rounds: [{ id: 'y', name: '年度' }],
    forms: [
      { id: 'verdict', title: '支部综合评价表', subjects: 'single', items: 'column-groups', itemLabels: ['综合评价'], response: { kind: 'tier', scale: 'pf' }, subjectLabels: ['支部名称'] },
      // One item: the reader does not yet read a single-subject score form with several items (reported).
      { id: 'marks', title: '支部工作评分表', subjects: 'single', items: 'column-groups', itemLabels: ['工作实绩'], response: { kind: 'score', min: 0, max: 10 }, subjectLabels: ['支部名称'] },
    ],
    scoring: { method: 'score', items: 'mean', places: 1 },
    classification: { rules: [], otherwise: { kind: 'tier', tier: '合格' } },
    ranking: { by: 'score' },
    vetoes: [],
    quotas: [],
    designations: [],
    consequences: [],
    counting: { abstentionsInDenominator: false, invalidInDenominator: false, extraMarks: [], duplicates: 'count' },
  });
  const roster: RosterEntry[] = [
    { name: '第一支部', kind: 'organisation' },
    { name: '第二支部', kind: 'organisation' },
  ];
  const sheets = describeTemplates(scheme, roster);

  it('gives one sheet per subject with the subject field pre-filled', () => {
    expect(sheets.map((s) => [s.meta?.formId, s.meta?.subject])).toEqual([
      ['verdict', '第一支部'],
      ['verdict', '第二支部'],
      ['marks', '第一支部'],
      ['marks', '第二支部'],
    ]);
    expect(find(toGrid(sheets[1]), (v) => v === '支部名称：第二支部')).toHaveLength(1);
    for (const s of sheets) expect(checkSheetDescription(s)).toEqual([]);
  });

  it('round trip: each sheet counted for its own subject', () => {
    const subs = sheets.map((s, i) => {
      const g = toGrid(s);
      const v = s.validations[0];
      if (v.kind === 'list') set(g, v.range.r1, v.range.c1 + (i % 2), MARK);
      else for (let c = v.range.c1; c <= v.range.c2; c++) set(g, v.range.r1, c, i === 2 ? 8 : 6);
      return { file: `t${i}.xlsx`, sheets: [g] };
    });
    const result = runCampaign({ scheme, roster, submissions: subs, today: '2026-12-01' });
    expect(result.read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.subjects.map((s) => [s.name, s.overall.map((l) => l.votes), s.scoreText])).toEqual([
      ['第一支部', [1, 0], '8.0'],
      ['第二支部', [0, 1], '6.0'],
    ]);
  });
});

describe('without a roster', () => {
  it('leaves blank, unlocked name rows and an unlocked subject field', () => {
    const scheme = getPreset('p5-party-members');
    const sheets = describeTemplates(scheme, [], { blankSubjects: 3 });
    const candidates = sheets.find((s) => s.meta?.formId === 'candidate-review')!;
    const g = toGrid(candidates);
    const nameCol = find(g, (v) => bare(v) === '优秀党员候选人姓名')[0].c;
    const marks = [...listCells(candidates)].map((k) => Number(k.split(',')[0]));
    const dataRows = [...new Set(marks)];
    expect(dataRows).toHaveLength(3);
    for (const r of dataRows) {
      expect(g.rows[r][nameCol]).toBeNull();
      expect(inRanges(candidates.protection!.unlocked, r, nameCol)).toBe(true);
    }
    const branch = sheets.find((s) => s.meta?.formId === 'branch-review')!;
    const field = find(toGrid(branch), (v) => v === '所在支部名称：')[0];
    expect(inRanges(branch.protection!.unlocked, field.r, field.c)).toBe(true);
    expect(branch.meta!.subject).toBeUndefined();
  });
});

describe('printing: which form a loose page belongs to, and where pages end', () => {
  const names = (n: number, window = false) => Array.from({ length: n }, (_, i) => ({ name: `测试${String.fromCharCode(0x4e00 + i)}`, window }));

  it('p3: the 村评 and 镇评 ballots name their group and round on every page (their page 2 were alike)', () => {
    const sheets = describeTemplates(getPreset('p3-village-two-rounds'), names(120));
    const footers = sheets.map((s) => s.print.footer);
    expect(footers).toEqual(sheets.map((s) => `${s.name}　第 &P 页，共 &N 页`));
    expect(new Set(footers).size).toBe(sheets.length);
    expect(footers.some((f) => f!.includes('村评'))).toBe(true);
    expect(footers.some((f) => f!.includes('镇评'))).toBe(true);
  });

  it('p5 附表3 of 30 window posts: every page ends after a whole block of 4 item rows', () => {
    for (const counts of [false, true]) {
      const t = describeTemplates(getPreset('p5-party-members'), names(30, true), { counts }).find((d) => d.meta?.formId === 'window-satisfaction')!;
      expect(checkSheetDescription(t)).toEqual([]);
      expect(t.rowBreaks!.length).toBeGreaterThan(0);
      for (const r of t.rowBreaks!) {
        // The row after a break starts a block: its 序号 and name are there (not a covered cell of a merge).
        expect(typeof t.cells[r + 1][0].value).toBe('number');
        expect(t.cells[r + 1][1].value).toMatch(/^测试/);
      }
    }
  });

  it('a 计票汇总表 of 38: the 计票人 and 监票人 lines print with the last 3 rows, not under a bare header', () => {
    const t = describeTemplates(getPreset('p1-double-pledge'), names(38), { counts: true }).find((d) => d.name.includes('服务对象代表'))!;
    const signer = t.cells.findIndex((row) => row[0].value === '计票人（签名）：');
    const lastRow = signer - 1;
    expect(t.cells[lastRow][0].value).toBe(38);
    expect(t.rowBreaks).toHaveLength(1);
    // The page before the signatures ends at least 3 rows above them.
    expect(t.rowBreaks![0]).toBeLessThanOrEqual(lastRow - 3);
    expect(t.rowBreaks![0]).toBeGreaterThan(lastRow - 10);
  });

  it('a ballot of 20 fits one page: no manual break', () => {
    const t = describeTemplates(getPreset('p1-double-pledge'), names(20)).find((d) => d.name.includes('服务对象代表'))!;
    expect(t.rowBreaks).toBeUndefined();
  });
});
