/**
 * The conditions a tier rule or a veto is made of, evaluated exactly and explained in words, so
 * every tier carries "which rule, which figures" (DOMAIN.md, cross-cutting rules).
 * Three-valued: a share with no valid votes is unknown, never silently false.
 */
import { Fraction, isShareFraction, percent } from '../common/fraction';
import { Subject, flagText, hasFlag } from '../roster/roster';
import { Comparison, Condition, Scheme, ShareCondition, ShareScope } from '../scheme/scheme-schema';
import { Tally } from '../tally/tally';

export interface ConditionResult {
  holds: boolean | null;
  /** false: the condition does not concern this subject (a window-post rule on another post); it holds, but fires no veto. */
  applies?: false;
  /** The condition and its figures in Chinese, e.g. 「优秀」票 8/10 = 80.00%，达到 70% 以上. */
  text: string;
}

export const COMPARISON_WORDS: Record<Comparison, string> = {
  '>=': '以上（含）',
  '>': '超过',
  '<=': '以下（含）',
  '<': '不满',
};

/** A threshold in words, the way regulations write it: 85分以上（含）, 超过10%, 不满60%. */
export function thresholdPhrase(op: Comparison, value: string): string {
  return op === '>' || op === '<' ? `${COMPARISON_WORDS[op]}${value}` : `${value}${COMPARISON_WORDS[op]}`;
}

export function compare(value: Fraction, op: Comparison, threshold: Fraction): boolean {
  const c = value.compare(threshold);
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
  }
}

/** Most places a figure is ever shown with: beyond, the thresholds (at most 9 decimals) are all told apart. */
const MAX_PLACES = 12;

/**
 * The places to show `value` with: the scheme's, or as many more as it takes for the figure shown to fall on the
 * same side of every reference as the exact value (84.9976 against 85 is 84.998, not 85.00, DOMAIN.md: the tier's
 * reason must not contradict its figures). Comparisons stay exact; only the display changes.
 */
export function placesToShow(value: Fraction, places: number, refs: readonly Fraction[]): number {
  for (let p = places; p < MAX_PLACES; p++) {
    const shown = Fraction.fromDecimal(value.toFixed(p));
    if (refs.every((ref) => Math.sign(shown.compare(ref)) === Math.sign(value.compare(ref)))) return p;
  }
  return MAX_PLACES;
}

/** The places at which two different values no longer look equal (89.9975 and 90: 3, 89.998 and 90.000). */
export function placesToTellApart(a: Fraction, b: Fraction, places: number): number {
  if (a.equals(b)) return places;
  let p = places;
  while (p < MAX_PLACES && a.toFixed(p) === b.toFixed(p)) p++;
  return p;
}

/** Every score threshold of the scheme's tier rules and vetoes: a score is shown so that it sits on the right side of each. */
export function scoreThresholds(scheme: Scheme): Fraction[] {
  const conditions = [...scheme.classification.rules.flatMap((r) => r.when), ...scheme.vetoes.flatMap((v) => v.when)];
  return conditions.flatMap((c) => (c.kind === 'score' ? [Fraction.fromDecimal(c.value)] : []));
}

export function formatPercent(f: Fraction): string {
  return `${f.mul(Fraction.of(100)).toFixed(2)}%`;
}

/**
 * A share as the scheme writes it, for a rule, a quota or a designation in words: 70%, 33.5%, or the fraction
 * written ("1/3"), which no percentage is exactly.
 */
export function shareWords(value: number | string): string {
  return isShareFraction(value) ? value.trim() : `${value}%`;
}

const HUNDRED = Fraction.of(100);

/**
 * A share shown beside the threshold it was judged against, with the places that put the figure on the threshold's
 * side that it is on (DOMAIN.md: figures never contradict the tier): 6/9 against 66.67% is 66.667%, not 66.67%;
 * 3/9 against "1/3" is 33.33% (equal, and shown as the third it is). Two places unless more are needed.
 */
const againstCache = new Map<string, string>();
export function percentAgainst(share: Fraction, threshold: Fraction): string {
  const key = `${share.num}/${share.den}|${threshold.num}/${threshold.den}`;
  let hit = againstCache.get(key);
  if (hit === undefined) {
    const [value, ref] = [share.mul(HUNDRED), threshold.mul(HUNDRED)];
    const exact = (p: number) => Fraction.fromDecimal(value.toFixed(p)).equals(value);
    let places = 2;
    if (!value.equals(ref)) places = placesToShow(value, 2, [ref]);
    else {
      // Equal: shown exactly where a few more places can (33.335%), else rounded as usual (a third: 33.33%).
      while (places < 6 && !exact(places)) places++;
      if (!exact(places)) places = 2;
    }
    hit = `${value.toFixed(places)}%`;
    if (againstCache.size >= 100_000) againstCache.clear(); // bounded
    againstCache.set(key, hit);
  }
  return hit;
}

/**
 * votes/total as a percentage, remembered: every subject's reasons and figures say such shares of whole
 * counts, mostly the same few (the formatting, exact, was a third of evaluate).
 */
const percents = new Map<number, string>();
export function percentOf(votes: number, total: number): string {
  if (!(Number.isInteger(votes) && Number.isInteger(total) && votes >= 0 && total > 0 && votes < 2 ** 26 && total < 2 ** 26))
    return formatPercent(Fraction.of(votes, total));
  const key = votes * 2 ** 26 + total;
  let hit = percents.get(key);
  if (hit === undefined) {
    if (percents.size >= 100_000) percents.clear(); // bounded
    hit = formatPercent(Fraction.of(votes, total));
    percents.set(key, hit);
  }
  return hit;
}

export interface ShareFigure {
  votes: number;
  denominator: number;
  share: Fraction | null;
  /** Round or group it belongs to, for 'each' and 'weighted' modes. */
  part?: string;
  /** groups: weighted: each group's own share and its weight (of the weights' sum), so the combined figure can be checked. */
  groups?: WeightedGroupShare[];
  /** Abstentions and invalid entries the scheme leaves out of the denominator (counting), said beside the figure. */
  leftOut?: LeftOut;
}

/** Votes on the subject that are not in a share's denominator by the scheme's counting settings. */
export interface LeftOut {
  abstain: number;
  invalid: number;
}

/**
 * 「（另有 2 票未评、1 票无效，按方案不计入）」: what a share's denominator leaves out, so a member told 4/7 knows why
 * 9 ballots make 7 (DOMAIN: abstentions are counted and reported separately); '' when nothing is left out.
 */
export function leftOutWords(leftOut: LeftOut | undefined): string {
  const clause = leftOutClause(leftOut);
  return clause ? `（${clause}）` : '';
}

/** The same without the brackets, to join another note in one pair: 另有 2 票未评，按方案不计入. */
function leftOutClause(leftOut: LeftOut | undefined): string {
  if (!leftOut || leftOut.abstain + leftOut.invalid === 0) return '';
  const parts = [...(leftOut.abstain > 0 ? [`${leftOut.abstain} 票未评`] : []), ...(leftOut.invalid > 0 ? [`${leftOut.invalid} 票无效`] : [])];
  return `另有 ${parts.join('、')}，按方案不计入`;
}

export interface WeightedGroupShare {
  group: string;
  votes: number;
  denominator: number;
  share: Fraction | null;
  leftOut?: LeftOut;
  /** The group's weight as a part of the sum of the weights (50 and 50: 1/2). */
  weight: Fraction;
}

/**
 * A group's weight in words: a percentage where it is one exactly to two places (50%, 33.5%), else the fraction
 * (1/3), so the sum written out in a reason or on 统计表 recomputes exactly.
 */
const weightTexts = new Map<string, string>();
export function weightWords(weight: Fraction): string {
  const key = `${weight.num}/${weight.den}`;
  let text = weightTexts.get(key);
  if (text === undefined) weightTexts.set(key, (text = weightText(weight)));
  return text;
}

function weightText(weight: Fraction): string {
  const pct = weight.mul(Fraction.of(100));
  const shown = pct.toFixed(2);
  if (!Fraction.fromDecimal(shown).equals(pct)) return `${weight.num}/${weight.den}`;
  return `${shown.replace(/\.?0+$/, '')}%`;
}

/**
 * 服务对象代表 5/10＝50.00%×50% ＋ 党组织负责人 2/4＝50.00%×50% ＝ 50.00%: a weighted share and the group figures it is
 * made of; the combined figure with the places its threshold asks for, when it is judged against one.
 */
export function weightedShareWords(p: ShareFigure, threshold?: Fraction): string {
  const terms = (p.groups ?? []).map(
    (g) =>
      (g.share === null ? `${g.group} 无有效票` : `${g.group} ${g.votes}/${g.denominator}＝${percentOf(g.votes, g.denominator)}×${weightWords(g.weight)}`) +
      leftOutWords(g.leftOut),
  );
  const without = (p.groups ?? []).filter((g) => g.share === null).map((g) => g.group);
  // Rescaled over the groups with votes (counting.missingGroup: rescale): said, with the groups left out.
  const rescaled = p.share !== null && without.length > 0 ? `（${without.join('、')}无有效票，按其余类别的权重折算）` : '';
  const total = p.share === null ? '' : ` ＝ ${threshold ? percentAgainst(p.share, threshold) : formatPercent(p.share)}`;
  return `${terms.join(' ＋ ')}${total}${rescaled}`;
}

/** Levels counted by a scope on one form's scale: the ones named, and with orBetter every better one. */
export function levelSetFor(scheme: Scheme, formId: string, scope: Pick<ShareScope, 'levels' | 'orBetter'>): number[] {
  const form = scheme.forms.find((f) => f.id === formId)!;
  if (form.response.kind !== 'tier') return [];
  const scaleId = form.response.scale;
  const scale = scheme.scales.find((s) => s.id === scaleId)!;
  const named = scale.levels.map((l, i) => (scope.levels.includes(l.label) ? i : -1)).filter((i) => i >= 0);
  if (named.length === 0) return [];
  if (!scope.orBetter) return named;
  const worst = Math.max(...named);
  return scale.levels.map((_, i) => i).filter((i) => i <= worst);
}

/** A share scope as the scheme resolves it: which forms count, with their levels and items, and the round sets. */
interface ScopePlan {
  forms: { id: string; levels: number[]; items: number[] }[];
  roundSets: { name: string; ids: string[] }[];
  allGroups: string[];
}

/**
 * Plans per scheme and scope object, made on first use: every subject asks the same questions of the
 * scheme (which levels, items, rounds), and answering them per subject was most of `evaluate`.
 * Schemes are not changed once loaded; a changed copy is another object, with plans of its own.
 */
const plans = new WeakMap<Scheme, WeakMap<ShareScope, ScopePlan>>();

function planFor(scheme: Scheme, scope: ShareScope): ScopePlan {
  let byScope = plans.get(scheme);
  if (byScope === undefined) plans.set(scheme, (byScope = new WeakMap()));
  let plan = byScope.get(scope);
  if (plan === undefined) {
    const forms = scheme.forms
      .filter((f) => f.response.kind === 'tier' && (!scope.forms || scope.forms.includes(f.id)))
      .map((f) => ({
        id: f.id,
        levels: levelSetFor(scheme, f.id, scope),
        items: f.itemLabels.map((l, i) => (!scope.items || scope.items.includes(l) ? i : -1)).filter((i) => i >= 0),
      }))
      .filter((f) => f.levels.length > 0);
    plan = { forms, roundSets: roundSets(scheme, scope), allGroups: scheme.raterGroups.map((g) => g.id) };
    byScope.set(scope, plan);
  }
  return plan;
}

/** Votes for the scope's levels over the valid votes (the denominator follows the scheme's counting setting). */
function shareFigure(scheme: Scheme, tally: Tally, subject: number, plan: ScopePlan, rounds: string[], groups: string[]): ShareFigure {
  let votes = 0;
  let denominator = 0;
  const leftOut: LeftOut = { abstain: 0, invalid: 0 };
  for (const form of plan.forms) {
    const c = tally.sum(subject, [form.id], rounds, groups, () => form.items);
    for (const l of form.levels) votes += c.levels[l];
    for (const n of c.levels) denominator += n;
    if (scheme.counting.abstentionsInDenominator) denominator += c.abstain;
    else leftOut.abstain += c.abstain;
    if (scheme.counting.invalidInDenominator) denominator += c.invalid;
    else leftOut.invalid += c.invalid;
  }
  return { votes, denominator, share: denominator === 0 ? null : Fraction.of(votes, denominator), leftOut };
}

/** The round sets a scope reads, one per part shareParts gives, in its order. */
export function roundSets(scheme: Scheme, scope: ShareScope): { name: string; ids: string[] }[] {
  const mode = scope.rounds ?? 'pooled';
  if (mode === 'pooled') return [{ name: '', ids: scheme.rounds.map((r) => r.id) }];
  const chosen = mode === 'each' ? scheme.rounds : scheme.rounds.filter((r) => mode.includes(r.id));
  if (mode !== 'each') return [{ name: chosen.map((r) => r.name).join('+'), ids: chosen.map((r) => r.id) }];
  return chosen.map((r) => ({ name: r.name, ids: [r.id] }));
}

/** The groups with a weight and each one's part of the weights' sum (50 and 50: 1/2), worked out once per scheme. */
const weightsOf = new WeakMap<Scheme, { id: string; name: string; weight: Fraction }[]>();
function groupWeights(scheme: Scheme): { id: string; name: string; weight: Fraction }[] {
  let list = weightsOf.get(scheme);
  if (list === undefined) {
    const weighted = scheme.raterGroups.filter((g) => g.weight > 0);
    const sum = weighted.reduce((a, g) => a.add(Fraction.fromDecimal(g.weight)), Fraction.ZERO);
    weightsOf.set(scheme, (list = weighted.map((g) => ({ id: g.id, name: g.name, weight: Fraction.fromDecimal(g.weight).div(sum) }))));
  }
  return list;
}

/**
 * The share for a scope, as one exact figure per part that must pass: one part when pooled, one per round
 * (rounds: each) or per group (groups: each); groups: weighted combines group shares by weight.
 */
export function shareParts(scheme: Scheme, tally: Tally, subject: number, scope: ShareScope): ShareFigure[] {
  const groupMode = scope.groups ?? 'pooled';
  const plan = planFor(scheme, scope);
  const parts: ShareFigure[] = [];
  for (const rs of plan.roundSets) {
    if (groupMode === 'pooled') {
      parts.push({ ...shareFigure(scheme, tally, subject, plan, rs.ids, plan.allGroups), part: rs.name });
    } else if (groupMode === 'each') {
      for (const g of scheme.raterGroups)
        parts.push({ ...shareFigure(scheme, tally, subject, plan, rs.ids, [g.id]), part: [rs.name, g.name].filter(Boolean).join('·') });
    } else {
      let weighted = Fraction.ZERO;
      let votes = 0;
      let denominator = 0;
      // The weight of the groups with votes: all of it (1) unless a group has none (counting.missingGroup).
      let present = Fraction.ZERO;
      const groups: WeightedGroupShare[] = [];
      for (const { id, name, weight } of groupWeights(scheme)) {
        const f = shareFigure(scheme, tally, subject, plan, rs.ids, [id]);
        groups.push({ group: name, votes: f.votes, denominator: f.denominator, share: f.share, weight, leftOut: f.leftOut });
        votes += f.votes;
        denominator += f.denominator;
        if (f.share !== null) {
          weighted = weighted.add(f.share.mul(weight));
          present = present.add(weight);
        }
      }
      const missing = groups.some((g) => g.share === null);
      const unknown = present.isZero() || (missing && scheme.counting.missingGroup !== 'rescale');
      parts.push({ votes, denominator, share: unknown ? null : missing ? weighted.div(present) : weighted, part: [rs.name, '按类别加权'].filter(Boolean).join('·'), groups });
    }
  }
  return parts;
}

/** The names of the rater groups whose votes a pooled share adds together: those that rate the scope's forms. */
function pooledGroups(scheme: Scheme, scope: ShareScope): string[] {
  const forms = planFor(scheme, scope).forms.map((f) => scheme.forms.find((x) => x.id === f.id)!);
  return scheme.raterGroups.filter((g) => forms.some((f) => !f.raterGroups || f.raterGroups.includes(g.id))).map((g) => g.name);
}

/** A form as a clerk calls it: its annex number when it has one (附表2), else its title. */
export function formLabel(scheme: Scheme, formId: string): string {
  const form = scheme.forms.find((f) => f.id === formId);
  if (!form) return formId;
  return form.aliases?.find((a) => /^附(表|件)?\s*[0-9一二三四五六七八九十]+$/.test(a)) ?? form.title;
}

/**
 * Which forms a share is taken from, as a clerk calls them (附表2, 附表2+附表3), when the scheme has more
 * than one tier form to choose from (附表2 and 附表3 are not pooled); '' otherwise, where it goes without saying.
 */
export function shareFormsLabel(scheme: Scheme, forms: readonly string[] | undefined): string {
  if (!forms || scheme.forms.filter((f) => f.response.kind === 'tier').length < 2) return '';
  return forms.map((id) => formLabel(scheme, id)).join('+');
}

/** 「满意」「比较满意」; inside a quoted rule 『满意』『比较满意』 (quotes within 「」 are 『』). */
function levelWords(scope: ShareScope, quoted = false): string {
  const names = scope.levels.map((l) => (quoted ? `『${l}』` : `「${l}」`)).join('');
  return scope.orBetter ? `${names}及以上` : names;
}

/** A share condition in words, as the reasons quote it: 「优秀」票（按类别加权）得票率50%以上（含）. */
export function shareRuleWords(c: ShareCondition, quoted = false): string {
  return `${levelWords(c, quoted)}票${c.groups === 'weighted' ? '（按类别加权）' : ''}得票率${thresholdPhrase(c.op, shareWords(c.value))}`;
}

export function evaluateCondition(
  scheme: Scheme,
  tally: Tally,
  subject: Subject,
  score: Fraction | null,
  c: Condition,
  places: number,
  /** The score as the outputs show it (enough places to sit on the right side of every threshold); default: rounded to places. */
  scoreShown?: string | null,
): ConditionResult {
  switch (c.kind) {
    case 'score': {
      const threshold = Fraction.fromDecimal(c.value);
      const rule = `得分${thresholdPhrase(c.op, `${c.value}分`)}`;
      if (score === null) return { holds: null, text: `${rule}：无有效得分` };
      const holds = compare(score, c.op, threshold);
      const shown = scoreShown ?? score.toFixed(placesToShow(score, places, [threshold]));
      return { holds, text: `得分 ${shown}，${holds ? '符合' : '不符合'}「${rule}」` };
    }
    case 'share': {
      // Which form the figure is from, when the scheme has more than one to choose from (附表2 and 附表3 are not pooled).
      const label = shareFormsLabel(scheme, c.forms);
      const onForms = label ? `${label} ` : '';
      if (c.appliesTo === 'window' && !subject.window) return { holds: true, applies: false, text: `非窗口岗位，不适用${onForms}${levelWords(c)}得票率条件` };
      const threshold = percent(c.value);
      const parts = shareParts(scheme, tally, subject.index, c);
      const rule = shareRuleWords(c, true);
      // A form of several items (三个专项) counts one vote per item and ballot: the denominator says so (6/60, not 6/20).
      const items = Math.max(0, ...planFor(scheme, c).forms.map((f) => f.items.length));
      // Rater groups pooled (a票、b票、c票 added as counted) where a score may weigh them: said, so the 20 c票 are seen to weigh most.
      const pooled = (c.groups ?? 'pooled') === 'pooled' ? pooledGroups(scheme, c) : [];
      const groupsNote = pooled.length > 1 ? `${pooled.join('、')}${items > 1 ? ' ' : '的票合计，不按类别加权'}` : '';
      const note = items > 1 ? `${groupsNote}${items} 个评价项目的票合计${groupsNote ? '，不按类别加权' : ''}` : groupsNote;
      // One figure: what it counts and what it leaves out in one pair of brackets; several: each says its own.
      const single = parts.length === 1 && !parts[0].groups && note !== '';
      const texts = parts.map((p) => {
        if (p.groups) {
          // The rule already says 按类别加权: the label names only the round, the figure each group's share and weight.
          const round = p.part?.replace(/·?按类别加权$/, '');
          return `${onForms}${round ? `${round} ` : ''}${weightedShareWords(p, threshold)}`;
        }
        const label = `${onForms}${p.part ? `${p.part} ` : ''}`;
        const left = single ? '' : leftOutWords(p.leftOut);
        if (p.share === null) return `${label}无有效票${left}`;
        return `${label}${p.votes}/${p.denominator} = ${percentAgainst(p.share, threshold)}${left}`;
      });
      let holds: boolean | null = true;
      for (const p of parts) {
        if (p.share === null) holds = holds === false ? false : null;
        else if (!compare(p.share, c.op, threshold)) holds = false;
      }
      const scope = (c.rounds ?? 'pooled') === 'each' ? '各轮分别为' : (c.rounds ?? 'pooled') === 'pooled' && scheme.rounds.length > 1 ? '各轮合计 ' : '';
      const leftOut = single ? leftOutClause(parts[0].leftOut) : '';
      const itemsNote = note ? `（${note}${leftOut ? `；${leftOut}` : ''}）` : '';
      return { holds, text: `${scope}${texts.join('；')}${itemsNote}，${holds === null ? '无法判断' : holds ? '符合' : '不符合'}「${rule}」` };
    }
    case 'roster-flag': {
      const holds = hasFlag(subject, c.field);
      return { holds, text: holds ? `名册「${c.field}」：${flagText(subject, c.field)}` : `名册「${c.field}」：无` };
    }
  }
}
