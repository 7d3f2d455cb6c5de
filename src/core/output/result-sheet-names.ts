/**
 * The names of the result workbook's sheets, in the order describeResultWorkbook gives them; kept apart so
 * the task pane can say what it will write without loading the describers (a test holds the two together).
 */
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
