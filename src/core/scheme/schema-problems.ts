/**
 * The problems zod finds in a scheme's shape, said for a clerk who edits the JSON: where (field-words.ts),
 * what is wrong in plain words, what to write instead and what the file has now:
 * 「评议人类别「干部」的权重（raterGroups[0].weight）：不能是负数（现为 -1）」,
 * 「缺少「计票」部分（counting）」, 「……得票率……：百分比请写数字，如 70（表示 70%），不要写“%”（现为 "70%"）」.
 * zod's own zh-CN texts (「无效字符串：必须满足正则表达式 /^…$/」, 「期望 object，实际接收 undefined」) are
 * for programmers; they are used only for an issue kind not handled here.
 */
import { z } from 'zod';
import { FieldPath, codeForWord, codeMeaning, fieldAt, fieldPath } from './field-words';
import { DATE_PATTERN, DECIMAL_PATTERN, PERCENT_PATTERN, schemeSchema } from './scheme-schema';

type Issue = z.core.$ZodIssue;

/** One line per problem, in the order zod found them. */
export function schemaProblems(issues: readonly Issue[], root: unknown): string[] {
  return issues.flatMap((issue) => problemsOf(issue, [], root));
}

function problemsOf(issue: Issue, base: FieldPath, root: unknown): string[] {
  const path = [...base, ...issue.path];
  const at = fieldAt(path, root);
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      // A field left out: zod sees it as undefined (JSON has no undefined of its own).
      if (input === undefined) return [`缺少${at}`];
      return [`${at}：${typeWords(issue.expected, input, path.length === 0)}${given(input)}`];
    case 'too_big':
      return [`${at}：${tooBig(issue, input)}`];
    case 'too_small':
      return [`${at}：${tooSmall(issue, input)}`];
    case 'invalid_format':
      return [`${at}：${formatWords(issue.pattern, input)}${given(input)}`];
    case 'invalid_value':
      return [input === undefined ? `缺少${at}，${oneOf(issue.values, path, '应为')}` : `${at}：${oneOf(issue.values, path)}${givenCode(input, path)}`];
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${path.length === 0 ? '方案' : at}中有未知的项「${key}」：${unknownKeyAdvice(key, path, root)}`);
    case 'invalid_union':
      return unionProblems(issue, path, root);
    case 'custom':
      return [`${at}：${issue.message}${given(input)}`];
    default:
      return [`${at}：${issue.message}`];
  }
}

/** The value the file has, when it is short enough to quote: （现为 "70%"）. */
function given(input: unknown): string {
  if (input === null || ['string', 'number', 'boolean'].includes(typeof input)) {
    const text = JSON.stringify(input);
    return `（现为 ${text.length > 40 ? `${text.slice(0, 40)}…` : text}）`;
  }
  return '';
}

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

function typeWords(expected: string, input: unknown, whole: boolean): string {
  switch (expected) {
    case 'number':
      if (typeof input === 'string' && /[%％]\s*$/.test(input)) return '应为数字，如 50，不要写“%”';
      if (typeof input === 'string' && NUMERIC_TEXT.test(input)) return `应为数字，不加引号：写 ${input.trim()}，不写 "${input.trim()}"`;
      return '应为数字，如 50';
    case 'int':
      return '应为整数，如 10';
    case 'string':
      return '应为文字，写在英文双引号中，如 "优秀"';
    case 'boolean':
      return '只能是 true 或 false（不加引号）';
    case 'array':
      return '应为列表，写在方括号 [ ] 中';
    case 'object':
      return whole ? '方案文件应是花括号 { } 括起的一组设置' : '应为一组设置，写在花括号 { } 中';
    case 'record':
      return '应为一组“名称: 数值”，写在花括号 { } 中';
    default:
      return `类型不对（应为 ${expected}）`;
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>, input: unknown): string {
  const max = String(issue.maximum);
  if (issue.origin === 'string') return `太长：最多 ${max} 个字${typeof input === 'string' ? `（现有 ${input.length} 个字）` : ''}`;
  if (issue.origin === 'array') return `最多 ${max} 项${Array.isArray(input) ? `（现有 ${input.length} 项）` : ''}`;
  return `${issue.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`}${given(input)}`;
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>, input: unknown): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字${given(input)}`;
  if (issue.origin === 'array') return min <= 1 ? '至少要有一项' : `至少要有 ${min} 项${Array.isArray(input) ? `（现有 ${input.length} 项）` : ''}`;
  if (min === 0 && issue.inclusive !== false) return `不能是负数${given(input)}`;
  return `${issue.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`}${given(input)}`;
}

/** What the text forms of scheme-schema.ts expect, by their pattern, said for what was written. */
function formatWords(pattern: string | undefined, input: unknown): string {
  if (pattern === String(PERCENT_PATTERN)) return shareFormWords(input);
  if (pattern === String(DECIMAL_PATTERN)) return '请写数字，如 85 或 85.5，不要写“分”“%”等文字';
  if (pattern === String(DATE_PATTERN)) return '日期请写成 年-月-日，如 "2026-12-20"';
  return '格式不对';
}

const CHINESE_DIGITS = '一二三四五六七八九';

/** 一 to 九十九 as written in 三分之一, 十二分之一; null for anything else. */
function chineseNumber(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? CHINESE_DIGITS.indexOf(tens) + 1 : null;
  return (tens ? CHINESE_DIGITS.indexOf(tens) + 1 : 1) * 10 + (ones ? CHINESE_DIGITS.indexOf(ones) + 1 : 0);
}

/**
 * A share that is neither a percentage nor a fraction as text: said for what the clerk wrote (三分之一: write
 * "1/3"; 70%: leave out the %), else both forms.
 */
function shareFormWords(input: unknown): string {
  const text = typeof input === 'string' ? input.trim() : '';
  const words = /^(.+)分之(.+)$/.exec(text);
  const [den, num] = words ? [chineseNumber(words[1]), chineseNumber(words[2])] : [null, null];
  if (den !== null && num !== null) return `分数请写成 "${num}/${den}"（表示${text}），不要写汉字`;
  if (/^\s*\d+(\.\d+)?\s*[%％]\s*$/.test(text)) return '百分比请写数字，如 70（表示 70%），不要写“%”';
  return '比例请写百分数的数字，如 70（表示 70%）；除不尽的分数写成 "1/3"、"2/3"';
}

/** （现为 "向下取整"，应写 "floor"）: the value the file has, and the code it means where it is a word for one. */
function givenCode(input: unknown, path: FieldPath): string {
  const code = codeForWord(path, input);
  return code === null ? given(input) : `${given(input).slice(0, -1)}，应写 ${JSON.stringify(code)}）`;
}

/** 只能是以下之一：">=" 以上（含）、">" 超过…, "floor" 向下取整…: the codes with their meaning (field-words.ts). */
function oneOf(values: readonly unknown[], path: FieldPath, lead = '只能是'): string {
  const words = values.map((v) => {
    const gloss = codeMeaning(path, v);
    return `${JSON.stringify(v)}${gloss ? ` ${gloss}` : ''}`;
  });
  return words.length === 1 ? `${lead} ${words[0]}` : `${lead}以下之一：${words.join('、')}`;
}

/**
 * A value that fits none of a field's forms. A discriminated union says which kinds exist; otherwise,
 * when every form failed on the value itself, the forms are listed (数字 or "85"; "pooled"/"each" or a
 * list); when every form failed on one field (otherwise.kind), that field's allowed values; else the
 * problems of the form the value came closest to.
 */
function unionProblems(issue: Extract<Issue, { code: 'invalid_union' }>, path: FieldPath, root: unknown): string[] {
  const at = fieldAt(path, root);
  if ('options' in issue && issue.options && issue.discriminator !== undefined) {
    // zod puts the discriminator in the path already (…response.kind); the input is the object.
    const value = isRecord(issue.input) ? issue.input[issue.discriminator] : undefined;
    return [value === undefined ? `缺少${at}，${oneOf(issue.options, path, '应为')}` : `${at}：${oneOf(issue.options, path)}${givenCode(value, path)}`];
  }
  const branches = issue.errors;
  if (branches.length === 0) return [`${at}：${issue.message}`];
  const onValue = branches.every((b) => b.length === 1 && b[0].path.length === 0);
  if (onValue) {
    const types = branches.map((b) => (b[0].code === 'invalid_type' ? b[0].expected : null));
    // number | decimal text: the thresholds and points, written as numbers.
    if (types.includes('number') && types.every((t) => t === 'number' || t === 'string')) return [`${at}：${typeWords('number', issue.input, false)}${given(issue.input)}`];
    const words = branches.map((b) => {
      const i = b[0];
      if (i.code === 'invalid_type') return typeWords(i.expected, issue.input, false);
      if (i.code === 'invalid_value') return oneOf(i.values, path);
      return i.message;
    });
    return [`${at}：${words.join('；或者')}${given(issue.input)}`];
  }
  const sameField = branches.map((b) => b.find((i) => i.code === 'invalid_value'));
  const key = sameField[0] ? fieldPath(sameField[0].path) : null;
  if (key !== null && sameField.every((i) => i && fieldPath(i.path) === key)) {
    const values = sameField.flatMap((i) => (i && i.code === 'invalid_value' ? i.values : []));
    return problemsOf({ ...sameField[0]!, values } as Issue, path, root);
  }
  // A branch that took the value's type and found a problem inside ({"第一支部": 2.5}) is closer than one that
  // refused the type outright (a number); then the one with the fewest problems.
  const refusesType = (b: readonly Issue[]) => Number(b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  const closest = [...branches].sort((a, b) => refusesType(a) - refusesType(b) || a.length - b.length)[0];
  return closest.flatMap((i) => problemsOf(i, path, root));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** 是否应为「weight」？ for a near miss; else the items this part may have. */
function unknownKeyAdvice(key: string, path: FieldPath, root: unknown): string {
  const known = knownKeys(path, root);
  if (known.length === 0) return '方案中没有这一项，请删去或改正';
  const near = closestKey(key, known);
  if (near) return `方案中没有这一项，是否应为「${near}」？`;
  // A short list helps to spot the meant one; the scheme's 24 top-level items would only bury the message.
  return known.length <= 12 ? `方案中没有这一项；这里可用的项：${known.join('、')}` : '方案中没有这一项，请删去或改正拼写';
}

function closestKey(key: string, known: readonly string[]): string | null {
  const plain = key.trim().toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(plain, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  // A slip of a letter or two, not a different word.
  return best !== null && bestDistance <= Math.min(3, Math.floor(best.length / 3)) ? best : null;
}

/** Edit distance with a swap of two neighbours counting one (weigth → weight). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The schema's parts as far as this reads them (zod's definitions: object, array, optional, union, record). */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  valueType?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  discriminator?: string;
  values?: unknown[];
}

/** The keys the object at `path` may have, following the schema along the data. */
function knownKeys(path: FieldPath, root: unknown): string[] {
  let def: Def | undefined = (schemeSchema as unknown as { _zod: { def: Def } })._zod.def;
  let value: unknown = root;
  const settle = () => {
    while (def && (def.type === 'optional' || def.type === 'nullable')) def = def.innerType?._zod.def;
    if (def?.type === 'union') def = pickOption(def, value);
  };
  for (const segment of path) {
    settle();
    if (!def) return [];
    if (typeof segment === 'number') def = def.type === 'array' ? def.element?._zod.def : undefined;
    else if (def.type === 'object') def = def.shape?.[String(segment)]?._zod.def;
    else if (def.type === 'record') def = def.valueType?._zod.def;
    else return [];
    value = isRecord(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
  }
  settle();
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The option of a union the value is meant as: by its `kind`, else the first object form. */
function pickOption(def: Def, value: unknown): Def | undefined {
  const options = (def.options ?? []).map((o) => o._zod.def);
  if (def.discriminator && isRecord(value)) {
    const tag = value[def.discriminator];
    const match = options.find((o) => o.shape?.[def.discriminator!]?._zod.def.values?.includes(tag));
    if (match) return match;
  }
  return options.find((o) => o.type === (Array.isArray(value) ? 'array' : 'object')) ?? options[0];
}
