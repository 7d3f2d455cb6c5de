/**
 * Loading a scheme: shape (zod; its problems said in plain Chinese by schema-problems.ts) and then the
 * cross-references a shape check cannot see (a tier named in a rule must exist, a level must be on the
 * form's scale, ...). Every problem names the field in words and by its path (field-words.ts), so a
 * clerk editing JSON can find it; a file that is not JSON is located by line and column (json-syntax.ts).
 * Values that are legal but probably not meant (70% written 0.7) are scheme-warnings.ts's concern.
 */
import { z } from 'zod';
import { Fraction } from '../common/fraction';
import { unitKey } from '../roster/units';
import { FieldPath, fieldAt } from './field-words';
import { jsonSyntaxProblem } from './json-syntax';
import { schemaProblems } from './schema-problems';
import { Condition, Scheme, schemeSchema } from './scheme-schema';
import { normalizeLabel } from '../text/normalize';

// The fallback for an issue kind schema-problems.ts does not word itself.
z.config(z.locales.zhCN());

export class SchemeError extends Error {
  /** `source`: the scheme file, when the scheme came from one (named in the message). */
  constructor(
    readonly problems: string[],
    readonly source?: string,
  ) {
    super(`${source ? `方案文件「${source}」有误` : '方案有误'}：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SchemeError';
  }
}

const MAX_SCHEME_BYTES = 1_000_000;

/**
 * Parse and check a scheme (an object, or JSON text); throws SchemeError listing every problem.
 * `source`: the file it was read from, named in the error.
 */
export function loadScheme(input: unknown, source?: string): Scheme {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_SCHEME_BYTES) throw new SchemeError([`方案文件过大（超过 ${MAX_SCHEME_BYTES} 字节）`], source);
    // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    const text = input.replace(/^\uFEFF/, '');
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new SchemeError([jsonProblem(text, e)], source);
    }
  }
  const parsed = schemeSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new SchemeError(schemaProblems(parsed.error.issues, data), source);
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new SchemeError(problems, source);
  return parsed.data;
}

/**
 * A 党员人数 given per unit names units of the roster, which only the campaign knows (a roster file takes the place
 * of the scheme's own): a unit the roster does not have would be a count no quota uses, most likely a name written
 * otherwise (第一党支部 for 第一支部), so the scheme is refused rather than the roster's count silently used.
 */
export function memberCountUnitProblems(scheme: Scheme, units: readonly (string | undefined)[]): string[] {
  const counts = scheme.memberCount;
  if (typeof counts !== 'object') return [];
  const listed = [...new Set(units.filter((u): u is string => u !== undefined && u !== ''))];
  const at = '党员（成员）人数（memberCount，命令行 --members）';
  if (listed.length === 0) return [`${at}按单位填写，但名册中没有填写单位；请填一个数（如 --members 20），或在名册中加单位栏（如「所在支部」）`];
  return Object.keys(counts)
    .filter((unit) => !listed.includes(unit))
    .map((unit) => `${at}中的「${unit}」不是名册中的单位（名册中的单位：${listed.join('、')}）；请照名册单位栏的写法填写`);
}

/**
 * 应参评人数 given per unit (raterGroups[].expectedByUnit, --expected 单位=人数) name units of the roster, known only
 * with the campaign: a unit the roster does not have is a count no 参评情况 row uses, most likely a name written
 * otherwise (张庄 for 张庄村), so it is refused, as memberCountUnitProblems refuses one.
 */
export function expectedUnitProblems(scheme: Scheme, units: readonly (string | undefined)[]): string[] {
  const listed = [...new Set(units.map((u) => (u ?? '').trim()).filter((u) => u !== ''))];
  return scheme.raterGroups.flatMap((g) => {
    if (!g.expectedByUnit) return [];
    const at = `「${g.name}」的各单位应参评人数（expectedByUnit，命令行 --expected 单位=人数）`;
    // On the command line a word that is no group or round is taken for a unit (干部=12 on a scheme without 干部): the choices said.
    const choices = `本方案的测评人类别：${scheme.raterGroups.map((x) => x.name).join('、')}；轮次：${scheme.rounds.map((r) => r.name).join('、')}`;
    if (listed.length === 0)
      return [`${at}中有「${Object.keys(g.expectedByUnit).join('」「')}」，但名册中没有填写单位（${choices}）；请改填全体的应参评人数，或在名册中加单位栏（如「所在村」）`];
    return Object.keys(g.expectedByUnit)
      .filter((unit) => !listed.some((u) => unitKey(u) === unitKey(unit)))
      .map((unit) => `${at}中的「${unit}」不是名册中的单位（名册中的单位：${listed.join('、')}），也不是测评人类别或轮次（${choices}）；请照名册单位栏的写法填写`);
  });
}

/**
 * As memberCountUnitProblems, for a quota's places allocated per unit (上级按支部分配名额 {"第一支部": 2}): a unit the roster does not
 * have is a number of places no one would be counted against, most likely a unit written otherwise.
 */
export function quotaCountUnitProblems(scheme: Scheme, units: readonly (string | undefined)[]): string[] {
  const listed = [...new Set(units.filter((u): u is string => u !== undefined && u !== ''))];
  return scheme.quotas.flatMap((q, i) => {
    if (typeof q.count !== 'object') return [];
    const at = fieldAt(['quotas', i, 'count'], scheme);
    if (listed.length === 0) return [`${at}按单位分配名额，但名册中没有填写单位；请在名册中加单位栏（如「所在支部」），或只写一个名数`];
    return Object.keys(q.count)
      .filter((unit) => !listed.includes(unit))
      .map((unit) => `${at}中的「${unit}」不是名册中的单位（名册中的单位：${listed.join('、')}）；请照名册单位栏的写法填写`);
  });
}

/** JSON 格式错误：第 3 行第 18 列附近：…。该行：… */
function jsonProblem(text: string, e: unknown): string {
  if (text.trim() === '') return '方案文件是空的';
  const found = jsonSyntaxProblem(text);
  if (!found) return `JSON 格式错误：${(e as Error).message}`;
  return `JSON 格式错误：第 ${found.line} 行第 ${found.column} 列附近：${found.reason}${found.excerpt ? `。该行为：${found.excerpt}` : ''}`;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** YYYY-MM-DD naming a day that exists. */
function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function crossCheck(s: Scheme): string[] {
  const problems: string[] = [];
  /** A problem of one field: 第 1 条等次规则（特优）的等次（classification.rules[0].tier）：没有等次「特优」. */
  const at = (path: FieldPath, what: string) => problems.push(`${fieldAt(path, s)}：${what}`);
  const tiers = new Set(s.tiers);
  const scales = new Map(s.scales.map((sc) => [sc.id, sc]));
  const groups = new Set(s.raterGroups.map((g) => g.id));
  const rounds = new Set(s.rounds.map((r) => r.id));
  const forms = new Map(s.forms.map((f) => [f.id, f]));
  const allLevels = new Set(s.scales.flatMap((sc) => sc.levels.map((l) => l.label)));
  const allItems = new Set(s.forms.flatMap((f) => f.itemLabels));
  const vetoIds = new Set(s.vetoes.map((v) => v.id));

  const unique = (path: FieldPath, what: string, values: string[]) => {
    for (const d of duplicates(values)) at(path, `${what}「${d}」重复`);
  };
  unique(['tiers'], '等次', s.tiers);
  unique(['raterGroups'], 'id', s.raterGroups.map((g) => g.id));
  // Two groups (or rounds) of one name cannot be told apart on a ballot nor in 参评情况.
  unique(['raterGroups'], '名称', s.raterGroups.map((g) => g.name));
  unique(['rounds'], '名称', s.rounds.map((r) => r.name));
  unique(['rounds'], 'id', s.rounds.map((r) => r.id));
  unique(['forms'], 'id', s.forms.map((f) => f.id));
  unique(['scales'], 'id', s.scales.map((x) => x.id));
  unique(['vetoes'], 'id', s.vetoes.map((v) => v.id));
  s.scales.forEach((sc, i) => unique(['scales', i, 'levels'], '等级', sc.levels.map((l) => l.label)));
  s.forms.forEach((f, i) => unique(['forms', i, 'itemLabels'], '评价项目', f.itemLabels));

  if (s.raterGroups.every((g) => g.weight === 0)) at(['raterGroups'], '各类别权重不能全为 0');
  // 2026-02-30 has the shape of a date; deadlines would be counted from 2026-03-02.
  if (s.resultsDate !== undefined && !isCalendarDate(s.resultsDate)) at(['resultsDate'], `「${s.resultsDate}」不是有效的日期`);
  s.raterGroups.forEach((g, i) =>
    Object.keys(g.expectedByRound ?? {}).forEach((r) => rounds.has(r) || at(['raterGroups', i, 'expectedByRound'], `没有轮次「${r}」（方案的轮次：${s.rounds.map((x) => x.id).join('、')}）`)),
  );
  // A count per unit is for a meeting held per unit (村述村评 in each village): a group rating no such form has none.
  s.raterGroups.forEach((g, i) => {
    if (g.expectedByUnit && !s.forms.some((f) => f.perUnit && (!f.raterGroups || f.raterGroups.includes(g.id))))
      at(['raterGroups', i, 'expectedByUnit'], `「${g.name}」不评按单位分表的表（表的 perUnit），不需要按单位的应参评人数；请改填 expected（全体的应参评人数）`);
  });

  s.forms.forEach((f, i) => {
    if (f.response.kind === 'tier') {
      const scale = scales.get(f.response.scale);
      if (!scale) at(['forms', i, 'response', 'scale'], `没有 id 为「${f.response.scale}」的等级量表`);
      else if (s.scoring.method === 'points' && scale.levels.some((l) => l.points === undefined))
        at(['scales', s.scales.indexOf(scale)], '按分值计分（scoring.method 为 "points"）时，每个等级都要有分值（points）');
    } else {
      if (Fraction.fromDecimal(f.response.min).compare(Fraction.fromDecimal(f.response.max)) >= 0)
        at(['forms', i, 'response'], `最低分必须小于最高分（现为 ${f.response.min} 到 ${f.response.max}）`);
    }
    f.raterGroups?.forEach((g, j) => groups.has(g) || at(['forms', i, 'raterGroups', j], `没有评议人类别「${g}」`));
    f.rounds?.forEach((r, j) => rounds.has(r) || at(['forms', i, 'rounds', j], `没有轮次「${r}」`));
    // Read back as a header field 「所在村：吴芳村」, whose label is 2–12 characters (read-ballots FIELD_PATTERN).
    if (f.perUnit && !/^[^\s:：()（）]{2,12}$/.test(f.perUnit.label))
      at(['forms', i, 'perUnit', 'label'], `应为 2～12 个字、不含空格和冒号（如「所在村」「所在支部」「支部名称」），否则读回时认不出（现为「${f.perUnit.label}」）`);
    if (f.perUnit && f.subjects === 'single') at(['forms', i, 'perUnit'], '只评一个对象的表不必按单位分表；按单位分表只用于每行一个被评议人的表');
    f.perUnit?.rounds?.forEach(
      (r, j) => (rounds.has(r) && (!f.rounds || f.rounds.includes(r))) || at(['forms', i, 'perUnit', 'rounds', j], `本表没有轮次「${r}」（本表的轮次：${(f.rounds ?? s.rounds.map((x) => x.id)).join('、')}）`),
    );
    if (f.subjects === 'single' && f.response.kind === 'score' && f.itemLabels.length > 1)
      at(['forms', i], '只评一个对象的打分表暂只支持一个评分项目，请改为每行一个被评议人（subjects 为 "rows"）');
    if (f.subjects === 'single' && f.response.kind === 'tier' && f.items === 'column-groups' && f.itemLabels.length > 1)
      at(['forms', i], '单一对象的表，评价项目应按行排列（items 为 "rows"）');
  });

  const checkCondition = (c: Condition, path: FieldPath) => {
    if (c.kind !== 'share') return;
    c.levels.forEach((l, j) => allLevels.has(l) || at([...path, 'levels', j], `没有等级「${l}」`));
    c.items?.forEach((it, j) => allItems.has(it) || at([...path, 'items', j], `没有评价项目「${it}」`));
    c.forms?.forEach((fid, j) => forms.has(fid) || at([...path, 'forms', j], `没有 id 为「${fid}」的测评表`));
    if (Array.isArray(c.rounds))
      c.rounds.forEach((r, j) => rounds.has(r) || at([...path, 'rounds', j], `没有轮次「${r}」`));
  };
  const checkTier = (t: string, path: FieldPath) => tiers.has(t) || at(path, `没有等次「${t}」`);

  s.classification.rules.forEach((r, i) => {
    checkTier(r.tier, ['classification', 'rules', i, 'tier']);
    r.when.forEach((c, j) => checkCondition(c, ['classification', 'rules', i, 'when', j]));
    if (s.scoring.method === 'none' && r.when.some((c) => c.kind === 'score'))
      at(['classification', 'rules', i], '方案不计分（scoring.method 为 "none"），不能按分数定等次');
  });
  // Rules are judged in order and an empty `when` always holds: one before the last gives its tier to everyone left,
  // and the rules after it never apply (often a rule whose condition is not written yet).
  const rules = s.classification.rules;
  rules.forEach((r, i) => {
    if (r.when.length > 0 || i === rules.length - 1) return;
    const later = rules.slice(i + 1).map((x) => `「${x.tier}」`);
    at(
      ['classification', 'rules', i, 'when'],
      `条件是空的：凡未定为前面等次的都会定为「${r.tier}」，其后的 ${later.length} 条规则（${[...new Set(later)].join('')}）永远用不上；请写上条件，或把这条规则移到最后`,
    );
  });
  if (s.classification.otherwise.kind === 'tier') checkTier(s.classification.otherwise.tier, ['classification', 'otherwise', 'tier']);
  if (s.ranking.share) checkCondition({ kind: 'share', op: '>=', value: 0, ...s.ranking.share }, ['ranking', 'share']);
  if (s.ranking.by === 'share' && !s.ranking.share) at(['ranking', 'share'], '按得票率排名时须说明按哪些等级');
  if (s.ranking.by === 'score' && s.scoring.method === 'none') at(['ranking', 'by'], '方案不计分，不能按得分排名');
  // A ranking compares one figure per subject; "each" gives one per group, and only the first group's would be used.
  if (s.ranking.share?.groups === 'each')
    at(
      ['ranking', 'share', 'groups'],
      '排名要每人一个得票率，不能各类别分别计算（"each"）：请改为 "pooled"（各类别的票合计）或 "weighted"（各类别得票率按权重加权）',
    );
  // 末位 designations are the lowest-ranked: without a ranking they would silently name nobody.
  if (s.ranking.by === 'none')
    s.designations.forEach((d, i) =>
      at(
        ['designations', i],
        `方案不排名（ranking.by 为 "none"），无法按排名末位确定「${d.name}」：请设置排名依据（ranking.by 为 "score" 按得分，或 "share" 按得票率），或删去此项`,
      ),
    );

  s.designations.forEach((d, i) => {
    if (d.share === undefined && d.byCategory === undefined)
      at(['designations', i], `「${d.name}」没有比例：请写比例（share，如 10 表示 10%），或按类别写比例（byCategory）`);
    // One category, one share (seed 003 篇七 四、(三): 农村 10%, 社区和其他 5%): a category named twice would be counted twice.
    const seen = new Map<string, number>();
    d.byCategory?.forEach((e, k) =>
      e.categories.forEach((c, m) => {
        const key = normalizeLabel(c);
        const first = seen.get(key);
        if (first !== undefined) at(['designations', i, 'byCategory', k, 'categories', m], `类别「${c}」已在第 ${first + 1} 项中写了比例，同一类别只能有一个比例`);
        else seen.set(key, k);
      }),
    );
  });
  if (s.ranking.per === 'category' && s.ranking.by === 'none')
    at(['ranking', 'per'], '方案不排名（ranking.by 为 "none"），不能按类别分别排名：请设置排名依据，或删去此项');

  s.vetoes.forEach((v, i) => {
    v.when.forEach((c, j) => checkCondition(c, ['vetoes', i, 'when', j]));
    const e = v.effect;
    if (e.kind === 'force' || e.kind === 'cap') checkTier(e.tier, ['vetoes', i, 'effect', 'tier']);
    if (e.kind === 'exclude') e.tiers.forEach((t, j) => checkTier(t, ['vetoes', i, 'effect', 'tiers', j]));
  });
  s.quotas.forEach((q, i) => q.tiers.forEach((t, j) => checkTier(t, ['quotas', i, 'tiers', j])));
  s.publication?.tiers?.forEach((t, j) => checkTier(t, ['publication', 'tiers', j]));
  if (s.publication?.tiers) unique(['publication', 'tiers'], '等次', s.publication.tiers);
  s.consequences.forEach((c, i) => {
    c.tiers?.forEach((t, j) => checkTier(t, ['consequences', i, 'tiers', j]));
    if (c.veto && !vetoIds.has(c.veto)) at(['consequences', i, 'veto'], `没有 id 为「${c.veto}」的一票否决`);
    if (!c.tiers && !c.veto) at(['consequences', i], '须指明等次（tiers）或一票否决（veto）');
  });
  return problems;
}
