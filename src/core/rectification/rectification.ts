/**
 * 问题清单 / 责任清单 / 整改清单: one row for every consequence that calls for rectification, with the
 * problem taken from the rule that fired and the subject's weakest items (seed 003 篇二/篇三/篇七,
 * seed 002 第五篇 问题整改台帐, seed 004 限期整改).
 */
import { Fraction } from '../common/fraction';
import { Roster } from '../roster/roster';
import { placesToTellApart } from '../rules/conditions';
import { Scheme } from '../scheme/scheme-schema';
import { SubjectResult } from '../results/evaluate';
import { normalizeName } from '../text/normalize';
import { organisationWords, saidOfSubject } from '../roster/subject-words';

export interface RectificationRow {
  subject: string;
  /** The subject with its unit when another has the same name (王伟（科技部）), for lines that show no unit column. */
  label: string;
  unit: string;
  /** What was found: the tier or veto and the weak items behind it. */
  problem: string;
  /** The action the scheme attaches (约谈提醒、限期整改 ...), said of the organisation where the subject is one (责成该支部). */
  action: string;
  /** Defaults to the subject, or an organisation's secretary (第一支部书记); staff may change it. */
  responsible: string;
  /** Left blank for staff to fill. */
  measures: string;
  /** YYYY-MM-DD, from the scheme's results date plus the consequence's days. */
  deadline: string;
  status: '整改中' | '已销号';
  cite: string;
}

export function rectificationRows(scheme: Scheme, roster: Roster, subjects: readonly SubjectResult[], today: string): RectificationRow[] {
  const base = scheme.resultsDate ?? today;
  const rows: RectificationRow[] = [];
  for (const r of subjects) {
    for (const c of r.consequences) {
      // Only what is to be rectified by a date is a 整改清单 item; 不得评优 or 可申报 are not, and are said with the
      // tier in its reasons instead (evaluate: 结果运用). The scheme decides by the days it gives (p3 第五篇's 免职
      // has them: the questions raised go into the 问题整改台帐 whatever the step, seed 002 第五篇 三、3).
      if (c.rectifyWithinDays === null) continue;
      const listed = roster.all[r.index];
      const organisation = listed?.kind === 'organisation' ? organisationWords(r.name) : null;
      rows.push({
        subject: r.name,
        label: r.label,
        unit: r.unit ?? '',
        problem: problemOf(scheme, r, c.run),
        action: saidOfSubject(c.action, listed),
        responsible: organisation ? organisation.responsible : r.name,
        measures: '',
        deadline: addDays(base, c.rectifyWithinDays),
        status: '整改中',
        cite: c.cite,
      });
    }
  }
  return rows;
}

/**
 * 存在问题: the tier where the scheme attaches a consequence to it (不称职, 差, 不合格; not 未评为优秀党员, the lot of
 * most members, nor 优秀 beside a note), every veto or note that fired (findings about the subject, 党风廉政问题
 * among them), and the weakest items.
 */
function problemOf(scheme: Scheme, r: SubjectResult, run: number | null): string {
  const parts: string[] = [];
  const tierHasConsequence = r.tier !== null && scheme.consequences.some((c) => c.tiers?.includes(r.tier!));
  if (tierHasConsequence) parts.push(run !== null && run >= 2 ? `连续第 ${run} 次被评为「${r.tier}」` : `评议等次为「${r.tier}」`);
  // Only a rule that changed the tier is 一票否决; a note (满意度低) is named as itself.
  for (const v of r.vetoes) parts.push(v.effect === 'note' ? `${v.name}（${v.text}）` : `一票否决：${v.name}（${v.text}）`);
  const weak = weakItems(scheme, r);
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
 * The items the subject did worst on: where the scheme scores, the lowest item score (项目得分, the rater groups
 * combined by the scheme's weights, exactly as 得分情况 shows it: evaluate computeScore); otherwise the lowest
 * share of the best two levels (满意+比较满意, 好+较好 ...). Only among two items or more; none when all items
 * did equally.
 */
function weakItems(scheme: Scheme, r: SubjectResult): string[] {
  const items = scheme.scoring.method !== 'none' ? scoredItems(r) : sharedItems(r);
  if (items.length < 2) return [];
  const lowest = items.reduce((a, b) => (b.value.compare(a.value) < 0 ? b : a)).value;
  // Every item alike (90 on all three 专项) leaves none weaker than the others.
  if (items.every((x) => x.value.equals(lowest))) return [];
  const next = items.filter((x) => !x.value.equals(lowest)).reduce((a, b) => (b.value.compare(a.value) < 0 ? b : a)).value;
  return items.filter((x) => x.value.equals(lowest)).map((x) => `${x.item}（${x.text(next)}）`);
}

interface ItemValue {
  item: string;
  value: Fraction;
  /** The value as text, told apart from the next lowest item's. */
  text: (next: Fraction) => string;
}

/**
 * Item scores with the places 得分情况 gives them (the subject's score's), or more where those would make the
 * weakest look equal to the next (86.395 and 86.40).
 */
function scoredItems(r: SubjectResult): ItemValue[] {
  const dot = r.scoreText?.indexOf('.') ?? -1;
  const places = r.scoreText ? (dot >= 0 ? r.scoreText.length - dot - 1 : 0) : 2;
  const several = new Set(r.itemScores.map((x) => x.form)).size > 1;
  return r.itemScores.map((x) => ({
    item: several ? `${x.form}·${x.item}` : x.item,
    value: x.score,
    text: (next) => `${x.score.toFixed(placesToTellApart(x.score, next, places))} 分`,
  }));
}

const HUNDRED = Fraction.of(100);

/** Shares of the best two levels (of the best one on a two-level scale) per form and item, over every group and round. */
function sharedItems(r: SubjectResult): ItemValue[] {
  const byItem = new Map<string, { form: string; item: string; good: number; valid: number }>();
  for (const f of r.figures) {
    const key = `${f.form}\u0000${f.item}`;
    const acc = byItem.get(key) ?? { form: f.form, item: f.item, good: 0, valid: 0 };
    acc.good += (f.levels[0]?.votes ?? 0) + (f.levels.length > 2 ? f.levels[1]?.votes ?? 0 : 0);
    acc.valid += f.valid;
    byItem.set(key, acc);
  }
  const several = new Set([...byItem.values()].map((x) => x.form)).size > 1;
  return [...byItem.values()]
    .filter((a) => a.valid > 0)
    .map((a) => {
      const share = Fraction.of(a.good, a.valid);
      const text = (next: Fraction) => `好评率 ${share.mul(HUNDRED).toFixed(placesToTellApart(share.mul(HUNDRED), next.mul(HUNDRED), 2))}%`;
      return { item: several ? `${a.form}·${a.item}` : a.item, value: share, text };
    });
}

/**
 * Whether a 责任人 is what the results write for the subject (the subject, or an organisation's secretary or
 * 主要负责人), not something staff typed (merge-rectification keeps staff's).
 */
export function isDefaultResponsible(responsible: string, subject: string): boolean {
  const value = normalizeName(responsible);
  return value === normalizeName(subject) || value === normalizeName(organisationWords(subject).responsible);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}
