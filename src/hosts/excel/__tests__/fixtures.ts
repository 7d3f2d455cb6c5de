/**
 * A small P4 篇六 (中层干部) campaign laid out in a fake workbook the way a clerk keeps it: one score
 * sheet per returned ballot, typed by hand (a merged title, a date in 评议时间, names padded with a
 * full-width space), plus a user sheet named 排名表 that the add-in must never touch.
 * Scores: 干部 (88, 92) (79, 81) (80, 80) (70, 70) (61, 59) and 员工 90, 80, 80, 70, 60 → 王芳 90.00,
 * 李强 80.00, 张伟 80.00 but vetoed (事故) to 不称职, 丁宁 70.00, 丁小强 60.00, 赵六 no valid score.
 */
import { RosterEntry } from '../../../core/roster/roster';
import { getPreset } from '../../../core/presets';
import { Scheme } from '../../../core/scheme/scheme-schema';
import { FakeExcel, FakeInput } from '../../../../tests/fakes/fake-excel';
import { ExcelHostError } from '../excel-errors';

/**
 * p4 篇六 with a 30-day 整改 for 不称职, so the 整改清单 has rows to write and keep. The preset's own 不称职
 * consequence is the 党委's decision on the post (seed 003 篇六 三、(六)), no 整改清单 item.
 */
export function schemeWithRectification(): Scheme {
  return { ...getPreset('p4-middle-managers'), consequences: [{ tiers: ['不称职'], action: '约谈提醒、限期整改', rectifyWithinDays: 30, cite: '测试：整改期限 30 天' }] };
}

export const NAMES = ['王芳', '李强', '张伟', '丁宁', '丁小强', '赵六'] as const;

export const ROSTER: RosterEntry[] = [
  { name: '王芳', unit: '办公室', category: '正职' },
  { name: '张伟', unit: '营业部', category: '副职', flags: { 事故: '分管网点发生责任事故' } },
  { name: '李强', unit: '财务部', category: '副职' },
  { name: '丁宁', unit: '营业部', category: '副职' },
  { name: '丁小强', unit: '办公室', category: '副职' },
  { name: '赵六', unit: '财务部', category: '副职' },
];

/** 2026-11-20 as an Excel date serial. */
export const DATE_SERIAL = 46346;

export function scoreRows(group: string, scores: FakeInput[]): FakeInput[][] {
  return [
    ['干部岗位测评表', null],
    [`测评人类别：${group}`, null],
    ['评议时间', { value: DATE_SERIAL, numberFormat: 'yyyy"年"m"月"d"日"' }],
    ['姓名', '测评得分'],
    ...NAMES.map((n, i) => [n.length === 2 ? `${n[0]}\u3000${n[1]}` : n, scores[i] ?? null]),
  ];
}

export const TITLE_MERGE = { r1: 0, c1: 0, r2: 0, c2: 1 };

export const BALLOTS: { sheet: string; group: string; scores: FakeInput[] }[] = [
  { sheet: '干部1', group: '干部', scores: [88, 79, 80, 70, 61, null] },
  { sheet: '干部2', group: '干部', scores: [92, 81, 80, 70, 59, null] },
  { sheet: '员工1', group: '员工', scores: [90, 80, 80, 70, 60, null] },
];

/** The user's own 排名表: a hand-made list that happens to have the name the add-in writes. */
export const USER_RANKING: FakeInput[][] = [
  ['我自己的排名（手工）', null, null],
  ['序号', '姓名', '备注'],
  [1, '王芳', { value: '001', quotePrefix: true }],
  [2, '李强', { formula: '=A4+1', value: 3 }],
];

export function campaignWorkbook(options: ConstructorParameters<typeof FakeExcel>[0] = {}): FakeExcel {
  const fx = new FakeExcel(options);
  for (const b of BALLOTS) fx.addSheet(b.sheet, scoreRows(b.group, b.scores), { merges: [TITLE_MERGE], columnWidths: [60, 40] });
  fx.addSheet('排名表', USER_RANKING, { merges: [{ r1: 0, c1: 0, r2: 0, c2: 2 }] });
  return fx;
}

/** The error a host call rejects with; fails the test if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<ExcelHostError> {
  try {
    await p;
  } catch (e) {
    return e as ExcelHostError;
  }
  throw new Error('expected a rejection');
}
