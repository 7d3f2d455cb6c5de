/**
 * 问题清单 / 责任清单 / 整改清单: one row for every consequence that calls for rectification, with the
 * problem taken from the rule that fired and the subject's weakest items (seed 003 篇二/篇三/篇七,
 * seed 002 第五篇 问题整改台帐, seed 004 限期整改).
 */
import { Scheme } from '../scheme/scheme-schema';
import { SubjectResult } from '../results/evaluate';

export interface RectificationRow {
  subject: string;
  /** The subject with its unit when another has the same name (王伟（科技部）), for lines that show no unit column. */
  label: string;
  unit: string;
  /** What was found: the tier or veto and the weak items behind it. */
  problem: string;
  /** The action the scheme attaches (约谈提醒、限期整改 ...). */
  action: string;
  /** Defaults to the subject; staff may change it. */
  responsible: string;
  /** Left blank for staff to fill. */
  measures: string;
  /** YYYY-MM-DD, from the scheme's results date plus the consequence's days. */
  deadline: string;
  status: '整改中' | '已销号';
  cite: string;
}

export function rectificationRows(scheme: Scheme, subjects: readonly SubjectResult[], today: string): RectificationRow[] {
  const base = scheme.resultsDate ?? today;
  const rows: RectificationRow[] = [];
  for (const r of subjects) {
    for (const c of r.consequences) {
      // Only what is to be rectified by a date is a 整改清单 item; 免职, 不得评优 or 可申报 are not, and are said
      // with the tier in its reasons instead (evaluate: 结果运用).
      if (c.rectifyWithinDays === null) continue;
      rows.push({
        subject: r.name,
        label: r.label,
        unit: r.unit ?? '',
        problem: problemOf(r, c.run),
        action: c.action,
        responsible: r.name,
        measures: '',
        deadline: addDays(base, c.rectifyWithinDays),
        status: '整改中',
        cite: c.cite,
      });
    }
  }
  return rows;
}

function problemOf(r: SubjectResult, run: number | null): string {
  const parts: string[] = [];
  if (r.tier !== null) parts.push(run !== null && run >= 2 ? `连续第 ${run} 次被评为「${r.tier}」` : `评议等次为「${r.tier}」`);
  // Only a rule that changed the tier is 一票否决; a note (满意度低) is named as itself.
  for (const v of r.vetoes) parts.push(v.effect === 'note' ? `${v.name}（${v.text}）` : `一票否决：${v.name}（${v.text}）`);
  const weak = weakItems(r);
  if (weak.length > 0) parts.push(`薄弱项目：${weak.join('、')}`);
  return parts.join('；');
}

/** How a problem written by `problemOf` may begin (a note's name aside, which the scheme gives). */
const PROBLEM_OPENINGS = [/^评议等次为「[^「」]+」/, /^连续第 \d+ 次被评为「[^「」]+」/, /^一票否决：/, /^薄弱项目：/];

/**
 * Whether a 存在问题 begins as the results write it. A text that does not was written by staff (the
 * concrete problem, 群众反映办事拖拉); one that does may be either, or an earlier run's.
 */
export function opensAsWritten(problem: string): boolean {
  const text = problem.trim();
  return PROBLEM_OPENINGS.some((p) => p.test(text));
}

/**
 * The items the subject did worst on: the lowest mean where scored, otherwise the lowest share of
 * the best two levels (满意+比较满意, 好+较好 ...), among items rated on more than one item; none
 * when all items did equally.
 */
function weakItems(r: SubjectResult): string[] {
  const byItem = new Map<string, { good: number; valid: number; meanSum: number; meanN: number }>();
  for (const f of r.figures) {
    const acc = byItem.get(f.item) ?? { good: 0, valid: 0, meanSum: 0, meanN: 0 };
    acc.good += (f.levels[0]?.votes ?? 0) + (f.levels.length > 2 ? f.levels[1]?.votes ?? 0 : 0);
    acc.valid += f.valid;
    if (f.mean !== null) {
      acc.meanSum += Number(f.mean);
      acc.meanN++;
    }
    byItem.set(f.item, acc);
  }
  if (byItem.size < 2) return [];
  const scored = [...byItem].map(([item, a]) => ({
    item,
    value: a.meanN > 0 ? a.meanSum / a.meanN : a.valid > 0 ? a.good / a.valid : Number.POSITIVE_INFINITY,
    text: a.meanN > 0 ? `${(a.meanSum / a.meanN).toFixed(2)} 分` : a.valid > 0 ? `好评率 ${((a.good / a.valid) * 100).toFixed(2)}%` : '',
  }));
  const lowest = Math.min(...scored.map((s) => s.value));
  // Every item alike (90 on all three 专项) leaves none weaker than the others.
  if (!Number.isFinite(lowest) || scored.every((s) => s.value === lowest)) return [];
  return scored.filter((s) => s.value === lowest).map((s) => `${s.item}（${s.text}）`);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}
