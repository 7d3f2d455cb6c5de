/**
 * Values a scheme may have (they pass loadScheme) but that are probably slips of a clerk editing the file,
 * each of which changes every tier without a word: a share threshold written as a fraction (0.7 for 70%,
 * read as 0.7%), a score threshold outside what a score can be (0.85 on a 0–100 form), group weights
 * that do not add up to 100 (60/50, silently 54.55% / 45.45%); rules that contradict each other or can never act
 * (scheme-contradictions.ts). The command line prints these when it loads
 * a scheme and the task pane shows them beside the scheme; the scheme is used as written (DOMAIN.md:
 * nothing guessed, so nothing is "corrected" either).
 */
import { Fraction, isShareFraction } from '../common/fraction';
import type { RosterEntry } from '../roster/roster';
import { formatPercent } from '../rules/conditions';
import { FieldPath, fieldAt } from './field-words';
import { contradictionWarnings } from './scheme-contradictions';
import { Condition, Scheme } from './scheme-schema';

const HUNDRED = Fraction.of(100);

/** One line per doubtful value, naming the field in words and by its path; none for the presets. */
export function schemeWarnings(scheme: Scheme): string[] {
  const warnings: string[] = [];
  const range = scoreRange(scheme);
  const conditions: [Condition, FieldPath][] = [
    ...scheme.classification.rules.flatMap((r, i) => r.when.map((c, j): [Condition, FieldPath] => [c, ['classification', 'rules', i, 'when', j]])),
    ...scheme.vetoes.flatMap((v, i) => v.when.map((c, j): [Condition, FieldPath] => [c, ['vetoes', i, 'when', j]])),
  ];
  for (const [c, path] of conditions) {
    if (c.kind === 'share') shareWarning(scheme, c.value, [...path, 'value'], warnings);
    if (c.kind === 'score' && range) scoreWarning(scheme, c.value, [...path, 'value'], range, warnings);
  }
  scheme.quotas.forEach((q, i) => q.share !== undefined && shareWarning(scheme, q.share, ['quotas', i, 'share'], warnings, '人'));
  scheme.designations.forEach((d, i) => {
    if (d.share !== undefined) shareWarning(scheme, d.share, ['designations', i, 'share'], warnings, '个');
    d.byCategory?.forEach((e, k) => shareWarning(scheme, e.share, ['designations', i, 'byCategory', k, 'share'], warnings, '个'));
  });
  const weights = weightWarning(scheme);
  if (weights) warnings.push(weights);
  warnings.push(...scoreOrderWarnings(scheme));
  warnings.push(...roundsPooledWarnings(scheme));
  warnings.push(...contradictionWarnings(scheme, range));
  const years = yearWarning(scheme);
  if (years) warnings.push(years);
  return warnings;
}

/**
 * 考核年度 and 结果公布日期 that cannot both be right: results published before the year they are for, or more
 * than a year after it (a 2026年度 campaign is counted by 2027's spring: seed 001 「次年1月5日前」, seed 003 「3月底前」).
 */
function yearWarning(scheme: Scheme): string | null {
  if (scheme.year === undefined || scheme.resultsDate === undefined) return null;
  const dateYear = Number(scheme.resultsDate.slice(0, 4));
  if (dateYear === scheme.year || dateYear === scheme.year + 1) return null;
  return `考核年度 ${scheme.year} 与结果公布日期 ${scheme.resultsDate} 不相符（结果一般在本年度年底或次年公布），请核实其中一项；标题按考核年度写作“${scheme.year}年度”，整改期限从结果公布日期起算`;
}

/**
 * Tier rules on the score alone, best tier first (as the rules are judged): a better tier asking for a lower
 * score than a worse one, or for a score at most some line, turns the scale upside down or leaves a tier
 * out of reach (称职 at 90 after 优秀 at 85: no one is 称职).
 */
function scoreOrderWarnings(scheme: Scheme): string[] {
  const lines = scheme.classification.rules.flatMap((rule, i) =>
    rule.when.length === 1 && rule.when[0].kind === 'score' ? [{ tier: rule.tier, i, op: rule.when[0].op, value: Fraction.fromDecimal(rule.when[0].value), raw: rule.when[0].value }] : [],
  );
  const out: string[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const [better, worse] = [lines[k], lines[k + 1]];
    const at = fieldAt(['classification', 'rules', better.i, 'when', 0], scheme);
    const upward = (op: string) => op === '>=' || op === '>';
    if (!upward(better.op) && upward(worse.op))
      out.push(`${at}是「${better.tier}」要求得分${better.op === '<=' ? `${better.raw} 分以下（含）` : `不满 ${better.raw} 分`}，而较低的「${worse.tier}」要求分数更高：是否选错了比较方式（应为“以上（含）”）？`);
    else if (upward(better.op) && upward(worse.op) && better.value.compare(worse.value) < 0)
      out.push(`${at}：「${better.tier}」的分数线 ${better.raw} 低于「${worse.tier}」的 ${worse.raw}，达到 ${worse.raw} 分的人已先定为「${better.tier}」，「${worse.tier}」无人能达到：是否写反了？`);
  }
  return out;
}

/**
 * A score form used in several rounds: the score is the mean of every ballot of every round (evaluate.ts
 * computeScore), so the round with more raters weighs more (8 村评 ballots against 3 镇评 ones), where a clerk
 * expects the rounds combined by a rule (村评40%＋镇评60%). The scheme has no round weights; the two ways to write
 * one are said. Not said where the form has a weighted rater group for each round (one group per round is one of
 * those ways).
 */
function roundsPooledWarnings(scheme: Scheme): string[] {
  if (scheme.scoring.method === 'none' || scheme.rounds.length < 2) return [];
  const scored = (f: Scheme['forms'][number]) => (scheme.scoring.method === 'score' ? f.response.kind === 'score' : f.response.kind === 'tier');
  return scheme.forms.flatMap((f, i) => {
    if (!scored(f)) return [];
    const rounds = scheme.rounds.filter((r) => !f.rounds || f.rounds.includes(r.id));
    const groups = scheme.raterGroups.filter((g) => g.weight > 0 && (!f.raterGroups || f.raterGroups.includes(g.id)));
    if (rounds.length < 2 || groups.length >= rounds.length) return [];
    const names = rounds.map((r) => r.name).join('、');
    return [
      `${fieldAt(['forms', i], scheme)}在 ${rounds.length} 个轮次（${names}）都用：得分将把各轮的评分合在一起按票数平均，票多的一轮占比大，不是各轮分别计算后加权或相加。` +
        `如要按轮次计算（如${rounds[0].name}40%＋${rounds[1].name}60%），可每轮设一个评议人类别并设权重（raterGroups 的 weight），` +
        `或每轮用一张测评表（测评表的 rounds 只写该轮，满分按各轮占比，如 40 分和 60 分）并把各项目合并方式设为相加（scoring.items 为 "sum"）`,
    ];
  });
}

/**
 * 党员人数 (memberCount, the command line's --members) below the people the roster lists to be rated: a quota "of
 * members" counts from it (9 members listed, --members 5: 「不超过 5 人的 20%」, 1 place), and a branch cannot have
 * fewer members than it rates, so it is most likely a slip. Said where scheme and roster meet (engine.ts); only
 * where a quota counts from it (per unit over several units each unit counts its own, evaluate.ts).
 */
export function memberCountWarnings(scheme: Scheme, subjects: readonly RosterEntry[]): string[] {
  const members = scheme.memberCount;
  if (members === undefined) return [];
  const appliesTo = scheme.classification.appliesTo;
  const rated = subjects.filter((s) => !appliesTo || (s.kind ?? 'person') === appliesTo);
  if (typeof members === 'object') return unitMemberCountWarnings(scheme, members, rated);
  const units = new Set(rated.map((s) => s.unit ?? '')).size;
  const quotas = scheme.quotas.filter((q) => q.of === 'members' && !(q.per === 'unit' && units >= 2));
  if (quotas.length === 0 || members >= rated.length) return [];
  const tiers = [...new Set(quotas.flatMap((q) => q.tiers))].map((t) => `「${t}」`).join('');
  return [
    `${fieldAt(['memberCount'], scheme)}为 ${members}，少于名册中参加评议的 ${rated.length} 人：${tiers}的名额按 ${members} 人计算；党员（成员）人数不会少于名册所列的人，是否写错了（命令行为 --members）？`,
  ];
}

/** The same, unit by unit, for a 党员人数 given per unit (第一支部 12 with 14 of 第一支部 on the roster). */
function unitMemberCountWarnings(scheme: Scheme, members: Record<string, number>, rated: readonly RosterEntry[]): string[] {
  const quotas = scheme.quotas.filter((q) => q.of === 'members');
  if (quotas.length === 0) return [];
  const tiers = [...new Set(quotas.flatMap((q) => q.tiers))].map((t) => `「${t}」`).join('');
  return Object.entries(members).flatMap(([unit, count]) => {
    const listed = rated.filter((s) => (s.unit ?? '') === unit).length;
    if (count >= listed) return [];
    return [
      `${fieldAt(['memberCount'], scheme)}中「${unit}」为 ${count}，少于名册中该单位参加评议的 ${listed} 人：${tiers}的名额按 ${count} 人计算；党员（成员）人数不会少于名册所列的人，是否写错了（命令行为 --members ${unit}=人数）？`,
    ];
  });
}

/** A decimal without trailing zeros: 70, 85.5. */
function plain(f: Fraction): string {
  return f.toFixed(9).replace(/\.?0+$/, '');
}

/**
 * Percentages are written as 70 for 70% (scheme-schema.ts); above 0 and up to 1 is most likely a fraction
 * (0.7 for 70%). Exactly 1 is included: "1%" is as unlikely a threshold as 0.7%.
 */
/** `counted`: what the share is of, 票 for a vote share, 人 or 个 for a quota or a designation (9 人中的 3 人). */
function shareWarning(scheme: Scheme, value: number | string, path: FieldPath, warnings: string[], counted = '票'): void {
  // "1/3" says exactly what it means.
  if (isShareFraction(value)) return;
  const v = Fraction.fromDecimal(value);
  const third = nearThird(v);
  if (third)
    warnings.push(
      `${fieldAt(path, scheme)}是 ${value}，即 ${value}%，比${third.words}略${v.compare(third.exact) < 0 ? '小' : '大'}：恰为${third.words}的（如 9 ${counted}中的 ${third.of9} ${counted}）会算到另一边；如本意是${third.words}，请写 "${third.text}"；现按 ${value}% 计算`,
    );
  if (v.compare(Fraction.ZERO) <= 0 || v.compare(Fraction.ONE) > 0) return;
  const meant = plain(v.mul(HUNDRED));
  warnings.push(`${fieldAt(path, scheme)}是 ${value}，即 ${value}%：是否应为 ${meant}（即 ${meant}%）？百分比按“70 表示 70%”书写；现按 ${value}% 计算`);
}

/**
 * 33.33 or 66.7 for 三分之一 / 三分之二 (不合格票超过三分之一, 优秀不超过党员人数的三分之一): no decimal is a third,
 * so an exact third (3 of 9) falls on the wrong side of it, or 9 × 33.33% rounds down to 2 places, not 3.
 */
function nearThird(v: Fraction): { words: string; text: string; exact: Fraction; of9: number } | null {
  for (const [k, words] of [[1, '三分之一'], [2, '三分之二']] as const) {
    const exact = Fraction.of(100 * k, 3);
    const gap = v.sub(exact);
    const distance = gap.compare(Fraction.ZERO) < 0 ? exact.sub(v) : gap;
    if (!distance.isZero() && distance.compare(Fraction.of(1, 10)) < 0) return { words, text: `${k}/3`, exact, of9: 3 * k };
  }
  return null;
}

/** The lowest and highest score a subject can get: the forms' score ranges, or the scales' points; per item, or summed. */
function scoreRange(scheme: Scheme): { min: Fraction; max: Fraction } | null {
  const method = scheme.scoring.method;
  if (method === 'none') return null;
  const items: { min: Fraction; max: Fraction }[] = [];
  for (const form of scheme.forms) {
    const response = form.response;
    let range: { min: Fraction; max: Fraction } | null = null;
    if (method === 'score' && response.kind === 'score') range = { min: Fraction.fromDecimal(response.min), max: Fraction.fromDecimal(response.max) };
    if (method === 'points' && response.kind === 'tier') {
      const points = (scheme.scales.find((s) => s.id === response.scale)?.levels ?? []).flatMap((l) => (l.points === undefined ? [] : [Fraction.fromDecimal(l.points)]));
      if (points.length > 0) range = { min: points.reduce((a, b) => (a.compare(b) <= 0 ? a : b)), max: points.reduce((a, b) => (a.compare(b) >= 0 ? a : b)) };
    }
    if (range) for (let i = 0; i < form.itemLabels.length; i++) items.push(range);
  }
  if (items.length === 0) return null;
  if (scheme.scoring.items === 'sum') return items.reduce((a, b) => ({ min: a.min.add(b.min), max: a.max.add(b.max) }));
  return {
    min: items.map((r) => r.min).reduce((a, b) => (a.compare(b) <= 0 ? a : b)),
    max: items.map((r) => r.max).reduce((a, b) => (a.compare(b) >= 0 ? a : b)),
  };
}

/** A score line below the lowest score, at 1 or less on a scale up to 10 or more (0.85 for 85), or above the highest. */
function scoreWarning(scheme: Scheme, value: number | string, path: FieldPath, range: { min: Fraction; max: Fraction }, warnings: string[]): void {
  const v = Fraction.fromDecimal(value);
  const span = `而得分在 ${plain(range.min)} 到 ${plain(range.max)} 分之间`;
  const asFraction = v.compare(Fraction.ONE) <= 0 && range.max.compare(Fraction.of(10)) >= 0;
  if (asFraction && v.compare(Fraction.ZERO) > 0) {
    const meant = v.mul(HUNDRED);
    const suggestion = meant.compare(range.max) <= 0 ? `是否应为 ${plain(meant)}？` : '是否写错了？';
    warnings.push(`${fieldAt(path, scheme)}是 ${value}，${span}：${suggestion}按 ${value} 分计，几乎所有人都在分数线的同一边`);
  } else if (v.compare(range.min) < 0 || asFraction) {
    warnings.push(`${fieldAt(path, scheme)}是 ${value}，${span}：是否写错了？按 ${value} 分计，所有人都在分数线的同一边`);
  } else if (v.compare(range.max) > 0) {
    warnings.push(`${fieldAt(path, scheme)}是 ${value}，${span}：是否写错了？没有人能得到这么高的分`);
  }
}

/** Whether the group weights enter any figure: a score, or a share combined by weight. */
function weightsUsed(scheme: Scheme): boolean {
  if (scheme.scoring.method !== 'none') return true;
  const shares = [
    ...scheme.classification.rules.flatMap((r) => r.when),
    ...scheme.vetoes.flatMap((v) => v.when),
    ...(scheme.ranking.share ? [{ kind: 'share' as const, ...scheme.ranking.share }] : []),
  ];
  return shares.some((c) => c.kind === 'share' && c.groups === 'weighted');
}

/**
 * Weights are used in proportion to their sum (conditions.ts, evaluate.ts computeScore). Equal weights
 * (1/1/1, as p4-secretary-appraisal has) and weights that add up to 100 or to 1 say what they mean; any
 * others are said with the shares they come to.
 */
function weightWarning(scheme: Scheme): string | null {
  if (!weightsUsed(scheme)) return null;
  const groups = scheme.raterGroups.filter((g) => g.weight > 0);
  if (groups.length < 2) return null;
  const weights = groups.map((g) => Fraction.fromDecimal(g.weight));
  const sum = weights.reduce((a, b) => a.add(b), Fraction.ZERO);
  if (weights.every((w) => w.equals(weights[0])) || sum.equals(HUNDRED) || sum.equals(Fraction.ONE)) return null;
  const listed = groups.map((g) => `${g.name} ${g.weight}`).join('、');
  const shares = groups.map((g, i) => `${g.name} ${formatPercent(weights[i].div(sum))}`).join('、');
  return `${fieldAt(['raterGroups'], scheme)}的权重为 ${listed}，合计 ${plain(sum)}，不是 100：将按比例折算为 ${shares}；如不是本意，请改正权重`;
}
