/**
 * The names of the result workbook's sheets, in the order describeResultWorkbook gives them; kept apart so
 * the task pane can say what it will write without loading the describers (a test holds the two together).
 */
import { CellValue, shownValue } from '../forms/grid';
import { normalizeLabel } from '../text/normalize';
import type { Scheme } from '../scheme/scheme-schema';

export const STATISTICS_SHEET = '统计表';
/** 得票情况 and 得分情况 are long tables: each on its own sheet, so its header repeats on every printed page. */
export const VOTES_SHEET = '得票情况';
export const SCORES_SHEET = '得分情况';

/** Every sheet a result workbook may have. */
export const RESULT_SHEET_NAMES = ['排名表', '公示表', '整改清单', STATISTICS_SHEET, VOTES_SHEET, SCORES_SHEET, '校验结果'] as const;

/** The sheets a scheme's results have: 得票情况 with 打√ forms, 得分情况 when it scores. */
export function resultSheetNames(scheme: Pick<Scheme, 'forms' | 'scoring'>): string[] {
  const votes = scheme.forms.some((f) => f.response.kind === 'tier');
  const scores = scheme.scoring.method !== 'none';
  return RESULT_SHEET_NAMES.filter((n) => (n !== VOTES_SHEET || votes) && (n !== SCORES_SHEET || scores));
}

/**
 * How each sheet the project writes for the clerk begins (the describers' title band, then their
 * subtitle or first section): title and the line after it, normalised (normalizeLabel). Both must fit,
 * so a clerk's own 计票统计表 or a ballot titled …排名表 is never taken for ours. A test writes every one
 * of them and reads it back through this, so a describer's new wording cannot slip past.
 */
const OWN_LAYOUTS: { output: string; title: RegExp; next: RegExp }[] = [
  { output: '统计表', title: /测评结果统计表$/, next: /^(一、等次分布|二、参评情况)$/ },
  // The long tables on sheets of their own: the title, then the header row (序号 first).
  { output: VOTES_SHEET, title: /得票情况$/, next: /^序号$/ },
  { output: SCORES_SHEET, title: /得分情况$/, next: /^序号$/ },
  // 排名表's subtitle now (describe-ranking.ts), and before tiers came first in the order.
  { output: '排名表', title: /排名表$/, next: new RegExp(`^(${[normalizeLabel('（本方案不排名，按姓氏笔画为序）'), normalizeLabel('（按名次排列；名次相同或未排名的，按姓氏笔画为序）'), normalizeLabel('（按名次排列：先按等次，同一等次按排名依据；名次相同的按姓氏笔画为序；未排名的列在最后）'), normalizeLabel('（按类别分别排名，各类别依名册中出现的先后排列；类别内按名次排列：先按等次，同一等次按排名依据；名次相同的按姓氏笔画为序；未排名的列在本类别最后）')].map(escape).join('|')})$`) },
  // The notice's lead sentence (经研究，现将…予以公示。) under its title; earlier versions went straight to the order.
  { output: '公示表', title: /^关于.*的公示$/, next: new RegExp(`^(${escape(normalizeLabel('（按姓氏笔画为序）'))}|${escape(normalizeLabel('经研究，现将'))}.*${escape(normalizeLabel('予以公示。'))})$`) },
  { output: '整改清单', title: /整改清单$/, next: new RegExp(`^${escape(normalizeLabel('（问题清单、责任清单、整改清单）'))}$`) },
  { output: '校验结果', title: /^校验结果$/, next: new RegExp(`^${escape(normalizeLabel('共 0 条：错误')).replace('0', '\\d+')}`) },
  { output: '往年结果', title: /:往年结果$/, next: new RegExp(`^${escape(normalizeLabel('（用于“连续'))}`) },
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Which of the project's own output sheets a sheet is by its layout, for one copied without the hidden
 * record that names it (移动或复制 to a new workbook, values pasted): its title and the line after it.
 * The title and the output's name, or null.
 */
export function ownOutputByTitle(rows: readonly (readonly CellValue[] | undefined)[]): { output: string; title: string } | null {
  // The first text of each of the first rows that have any: the title, then the subtitle or section.
  const lines: string[] = [];
  for (let r = 0; r < Math.min(rows.length, 8) && lines.length < 2; r++) {
    const first = (rows[r] ?? []).map((v) => shownValue(v)).find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof first === 'string') lines.push(first.trim());
  }
  if (lines.length < 2) return null;
  const [title, next] = lines.map(normalizeLabel);
  const fit = OWN_LAYOUTS.find((l) => l.title.test(title) && l.next.test(next));
  return fit ? { output: fit.output, title: lines[0] } : null;
}
