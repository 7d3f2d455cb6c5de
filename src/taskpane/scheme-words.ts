/**
 * The scheme's rules said in words for the pane: thresholds with 以上（含）/超过/以下（含）/不满 (the
 * engine's COMPARISON_WORDS, DOMAIN.md: 以上/以下 include the number, 超过/不满 exclude it), veto
 * effects, quotas and designations. Plain functions, no React.
 */
import { COMPARISON_WORDS, shareFormsLabel, shareWords } from '../core/rules/conditions';
import { Comparison, Condition, Designation, Quota, Scheme, Veto, isCountQuota } from '../core/scheme/scheme-schema';

export const COMPARISONS: readonly Comparison[] = ['>=', '>', '<=', '<'];

/** 以上（含） / 超过 / 以下（含） / 不满, with whether the number itself counts. */
export function comparisonWords(op: Comparison): string {
  const inclusive = op === '>=' || op === '<=';
  return `${COMPARISON_WORDS[op]}${inclusive ? '' : '（不含本数）'}`;
}

function levels(c: Extract<Condition, { kind: 'share' }>): string {
  const names = c.levels.map((l) => `「${l}」`).join('');
  return c.orBetter ? `${names}及更好等次` : names;
}

const GROUPS_WORDS = { pooled: '各类别合计', weighted: '按类别权重加权', each: '每个类别都要' } as const;

/**
 * One condition in words: 得分 85 分以上（含）; 「一般」「差」票得票率超过 10%; 名册「事故」栏有内容. Given the
 * scheme, a share names its form when there are several (附表2 「满意」「比较满意」票得票率 90%以上（含）).
 */
export function conditionWords(c: Condition, scheme?: Scheme): string {
  switch (c.kind) {
    case 'score':
      return thresholdWords('得分', c.op, c.value, ' 分');
    case 'share': {
      const forms = scheme ? shareFormsLabel(scheme, c.forms) : '';
      const scope: string[] = [];
      if (c.rounds === 'each') scope.push('每一轮都要');
      else if (Array.isArray(c.rounds)) scope.push(`轮次 ${c.rounds.join('、')}`);
      if (c.groups) scope.push(GROUPS_WORDS[c.groups]);
      if (c.items) scope.push(`项目：${c.items.join('、')}`);
      if (c.appliesTo === 'window') scope.push('只对窗口岗位');
      return `${forms ? `${forms} ` : ''}${thresholdWords(`${levels(c)}票得票率`, c.op, shareWords(c.value), '')}${scope.length ? `（${scope.join('；')}）` : ''}`;
    }
    case 'roster-flag':
      return `名册「${c.field}」栏有内容`;
  }
}

/** 超过 and 不满 read before the number (得分超过 85 分); 以上（含）/以下（含） after it (得分 85 分以上（含）). */
export function thresholdWords(what: string, o: Comparison, value: number | string, unit: string): string {
  if (o === '>' || o === '<') return `${what}${COMPARISON_WORDS[o]} ${value}${unit}`;
  return `${what} ${value}${unit}${COMPARISON_WORDS[o]}`;
}

export function vetoEffectWords(v: Veto): string {
  const e = v.effect;
  switch (e.kind) {
    case 'force':
      return `一律定为「${e.tier}」`;
    case 'cap':
      return `最高只能定为「${e.tier}」`;
    case 'exclude':
      return `不得评为${e.tiers.map((t) => `「${t}」`).join('')}`;
    case 'note':
      return `注明：${e.text}`;
  }
}

export function vetoWords(v: Veto, scheme?: Scheme): string {
  const joiner = (v.match ?? 'any') === 'any' ? '，或' : '，且';
  return `${v.when.map((c) => conditionWords(c, scheme)).join(joiner)}：${vetoEffectWords(v)}`;
}

const ROUNDING_WORDS = { floor: '向下取整', ceil: '向上取整', round: '四舍五入' } as const;

export function quotaBaseWords(q: Quota, scheme: Scheme): string {
  if (typeof q.of === 'number') return `${q.of} 人`;
  if (q.of === 'members') {
    if (typeof scheme.memberCount === 'object') return `党员（成员）人数（按单位：${memberCountWords(scheme.memberCount)}）`;
    return scheme.memberCount !== undefined ? `党员（成员）人数 ${scheme.memberCount} 人` : '党员（成员）人数（未填写，暂按名册人数）';
  }
  return '参评人数';
}

/** 第一支部 12 人、第二支部 15 人: a 党员人数 given per unit. */
export function memberCountWords(counts: Record<string, number>): string {
  return Object.entries(counts).map(([unit, n]) => `${unit} ${n} 人`).join('、');
}

/**
 * A quota in words: 「优秀」不超过参评人数的 20%（向下取整）; a count 「优秀」不超过 3 名, 每个单位「优秀」不超过 2 名,
 * 「优秀党员」按单位分配名额，各单位不超过：第一支部 2 名、第二支部 1 名.
 */
export function quotaWords(q: Quota, scheme: Scheme): string {
  const tiers = q.tiers.map((t) => `「${t}」`).join('');
  const bound = q.kind === 'max' ? '不超过' : '不少于';
  if (isCountQuota(q)) {
    const unit = (scheme.classification.appliesTo ?? scheme.subjectKind) === 'organisation' ? '个' : '名';
    if (typeof q.count === 'object')
      return `${tiers}按单位分配名额，各单位${bound}：${Object.entries(q.count).map(([u, n]) => `${u} ${n} ${unit}`).join('、')}`;
    return `${q.per === 'unit' ? '每个单位' : ''}${tiers}${bound} ${q.count} ${unit}`;
  }
  return `${tiers}${bound}${quotaBaseWords(q, scheme)}的 ${shareWords(q.share!)}（${ROUNDING_WORDS[q.rounding!]}）`;
}

/**
 * 排名末位不低于 10% 列入「重点管理」; by category (seed 003 篇七 四、(三)): 按类别分别计算，排名末位农村不低于 10%、
 * 其他类别不低于 5% 列入「重点管理」; without a catch-all the other categories are said to have none.
 */
export function designationWords(d: Designation): string {
  const how = d.kind === 'at-least' ? '不低于' : '约';
  if (!d.byCategory) return `排名末位${how} ${shareWords(d.share ?? 0)} 列入「${d.name}」`;
  const own = d.byCategory.map((e) => `${e.categories.join('、')}${how} ${shareWords(e.share)}`);
  const rest = d.share !== undefined ? `其他类别${how} ${shareWords(d.share)}` : '其他类别无比例（不参加认定）';
  return `按类别分别计算，排名末位${[...own, rest].join('，')} 列入「${d.name}」`;
}

/**
 * A decimal typed by the user, as the scheme stores it: an integer as a number, a decimal as its
 * exact text ("85.5"), so no binary rounding enters a threshold. Null when it is not a number.
 */
export function parseDecimal(text: string): number | string | null {
  const t = text.trim().replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (!/^-?\d{1,9}(\.\d{1,9})?$/.test(t)) return null;
  return /\./.test(t) ? t.replace(/0+$/, '').replace(/\.$/, '') : Number(t);
}
