/**
 * Loading a scheme: shape (zod, with Chinese messages) and then the cross-references a shape check
 * cannot see (a tier named in a rule must exist, a level must be on the form's scale, ...).
 * Every problem names the field, so a clerk editing JSON can find it.
 */
import { z } from 'zod';
import { Fraction } from '../common/fraction';
import { Condition, Scheme, schemeSchema } from './scheme-schema';

z.config(z.locales.zhCN());

export class SchemeError extends Error {
  constructor(readonly problems: string[]) {
    super(`方案有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SchemeError';
  }
}

const MAX_SCHEME_BYTES = 1_000_000;

/** Parse and check a scheme (an object, or JSON text); throws SchemeError listing every problem. */
export function loadScheme(input: unknown): Scheme {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_SCHEME_BYTES) throw new SchemeError([`方案文件过大（超过 ${MAX_SCHEME_BYTES} 字节）`]);
    try {
      data = JSON.parse(input);
    } catch (e) {
      throw new SchemeError([`方案不是有效的 JSON：${(e as Error).message}`]);
    }
  }
  const parsed = schemeSchema.safeParse(data);
  if (!parsed.success) {
    throw new SchemeError(parsed.error.issues.map((i) => `字段 ${fieldPath(i.path)}：${i.message}`));
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new SchemeError(problems);
  return parsed.data;
}

function fieldPath(path: PropertyKey[]): string {
  if (path.length === 0) return '（顶层）';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function crossCheck(s: Scheme): string[] {
  const problems: string[] = [];
  const tiers = new Set(s.tiers);
  const scales = new Map(s.scales.map((sc) => [sc.id, sc]));
  const groups = new Set(s.raterGroups.map((g) => g.id));
  const rounds = new Set(s.rounds.map((r) => r.id));
  const forms = new Map(s.forms.map((f) => [f.id, f]));
  const allLevels = new Set(s.scales.flatMap((sc) => sc.levels.map((l) => l.label)));
  const allItems = new Set(s.forms.flatMap((f) => f.itemLabels));
  const vetoIds = new Set(s.vetoes.map((v) => v.id));

  const unique = (what: string, values: string[]) => {
    for (const d of duplicates(values)) problems.push(`${what}「${d}」重复`);
  };
  unique('等次', s.tiers);
  unique('评议人类别 id', s.raterGroups.map((g) => g.id));
  unique('轮次 id', s.rounds.map((r) => r.id));
  unique('表 id', s.forms.map((f) => f.id));
  unique('等级量表 id', s.scales.map((x) => x.id));
  unique('否决规则 id', s.vetoes.map((v) => v.id));
  s.scales.forEach((sc, i) => unique(`scales[${i}] 的等级`, sc.levels.map((l) => l.label)));
  s.forms.forEach((f, i) => unique(`forms[${i}] 的评价项目`, f.itemLabels));

  if (s.raterGroups.every((g) => g.weight === 0)) problems.push('字段 raterGroups：各类别权重不能全为 0');
  s.raterGroups.forEach((g, i) =>
    Object.keys(g.expectedByRound ?? {}).forEach((r) => rounds.has(r) || problems.push(`字段 raterGroups[${i}].expectedByRound：没有轮次「${r}」（方案的轮次：${s.rounds.map((x) => x.id).join('、')}）`)),
  );

  s.forms.forEach((f, i) => {
    const at = `forms[${i}]`;
    if (f.response.kind === 'tier') {
      const scale = scales.get(f.response.scale);
      if (!scale) problems.push(`字段 ${at}.response.scale：没有 id 为「${f.response.scale}」的等级量表`);
      else if (s.scoring.method === 'points' && scale.levels.some((l) => l.points === undefined))
        problems.push(`字段 scales：按分值计分（scoring.method = points）时，量表「${scale.id}」每个等级都要有 points`);
    } else {
      if (Fraction.fromDecimal(f.response.min).compare(Fraction.fromDecimal(f.response.max)) >= 0)
        problems.push(`字段 ${at}.response：最低分必须小于最高分`);
    }
    f.raterGroups?.forEach((g, j) => groups.has(g) || problems.push(`字段 ${at}.raterGroups[${j}]：没有评议人类别「${g}」`));
    f.rounds?.forEach((r, j) => rounds.has(r) || problems.push(`字段 ${at}.rounds[${j}]：没有轮次「${r}」`));
    if (f.subjects === 'single' && f.response.kind === 'score' && f.itemLabels.length > 1)
      problems.push(`字段 ${at}：只评一个对象的打分表暂只支持一个评分项目，请改为每行一个被评议人（subjects = rows）`);
    if (f.subjects === 'single' && f.response.kind === 'tier' && f.items === 'column-groups' && f.itemLabels.length > 1)
      problems.push(`字段 ${at}：单一对象的表，评价项目应按行排列（items = rows）`);
  });

  const checkCondition = (c: Condition, at: string) => {
    if (c.kind !== 'share') return;
    c.levels.forEach((l, j) => allLevels.has(l) || problems.push(`字段 ${at}.levels[${j}]：没有等级「${l}」`));
    c.items?.forEach((it, j) => allItems.has(it) || problems.push(`字段 ${at}.items[${j}]：没有评价项目「${it}」`));
    c.forms?.forEach((fid, j) => forms.has(fid) || problems.push(`字段 ${at}.forms[${j}]：没有表「${fid}」`));
    if (Array.isArray(c.rounds))
      c.rounds.forEach((r, j) => rounds.has(r) || problems.push(`字段 ${at}.rounds[${j}]：没有轮次「${r}」`));
  };
  const checkTier = (t: string, at: string) => tiers.has(t) || problems.push(`字段 ${at}：没有等次「${t}」`);

  s.classification.rules.forEach((r, i) => {
    checkTier(r.tier, `classification.rules[${i}].tier`);
    r.when.forEach((c, j) => checkCondition(c, `classification.rules[${i}].when[${j}]`));
    if (s.scoring.method === 'none' && r.when.some((c) => c.kind === 'score'))
      problems.push(`字段 classification.rules[${i}]：方案不计分（scoring.method = none），不能按分数定等次`);
  });
  if (s.classification.otherwise.kind === 'tier') checkTier(s.classification.otherwise.tier, 'classification.otherwise.tier');
  if (s.ranking.share) checkCondition({ kind: 'share', op: '>=', value: 0, ...s.ranking.share }, 'ranking.share');
  if (s.ranking.by === 'share' && !s.ranking.share) problems.push('字段 ranking.share：按得票率排名时须说明按哪些等级');
  if (s.ranking.by === 'score' && s.scoring.method === 'none') problems.push('字段 ranking.by：方案不计分，不能按得分排名');

  s.vetoes.forEach((v, i) => {
    v.when.forEach((c, j) => checkCondition(c, `vetoes[${i}].when[${j}]`));
    const e = v.effect;
    if (e.kind === 'force' || e.kind === 'cap') checkTier(e.tier, `vetoes[${i}].effect.tier`);
    if (e.kind === 'exclude') e.tiers.forEach((t, j) => checkTier(t, `vetoes[${i}].effect.tiers[${j}]`));
  });
  s.quotas.forEach((q, i) => q.tiers.forEach((t, j) => checkTier(t, `quotas[${i}].tiers[${j}]`)));
  s.consequences.forEach((c, i) => {
    c.tiers?.forEach((t, j) => checkTier(t, `consequences[${i}].tiers[${j}]`));
    if (c.veto && !vetoIds.has(c.veto)) problems.push(`字段 consequences[${i}].veto：没有否决规则「${c.veto}」`);
    if (!c.tiers && !c.veto) problems.push(`字段 consequences[${i}]：须指明等次（tiers）或否决规则（veto）`);
  });
  return problems;
}
