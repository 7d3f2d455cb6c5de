/**
 * Forms held per unit (scheme forms[].perUnit): 村述村评 is held in each village, each village rating its own
 * secretary (seed 002 第四篇 五、1 「在村里召开述评会…参会人员对村党组织书记进行评议」), while 村述镇评 rates them
 * all. One 村评 template per village lists that village's secretary only, the village in its header and record;
 * a returned ballot counts for its own village's people only. Every figure below is worked by hand.
 */
import { runCampaign } from '../../src/core/engine';
import { CellValue, SheetGrid, Submission } from '../../src/core/forms/grid';
import { describePublication } from '../../src/core/output/describe-publication';
import { describeResultWorkbook } from '../../src/core/output/describe-workbooks';
import { readHistory } from '../../src/hosts/files/read-history';
import { readWorkbook } from '../../src/hosts/files/read-workbook';
import { writeWorkbook } from '../../src/hosts/files/write-workbook';
import { describeStatistics } from '../../src/core/output/describe-statistics';
import { pageEnds } from '../../src/core/output/page-breaks';
import { describeTemplates, perUnitNotSplit, templateSubmissionMeta } from '../../src/core/output/describe-templates';
import { SheetDescription } from '../../src/core/output/sheet-description';
import { getPreset } from '../../src/core/presets';
import { RosterEntry, buildRoster } from '../../src/core/roster/roster';
import { SchemeError, loadScheme } from '../../src/core/scheme/load-scheme';
import { Scheme } from '../../src/core/scheme/scheme-schema';

const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const SECRETARIES = ['王毅', '李娜', '张伟', '刘洋', '陈刚', '杨帆', '赵敏', '黄磊', '周杰', '吴芳', '徐静', '孙磊', '马超', '朱丽', '胡斌', '郭静'];
const VILLAGES = ['张庄村', '李庄村', '吴芳村', '东山村', '西山村', '南岭村', '北岭村', '河口村', '桥头村', '石门村', '青龙村', '白马村', '柳树村', '杏花村', '枣园村', '桃园村'];
const ROSTER: RosterEntry[] = SECRETARIES.map((name, i) => ({ name, unit: VILLAGES[i] }));

/** p3 with 村评 held per village (as the preset is meant to be; set here so the test does not lean on the preset). */
function villageScheme(abstentionsInDenominator = false): Scheme {
  const s = getPreset('p3-village-two-rounds');
  s.forms = s.forms.map((f) => ({ ...f, perUnit: { label: '所在村', rounds: ['village'] } }));
  s.counting = { ...s.counting, abstentionsInDenominator };
  return loadScheme(s);
}

/** The grid a host reads back from a rendered template, with the record it keeps (templateSubmissionMeta). */
function returned(t: SheetDescription, scheme: Scheme, keepMeta = true): SheetGrid {
  const grid: SheetGrid = { name: t.name, rows: t.cells.map((row) => row.map((c) => c.value as CellValue)), merges: t.merges.map((m) => ({ ...m })) };
  const meta = keepMeta ? templateSubmissionMeta(t.meta, scheme) : null;
  return meta ? { ...grid, meta } : grid;
}

/** A √ in the level's column on the named person's row (the header row is the one holding 优秀). */
function tick(g: SheetGrid, name: string, level: number): SheetGrid {
  const header = g.rows.findIndex((row) => row.includes('优秀'));
  const col = g.rows[header].indexOf(LEVELS[level]);
  const r = g.rows.findIndex((row, i) => i > header && row[1] === name);
  if (r < 0) throw new Error(`${name} not on ${g.name}`);
  g.rows[r][col] = '√';
  return g;
}

/** A row added under the last name (a rater writing in someone not listed), ticked. */
function addRow(g: SheetGrid, name: string, level: number): SheetGrid {
  const header = g.rows.findIndex((row) => row.includes('优秀'));
  let last = header + 1;
  while (typeof g.rows[last + 1]?.[1] === 'string' && SECRETARIES.includes(g.rows[last + 1][1] as string)) last++;
  const row: CellValue[] = g.rows[header].map(() => null);
  row[1] = name;
  row[g.rows[header].indexOf(LEVELS[level])] = '√';
  return insertRow(g, last + 1, row);
}

/** A row inserted at `at`, the merged cells below it moved down with their rows (as Excel's 插入行 does). */
function insertRow(g: SheetGrid, at: number, row: CellValue[]): SheetGrid {
  g.rows.splice(at, 0, row);
  g.merges = g.merges.map((m) => (m.r1 >= at ? { ...m, r1: m.r1 + 1, r2: m.r2 + 1 } : m));
  return g;
}

const copy = (g: SheetGrid): SheetGrid => ({ ...g, rows: g.rows.map((r) => [...r]) });
const files = (sheets: SheetGrid[], prefix: string): Submission[] => sheets.map((s, i) => ({ file: `${prefix}-${i + 1}.xlsx`, sheets: [s] }));

/** 16 villages × 10 村评 ballots (8 优秀, 2 称职 for the village's own secretary), 20 镇评 ballots (16 优秀 for all, 4 称职). */
function campaign(scheme: Scheme, change: (village: number, ballot: number, g: SheetGrid) => SheetGrid = (_v, _b, g) => g) {
  const templates = describeTemplates(scheme, ROSTER);
  const village = templates.filter((t) => t.meta?.roundId === 'village');
  const town = templates.find((t) => t.meta?.roundId === 'town')!;
  const submissions: Submission[] = [];
  village.forEach((t, v) => {
    const own = SECRETARIES[VILLAGES.indexOf(t.meta!.unit)];
    const sheets = Array.from({ length: 10 }, (_, b) => change(v, b, tick(returned(t, scheme), own, b < 8 ? 0 : 1)));
    submissions.push(...files(sheets, `村评-${t.meta!.unit}`));
  });
  const townSheets = Array.from({ length: 20 }, (_, b) => {
    const g = returned(town, scheme);
    for (const name of SECRETARIES) tick(g, name, b < 16 ? 0 : 1);
    return g;
  });
  submissions.push(...files(townSheets, '镇评'));
  return runCampaign({ scheme, roster: ROSTER, submissions, today: '2026-12-01' });
}

const person = (name: string) => SECRETARIES.indexOf(name);
const villageCell = (r: ReturnType<typeof campaign>, name: string) => r.tally.cell(person(name), 'secretary-appraisal', 'village', 'participants', 0);
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('templates of a form held per unit', () => {
  const scheme = villageScheme();
  const templates = describeTemplates(scheme, ROSTER);

  it('writes one 村评 sheet per village with its secretary only, the village in the header and the record; 镇评 lists all', () => {
    const village = templates.filter((t) => t.meta?.roundId === 'village');
    expect(village.map((t) => t.meta?.unit)).toEqual(VILLAGES);
    const wu = village[2];
    const names = wu.cells.flat().map((c) => c.value);
    expect(names).toContain('所在村：吴芳村');
    expect(names).toContain('张伟');
    for (const other of SECRETARIES.filter((n) => n !== '张伟')) expect(names).not.toContain(other);
    // The village first in the sheet's (and so the file's) name: the clerk hands them out village by village.
    expect(wu.name).toContain('吴芳村');
    const town = templates.filter((t) => t.meta?.roundId === 'town');
    expect(town).toHaveLength(1);
    expect(town[0].meta?.unit).toBeUndefined();
    for (const n of SECRETARIES) expect(town[0].cells.flat().map((c) => c.value)).toContain(n);
    expect(new Set(templates.map((t) => t.name)).size).toBe(templates.length);
  });

  it('splits the 计票汇总表 by village too', () => {
    const counts = describeTemplates(scheme, ROSTER, { counts: true }).filter((t) => t.meta?.roundId === 'village');
    expect(counts).toHaveLength(16);
    expect(counts[0].cells.flat().map((c) => c.value)).toContain('所在村：张庄村');
  });

  it('writes the whole list with a blank unit field, and says why, when someone has no unit', () => {
    const roster = [...ROSTER.slice(0, 2), { name: '新书记' }];
    const village = describeTemplates(scheme, roster).filter((t) => t.meta?.roundId === 'village');
    expect(village).toHaveLength(1);
    expect(village[0].meta?.unit).toBeUndefined();
    expect(village[0].cells.flat().map((c) => c.value)).toEqual(expect.arrayContaining(['所在村：', '王毅', '李娜', '新书记']));
    expect(perUnitNotSplit(scheme, roster)).toEqual([expect.stringContaining('名册中 新书记没有填写单位')]);
    expect(perUnitNotSplit(scheme, ROSTER)).toEqual([]);
  });
});

describe('reading ballots of a form held per unit: 16 villages × 10 村评 ballots, 20 镇评 ballots', () => {
  it('with 弃权 in the denominator, a secretary\'s 村评 share is over his own village\'s 10 ballots: 8/10, not 8/160', () => {
    const r = campaign(villageScheme(true));
    // Each village's ballots hold its secretary only: 8 优秀 + 2 称职, nobody else's abstentions.
    for (const name of SECRETARIES) expect(villageCell(r, name)).toMatchObject({ levels: [8, 2, 0, 0], abstain: 0, invalid: 0 });
    // 村评 8/10 = 80% ≥ 70% and 镇评 16/20 = 80% ≥ 70%: 优秀 for all 16.
    for (const s of r.subjects) {
      expect(s.tier).toBe('优秀');
      expect(s.reasons.join('')).toContain('8/10');
      expect(s.reasons.join('')).not.toContain('8/160');
    }
    expect(r.participation.find((p) => p.round === '村评')).toMatchObject({ returned: 160, valid: 160 });
  });

  it('raises no 弃权 warning for the other villages\' people, nor any error', () => {
    const r = campaign(villageScheme());
    expect(codes(r)).not.toContain('ABSTENTION');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('takes a village\'s ballots of its one secretary that agree for what they are, not for repeats: none dropped, none warned', () => {
    const scheme = villageScheme();
    scheme.counting = { ...scheme.counting, duplicates: 'exclude' };
    const r = campaign(scheme);
    // The 8 优秀 ballots of a village are alike by nature (one entry each): all 10 count, 8/10 as above.
    for (const name of SECRETARIES) expect(villageCell(r, name).levels).toEqual([8, 2, 0, 0]);
    // The 镇评 ballots (16 entries each) are still compared: 16 alike and 4 alike, two groups, the repeats not counted.
    expect(r.findings.filter((f) => f.code === 'DUPLICATE_BALLOT').map((f) => f.file)).toEqual(['镇评-2.xlsx', '镇评-18.xlsx']);
    expect(r.tally.cell(0, 'secretary-appraisal', 'town', 'participants', 0).levels).toEqual([1, 1, 0, 0]);
  });

  it('does not count a tick for another village\'s secretary, and names the cell (吴芳村\'s 10 ballots tick 不称职 for 王毅)', () => {
    const wu = VILLAGES.indexOf('吴芳村');
    const r = campaign(villageScheme(true), (v, _b, g) => (v === wu ? addRow(g, '王毅', 3) : g));
    // 王毅 (张庄村) keeps his own village's 8 优秀 + 2 称职 = 8/10: still 优秀; 吴芳村's ticks are not his 村评.
    expect(villageCell(r, '王毅')).toMatchObject({ levels: [8, 2, 0, 0], abstain: 0 });
    expect(r.subjects[person('王毅')].tier).toBe('优秀');
    const wrong = r.findings.filter((f) => f.code === 'SUBJECT_OF_OTHER_UNIT');
    expect(wrong).toHaveLength(10);
    expect(wrong[0]).toMatchObject({ severity: 'error', sheet: expect.stringContaining('吴芳村'), cell: 'B7', subject: '王毅' });
    expect(wrong[0].message).toBe('「王毅」是「张庄村」的，本表是「吴芳村」的村党组织书记“双述双评”测评表，只评本村人员，此行的评价未计入');
    // 张伟, 吴芳村's own secretary, is counted as on every other village's ballots.
    expect(villageCell(r, '张伟')).toMatchObject({ levels: [8, 2, 0, 0] });
  });
});

describe('which unit a returned ballot is for', () => {
  const scheme = villageScheme(true);
  const templates = describeTemplates(scheme, ROSTER);
  const wuTemplate = templates.find((t) => t.meta?.unit === '吴芳村')!;
  const run = (sheets: SheetGrid[]) => runCampaign({ scheme, roster: ROSTER, submissions: files(sheets, 'b'), today: '2026-12-01' });

  it('without the record, from the 所在村 field', () => {
    const r = run([tick(returned(wuTemplate, scheme, false), '张伟', 0)]);
    expect(villageCell(r, '张伟')).toMatchObject({ levels: [1, 0, 0, 0], abstain: 0 });
    expect(codes(r.read)).not.toContain('UNIT_NOT_STATED');
  });

  it('a field naming no village of the roster: reported at the field, the ballot not counted', () => {
    const g = tick(returned(wuTemplate, scheme, false), '张伟', 0);
    g.rows = g.rows.map((row) => row.map((v) => (v === '所在村：吴芳村' ? '所在村：五方村' : v)));
    const r = run([g]);
    const unknown = r.read.findings.find((f) => f.code === 'UNIT_UNKNOWN')!;
    expect(unknown.severity).toBe('error');
    expect(unknown.message).toContain('「五方村」，名册中没有这个村');
    expect(villageCell(r, '张伟').levels).toEqual([0, 0, 0, 0]);
    expect(r.read.uncounted).toEqual([expect.objectContaining({ reason: 'unreadable', roundId: 'village' })]);
  });

  it('a field giving a short form of one village: read as it, and said', () => {
    const g = tick(returned(wuTemplate, scheme, false), '张伟', 0);
    g.rows = g.rows.map((row) => row.map((v) => (v === '所在村：吴芳村' ? '所在村：吴芳' : v)));
    const r = run([g]);
    expect(villageCell(r, '张伟').levels).toEqual([1, 0, 0, 0]);
    expect(r.read.findings.find((f) => f.code === 'UNIT_READ_AS')?.message).toBe('「所在村」栏中的「吴芳」按名册中的「吴芳村」计，请核实');
  });

  it('no record, no field: a title naming one village decides, and is said', () => {
    const g: SheetGrid = {
      name: 'Sheet1',
      merges: [],
      rows: [['吴芳村党组织书记“双述双评”测评表'], ['测评人类别：参会人员', null, '轮次：村评'], ['序号', '姓名', ...LEVELS], [1, '张伟', '√', null, null, null], [2, '王毅', '√', null, null, null]],
    };
    const r = run([g]);
    expect(r.read.findings.find((f) => f.code === 'UNIT_FROM_TITLE')?.message).toContain('计为「吴芳村」的票');
    expect(villageCell(r, '张伟').levels).toEqual([1, 0, 0, 0]);
    expect(villageCell(r, '王毅').levels).toEqual([0, 0, 0, 0]);
    expect(r.read.findings.find((f) => f.code === 'SUBJECT_OF_OTHER_UNIT')?.cell).toBe('B5');
  });

  it('a ballot of the old whole-roster template (no unit anywhere) is read as before, with a warning', () => {
    const old: SheetGrid = {
      name: 'Sheet1',
      merges: [],
      rows: [['村党组织书记“双述双评”测评表'], ['测评人类别：参会人员', null, '轮次：村评'], ['序号', '姓名', ...LEVELS], ...SECRETARIES.map((n, i) => [i + 1, n, i < 2 ? '√' : null, null, null, null])],
    };
    const r = run([old]);
    // As before: 王毅 and 李娜 one 优秀 each, the 14 blank rows abstentions (弃权 in the denominator here).
    expect(villageCell(r, '王毅')).toMatchObject({ levels: [1, 0, 0, 0], abstain: 0 });
    expect(villageCell(r, '郭静')).toMatchObject({ levels: [0, 0, 0, 0], abstain: 1 });
    const warned = r.read.findings.filter((f) => f.code === 'UNIT_NOT_STATED');
    expect(warned).toHaveLength(1);
    expect(warned[0].severity).toBe('warning');
    expect(warned[0].message).toContain('按名册全部人员读取');
  });

  it('UNIT_NOT_STATED counts the sheets counted: not a blank copy dropped beside a filled one (BLANK_COPY)', () => {
    const oldForm = (ticked: boolean): SheetGrid => ({
      name: ticked ? '测评表' : '测评表 (2)',
      merges: [],
      rows: [['村党组织书记“双述双评”测评表'], ['测评人类别：参会人员', null, '轮次：村评'], ['序号', '姓名', ...LEVELS], ...SECRETARIES.map((n, i) => [i + 1, n, ticked && i === 0 ? '√' : null, null, null, null])],
    });
    // File 1: a filled old form and its blank copy (not a ballot: BLANK_COPY); file 2: a filled old form. 2 counted.
    const r = runCampaign({
      scheme,
      roster: ROSTER,
      submissions: [
        { file: 'b-1.xlsx', sheets: [oldForm(true), oldForm(false)] },
        { file: 'b-2.xlsx', sheets: [oldForm(true)] },
      ],
      today: '2026-12-01',
    });
    expect(r.read.findings.filter((f) => f.code === 'BLANK_COPY').map((f) => f.sheet)).toEqual(['测评表 (2)']);
    expect(r.participation.find((p) => p.round === '村评')).toMatchObject({ returned: 2, valid: 2 });
    const warned = r.read.findings.filter((f) => f.code === 'UNIT_NOT_STATED');
    expect(warned.map((f) => [f.file, f.sheet, f.message])).toEqual([
      [
        'b-1.xlsx',
        '测评表',
        '「村党组织书记“双述双评”测评表」村评按村分别评议、只评本村人员，但2 张表（本表及其他文件）没有写明所在村（可能是按旧模板填写的全体人员表），按名册全部人员读取，其他村的人在表上留空的按弃权计；如是某一村的表，请在表头填写「所在村：…」后重新校验',
      ],
    ]);
    // 王毅 ticked 优秀 on the two counted ballots: 2 votes (the blank copy adds no 弃权 either).
    expect(villageCell(r, '王毅')).toMatchObject({ levels: [2, 0, 0, 0], abstain: 0 });
  });

  it('a 镇评 ballot (not held per village) lists and counts everyone, with no unit asked for', () => {
    const town = templates.find((t) => t.meta?.roundId === 'town')!;
    const g = returned(town, scheme, false);
    for (const n of SECRETARIES) tick(g, n, 0);
    const r = run([g]);
    for (const n of SECRETARIES) expect(r.tally.cell(person(n), 'secretary-appraisal', 'town', 'participants', 0).levels).toEqual([1, 0, 0, 0]);
    expect(codes(r.read).filter((c) => c.startsWith('UNIT_'))).toEqual([]);
  });

  it('a whole-roster form with the village filled in: others\' blank rows are no abstentions, said once', () => {
    const old: SheetGrid = {
      name: 'Sheet1',
      merges: [],
      rows: [['村党组织书记“双述双评”测评表'], ['测评人类别：参会人员', '所在村：吴芳村', '轮次：村评'], ['序号', '姓名', ...LEVELS], ...SECRETARIES.map((n, i) => [i + 1, n, n === '张伟' ? '√' : null, null, null, null])],
    };
    const r = run([old]);
    expect(villageCell(r, '张伟')).toMatchObject({ levels: [1, 0, 0, 0], abstain: 0 });
    expect(villageCell(r, '王毅')).toMatchObject({ levels: [0, 0, 0, 0], abstain: 0 });
    expect(codes(r.read)).not.toContain('ABSTENTION');
    expect(r.read.findings.filter((f) => f.code === 'OTHER_UNIT_ROWS').map((f) => f.message)).toEqual(['本表是「吴芳村」的，表中另列有其他单位的 15 人（整行空白），不属本表评议范围，未计为弃权']);
  });

  it('a village\'s 计票汇总表: a row for another village\'s secretary is an error and not counted', () => {
    const sheet = describeTemplates(scheme, ROSTER, { counts: true }).find((t) => t.meta?.unit === '吴芳村')!;
    const g = returned(sheet, scheme);
    g.rows = g.rows.map((row) => row.map((v) => (v === '有效票：' ? '有效票：10' : v)));
    const header = g.rows.findIndex((row) => row.includes('优秀'));
    g.rows[header + 1].splice(2, 4, 7, 3, 0, 0);
    insertRow(g, header + 2, [2, '王毅', 0, 0, 0, 10]);
    const r = run([g]);
    expect(villageCell(r, '张伟')).toMatchObject({ levels: [7, 3, 0, 0], abstain: 0 });
    expect(villageCell(r, '王毅').levels).toEqual([0, 0, 0, 0]);
    expect(r.read.findings.find((f) => f.code === 'SUBJECT_OF_OTHER_UNIT')?.message).toContain('此行的票数未计入');
  });

  it('two namesakes in two villages: the village\'s ballot tells which one it rates', () => {
    const roster: RosterEntry[] = [{ name: '王伟', unit: '张庄村' }, { name: '王伟', unit: '李庄村' }];
    const [first, second] = describeTemplates(scheme, roster).filter((t) => t.meta?.roundId === 'village');
    const g = returned(second, scheme);
    const header = g.rows.findIndex((row) => row.includes('优秀'));
    g.rows[header + 1][2] = '√';
    const r = runCampaign({ scheme, roster, submissions: files([g], 'b'), today: '2026-12-01' });
    expect(first.meta?.unit).toBe('张庄村');
    expect(r.tally.cell(1, 'secretary-appraisal', 'village', 'participants', 0).levels).toEqual([1, 0, 0, 0]);
    expect(r.tally.cell(0, 'secretary-appraisal', 'village', 'participants', 0).levels).toEqual([0, 0, 0, 0]);
    expect(r.read.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the scheme setting', () => {
  const withPerUnit = (perUnit: unknown, subjects?: 'single') => {
    const s = getPreset('p3-village-two-rounds') as unknown as { forms: Record<string, unknown>[] };
    s.forms[0] = { ...s.forms[0], perUnit, ...(subjects ? { subjects, items: 'rows' } : {}) };
    return () => loadScheme(s);
  };
  it('takes a label and the rounds held per unit', () => {
    expect(withPerUnit({ label: '所在村', rounds: ['village'] })().forms[0].perUnit).toEqual({ label: '所在村', rounds: ['village'] });
  });
  it('refuses a label the reader could not find again, a round the form does not have, and a one-subject form', () => {
    expect(withPerUnit({ label: '村' })).toThrow(SchemeError);
    expect(withPerUnit({ label: '村' })).toThrow(/2～12 个字/);
    expect(withPerUnit({ label: '所在村', rounds: ['county'] })).toThrow(/本表没有轮次「county」/);
    expect(withPerUnit({ label: '所在村' }, 'single')).toThrow(/只评一个对象的表不必按单位分表/);
    expect(withPerUnit({ label: '所在村', extra: 1 })).toThrow(SchemeError);
  });
});

describe('the presets hold these meetings per unit, as their seeds say', () => {
  const members: RosterEntry[] = [
    { name: '王芳', unit: '机关第一党支部' },
    { name: '李强', unit: '机关第一党支部' },
    { name: '张伟', unit: '机关第二党支部' },
  ];

  it('p1 述诺测评 (seed 000 二(五) 以支部为单位): a form per 支部 × 测评人类别, 所在支部 filled in', () => {
    const scheme = getPreset('p1-double-pledge');
    const forms = describeTemplates(scheme, members).filter((t) => t.meta?.formId === 'pledge-appraisal');
    expect(forms.map((t) => [t.meta?.unit, t.meta?.groupId])).toEqual([
      ['机关第一党支部', 'service'],
      ['机关第二党支部', 'service'],
      ['机关第一党支部', 'leader'],
      ['机关第二党支部', 'leader'],
    ]);
    const first = forms[0].cells.flat().map((c) => c.value);
    expect(first).toEqual(expect.arrayContaining(['所在支部：机关第一党支部', '王芳', '李强']));
    expect(first).not.toContain('张伟');
    // 第二支部's form with 王芳 written in and ticked: not counted for her, an error at the cell.
    const g = addRow(tick(returned(forms[1], scheme), '张伟', 0), '王芳', 0);
    const r = runCampaign({ scheme, roster: members, submissions: files([g], 'b'), today: '2026-12-01' });
    expect(r.tally.cell(0, 'pledge-appraisal', 'main', 'service', 0).levels).toEqual([0, 0, 0, 0]);
    expect(r.tally.cell(2, 'pledge-appraisal', 'main', 'service', 0).levels).toEqual([1, 0, 0, 0]);
    expect(r.read.findings.filter((f) => f.code === 'SUBJECT_OF_OTHER_UNIT').map((f) => f.message)).toEqual([
      '「王芳」是「机关第一党支部」的，本表是「机关第二党支部」的党员述诺测评表，只评本支部人员，此行的评价未计入',
    ]);
  });

  it('p5 附表2 (seed 004 四、2 在本支部范围内): a form per 支部, its own 支部名称 field filled in, not asked twice', () => {
    const scheme = getPreset('p5-party-members');
    const forms = describeTemplates(scheme, members).filter((t) => t.meta?.formId === 'candidate-review');
    expect(forms.map((t) => t.meta?.unit)).toEqual(['机关第一党支部', '机关第二党支部']);
    const texts = forms[1].cells.flat().map((c) => c.value);
    expect(texts.filter((v) => typeof v === 'string' && v.startsWith('支部名称'))).toEqual(['支部名称：机关第二党支部']);
  });

  it('a roster giving some a unit and others none: read over everyone, said once (the templates were not split either)', () => {
    const scheme = getPreset('p1-double-pledge');
    const partial: RosterEntry[] = [...members, { name: '刘洋' }];
    const [form] = describeTemplates(scheme, partial).filter((t) => t.meta?.formId === 'pledge-appraisal');
    const sheets = [0, 1].map(() => tick(tick(returned(form, scheme), '王芳', 0), '张伟', 1));
    sheets[1] = tick(sheets[1], '刘洋', 2);
    const r = runCampaign({ scheme, roster: partial, submissions: files(sheets, 'b'), today: '2026-12-01' });
    expect(r.tally.cell(2, 'pledge-appraisal', 'main', 'service', 0).levels).toEqual([0, 2, 0, 0]);
    expect(r.tally.cell(3, 'pledge-appraisal', 'main', 'service', 0).levels).toEqual([0, 0, 1, 0]);
    const said = r.read.findings.filter((f) => f.code === 'UNIT_NOT_STATED');
    expect(said).toHaveLength(1);
    expect(said[0].message).toContain('名册中有人没有填写支部（单位），无法按支部区分，2 张表（本表及其他文件）按名册全部人员读取');
  });
});

describe('应参评人数 per unit (raterGroups[].expectedByUnit): each village\'s meeting has its own raters', () => {
  /** villageScheme with the 参会人员's 应参评人数 per village (and the scheme's own for 村评, where given). */
  const withExpected = (byUnit: Record<string, number>, villageRound?: number) => {
    const s = villageScheme();
    s.raterGroups[0] = { ...s.raterGroups[0], expectedByUnit: byUnit, ...(villageRound !== undefined ? { expectedByRound: { village: villageRound } } : {}) };
    return loadScheme(s);
  };
  const villageRow = (r: ReturnType<typeof campaign>) => r.participation.find((p) => p.round === '村评')!;

  it('gives each village its 应参评, 实收, 有效 and 回收率; a village over its number is warned for that village', () => {
    // 张庄村 32 representatives, 李庄村 8; the others not given. Each village returns 10 ballots (campaign()).
    const r = campaign(withExpected({ 张庄村: 32, 李庄村: 8 }));
    const row = villageRow(r);
    expect(row.byUnit).toHaveLength(16);
    // 10/32 = 0.3125 = 31.25%; 10/8 = 1.25 = 125.00%.
    expect(row.byUnit![0]).toEqual({ unit: '张庄村', expected: 32, returned: 10, valid: 10, invalid: 0, rate: '31.25%' });
    expect(row.byUnit![1]).toEqual({ unit: '李庄村', expected: 8, returned: 10, valid: 10, invalid: 0, rate: '125.00%' });
    expect(row.byUnit![2]).toEqual({ unit: '吴芳村', expected: null, returned: 10, valid: 10, invalid: 0, rate: null });
    // Not every village given and no number for the round: the campaign's 应参评 is unknown, as before.
    expect(row).toMatchObject({ expected: null, returned: 160, rate: null });
    // 镇评 is held over everyone: no rows per village.
    expect(r.participation.find((p) => p.round === '镇评')!.byUnit).toBeUndefined();
    expect(r.findings.filter((f) => f.code === 'MORE_BALLOTS_THAN_EXPECTED').map((f) => f.message)).toEqual([
      '村党组织书记“双述双评”测评表「参会人员」村评李庄村收回 10 票，多于该单位的应参评人数 8，请核实',
    ]);
  });

  it('every village given: the 村评 row\'s 应参评 is their sum (16 × 12 = 192, 160/192 = 83.33%)', () => {
    const r = campaign(withExpected(Object.fromEntries(VILLAGES.map((v) => [v, 12]))));
    expect(villageRow(r)).toMatchObject({ expected: 192, returned: 160, rate: '83.33%' });
    for (const u of villageRow(r).byUnit!) expect(u).toMatchObject({ expected: 12, returned: 10, rate: '83.33%' });
    expect(codes(r)).not.toContain('MORE_BALLOTS_THAN_EXPECTED');
    expect(codes(r)).not.toContain('EXPECTED_UNITS_DIFFER');
  });

  it('a number for the round that is not the villages\' sum is used, and the difference said', () => {
    // 村评 200 against 16 × 12 = 192: 回收率 160/200 = 80.00%.
    const r = campaign(withExpected(Object.fromEntries(VILLAGES.map((v) => [v, 12])), 200));
    expect(villageRow(r)).toMatchObject({ expected: 200, rate: '80.00%' });
    expect(r.findings.filter((f) => f.code === 'EXPECTED_UNITS_DIFFER').map((f) => f.message)).toEqual([
      '村党组织书记“双述双评”测评表「参会人员」村评的应参评人数为 200，各单位的应参评人数相加为 192，两者不一致；回收率按 200 计算，请核对',
    ]);
  });

  it('the ballots that name no village, or one the roster lacks, are a row of their own, so the rows add up', () => {
    const scheme = withExpected({ 吴芳村: 5 });
    const wu = describeTemplates(scheme, ROSTER).find((t) => t.meta?.unit === '吴芳村')!;
    const own = tick(returned(wu, scheme), '张伟', 0);
    const old: SheetGrid = {
      name: 'Sheet1',
      merges: [],
      rows: [['村党组织书记“双述双评”测评表'], ['测评人类别：参会人员', null, '轮次：村评'], ['序号', '姓名', ...LEVELS], ...SECRETARIES.map((n, i) => [i + 1, n, i === 0 ? '√' : null, null, null, null])],
    };
    const unknown = tick(returned(wu, scheme, false), '张伟', 0);
    unknown.rows = unknown.rows.map((row) => row.map((v) => (v === '所在村：吴芳村' ? '所在村：五方村' : v)));
    const r = runCampaign({ scheme, roster: ROSTER, submissions: files([own, old, unknown], 'b'), today: '2026-12-01' });
    const row = r.participation.find((p) => p.round === '村评')!;
    // 3 returned: 吴芳村's own (valid), the old whole-roster one (valid, no village), 五方村 (not counted: 废票, no village).
    expect(row).toMatchObject({ returned: 3, valid: 2, invalid: 1 });
    expect(row.byUnit!.find((u) => u.unit === '吴芳村')).toEqual({ unit: '吴芳村', expected: 5, returned: 1, valid: 1, invalid: 0, rate: '20.00%' });
    expect(row.byUnit![row.byUnit!.length - 1]).toEqual({ unit: null, expected: null, returned: 2, valid: 1, invalid: 1, rate: null });
    expect(row.byUnit!.filter((u) => u.unit !== null && u.unit !== '吴芳村').every((u) => u.returned === 0)).toBe(true);
  });

  it('a village\'s 计票汇总表 counts its ballots for that village', () => {
    const scheme = withExpected({ 吴芳村: 12 });
    const sheet = describeTemplates(scheme, ROSTER, { counts: true }).find((t) => t.meta?.unit === '吴芳村')!;
    const g = returned(sheet, scheme);
    g.rows = g.rows.map((row) => row.map((v) => (v === '有效票：' ? '有效票：10' : v)));
    const header = g.rows.findIndex((row) => row.includes('优秀'));
    g.rows[header + 1].splice(2, 4, 7, 3, 0, 0);
    const r = runCampaign({ scheme, roster: ROSTER, submissions: files([g], 'c'), today: '2026-12-01' });
    // 10 valid ballots of 12 expected: 10/12 = 83.33%.
    expect(r.participation.find((p) => p.round === '村评')!.byUnit!.find((u) => u.unit === '吴芳村')).toEqual({
      unit: '吴芳村',
      expected: 12,
      returned: 10,
      valid: 10,
      invalid: 0,
      rate: '83.33%',
    });
  });

  it('统计表 二、参评情况 lists the villages under the 村评 row, the 镇评 row without', () => {
    const r = campaign(withExpected({ 张庄村: 32, 李庄村: 8 }));
    const t = describeStatistics(r).cells.map((row) => row.map((c) => (c.value === null ? null : (c.text ?? c.value))));
    const header = t.findIndex((row) => row[0] === '测评人类别');
    expect(t[header]).toEqual(['测评人类别', '轮次', '表', '村', '应参评人数', '实收', '有效', '废票', '回收率']);
    expect(t.slice(header + 1, header + 4)).toEqual([
      ['参会人员', '村评', '村党组织书记“双述双评”测评表', '合计', '—', '160', '160', '0', '—'],
      ['', '', '', '张庄村', '32', '10', '10', '0', '31.25%'],
      ['', '', '', '李庄村', '8', '10', '10', '0', '125.00%'],
    ]);
    // After the 16 villages, the 镇评 row: 20 ballots, no village.
    expect(t[header + 18]).toEqual(['参会人员', '镇评', '村党组织书记“双述双评”测评表', '', '—', '20', '20', '0', '—']);
  });

  it('is checked: only for a group rating a form held per unit, at least one unit, units of the roster', () => {
    const plain = getPreset('p3-village-two-rounds') as unknown as { forms: Record<string, unknown>[]; raterGroups: Record<string, unknown>[] };
    plain.forms = plain.forms.map(({ perUnit: _, ...f }) => f);
    plain.raterGroups[0].expectedByUnit = { 张庄村: 32 };
    expect(() => loadScheme(plain)).toThrow(/不评按单位分表的表/);
    const s = getPreset('p3-village-two-rounds') as unknown as { raterGroups: Record<string, unknown>[] };
    s.raterGroups[0].expectedByUnit = {};
    expect(() => loadScheme(s)).toThrow(/至少写一个单位/);
    s.raterGroups[0].expectedByUnit = { 张庄村: -1 };
    expect(() => loadScheme(s)).toThrow(SchemeError);
    const scheme = withExpected({ 张庄: 32 });
    expect(() => runCampaign({ scheme, roster: ROSTER, submissions: [], today: '2026-12-01' })).toThrow(/「张庄」不是名册中的单位/);
    expect(() => runCampaign({ scheme, roster: [{ name: '王毅' }], submissions: [], today: '2026-12-01' })).toThrow(/中有「张庄」，但名册中没有填写单位/);
  });
});

describe('公示表 of a scheme held per unit (p1 述诺测评, seed 000 二(五)四是 以支部为单位…公示): in parts by 支部', () => {
  // Roster order puts 第二党支部 first: the parts follow the roster, not the units' names.
  const members: RosterEntry[] = [
    { name: '张伟', unit: '机关第二党支部' },
    { name: '王芳', unit: '机关第一党支部' },
    { name: '刘洋', unit: '机关第二党支部' },
    { name: '李强', unit: '机关第一党支部' },
    { name: '丁宁', unit: '机关第一党支部' },
  ];
  /** One 述诺测评 ballot per 支部 × 测评人类别 (its template), every member of the 支部 ticked 优秀: 100% in both groups, 优秀. */
  const p1Campaign = (people: RosterEntry[]) => {
    const scheme = getPreset('p1-double-pledge');
    const forms = describeTemplates(scheme, people).filter((t) => t.meta?.formId === 'pledge-appraisal');
    const sheets = forms.map((t) => {
      const g = returned(t, scheme);
      for (const p of people) if (p.unit === t.meta?.unit || t.meta?.unit === undefined) tick(g, p.name, 0);
      return g;
    });
    return runCampaign({ scheme, roster: people, submissions: files(sheets, 'p1'), today: '2026-12-01' });
  };
  const text = (sheet: ReturnType<typeof describePublication>) => sheet.cells.map((row) => row.map((c) => (c.value === null ? null : (c.text ?? c.value))));

  it('a heading line per 支部 in roster order, then its names 按姓氏笔画 numbered from 1, without the 单位 column', () => {
    const r = p1Campaign(members);
    expect(r.subjects.map((x) => x.tier)).toEqual(['优秀', '优秀', '优秀', '优秀', '优秀']);
    const t = text(describePublication(r));
    const header = t.findIndex((row) => row[1] === '姓名');
    expect(t[header - 1][0]).toBe('（按支部分列，各支部内按姓氏笔画为序）');
    // 刘 (6 strokes) before 张 (7); 丁 (2) before 王 (4) before 李 (7).
    expect(t.slice(header, header + 8)).toEqual([
      ['序号', '姓名', '等次'],
      ['机关第二党支部', null, null],
      ['1', '刘洋', '优秀'],
      ['2', '张伟', '优秀'],
      ['机关第一党支部', null, null],
      ['1', '丁宁', '优秀'],
      ['2', '王芳', '优秀'],
      ['3', '李强', '优秀'],
    ]);
  });

  it('read back as 往年结果, the heading gives each name its 支部: 王伟 of each 支部 keeps his own 等次', async () => {
    const namesakes: RosterEntry[] = [
      { name: '王伟', unit: '机关第一党支部' },
      { name: '王伟', unit: '机关第二党支部' },
    ];
    const scheme = getPreset('p1-double-pledge');
    // 第一支部's ballots tick 优秀 (100% → 优秀), 第二支部's 称职 (100% 称职, 0% 优秀 → 称职).
    const sheets = describeTemplates(scheme, namesakes)
      .filter((t) => t.meta?.formId === 'pledge-appraisal')
      .map((t) => tick(returned(t, scheme), `王伟（${t.meta?.unit}）`, t.meta?.unit === '机关第一党支部' ? 0 : 1));
    const r = runCampaign({ scheme, roster: namesakes, submissions: files(sheets, 'p1'), today: '2026-12-01' });
    expect(r.subjects.map((x) => x.tier)).toEqual(['优秀', '称职']);
    const read = await readWorkbook('2026结果.xlsx', await writeWorkbook(describeResultWorkbook(r)));
    const { history } = readHistory(read.submission!);
    expect(history.rows.map((x) => [x.name, x.unit, x.years.map((y) => `${y.year} ${y.tier}`).join()])).toEqual([
      ['王伟', '机关第一党支部', '2026 优秀'],
      ['王伟', '机关第二党支部', '2026 称职'],
    ]);
  });

  it('one 支部: one list with the 单位 column, as before', () => {
    const one = members.map((m) => ({ ...m, unit: '机关第一党支部' }));
    const t = text(describePublication(p1Campaign(one)));
    const header = t.findIndex((row) => row[1] === '姓名');
    expect(t[header - 1][0]).toBe('（按姓氏笔画为序）');
    // 丁 2, 刘 6, 王 4 → 丁宁, 王芳, 刘洋; then 李 7 and 张 7: 李 (一丨丿丶…) before 张 (乛一乛…), 横 before 折.
    expect(t.slice(header, header + 6).map((row) => row.slice(0, 4))).toEqual([
      ['序号', '姓名', '单位', '等次'],
      ['1', '丁宁', '机关第一党支部', '优秀'],
      ['2', '王芳', '机关第一党支部', '优秀'],
      ['3', '刘洋', '机关第一党支部', '优秀'],
      ['4', '李强', '机关第一党支部', '优秀'],
      ['5', '张伟', '机关第一党支部', '优秀'],
    ]);
  });

  it('a 支部\'s heading is never the last line of a printed page', () => {
    // 41 members in 第一支部 and 10 in 第二支部: found so that portrait A4 filled row by row would end page 1 on
    // 第二支部's heading (pageEnds without the heading kept with its first name shows it); the break comes a line earlier.
    const r = p1Campaign(members);
    const given = '一二三四五六七八九十';
    const entries: RosterEntry[] = [
      ...Array.from({ length: 41 }, (_, i) => ({ name: `王${given[Math.floor(i / 10)]}${given[i % 10]}`, unit: '机关第一党支部' })),
      ...Array.from({ length: 10 }, (_, i) => ({ name: `李${given[i]}`, unit: '机关第二党支部' })),
    ];
    const roster = buildRoster(entries);
    const subjects = roster.subjects.map((s) => ({ ...r.subjects[0], index: s.index, name: s.name, label: s.name, unit: s.unit ?? null, tier: '优秀', flags: [] }));
    const sheet = describePublication({ ...r, roster, subjects });
    const heading = sheet.cells.findIndex((row) => row[0].value === '机关第二党支部');
    expect(pageEnds(sheet, [])[0]).toBe(heading);
    expect(sheet.rowBreaks![0]).toBe(heading - 1);
    expect(sheet.rowBreaks).not.toContain(heading);
  });
});
