/**
 * Ballots are anonymous (无记名, seed 002; DOMAIN.md: "outputs never show which rater gave which
 * mark"). What the product guarantees, and what these tests hold it to:
 *
 * 1. The aggregate outputs — 排名表, 公示表, 整改清单, 统计表, 得票情况, 得分情况, and in the JSON output `subjects`,
 *    `participation` and `rectification` — are a function of the multiset of ballots: giving the same
 *    ballots to other files (other raters), in another order, changes none of them (property test over
 *    random ballots and permutations, both for √ forms and for numeric scores).
 * 2. They carry nothing that belongs to one ballot: no file or sheet name, no cell address, no √, no
 *    score exactly as one rater typed it (scores here have four decimals, outputs show totals and
 *    means), no free text a rater wrote (意见或建议), no name a rater wrote on the form (测评人, 签名).
 * 3. The findings (校验结果, JSON `findings`) do name a file, sheet and cell and may quote what that cell
 *    holds — a clerk needs that to correct the ballot, and it shows nothing the file does not — but
 *    never a rater's name or comment.
 * 4. A rater group (or a round) with a single valid ballot: its per-group totals are that ballot; with
 *    two, each of the two reads the other's from them. The tool cannot hide them where the scheme's rules
 *    are per group, per round or weighted by group, so 校验结果 warns (SINGLE_BALLOT_GROUP,
 *    TWO_BALLOT_GROUP) for each such group, naming the outputs that show it, and only then.
 */
import * as fc from 'fast-check';
import { resultJson } from '../../src/cli/result-json';
import { summaryText } from '../../src/cli/summary';
import { CampaignResult, runCampaign } from '../../src/core/engine';
import { CellValue, SheetGrid, Submission } from '../../src/core/forms/grid';
import { describeResultWorkbook } from '../../src/core/output/describe-workbooks';
import { SheetDescription } from '../../src/core/output/sheet-description';
import { getPreset } from '../../src/core/presets';
import { writeWorkbook } from '../../src/hosts/files/write-workbook';
import { matrixSheet, scoreSheet } from '../helpers/grids';
import { readCells } from '../helpers/xlsx-parts';

jest.setTimeout(60_000);

const TODAY = '2026-12-01';
const AGGREGATE_SHEETS = ['排名表', '公示表', '整改清单', '统计表', '得票情况', '得分情况'];

/** What an aggregate output shows: the aggregate sheets' cells, and the JSON without findings. */
function aggregates(result: CampaignResult): { sheets: Record<string, unknown>; json: unknown } {
  const sheets: Record<string, unknown> = {};
  for (const d of describeResultWorkbook(result)) if (AGGREGATE_SHEETS.includes(d.name)) sheets[d.name] = d.cells.map((row) => row.map((c) => c.value));
  const { findings: _f, findingCounts: _n, ...json } = resultJson(result);
  return { sheets, json: JSON.parse(JSON.stringify(json)) };
}

/** Every string and number in the aggregate outputs, as text. */
function aggregateTexts(result: CampaignResult): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  const a = aggregates(result);
  visit(a.sheets);
  visit(a.json);
  return out;
}

// ---------------------------------------------------------------------------------------------
// √ forms: P3 社区 (one rater group, 合格/不合格, a comment field; 无记名 in the seed)

const P3 = getPreset('p3-community-consecutive');
const P3_PEOPLE = ['周敏', '吴杰', '郑丽', '王芳', '陈刚'];
const P3_ROSTER = P3_PEOPLE.map((name, i) => ({ name, unit: `第${i + 1}网格` }));

/** A returned 评议票 with the rater's own name and comment on it, as some are returned despite 无记名. */
function p3Ballot(sheet: string, marks: number[], rater?: string, comment?: string): SheetGrid {
  return matrixSheet(sheet, {
    title: '社区“两委”干部勤廉双述双评评议票',
    fields: ['测评人类别：与会人员', ...(rater ? [`测评人：${rater}`] : [])],
    levels: ['合格', '不合格'],
    rows: P3_PEOPLE.map((name, i) => ({ name, marks: [marks[i]] })),
    notes: [...(comment ? [`意见或建议：${comment}`] : []), ...(rater ? [`签名：${rater}`] : [])],
  });
}

// ---------------------------------------------------------------------------------------------
// Numeric scores: P4 篇六 中层干部 (干部 50% + 员工 50%)

const P4 = getPreset('p4-middle-managers');
const P4_PEOPLE = ['王建国', '李秀英', '张伟', '刘洋'];
const P4_ROSTER = P4_PEOPLE.map((name) => ({ name }));

function p4Ballot(sheet: string, group: string, scores: CellValue[], rater?: string): SheetGrid {
  return scoreSheet(sheet, { title: '干部岗位测评表', fields: [`测评人类别：${group}`, ...(rater ? [`测评人：${rater}`] : [])], items: ['测评得分'], rows: P4_PEOPLE.map((name, i) => ({ name, scores: [scores[i]] })) });
}

describe('1. aggregate outputs depend only on the multiset of ballots, not on who (which file) gave which', () => {
  it('√ forms: random ballots, given to the files in a random order (50 runs)', () => {
    const ballot = fc.array(fc.integer({ min: -1, max: 1 }), { minLength: P3_PEOPLE.length, maxLength: P3_PEOPLE.length });
    fc.assert(
      fc.property(fc.array(ballot, { minLength: 2, maxLength: 9 }).chain((bs) => fc.tuple(fc.constant(bs), fc.shuffledSubarray(bs.map((_, i) => i), { minLength: bs.length, maxLength: bs.length }))), ([bs, order]) => {
        const files = (perm: number[]): Submission[] => perm.map((b, i) => ({ file: `测评人${String.fromCharCode(65 + i)}.xlsx`, sheets: [p3Ballot(`第${i + 1}张`, bs[b])] }));
        const identity = bs.map((_, i) => i);
        const a = aggregates(runCampaign({ scheme: P3, roster: P3_ROSTER, submissions: files(identity), today: TODAY }));
        const b = aggregates(runCampaign({ scheme: P3, roster: P3_ROSTER, submissions: files(order), today: TODAY }));
        expect(b).toEqual(a);
      }),
      { numRuns: 50, seed: 20261203 },
    );
  });

  it('numeric scores in two weighted groups: random scores, groups kept, files permuted within each group (40 runs)', () => {
    const score = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10_000);
    const ballot = fc.array(score, { minLength: P4_PEOPLE.length, maxLength: P4_PEOPLE.length });
    const group = fc.array(ballot, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(group, group, fc.nat(), (cadres, staff, seed) => {
        const make = (cs: number[][], ss: number[][]): Submission[] => [
          ...cs.map((s, i) => ({ file: `干部${i + 1}.xlsx`, sheets: [p4Ballot('表', '干部', s)] })),
          ...ss.map((s, i) => ({ file: `员工${i + 1}.xlsx`, sheets: [p4Ballot('表', '员工', s)] })),
        ];
        const rotate = <T>(xs: T[]) => xs.map((_, i) => xs[(i + seed) % xs.length]);
        const a = aggregates(runCampaign({ scheme: P4, roster: P4_ROSTER, submissions: make(cadres, staff), today: TODAY }));
        const b = aggregates(runCampaign({ scheme: P4, roster: P4_ROSTER, submissions: make(rotate(cadres), [...staff].reverse()), today: TODAY }));
        expect(b).toEqual(a);
      }),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it('(the check itself) sees a difference when one ballot changes', () => {
    const base = [[0, 0, 1, 0, 0], [0, 1, 0, 0, 1], [1, 0, 0, 0, 0]];
    const run = (bs: number[][]) => aggregates(runCampaign({ scheme: P3, roster: P3_ROSTER, submissions: bs.map((m, i) => ({ file: `${i}.xlsx`, sheets: [p3Ballot('票', m)] })), today: TODAY }));
    expect(run([base[0], base[1], [1, 0, 0, 0, 1]])).not.toEqual(run(base));
  });
});

describe('2. aggregate outputs carry nothing of one ballot', () => {
  const RATERS = ['李明远', '赵晓燕', '钱卫东', '孙丽华'];
  const COMMENT = '希望加强对独居老人的走访频次';
  const P3_MARKS = [
    [0, 1, 0, 0, 0],
    [0, 1, 1, 0, 0],
    [0, 0, 0, 1, 0],
    [1, 1, 0, 0, 0],
  ];
  /** Scores with four decimals, as typed on one ballot each: no mean of two or more can equal them. */
  const P4_SCORES: Record<string, number[][]> = {
    干部: [
      [91.0137, 84.0291, 77.0463, 66.0619],
      [88.0173, 81.0347, 73.0521, 62.0783],
    ],
    员工: [
      [93.0241, 86.0419, 79.0577, 68.0733],
      [85.0313, 79.0487, 71.0641, 59.0811],
      [90.0389, 83.0557, 75.0719, 64.0877],
    ],
  };

  function p3Result() {
    const submissions = P3_MARKS.map((m, i) => ({ file: `${RATERS[i]}的评议票.xlsx`, sheets: [p3Ballot(`${RATERS[i]}填`, m, RATERS[i], i === 0 ? COMMENT : undefined)] }));
    return runCampaign({ scheme: P3, roster: P3_ROSTER, submissions, today: TODAY });
  }
  function p4Result() {
    const submissions = Object.entries(P4_SCORES).flatMap(([group, rows]) =>
      rows.map((s, i) => ({ file: `${group}-${RATERS[i]}.xlsx`, sheets: [p4Ballot(`${RATERS[i]}打分`, group, s, RATERS[i])] })),
    );
    return runCampaign({ scheme: P4, roster: P4_ROSTER, submissions, today: TODAY });
  }

  it('the campaigns counted every ballot (so the checks below look at real results)', () => {
    const p3 = p3Result();
    const p4 = p4Result();
    expect(p3.participation.map((p) => p.valid)).toEqual([4]);
    expect(p3.rectification.map((r) => r.subject)).toEqual(['吴杰']);
    expect(p4.participation.map((p) => p.valid)).toEqual([2, 3]);
    expect(p4.subjects.every((s) => s.score !== null)).toBe(true);
  });

  it('√ forms: no file, sheet, rater name, comment, cell address or √ in 排名表, 公示表, 整改清单, 统计表 or JSON subjects', () => {
    const texts = aggregateTexts(p3Result());
    const forbidden = [...RATERS, COMMENT.slice(0, 6), '评议票.xlsx', '填', '√'];
    for (const f of forbidden) expect({ f, in: texts.filter((t) => t.includes(f)) }).toEqual({ f, in: [] });
    expect(texts.filter((t) => /^[A-Z]{1,3}\d{1,7}$/.test(t))).toEqual([]);
  });

  it('numeric scores: no score as one rater typed it, no file, sheet or rater name', () => {
    const texts = aggregateTexts(p4Result());
    const typed = Object.values(P4_SCORES).flat(2);
    for (const s of typed) {
      const shown = [String(s), s.toFixed(4), s.toFixed(2)];
      expect({ s, in: texts.filter((t) => shown.includes(t) || (Number(t) === s && t !== '')) }).toEqual({ s, in: [] });
    }
    for (const f of [...RATERS, '.xlsx', '打分']) expect({ f, in: texts.filter((t) => t.includes(f)) }).toEqual({ f, in: [] });
  });

  it('the same holds in the written workbook’s aggregate sheets (file writer)', async () => {
    const bytes = await writeWorkbook(describeResultWorkbook(p4Result()));
    const cells = readCells(bytes).filter((c) => AGGREGATE_SHEETS.includes(c.sheet));
    expect(cells.length).toBeGreaterThan(20);
    const typed = new Set(Object.values(P4_SCORES).flat(2));
    expect(cells.filter((c) => typeof c.v === 'number' && typed.has(c.v))).toEqual([]);
    expect(cells.filter((c) => typeof c.v === 'string' && RATERS.some((r) => c.v === r || String(c.v).includes(r)))).toEqual([]);
  });

  it('findings may name files and cells (for the clerk) but never a rater’s name or comment', () => {
    for (const result of [p3Result(), p4Result()]) {
      const listed = describeResultWorkbook(result).find((d) => d.name === '校验结果')!;
      const findingTexts = [
        ...listed.cells.flat().map((c) => String(c.value ?? '')),
        ...result.findings.map((f) => f.message),
      ];
      // Only the file and sheet columns may carry the names the raters gave their files.
      const messages = result.findings.map((f) => f.message);
      for (const r of RATERS) expect({ r, in: messages.filter((m) => m.includes(r)) }).toEqual({ r, in: [] });
      expect(findingTexts.filter((t) => t.includes(COMMENT.slice(0, 6)))).toEqual([]);
    }
  });
});

describe('4. a rater group (or a round) with one or two valid ballots is flagged', () => {
  function singleCadre(): CampaignResult {
    const submissions: Submission[] = [
      { file: '干部.xlsx', sheets: [p4Ballot('表', '干部', [90, 80, 70, 60])] },
      ...[0, 1, 2].map((i) => ({ file: `员工${i}.xlsx`, sheets: [p4Ballot('表', '员工', [85 + i, 75, 72, 61])] })),
    ];
    return runCampaign({ scheme: P4, roster: P4_ROSTER, submissions, today: TODAY });
  }

  function flagged(result: CampaignResult, code = 'SINGLE_BALLOT_GROUP'): SheetDescription['cells'][number][] {
    const sheet = describeResultWorkbook(result).find((d) => d.name === '校验结果')!;
    return sheet.cells.filter((row) => row.some((c) => c.value === code));
  }
  const SMALL_GROUP_CODES = ['SINGLE_BALLOT_GROUP', 'TWO_BALLOT_GROUP'];

  it('one 干部 ballot: its per-group mean is that ballot (the JSON shows it), and 校验结果 says so for 干部 only', () => {
    const result = singleCadre();
    const json = resultJson(result);
    const cadre = json.subjects[0].figures.find((f) => f.group === '干部')!;
    expect([cadre.valid, cadre.mean]).toEqual([1, '90.00']);
    const rows = flagged(result);
    expect(rows).toHaveLength(1);
    const message = String(rows[0][rows[0].length - 1].value);
    expect(message).toContain('「干部」');
    expect(message).toContain('1 张有效票');
    expect(rows[0].find((c) => c.value === '警告')).toBeDefined();
    // The command line's JSON and text carry it too, not only the workbook.
    expect(json.findings.filter((f) => f.code === 'SINGLE_BALLOT_GROUP').map((f) => f.message)).toEqual([message]);
    expect(summaryText(result)).toContain(message);
    // The advice names what shows the ballot, not only the per-group rows, and what alone may be handed out.
    expect(message).toContain('排名表的理由和得票率、得分列');
    expect(message).toContain('得分情况中「干部」的行');
    expect(message).toContain('--json 的 figures');
    expect(message).toContain('只用公示表和统计表的「一、等次分布」');
  });

  it('two 干部 ballots: each of the two reads the other from the mean (60 and 64 give 62), so it is flagged too, with n = 2', () => {
    const submissions: Submission[] = [
      { file: '干部1.xlsx', sheets: [p4Ballot('表', '干部', [60, 80, 70, 60])] },
      { file: '干部2.xlsx', sheets: [p4Ballot('表', '干部', [64, 80, 70, 60])] },
      ...[0, 1, 2].map((i) => ({ file: `员工${i}.xlsx`, sheets: [p4Ballot('表', '员工', [85 + i, 75, 72, 61])] })),
    ];
    const result = runCampaign({ scheme: P4, roster: P4_ROSTER, submissions, today: TODAY });
    const cadre = resultJson(result).subjects.find((x) => x.name === '王建国')!.figures.find((f) => f.group === '干部')!;
    expect([cadre.valid, cadre.mean]).toEqual([2, '62.00']);
    expect(flagged(result)).toEqual([]);
    const rows = flagged(result, 'TWO_BALLOT_GROUP');
    expect(rows).toHaveLength(1);
    const message = String(rows[0][rows[0].length - 1].value);
    expect(message).toContain('「干部」集中述职只有 2 张有效票');
    expect(message).toContain('另一位的评价');
    expect(message).toContain('显示这两张票的有：排名表的理由和得票率、得分列');
    expect(message).toContain('得分情况中「干部」的行');
  });

  it('a round of one ballot beside another round (10 村评, 1 镇评): flagged, though the round has no other group', () => {
    const P3V = getPreset('p3-village-two-rounds');
    const people = ['王建国', '李明'];
    const ballot = (round: string, marks: number[]): SheetGrid =>
      matrixSheet(round, {
        title: '村党组织书记“双述双评”测评表',
        fields: [`轮次：${round}`],
        levels: ['优秀', '称职', '基本称职', '不称职'],
        rows: people.map((name, i) => ({ name, marks: [marks[i]] })),
      });
    const submissions: Submission[] = [
      ...[0, 1, 2].map((i) => ({ file: `村评${i}.xlsx`, sheets: [ballot('村评', [0, 1])] })),
      { file: '镇评.xlsx', sheets: [ballot('镇评', [0, 3])] },
    ];
    const result = runCampaign({ scheme: P3V, roster: people.map((name) => ({ name })), submissions, today: TODAY });
    expect(result.participation.map((p) => [p.round, p.valid])).toEqual([
      ['村评', 3],
      ['镇评', 1],
    ]);
    const messages = result.findings.filter((f) => f.code === 'SINGLE_BALLOT_GROUP').map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('「参会人员」镇评只有 1 张有效票：按轮次分列');
    expect(messages[0]).toContain('得票情况、得分情况中「镇评」的行');
    expect(result.findings.filter((f) => f.code === 'TWO_BALLOT_GROUP')).toEqual([]);
  });

  it('a single ballot with no other group to pool it with: no such warning (the totals are that ballot too)', () => {
    const submissions: Submission[] = [{ file: '干部.xlsx', sheets: [p4Ballot('表', '干部', [90, 80, 70, 60])] }];
    const result = runCampaign({ scheme: P4, roster: P4_ROSTER, submissions, today: TODAY });
    expect(result.participation.filter((p) => p.valid > 0).map((p) => [p.group, p.valid])).toEqual([['干部', 1]]);
    expect(result.findings.filter((f) => f.code === 'SINGLE_BALLOT_GROUP')).toEqual([]);
  });

  it('three or more ballots in every group: no such warning', () => {
    const submissions: Submission[] = ['干部', '干部', '干部', '员工', '员工', '员工'].map((g, i) => ({ file: `${i}.xlsx`, sheets: [p4Ballot('表', g, [80 + i, 75, 70, 65])] }));
    const result = runCampaign({ scheme: P4, roster: P4_ROSTER, submissions, today: TODAY });
    for (const code of SMALL_GROUP_CODES) expect(flagged(result, code)).toEqual([]);
  });

  it('two ballots with no other ballots on the form: no such warning (the totals are those two as well)', () => {
    const submissions: Submission[] = [0, 1].map((i) => ({ file: `干部${i}.xlsx`, sheets: [p4Ballot('表', '干部', [90 - i, 80, 70, 60])] }));
    const result = runCampaign({ scheme: P4, roster: P4_ROSTER, submissions, today: TODAY });
    expect(result.findings.filter((f) => SMALL_GROUP_CODES.includes(f.code))).toEqual([]);
  });
});
