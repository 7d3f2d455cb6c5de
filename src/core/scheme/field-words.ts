/**
 * Where a field of a scheme file is, said for a clerk editing the JSON: in words, naming the rater group,
 * form or rule by the name it has in the file, and then the path itself to search for:
 * 评议人类别「员工」的权重（raterGroups[1].weight）, 缺少「计票」部分（counting）.
 * Used by every message about a scheme (load-scheme's problems, scheme-warnings).
 */
import { COMPARISON_WORDS } from '../rules/conditions';

export type FieldPath = readonly PropertyKey[];

/** The sections of a scheme that are one object each: said as 「计票」部分. */
const SECTIONS: Record<string, string> = {
  scoring: '计分',
  classification: '定等次',
  ranking: '排名',
  counting: '计票',
  publication: '公示表',
};

/** A field by its key; `container.key` entries (the array or object it is in) come first. */
const KEY_WORDS: Record<string, string> = {
  schemaVersion: '方案格式版本',
  id: 'id',
  name: '名称',
  process: '评议类别',
  description: '方案说明',
  seed: '依据文件',
  subjectKind: '评议对象类型',
  scales: '等级量表',
  tiers: '等次',
  raterGroups: '评议人类别',
  rounds: '轮次',
  forms: '测评表',
  vetoes: '一票否决',
  quotas: '名额',
  designations: '比例认定',
  consequences: '结果运用',
  noTierCategories: '不定等次的类别',
  memberCount: '党员（成员）人数',
  roster: '名册',
  resultsDate: '结果公布日期',
  year: '考核年度',
  label: '名称',
  aliases: '别名',
  points: '分值',
  levels: '等级',
  weight: '权重',
  expected: '应参评人数',
  title: '表名',
  subjects: '被评议人排列方式',
  items: '评价项目',
  itemLabels: '评价项目',
  response: '作答方式',
  kind: '类型',
  scale: '等级量表',
  min: '最低分',
  max: '最高分',
  subjectLabels: '姓名栏表头',
  recommendation: '推荐栏',
  maxPerBallot: '每票最多推荐人数',
  blankMeansNotApplicable: '空行表示不相关',
  onlyWindowPosts: '只评窗口岗位',
  commentLabels: '意见栏',
  method: '计分方式',
  places: '小数位数',
  rules: '等次规则',
  appliesTo: '适用对象',
  otherwise: '都不符合任何规则时',
  when: '条件',
  cite: '依据',
  tier: '等次',
  op: '比较方式',
  value: '数值',
  orBetter: '含更好等次',
  groups: '类别合并方式',
  by: '排名依据',
  share: '比例',
  match: '条件组合方式',
  effect: '处理',
  text: '注明内容',
  flag: '标记',
  rounding: '取整方式',
  of: '计算基数',
  action: '处理',
  consecutive: '连续次数',
  unlessVetoed: '一票否决者除外',
  rectifyWithinDays: '整改期限（天）',
  veto: '否决规则',
  abstentionsInDenominator: '弃权是否计入分母',
  invalidInDenominator: '无效项是否计入分母',
  extraMarks: '另行约定的记号',
  duplicates: '与另一张票相同的票',
  missingGroup: '缺少某类别或项目的评分时',
  anonymous: '是否无记名',
  filledBy: '填表人',
  signatureLines: '表末签名栏',
  headerFields: '表头填写栏',
  instructions: '填表说明',
  perUnit: '按单位分表',
  'perUnit.label': '表头单位栏名称',
  'perUnit.rounds': '按单位分表的轮次',
  paperwork: '承诺书等表格',
  expectedByRound: '各轮应参评人数',
  expectedByUnit: '各单位应参评人数',
  per: '分别计算的范围',
  issuer: '发布单位（落款）',
  telephone: '联系电话',
  period: '公示期',
  date: '日期',
  'publication.tiers': '公示的等次',
  'publication.subject': '公示内容',
  unit: '单位',
  category: '类别',
  window: '窗口岗位',
  flags: '否决情况',
  field: '名册栏名',
  'forms.items': '评价项目排列方式',
  'scoring.items': '各项目合并方式',
  'when.rounds': '轮次合并方式',
  'share.rounds': '轮次合并方式',
  'when.items': '计入的评价项目',
  'when.forms': '计入的测评表',
  'quotas.kind': '名额类型',
  'quotas.share': '比例',
  'quotas.count': '名数',
  'designations.kind': '比例类型',
  byCategory: '按类别的比例',
  categories: '类别',
  'ranking.per': '分别排名',
  'ranking.share': '按得票率排名的口径',
  'response.kind': '作答类型',
  'when.kind': '条件类型',
  'effect.kind': '处理方式',
  'otherwise.kind': '处理方式',
};

/** One element of a list: named by its name where it has one (评议人类别「员工」), else numbered (第 2 个条件). */
const ELEMENTS: Record<string, { noun: string; nameKey?: string; numbered?: boolean; measure?: string }> = {
  raterGroups: { noun: '评议人类别', nameKey: 'name' },
  rounds: { noun: '轮次', nameKey: 'name' },
  forms: { noun: '测评表', nameKey: 'title' },
  scales: { noun: '等级量表', nameKey: 'name' },
  'scales.levels': { noun: '等级', nameKey: 'label' },
  vetoes: { noun: '一票否决', nameKey: 'name' },
  designations: { noun: '比例认定', nameKey: 'name' },
  byCategory: { noun: '按类别的比例', measure: '项' },
  categories: { noun: '类别' },
  // Two rules may be for one tier: numbered, with the tier beside.
  rules: { noun: '等次规则', nameKey: 'tier', numbered: true, measure: '条' },
  consequences: { noun: '结果运用规定', measure: '条' },
  roster: { noun: '名册人员', nameKey: 'name', numbered: true, measure: '位' },
  when: { noun: '条件' },
  quotas: { noun: '名额规定' },
  tiers: { noun: '等次' },
  itemLabels: { noun: '评价项目' },
  aliases: { noun: '别名' },
  subjectLabels: { noun: '姓名栏表头' },
  commentLabels: { noun: '意见栏' },
  instructions: { noun: '填表说明', measure: '条' },
  extraMarks: { noun: '记号' },
  levels: { noun: '等级' },
  items: { noun: '评价项目' },
  noTierCategories: { noun: '类别' },
  'effect.tiers': { noun: '等次' },
};

function child(value: unknown, key: PropertyKey): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
}

function nameOf(value: unknown, key: string | undefined): string | null {
  if (!key) return null;
  const name = child(value, key);
  return typeof name === 'string' && name.trim() !== '' ? (name.length > 30 ? `${name.slice(0, 30)}…` : name) : null;
}

/** The path as written in the file: raterGroups[1].weight. */
export function fieldPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** The field in words, without the path: 评议人类别「员工」的权重. */
export function fieldWords(path: FieldPath, root: unknown): string {
  if (path.length === 0) return '方案';
  const pieces: string[] = [];
  let value: unknown = root;
  let parent: unknown = undefined;
  // The key of the list or object the current value is in (for `container.key` words), and of the value.
  let containerKey = '';
  let ownKey = '';
  /** Whether the first piece is a section (「计票」部分). */
  let section = false;
  path.forEach((segment, i) => {
    if (typeof segment === 'number') {
      const element = ELEMENTS[`${containerKey}.${ownKey}`] ?? ELEMENTS[ownKey];
      const item = child(value, segment);
      const name = nameOf(item, element?.nameKey);
      const noun = element?.noun ?? KEY_WORDS[ownKey] ?? ownKey;
      // The list's own word gives way to the element's.
      pieces.pop();
      if (element && name && !element.numbered) pieces.push(`${noun}「${name}」`);
      else pieces.push(`第 ${segment + 1} ${element?.measure ?? '个'}${noun}${name ? `（${name}）` : ''}`);
      parent = value;
      value = item;
      return;
    }
    const key = String(segment);
    containerKey = ownKey;
    ownKey = key;
    parent = value;
    value = child(value, key);
    if (i === 0 && SECTIONS[key]) {
      // 定等次 says nothing its rules do not: 第 1 条等次规则（优秀）.
      if (key === 'classification' && path.length > 2) return;
      pieces.push(`「${SECTIONS[key]}」部分`);
      section = true;
      return;
    }
    // A form's own fields read better without the wrapper: 测评表「…」的最高分.
    if ((key === 'response' || key === 'recommendation') && i < path.length - 1) return;
    pieces.push(valueWords(key, containerKey, parent) ?? KEY_WORDS[`${containerKey}.${key}`] ?? KEY_WORDS[key] ?? key);
  });
  // 「计票」部分中的记号; elsewhere 的.
  return pieces.map((p, i) => (i === 0 ? p : `${section && i === 1 ? '中的' : '的'}${p}`)).join('');
}

/** A condition's number said by what it is: 得票率 of a share, 分数线 of a score. */
function valueWords(key: string, containerKey: string, parent: unknown): string | null {
  if (key !== 'value' || containerKey !== 'when') return null;
  const kind = child(parent, 'kind');
  return kind === 'share' ? '得票率' : kind === 'score' ? '分数线' : null;
}

/** 评议人类别「员工」的权重（raterGroups[1].weight）: the words and the path to search the file for. */
export function fieldAt(path: FieldPath, root: unknown): string {
  return path.length === 0 ? '方案' : `${fieldWords(path, root)}（${fieldPath(path)}）`;
}

/**
 * What the codes of a field mean, said the way a clerk writes it (the file keeps the code: one spelling per rule):
 * "floor" 向下取整. By `container.key` (quotas.kind and designations.kind differ) or by key. The first word is the
 * meaning shown; the others are words a clerk may write for it.
 */
const PERSON_OR_BODY = { person: ['个人'], organisation: ['组织（党支部、班子等）', '组织', '党组织', '党支部', '班子', '单位'] };
const CODE_WORDS: Record<string, Record<string, readonly string[]>> = {
  op: Object.fromEntries(Object.entries(COMPARISON_WORDS).map(([code, word]) => [code, [word, word.replace(/（含）$/, '')]])),
  rounding: { floor: ['向下取整', '去尾'], ceil: ['向上取整', '进一'], round: ['四舍五入'] },
  'quotas.kind': { max: ['不超过', '最多', '不多于'], min: ['不少于', '不低于', '至少'] },
  'designations.kind': { 'at-least': ['不低于（向上取整）', '不低于', '不少于', '至少'], about: ['约（四舍五入）', '约', '按', '按比例'] },
  subjectKind: PERSON_OR_BODY,
  'roster.kind': PERSON_OR_BODY,
};

/** The key a path ends with, and the key of the list or object it is in: quotas[0].kind → kind, quotas. */
function lastKeys(path: FieldPath): { key: string; container: string } {
  const keys = path.filter((p): p is string => typeof p === 'string');
  return { key: keys[keys.length - 1] ?? '', container: keys[keys.length - 2] ?? '' };
}

function codeTable(path: FieldPath): Record<string, readonly string[]> | null {
  const { key, container } = lastKeys(path);
  return CODE_WORDS[`${container}.${key}`] ?? CODE_WORDS[key] ?? null;
}

/** What a code of the field at `path` means ("floor": 向下取整); null for a field whose codes need no gloss. */
export function codeMeaning(path: FieldPath, code: unknown): string | null {
  const table = codeTable(path);
  return table && typeof code === 'string' && code in table ? table[code][0] : null;
}

/** The code meant by a word a clerk wrote in its place (向下取整 → "floor", 不超过 → "max"); null when none is. */
export function codeForWord(path: FieldPath, written: unknown): string | null {
  const table = codeTable(path);
  if (!table || typeof written !== 'string') return null;
  const text = written.trim();
  const hits = Object.entries(table).filter(([, words]) => words.includes(text));
  return hits.length === 1 ? hits[0][0] : null;
}
