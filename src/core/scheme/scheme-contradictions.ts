/**
 * Rules of a scheme that are legal one by one but contradict each other or can never act, so that part of the
 * scheme silently does nothing: a maximum and a minimum on one tier that cannot both hold, minimums adding up to
 * more than everyone, a 不得评优 cap to the best tier, a share condition that can never (or always) hold, a tier no
 * rule gives, and scores that fit no tier rule (超过60分 and 不满60分: exactly 60 fits neither). Said as warnings
 * (scheme-warnings.ts) naming the fields; the scheme is used as written.
 */
import { Fraction, percent } from '../common/fraction';
import { shareWords, thresholdPhrase } from '../rules/conditions';
import { fieldAt } from './field-words';
import { Condition, Quota, Scheme, isCountQuota, isShareQuota } from './scheme-schema';

export function contradictionWarnings(scheme: Scheme, scoreRange: { min: Fraction; max: Fraction } | null): string[] {
  return [
    ...quotaWarnings(scheme),
    ...capWarnings(scheme),
    ...alwaysOrNeverWarnings(scheme),
    ...unreachableTierWarnings(scheme),
    ...emptyScoreRangeWarnings(scheme),
    ...scoreGapWarnings(scheme, scoreRange),
  ];
}

const tierList = (tiers: readonly string[]) => tiers.map((t) => `「${t}」`).join('');
const sameBase = (a: Quota, b: Quota) => (a.of ?? 'subjects') === (b.of ?? 'subjects') && a.per === b.per;

/**
 * A minimum on some tiers inside a maximum's tiers asking for more than the maximum allows (好 ≤ 20% and 好 ≥ 30%;
 * 优秀 名额 2 名 and 优秀 不少于 3 名, unit by unit where both are allocated per unit); minimums on tiers apart from
 * each other asking for more than everyone together (较好 ≥ 60% and 差 ≥ 50%). Only quotas counted from the same
 * base compare, shares with shares and counts with counts; rounding aside.
 */
function quotaWarnings(scheme: Scheme): string[] {
  const out: string[] = [];
  const quotas = scheme.quotas.flatMap((q, i) => (isShareQuota(q) ? [{ q, i, share: percent(q.share) }] : []));
  for (const max of quotas.filter((x) => x.q.kind === 'max'))
    for (const min of quotas.filter((x) => x.q.kind === 'min'))
      if (sameBase(max.q, min.q) && min.q.tiers.every((t) => max.q.tiers.includes(t)) && min.share.compare(max.share) > 0)
        out.push(
          `${fieldAt(['quotas', max.i], scheme)}规定${tierList(max.q.tiers)}不超过 ${shareWords(max.q.share)}，而${fieldAt(['quotas', min.i], scheme)}规定${tierList(min.q.tiers)}不少于 ${shareWords(min.q.share)}：两者不能同时满足，是否写错了？`,
        );
  const mins = quotas.filter((x) => x.q.kind === 'min');
  for (let a = 0; a < mins.length; a++)
    for (let b = a + 1; b < mins.length; b++) {
      const [x, y] = [mins[a], mins[b]];
      const apart = !x.q.tiers.some((t) => y.q.tiers.includes(t));
      if (sameBase(x.q, y.q) && apart && x.share.add(y.share).compare(Fraction.ONE) > 0)
        out.push(
          `${fieldAt(['quotas', x.i], scheme)}要求${tierList(x.q.tiers)}不少于 ${shareWords(x.q.share)}，${fieldAt(['quotas', y.i], scheme)}要求${tierList(y.q.tiers)}不少于 ${shareWords(y.q.share)}：合计超过全部人数，不能同时满足，是否写错了？`,
        );
    }
  const counts = scheme.quotas.flatMap((q, i) => (isCountQuota(q) ? [{ q, i }] : []));
  for (const max of counts.filter((x) => x.q.kind === 'max'))
    for (const min of counts.filter((x) => x.q.kind === 'min')) {
      if (max.q.per !== min.q.per || !min.q.tiers.every((t) => max.q.tiers.includes(t))) continue;
      const over = countsOver(min.q.count, max.q.count);
      if (over.length > 0)
        out.push(
          `${fieldAt(['quotas', max.i], scheme)}规定${tierList(max.q.tiers)}不超过${countWords(max.q.count)}，而${fieldAt(['quotas', min.i], scheme)}规定${tierList(min.q.tiers)}不少于${countWords(min.q.count)}：${over.filter((w) => w !== '').join('、')}两者不能同时满足，是否写错了？`,
        );
    }
  return out;
}

/** 「 3 名」, or 「按单位分配的名数（第一支部 2 名、第二支部 1 名）」. */
function countWords(count: number | Record<string, number>): string {
  return typeof count === 'number' ? ` ${count} 名` : `按单位分配的名数（${Object.entries(count).map(([u, n]) => `${u} ${n} 名`).join('、')}）`;
}

/** Where a minimum's count exceeds a maximum's: [''] for two numbers, else 在「第一支部」 per unit (a number is every unit's). */
function countsOver(min: number | Record<string, number>, max: number | Record<string, number>): string[] {
  if (typeof min === 'number' && typeof max === 'number') return min > max ? [''] : [];
  const units = new Set([...(typeof min === 'object' ? Object.keys(min) : []), ...(typeof max === 'object' ? Object.keys(max) : [])]);
  const of = (c: number | Record<string, number>, u: string) => (typeof c === 'number' ? c : c[u]);
  return [...units].filter((u) => of(min, u) !== undefined && of(max, u) !== undefined && of(min, u) > of(max, u)).map((u) => `在「${u}」`);
}

/** 不得评为优秀 capped to the best tier changes nobody's tier. */
function capWarnings(scheme: Scheme): string[] {
  return scheme.vetoes.flatMap((v, i) =>
    v.effect.kind === 'cap' && v.effect.tier === scheme.tiers[0]
      ? [
          `${fieldAt(['vetoes', i, 'effect', 'tier'], scheme)}是最高等次「${scheme.tiers[0]}」：“最高只能评为「${scheme.tiers[0]}」”不会改变任何人的等次，这条一票否决不起作用；是否应为下一等次${scheme.tiers[1] ? `「${scheme.tiers[1]}」` : ''}？`,
        ]
      : [],
  );
}

/** A share can be neither above 100% nor below 0%: 超过100% never holds, 0%以上 always does. */
function shareNeverOrAlways(c: Condition): 'never' | 'always' | null {
  if (c.kind !== 'share') return null;
  const v = percent(c.value);
  const [isZero, isAll] = [v.isZero(), v.equals(Fraction.ONE)];
  if ((c.op === '>' && isAll) || (c.op === '<' && isZero)) return 'never';
  if ((c.op === '>=' && isZero) || (c.op === '<=' && isAll)) return 'always';
  return null;
}

function alwaysOrNeverWarnings(scheme: Scheme): string[] {
  const out: string[] = [];
  const say = (c: Condition, path: readonly PropertyKey[], what: 'rule' | 'veto') => {
    const kind = shareNeverOrAlways(c);
    if (!kind || c.kind !== 'share') return;
    const phrase = thresholdPhrase(c.op, shareWords(c.value));
    const effect =
      what === 'veto'
        ? kind === 'never'
          ? '这条一票否决永远不会触发'
          : '凡有有效票的人都会触发这条一票否决'
        : kind === 'never'
          ? '这条规则永远不会符合'
          : '凡有有效票的人都符合这个条件';
    out.push(`${fieldAt(path, scheme)}是「得票率${phrase}」：得票率${kind === 'never' ? '不可能' : '总是'}如此，${effect}；是否写错了？`);
  };
  scheme.classification.rules.forEach((r, i) => r.when.forEach((c, j) => say(c, ['classification', 'rules', i, 'when', j], 'rule')));
  scheme.vetoes.forEach((v, i) => v.when.forEach((c, j) => say(c, ['vetoes', i, 'when', j], 'veto')));
  return out;
}

/**
 * A tier nobody can be given: no rule, no 其余情形, no veto and no quota demotion leads to it (a 较好 whose rule was
 * deleted). A maximum moves the rest to the tier after its lowest; an exclusion to the next tier not excluded.
 */
function unreachableTierWarnings(scheme: Scheme): string[] {
  const given = new Set(scheme.classification.rules.map((r) => r.tier));
  if (scheme.classification.otherwise.kind === 'tier') given.add(scheme.classification.otherwise.tier);
  const after = (tier: string, skip: readonly string[] = []) => scheme.tiers.slice(scheme.tiers.indexOf(tier) + 1).find((t) => !skip.includes(t));
  for (const v of scheme.vetoes) {
    const e = v.effect;
    if (e.kind === 'force' || e.kind === 'cap') given.add(e.tier);
    if (e.kind === 'exclude') e.tiers.forEach((t) => given.add(after(t, e.tiers) ?? t));
  }
  for (const q of scheme.quotas) {
    const lowest = scheme.tiers.filter((t) => q.tiers.includes(t)).pop();
    const next = q.kind === 'max' && lowest ? after(lowest) : undefined;
    if (next) given.add(next);
  }
  return scheme.tiers.flatMap((t, i) =>
    given.has(t) ? [] : [`${fieldAt(['tiers', i], scheme)}「${t}」：没有哪条等次规则给出这一等次，没有人会被定为「${t}」；是否漏写了规则（classification.rules）？`],
  );
}

/** One end of a range of scores: a number, or none (no limit); closed: the number itself is in the range. */
interface End {
  at: Fraction | null;
  closed: boolean;
}
interface Range {
  lo: End;
  hi: End;
}

/** The scores a rule made only of score conditions accepts; null when it accepts none. */
function ruleRange(conditions: Condition[]): Range | null {
  let lo: End = { at: null, closed: false };
  let hi: End = { at: null, closed: false };
  for (const c of conditions) {
    if (c.kind !== 'score') return null;
    const v = Fraction.fromDecimal(c.value);
    const closed = c.op === '>=' || c.op === '<=';
    if (c.op === '>=' || c.op === '>') {
      const cmp = lo.at === null ? 1 : v.compare(lo.at);
      if (cmp > 0 || (cmp === 0 && !closed)) lo = { at: v, closed };
    } else {
      const cmp = hi.at === null ? -1 : v.compare(hi.at);
      if (cmp < 0 || (cmp === 0 && !closed)) hi = { at: v, closed };
    }
  }
  if (lo.at && hi.at) {
    const cmp = lo.at.compare(hi.at);
    if (cmp > 0 || (cmp === 0 && !(lo.closed && hi.closed))) return null;
  }
  return { lo, hi };
}

/** A rule whose score conditions no score meets together (70分以上 and 不满70分). */
function emptyScoreRangeWarnings(scheme: Scheme): string[] {
  return scheme.classification.rules.flatMap((r, i) => {
    const scores = r.when.filter((c) => c.kind === 'score');
    return scores.length > 1 && ruleRange(scores) === null
      ? [`${fieldAt(['classification', 'rules', i, 'when'], scheme)}：分数条件不可能同时满足，没有人会因这条规则定为「${r.tier}」；是否写错了分数线或比较方式？`]
      : [];
  });
}

/** Whether the range reaching up to `hi` and the one starting at `lo` leave no score between them. */
function meets(hi: End, lo: End): boolean {
  if (hi.at === null || lo.at === null) return true;
  const cmp = hi.at.compare(lo.at);
  return cmp > 0 || (cmp === 0 && (hi.closed || lo.closed));
}

const plain = (f: Fraction) => f.toFixed(9).replace(/\.?0+$/, '');

/**
 * Tier rules on the score alone that leave scores between them to no tier: 超过60分 … / 不满60分 leave exactly 60,
 * 80分以上 / 不满70分 leave 70 to 80. Only where every rule is on the score alone and nothing else gives a tier (no
 * 其余情形); scores below the lowest rule or above the highest are not between rules and are not said.
 */
function scoreGapWarnings(scheme: Scheme, range: { min: Fraction; max: Fraction } | null): string[] {
  const rules = scheme.classification.rules;
  if (scheme.classification.otherwise.kind === 'tier' || rules.length < 2) return [];
  if (!rules.every((r) => r.when.length > 0 && r.when.every((c) => c.kind === 'score'))) return [];
  const ranges = rules.map((r) => ruleRange(r.when)).filter((r): r is Range => r !== null);
  // Lowest first; from below, the union of ranges so far reaches up to `reach`.
  const byLow = [...ranges].sort((a, b) => (a.lo.at === null ? -1 : b.lo.at === null ? 1 : a.lo.at.compare(b.lo.at) || Number(b.lo.closed) - Number(a.lo.closed)));
  const out: string[] = [];
  let reach: End | null = null;
  for (const r of byLow) {
    if (reach !== null && !meets(reach, r.lo) && reach.at && r.lo.at) {
      const [from, to] = [reach.at, r.lo.at];
      const inRange = !range || (to.compare(range.min) > 0 && from.compare(range.max) < 0) || (from.equals(to) && from.compare(range.min) >= 0 && from.compare(range.max) <= 0);
      if (inRange)
        out.push(
          from.equals(to)
            ? `定等次的规则（classification.rules）没有包括恰好 ${plain(from)} 分：得 ${plain(from)} 分的人不符合任何规则，将待定；是否应把一处“超过”或“不满”改为“以上（含）”或“以下（含）”？`
            : `定等次的规则（classification.rules）没有包括 ${plain(from)} 分${reach.closed ? '（不含）' : '（含）'}到 ${plain(to)} 分${r.lo.closed ? '（不含）' : '（含）'}之间的得分：这些人不符合任何规则，将待定；是否漏写了一条规则或写错了分数线？`,
        );
    }
    if (reach === null || r.hi.at === null || (reach.at !== null && (r.hi.at.compare(reach.at) > 0 || (r.hi.at.equals(reach.at) && r.hi.closed)))) reach = r.hi;
    if (reach.at === null) break;
  }
  return out;
}
