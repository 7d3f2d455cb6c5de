/**
 * `pingyi`: the command line for batch work on folders of returned workbooks. It only drives: the
 * engine decides, the file host reads and writes. Exit codes: 0 fine, 1 error-level findings, 2 usage.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { basename, dirname, extname, join, normalize, resolve, sep } from 'path';
import { ParseArgsConfig, parseArgs } from 'util';
import { CampaignResult, runCampaign } from '../core/engine';
import { campaignYear } from '../core/results/campaign-year';
import { rectificationDateProblems } from '../core/output/merge-rectification';
import { Finding, finding, formatFinding, listedFindings } from '../core/findings/finding';
import { Submission } from '../core/forms/grid';
import { History, NO_HISTORY, joinHistories } from '../core/results/history';
import { PRESETS, getPreset } from '../core/presets';
import { RosterEntry } from '../core/roster/roster';
import { RosterSource } from '../core/roster/flag-columns';
import { SchemeError, loadScheme } from '../core/scheme/load-scheme';
import { Scheme } from '../core/scheme/scheme-schema';
import { schemeWarnings } from '../core/scheme/scheme-warnings';
import { sortByStroke } from '../core/text/stroke-order';
import { normalizeLabel } from '../core/text/normalize';
import { uncertainOrderNote } from '../core/output/describe-publication';
import { describeHistoryTemplate, longestRunCounted } from '../core/output/describe-history';
import { readSummary } from '../core/output/describe-findings';
import { describePaperwork, describeResultWorkbook, describeTemplates, withTemplateMeta } from '../core/output/describe-workbooks';
import { perUnitNotSplit } from '../core/output/describe-templates';
import { workbookFileName } from '../core/output/sheet-description';
import { readHistory } from '../hosts/files/read-history';
import { readRoster } from '../hosts/files/read-roster';
import { HashedFile, duplicateFileMessage, findDuplicateFiles, findResentCopies, withResentOriginals } from '../hosts/files/content-hash';
import { readWorkbook } from '../hosts/files/read-workbook';
import { SUBMISSION_EXTENSIONS, isHiddenName, isSubmissionInFolder, isWorkbookName, notReadTitle, sortNotRead } from '../hosts/files/submission-files';
import { writeWorkbook } from '../hosts/files/write-workbook';
import { PreviousResult, carriedOverNote, previousResult, refuseOtherYear, withPreviousEdits } from './previous-result';
import { resultJson } from './result-json';
import { summaryText } from './summary';
import { UsageError } from './usage-error';

export { UsageError };

const USAGE = `用法：
  pingyi presets
  pingyi template --scheme <预设id|方案.json> [--roster <名册文件>] [--year <考核年度>] --out <目录> [--counts]   （有“连续N次”规则时另生成 往年结果.xlsx；方案有承诺书等不收回的表时各生成一个工作簿、每人一张表；--counts 生成计票汇总表）
  pingyi validate --scheme <预设id|方案.json> [--roster <名册文件>] [--history <往年结果文件>] [--members <党员人数>] [--expected <应参评人数>] [--year <考核年度>] <文件或文件夹...> [--json]
  pingyi score    --scheme <预设id|方案.json> [--roster <名册文件>] [--history <往年结果文件>] [--members <党员人数>] [--expected <应参评人数>] [--year <考核年度>] <文件或文件夹...> --out <结果.xlsx> [--json]
  pingyi sort --by stroke            （从标准输入读姓名：每行一个，或以、，；或两个以上空格分隔；按姓氏笔画每行输出一个）

--expected 给出应参评人数（用于回收率）：类别=人数，如 干部=12,员工=40；分轮次的写 轮次=人数（只有一个测评人类别时）或 轮次/类别=人数，如 村评=12,镇评=20。
--expected 只写一个数（如 --expected 20）：方案只有一个测评人类别时即该类别的应参评人数。
--expected 按单位分别评议的表（如村评各村分别开会）可按单位给出：单位=人数 或 单位/类别=人数，如 张庄村=32,李庄村=18（单位照名册单位栏的写法）。
--members 给出名额所按的党员（成员）人数：一个数，如 --members 20；几个支部一起计算、名额按各支部分别计算的，写 单位=人数，如 第一支部=12,第二支部=15（单位照名册填写）。
--year YYYY（template、validate、score）：考核年度（同方案的“考核年度”），标题中的“2026年度”和往年结果以此为准；如 2026 年度的评议在 2027 年 1 月计算结果，写 --year 2026。
--today YYYY-MM-DD（template、validate、score）：以此日为今天：整改期限从此日起算；方案没有结果日期时也决定评议年度（没有考核年度时：1月至3月按上一年计，并提示核实）。
score --out 已存在时：是上次的结果文件（本工具生成）则沿用其中整改清单已填写的整改措施、责任人、整改状态、完成时间；是其他文件则不覆盖。
退出码：0 无错误；1 有错误级别的校验结果；2 用法错误。`;


export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => string;
  isTTY: boolean;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof SchemeError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * The names on one line of a list: one a line, or a list pasted as it is published, names apart by 、，；
 * a tab, or two spaces and more (王　毅　　李　娜). One space is never a separator: it pads two-character
 * names (王　毅) and may stand for the dot of a transcribed one (阿依古丽 买买提); two one-character pieces
 * apart by a wider gap are one name padded to three characters' width (王  毅): no name has one character.
 */
/**
 * A line cut at 、，,；; and tabs, except inside brackets: 丁月牙（女，回族） is one name. A bracket
 * left open cuts everywhere, rather than take the rest of the line for one annotation.
 */
function splitOutsideBrackets(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of line) {
    if ('(（[［【〔'.includes(c)) depth++;
    else if (')）]］】〕'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,；;\t'.includes(c)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return depth === 0 ? parts : line.split(/[、，,；;\t]/);
}

export function namesOnLine(line: string): string[] {
  const names: string[] = [];
  for (const part of splitOutsideBrackets(line)) {
    // Split at wide gaps, keeping them: a one-character piece beside another is a padded name (王  毅).
    const pieces = part.split(/([\s\u3000]{2,})/);
    for (let i = 0; i < pieces.length; i += 2) {
      let name = pieces[i].trim();
      if ([...name].length === 1 && i + 2 < pieces.length && [...pieces[i + 2].trim()].length === 1) {
        name = `${name}${pieces[i + 1]}${pieces[i + 2].trim()}`;
        i += 2;
      }
      if (name !== '') names.push(name);
    }
  }
  return names;
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'presets':
      for (const p of PRESETS) io.stdout(`${p.id}\t${p.name}（${p.process}；${p.seed}）\n`);
      return 0;
    case 'sort': {
      const { values } = parse(rest, { by: { type: 'string' } });
      if (values.by !== 'stroke') throw new UsageError('sort 需要 --by stroke');
      const names = io.stdin().split(/\r?\n/).flatMap(namesOnLine);
      const sorted = sortByStroke(names, (x) => x);
      for (const n of sorted) io.stdout(`${n}\n`);
      // As the 公示表 says it: a place that is not the rule's must not pass unnoticed.
      const uncertain = uncertainOrderNote(sorted);
      if (uncertain) io.stderr(`${uncertain}\n`);
      return 0;
    }
    case 'template':
      return template(rest, io);
    case 'validate':
    case 'score':
      return validateOrScore(command, rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`未知命令「${command}」`);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

function parse(args: string[], options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new UsageError(`参数有误：${argumentProblem(e as Error & { code?: string }, Object.keys(options))}`);
  }
}

/**
 * node's parseArgs error in Chinese. Its messages quote the option ('--histroy'); the code says what is wrong.
 * An unknown option close to a known one (a letter swapped, missing or extra) names that one.
 */
function argumentProblem(e: Error & { code?: string }, known: readonly string[]): string {
  const option = /'(-[^'\s]*)/.exec(e.message)?.[1];
  if (option === undefined) return e.message;
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const meant = closestOption(option.replace(/^-+/, ''), known);
    return `未知选项 ${option}${meant ? `；是否应为 --${meant}？` : `（本命令的选项：${known.map((k) => `--${k}`).join('、')}）`}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take/.test(e.message) ? `选项 ${option} 后面不带值` : `选项 ${option} 后面缺少值`;
  return e.message;
}

/** The known option at most two edits from `typed` (a swap of neighbours is one) and under half its length, the nearest; none when two are equally near. */
function closestOption(typed: string, known: readonly string[]): string | null {
  const scored = known.map((k) => ({ k, d: editDistance(typed.toLowerCase(), k) })).filter((x) => x.d <= 2 && x.d * 2 < x.k.length);
  scored.sort((a, b) => a.d - b.d);
  return scored.length > 0 && (scored.length === 1 || scored[1].d > scored[0].d) ? scored[0].k : null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours, one each. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/**
 * The scheme named by --scheme, used as written. Values in it that are probably slips (scheme-warnings.ts) go to
 * stderr when `warn` is set: `template` runs no campaign; validate and score list them among the campaign's
 * findings (SCHEME_DOUBTFUL_VALUE), with --json and in 校验结果.
 */
function schemeFrom(arg: string | undefined, io: Io, warn: boolean): Scheme {
  if (!arg) throw new UsageError('缺少 --scheme（预设 id 或方案 JSON 文件）');
  if (PRESETS.some((p) => p.id === arg)) return getPreset(arg);
  if (!existsSync(arg)) throw new UsageError(`找不到方案「${arg}」：既不是预设 id（pingyi presets 可列出），也不是文件`);
  const scheme = loadScheme(readFileSync(arg, 'utf8'), arg);
  const warnings = warn ? schemeWarnings(scheme) : [];
  if (warnings.length > 0) io.stderr(`方案文件「${arg}」中有可能写错的数值（仍按所写计算）：\n${warnings.map((w) => `  - ${w}\n`).join('')}`);
  return scheme;
}

/** A list the clerk gives (名册, 往年结果), read like any workbook; its reading findings go with the others. */
async function listFile(path: string, what: string, findings: Finding[]): Promise<Submission | null> {
  if (!existsSync(path)) throw new UsageError(`找不到${what}文件「${path}」`);
  // A Word file or a note given by slip would be read as text (a CSV) and blamed for a missing header.
  if (!isWorkbookName(path)) throw new UsageError(`${what}文件「${path}」不是工作簿：应为 ${SUBMISSION_EXTENSIONS.join('、')} 文件`);
  const outcome = await readWorkbook(basename(path), new Uint8Array(readFileSync(path)));
  findings.push(...outcome.findings);
  return outcome.submission;
}

async function rosterFrom(path: string | undefined, findings: Finding[]): Promise<{ roster: RosterEntry[]; source?: RosterSource } | null> {
  if (!path) return null;
  const submission = await listFile(path, '名册', findings);
  if (!submission) return { roster: [] };
  const { roster, findings: rf, source } = readRoster(submission);
  findings.push(...rf);
  return { roster, source };
}

/**
 * 往年结果 for the 连续 N 次 rules (read-history.ts); none given: the engine counts from this year and says so.
 * --history may be given once a file (one a year): all are read, and one person's years joined (core/results/history.ts).
 */
async function historyFrom(paths: string[] | undefined, findings: Finding[]): Promise<History | undefined> {
  if (!paths || paths.length === 0) return undefined;
  const histories: History[] = [];
  for (const path of paths) {
    const submission = await listFile(path, '往年结果', findings);
    if (!submission) continue;
    const { history, findings: hf } = readHistory(submission);
    findings.push(...hf);
    histories.push(history);
  }
  return histories.length > 0 ? joinHistories(histories) : NO_HISTORY;
}

interface InputFile {
  path: string;
  /** How findings name it: the path below the folder given, so two 评议票.xlsx in different folders differ. */
  display: string;
}

/**
 * Files named, and the workbooks inside folders named (recursively), each once. What a folder holds
 * besides workbooks (hidden files, ~$ lock files, documents, archives) is listed in `skipped`, to be
 * reported (submission-files.ts sortNotRead).
 */
function collectFiles(paths: string[]): { files: InputFile[]; skipped: string[] } {
  const files: InputFile[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, display: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path, display: display.split(sep).join('/') });
  };
  // `prefix`: the folder's path below the folder given, with "/" (findings name files by it). The
  // entries' types come with the listing; only a symbolic link is followed with a stat, as before.
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = entry.name;
      const child = join(dir, name);
      const display = prefix + name;
      if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(child).isDirectory())) {
        if (!isHiddenName(name)) walk(child, `${display}/`);
        else skipped.push(`${display}/`);
      } else if (isSubmissionInFolder(display)) add(child, display);
      else skipped.push(display);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(`找不到「${p}」`);
    if (statSync(p).isDirectory()) walk(p, '');
    else add(p, basename(p));
  }
  // Two files shown under one name (评议票.xlsx named twice, or found in two folders named) would make
  // their findings ambiguous: those are shown by the path as given instead.
  const count = new Map<string, number>();
  for (const f of files) count.set(f.display, (count.get(f.display) ?? 0) + 1);
  for (const f of files) if (count.get(f.display)! > 1) f.display = normalize(f.path).split(sep).join('/');
  // The order the files are named in does not matter: every output is the same for the same files.
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}

/**
 * --members N: the 党员（成员）人数 a quota counts from (seed 004 四、2(1) 评选比例为本支部党员人数的20%), when
 * the roster lists only the candidates (附表2 as the seed intends). As the pane's field of the same name. Several
 * 支部 scored at once give one each, written as --expected is: --members 第一支部=12,第二支部=15 (the units as the
 * roster writes them; one it does not have is refused when the roster is read, engine.ts).
 */
function withMembers(scheme: Scheme, value: string | boolean | undefined): Scheme {
  if (value === undefined) return scheme;
  const text = String(value).trim();
  const count = (n: string, entry: string) => {
    if (!/^[1-9]\d{0,6}$/.test(n)) throw new UsageError(`--members「${entry}」：党员（成员）人数应为 1 到 9999999 之间的整数，而不是「${n}」`);
    return Number(n);
  };
  if (!/[=＝]/.test(text)) {
    if (!/^[1-9]\d{0,6}$/.test(text))
      throw new UsageError(`--members 应为党员（成员）人数，1 到 9999999 之间的整数，而不是「${text}」（按单位分别给出的，写成 单位=人数，如 第一支部=12,第二支部=15）`);
    return { ...scheme, memberCount: Number(text) };
  }
  const counts: Record<string, number> = {};
  for (const entry of text.split(/[,，;；]/).map((e) => e.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[=＝]\s*(\S*)$/.exec(entry);
    if (!m) throw new UsageError(`--members 的每一项应写成 单位=人数（如 第一支部=12），而不是「${entry}」`);
    if (Object.prototype.hasOwnProperty.call(counts, m[1])) throw new UsageError(`--members 中单位「${m[1]}」写了两次`);
    counts[m[1]] = count(m[2], entry);
  }
  return { ...scheme, memberCount: counts };
}

/**
 * --expected 干部=12,员工=40 (or 村评=12,镇评=20, 镇评/员工=20): the 应参评人数 回收率 is computed from (DOMAIN.md,
 * Participation: part of every result), which no preset can know. A group's number holds in every round; a round's
 * (written alone where the scheme has one rater group, else as 轮次/类别) only in that round. As the pane's field per group.
 * A unit's (张庄村=32, 张庄村/村民代表=32) holds for the forms held per unit (FormDef.perUnit): each village's meeting.
 */
function withExpected(scheme: Scheme, value: string | boolean | undefined): Scheme {
  if (value === undefined) return scheme;
  const text = String(value).trim();
  const known = <T extends { id: string; name: string; aliases?: string[] }>(list: T[], word: string): T | undefined =>
    list.find((x) => [x.id, x.name, ...(x.aliases ?? [])].some((n) => normalizeLabel(n) === normalizeLabel(word)));
  const names = `测评人类别：${scheme.raterGroups.map((g) => g.name).join('、')}；轮次：${scheme.rounds.map((r) => r.name).join('、')}`;
  const groups = scheme.raterGroups.map((g) => ({
    ...g,
    ...(g.expectedByRound ? { expectedByRound: { ...g.expectedByRound } } : {}),
    ...(g.expectedByUnit ? { expectedByUnit: { ...g.expectedByUnit } } : {}),
  }));
  const perUnit = scheme.forms.some((f) => f.perUnit);
  // One number alone: where there is one rater group, there is no doubt whose it is.
  if (/^\d{1,7}$/.test(text)) {
    if (groups.length > 1) throw new UsageError(`--expected「${text}」：本方案有 ${groups.length} 个测评人类别，请写成 类别=人数（${names}）`);
    return { ...scheme, raterGroups: [{ ...groups[0], expected: Number(text) }] };
  }
  for (const entry of text.split(/[,，;；]/).map((e) => e.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[=＝]\s*(\d{1,7})$/.exec(entry);
    if (!m) throw new UsageError(`--expected 的每一项应写成 类别=人数（如 干部=12）或 轮次/类别=人数，而不是「${entry}」`);
    const words = m[1].split(/[/／]/).map((w) => w.trim());
    const count = Number(m[2]);
    let group: (typeof groups)[number] | undefined;
    let round: Scheme['rounds'][number] | undefined;
    // A word neither a group nor a round names a unit of the roster (张庄村=32), where a form is held per unit: the
    // roster is read later, and a unit it lacks refuses the run there (engine.ts, expectedUnitProblems).
    let unit: string | undefined;
    for (const w of words) {
      const g = known(groups, w);
      const r = known(scheme.rounds, w);
      if (g && !group) group = g;
      else if (r && !round) round = r;
      else if (!g && !r && !unit && perUnit) unit = w;
      else throw new UsageError(`--expected「${entry}」中的「${w}」不是本方案的测评人类别或轮次（${names}）`);
    }
    if (!group && groups.length > 1)
      throw new UsageError(`--expected「${entry}」：本方案有 ${groups.length} 个测评人类别，请写成 ${unit ? '单位/类别=人数' : '轮次/类别=人数'}（${names}）`);
    if (unit && round) throw new UsageError(`--expected「${entry}」：单位的应参评人数不分轮次（用于按单位分别评议的轮次），请写成 单位=人数 或 单位/类别=人数`);
    group ??= groups[0];
    const ratedPerUnit = (g: { id: string }) => scheme.forms.some((f) => f.perUnit && (!f.raterGroups || f.raterGroups.includes(g.id)));
    if (unit && !ratedPerUnit(group))
      throw new UsageError(`--expected「${entry}」：「${group.name}」不评按单位分别评议的表，「${unit}」不是本方案的测评人类别或轮次（${names}）`);
    if (unit) group.expectedByUnit = { ...group.expectedByUnit, [unit]: count };
    else if (round) group.expectedByRound = { ...group.expectedByRound, [round.id]: count };
    else group.expected = count;
  }
  return { ...scheme, raterGroups: groups };
}

/** --year: the campaign's 考核年度 (the scheme's `year`), for a campaign counted in the new year (campaign-year.ts). */
function withYear(scheme: Scheme, value: string | boolean | undefined): Scheme {
  if (value === undefined) return scheme;
  const text = String(value).trim();
  if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) throw new UsageError(`--year 应为考核年度，四位数的年份（如 2026），而不是「${text}」`);
  return { ...scheme, year: Number(text) };
}

/** --today must be a real calendar date. */
function todayFrom(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== text) throw new UsageError(`--today 应为实际存在的日期，格式 YYYY-MM-DD，而不是「${text}」`);
  return text;
}

/** A path under `dir` for `name` that does not exist yet: 名称.xlsx, 名称(2).xlsx, ... */
function freshPath(dir: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = join(dir, name);
  for (let i = 2; existsSync(candidate); i++) candidate = join(dir, `${stem}(${i})${ext}`);
  return candidate;
}

async function template(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { scheme: { type: 'string' }, roster: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' }, year: { type: 'string' }, counts: { type: 'boolean' } });
  if (!values.out) throw new UsageError('缺少 --out（输出目录）');
  const scheme = withYear(schemeFrom(values.scheme as string | undefined, io, true), values.year);
  const findings: Finding[] = [];
  const roster = (await rosterFrom(values.roster as string | undefined, findings))?.roster ?? [];
  const out = resolve(values.out as string);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out 应为存放模板的文件夹，「${values.out}」是一个文件`);
  mkdirSync(out, { recursive: true });
  // For a 连续 N 次 rule, the 往年结果 sheet the clerk fills (read back by --history), for the campaign's year.
  const campaign = campaignYear(scheme, todayFrom(values.today) ?? new Date().toISOString().slice(0, 10));
  const year = campaign.results.year;
  // --counts: the 计票汇总表 for meetings that vote on paper and report their count, instead of ballots.
  const counts = values.counts === true;
  const history = counts ? null : describeHistoryTemplate(scheme, roster, year);
  // The year the 往年结果 columns stop before, when taken as last year's: said, not guessed silently.
  if (history && campaign.finding) io.stderr(`${campaign.finding.message}\n`);
  const sheets = [...describeTemplates(scheme, roster, { counts }), ...(history ? [history] : [])];
  if (sheets.length === 0) io.stderr('方案中没有可按票数汇总的表（计票汇总表只用于打√的等次表）\n');
  // One workbook per ballot; the forms kept and not read back (认岗承诺书 …) one workbook each, a sheet per person.
  // A ballot's file is named in full (fileName), not as its sheet, cut to Excel's 31 characters.
  const workbooks = [...sheets.map((sheet) => ({ name: sheet.fileName ?? sheet.name, sheets: [sheet] })), ...(counts ? [] : describePaperwork(scheme, roster))];
  for (const workbook of workbooks) {
    const name = workbookFileName(workbook.name);
    // Never overwrite: a returned copy may still carry the template's name.
    const target = freshPath(out, name);
    writeFileSync(target, await writeWorkbook(workbook.sheets));
    io.stdout(`已生成 ${target}\n`);
  }
  for (const f of findings) io.stderr(`${formatFinding(f)}\n`);
  // A form held per unit that could not be split (someone without a unit): said, the whole list written.
  for (const note of perUnitNotSplit(scheme, roster)) io.stderr(`${note}\n`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

async function validateOrScore(command: 'validate' | 'score', args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    scheme: { type: 'string' },
    roster: { type: 'string' },
    history: { type: 'string', multiple: true },
    out: { type: 'string' },
    json: { type: 'boolean' },
    today: { type: 'string' },
    year: { type: 'string' },
    members: { type: 'string' },
    expected: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('请给出要处理的文件或文件夹');
  if (command === 'score' && !values.out) throw new UsageError('score 需要 --out <结果.xlsx>');
  if (command === 'validate' && values.out !== undefined) throw new UsageError('validate 只校验、不写文件，不用 --out；要写结果工作簿请用 score … --out 结果.xlsx');
  const scheme = withYear(withExpected(withMembers(schemeFrom(values.scheme as string | undefined, io, false), values.members), values.expected), values.year);
  const findings: Finding[] = [];
  // Said, not dropped: 往年结果 only serve 连续 N 次 rules, and this scheme has none.
  const givenHistories = (values.history as unknown as string[] | undefined) ?? [];
  if (givenHistories.length > 0 && longestRunCounted(scheme) < 2)
    for (const h of givenHistories) findings.push(finding('HISTORY_NOT_USED', `方案「${scheme.name}」没有“连续N次”的处理，往年结果未使用`, { file: basename(h) }));
  // Before reading a folder of files: without a roster there is nothing to check them against.
  if (!values.roster && schemeRoster(scheme).length === 0) throw new UsageError('没有名册：请用 --roster 给出名册文件');
  const { files, skipped } = collectFiles(positionals);
  // What a folder held but is not read: a finding each (an archive or a web page may hold ballots), except
  // the computer's own files, which are only listed here.
  const notRead = sortNotRead(skipped);
  findings.push(...notRead.findings);
  if (notRead.computersOwn.length > 0) io.stderr(`${notReadTitle(notRead.computersOwn.length)}：${notRead.computersOwn.join('、')}\n`);
  const outPath = values.out ? resolve(values.out as string) : null;
  const histories = givenHistories.length > 0 ? givenHistories : undefined;
  const inputs = [...files.map((f) => f.path), values.roster, ...givenHistories, values.scheme].filter((p): p is string => typeof p === 'string');
  if (outPath && inputs.some((p) => resolve(p) === outPath)) throw new UsageError('--out 不能是输入文件之一（测评表、名册、往年结果或方案）');
  // Said before the ballots are read: a folder given as --out is not where a result workbook can go.
  if (outPath && existsSync(outPath) && statSync(outPath).isDirectory())
    throw new UsageError(`--out 应为结果文件（如 ${join(values.out as string, '结果.xlsx')}），「${values.out}」是一个文件夹`);
  if (outPath && extname(outPath).toLowerCase() !== '.xlsx') throw new UsageError(`--out 应为 .xlsx 结果工作簿（如 结果.xlsx），而不是「${values.out}」`);
  // An existing --out: last run's result (its 整改清单 entries are kept) or refused; never replaced unseen.
  let previous: PreviousResult | null = null;
  if (outPath && existsSync(outPath)) previous = await previousResult(outPath, values.out as string, scheme);
  const today = todayFrom(values.today);

  const submissions: Submission[] = [];
  const hashes: HashedFile[] = [];
  /** The path of each file in hashes, for its modified time. */
  const hashedPaths: string[] = [];
  const progress = files.length >= 10 || io.isTTY;
  for (let i = 0; i < files.length; i++) {
    const { path, display } = files[i];
    if (progress) {
      // On a terminal one line that updates; in a log a line every tenth of the batch.
      const step = Math.max(1, Math.floor(files.length / 10));
      if (io.isTTY) io.stderr(`\r读取 ${i + 1}/${files.length}：${display}`.padEnd(60));
      else if ((i + 1) % step === 0 || i + 1 === files.length) io.stderr(`读取 ${i + 1}/${files.length}\n`);
    }
    // A view over the Buffer read, not a copy of it (new Uint8Array(buffer) copies every byte).
    const bytes = readFileSync(path);
    const outcome = await readWorkbook(display, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    findings.push(...outcome.findings);
    if (outcome.sha256) {
      hashes.push({ file: display, hash: outcome.sha256 });
      hashedPaths.push(path);
    }
    if (outcome.submission) {
      // A copy of our own template says which form, group and round each of its sheets is, even after a
      // clerk retyped a header; a sheet pasted in from elsewhere has no such record and goes by its labels.
      submissions.push(withTemplateMeta(outcome.submission, outcome.templateMeta, scheme));
    }
  }
  if (progress && io.isTTY) io.stderr('\n');
  // The modified time tells the original from its copy when neither name says (findDuplicateFiles): asked of
  // files whose bytes another file shares only, not of every file read (a stat each was ~25 ms per 1,000 files).
  const byHash = new Map<string, number>();
  for (const h of hashes) byHash.set(h.hash, (byHash.get(h.hash) ?? 0) + 1);
  hashes.forEach((h, i) => {
    if (byHash.get(h.hash)! > 1) h.modified = statSync(hashedPaths[i]).mtimeMs;
  });
  for (const d of findDuplicateFiles(hashes)) {
    findings.push(finding('DUPLICATE_FILE', duplicateFileMessage(d.sameAs), { file: d.file }));
    const i = submissions.findIndex((s) => s.file === d.file);
    if (i >= 0) submissions.splice(i, 1);
  }
  // A copy or correction sent again beside its original: the engine compares their marks (RESENT_FILE).
  const batch = withResentOriginals(submissions, findResentCopies(hashes));
  const before = findings.length;
  const read = await rosterFrom(values.roster as string | undefined, findings);
  const roster = read?.roster ?? schemeRoster(scheme);
  if (roster.length === 0) {
    // A roster file that yields no one: say why (ROSTER_EMPTY, or why the file could not be read), not "give --roster".
    const why = read ? findings.slice(before).filter((f) => f.severity === 'error') : [];
    throw new UsageError(why.length > 0 ? `名册中没有读到任何被评议对象：${why.map((f) => f.message).join('；')}` : '没有名册：请用 --roster 给出名册文件');
  }

  const history = await historyFrom(histories, findings);
  const result = runCampaign({ scheme, roster, submissions: batch, today, ...(history ? { history } : {}), ...(read?.source ? { rosterSource: read.source } : {}) });
  result.findings.unshift(...findings);
  if (command === 'score' && outPath) {
    // As template does: a folder named in --out that does not exist yet is made.
    mkdirSync(dirname(outPath), { recursive: true });
    if (previous) refuseOtherYear(previous, values.out as string, result.year);
    // A 完成时间 (or 整改时限) of the previous 整改清单 that is no date is said, with its cell, before the 校验结果 is written.
    if (previous?.rectification) result.findings.push(...rectificationDateProblems(previous.rectification, basename(outPath)));
    const sheets = describeResultWorkbook(result);
    writeFileSync(outPath, await writeWorkbook(previous ? withPreviousEdits(sheets, previous) : sheets));
  }
  const note = previous ? `${carriedOverNote(values.out as string)}\n` : '';

  if (values.json) io.stdout(`${JSON.stringify(resultJson(result))}\n`);
  else io.stdout(`${command === 'score' ? summaryText(result) : validationText(result)}\n${outPath ? `\n结果已写入 ${outPath}\n${note}` : ''}`);
  if (values.json && note) io.stderr(note);
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** The roster the scheme carries, when no roster file is given. */
function schemeRoster(scheme: Scheme): RosterEntry[] {
  return scheme.roster ?? [];
}

function validationText(result: CampaignResult): string {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const lines = [`${readSummary(result.read)}；错误 ${errors} 条，提醒 ${result.findings.length - errors} 条`];
  for (const f of listedFindings(result.findings)) lines.push(formatFinding(f));
  return lines.join('\n');
}

/** Entry point of the `pingyi` binary (bin/pingyi.js). */
export function runCli(): void {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: () => readFileSync(0, 'utf8'),
    isTTY: Boolean(process.stderr.isTTY),
  }).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`内部错误：${(e as Error).stack ?? e}\n`);
      process.exitCode = 3;
    },
  );
}

if (require.main === module) runCli();
