/**
 * The conditions a tier rule or a veto is made of, evaluated exactly and explained in words, so
 * every tier carries "which rule, which figures" (DOMAIN.md, cross-cutting rules).
 * Three-valued: a share with no valid votes is unknown, never silently false.
 */
import { Fraction, percent } from '../common/fraction';
import { Subject, flagText, hasFlag } from '../roster/roster';
import { Comparison, Condition, Scheme, ShareScope } from '../scheme/scheme-schema';
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

export interface ShareFigure {
  votes: number;
  denominator: number;
  share: Fraction | null;
  /** Round or group it belongs to, for 'each' and 'weighted' modes. */
  part?: string;
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
  for (const form of plan.forms) {
    const c = tally.sum(subject, [form.id], rounds, groups, () => form.items);
    for (const l of form.levels) votes += c.levels[l];
    for (const n of c.levels) denominator += n;
    if (scheme.counting.abstentionsInDenominator) denominator += c.abstain;
    if (scheme.counting.invalidInDenominator) denominator += c.invalid;
  }
  return { votes, denominator, share: denominator === 0 ? null : Fraction.of(votes, denominator) };
}

function roundSets(scheme: Scheme, scope: ShareScope): { name: string; ids: string[] }[] {
  const mode = scope.rounds ?? 'pooled';
  if (mode === 'pooled') return [{ name: '', ids: scheme.rounds.map((r) => r.id) }];
  const chosen = mode === 'each' ? scheme.rounds : scheme.rounds.filter((r) => mode.includes(r.id));
  if (mode !== 'each') return [{ name: chosen.map((r) => r.name).join('+'), ids: chosen.map((r) => r.id) }];
  return chosen.map((r) => ({ name: r.name, ids: [r.id] }));
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
      let weightSum = Fraction.ZERO;
      let votes = 0;
      let denominator = 0;
      let unknown = false;
      for (const g of scheme.raterGroups) {
        if (g.weight === 0) continue;
        const f = shareFigure(scheme, tally, subject, plan, rs.ids, [g.id]);
        votes += f.votes;
        denominator += f.denominator;
        if (f.share === null) unknown = true;
        else {
          const w = Fraction.fromDecimal(g.weight);
          weighted = weighted.add(f.share.mul(w));
          weightSum = weightSum.add(w);
        }
      }
      parts.push({ votes, denominator, share: unknown || weightSum.isZero() ? null : weighted.div(weightSum), part: [rs.name, '按类别加权'].filter(Boolean).join('·') });
    }
  }
  return parts;
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

function levelWords(scope: ShareScope): string {
  const names = scope.levels.map((l) => `「${l}」`).join('');
  return scope.orBetter ? `${names}及以上` : names;
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
      if (c.appliesTo === 'window' && !subject.window) return { holds: true, applies: false, text: `非窗口岗位，不适用${onForms}「${levelWords(c)}」得票率条件` };
      const threshold = percent(c.value);
      const parts = shareParts(scheme, tally, subject.index, c);
      const rule = `${levelWords(c)}票${c.groups === 'weighted' ? '（按类别加权）' : ''}得票率${thresholdPhrase(c.op, `${c.value}%`)}`;
      const texts = parts.map((p) => {
        const label = `${onForms}${p.part ? `${p.part} ` : ''}`;
        if (p.share === null) return `${label}无有效票`;
        const fig = c.groups === 'weighted' ? formatPercent(p.share) : `${p.votes}/${p.denominator} = ${formatPercent(p.share)}`;
        return `${label}${fig}`;
      });
      let holds: boolean | null = true;
      for (const p of parts) {
        if (p.share === null) holds = holds === false ? false : null;
        else if (!compare(p.share, c.op, threshold)) holds = false;
      }
      const scope = (c.rounds ?? 'pooled') === 'each' ? '各轮' : (c.rounds ?? 'pooled') === 'pooled' && scheme.rounds.length > 1 ? '各轮合计' : '';
      return { holds, text: `${scope}${texts.join('；')}，${holds === null ? '无法判断' : holds ? '符合' : '不符合'}「${rule}」` };
    }
    case 'roster-flag': {
      const holds = hasFlag(subject, c.field);
      return { holds, text: holds ? `名册「${c.field}」：${flagText(subject, c.field)}` : `名册「${c.field}」：无` };
    }
  }
}
