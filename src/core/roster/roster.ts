/**
 * The roster (名册): who is evaluated, with the attributes rules look at (单位, 职务类别, 窗口岗位,
 * veto events). Names on ballots are matched to it after normalisation (spaces, width, traditional).
 */
import { annotations, normalizeLabel, normalizeName, withoutAnnotations } from '../text/normalize';

/**
 * A column of a person's unit, in a roster, on a ballot or in 往年结果: 单位, 部门, 所在支部, 处室 ..., and
 * for 村干部 and 社区 campaigns the village or community (seed 002: 村民评议, 社区 勤廉双述双评), headed
 * 村, 社区, 村（社区）, 所在村, 村居. Labels are normalised first (brackets half-width).
 */
export const UNIT_HEADER =
  /^(所在|所属|工作)?(单位|部门|支部|党支部|党组织|处室|科室|网点|机构|单位部门|单位\/部门|部门\/单位|村|社区|村居|村\(社区\)|村\/社区|社区\(村\)|村\(居\))(名称)?$/;

export interface RosterEntry {
  name: string;
  /**
   * The roster's name cell as written, when it is not `name` (王　芳 padded to align, 李娜（女） with a
   * note; `name` is tidied for printing): a ballot giving this very text names the person as the roster
   * does, so it is an exact match, not a correction to report.
   */
  writtenAs?: string;
  /** A person (default) or an organisation such as a 党支部. */
  kind?: 'person' | 'organisation';
  unit?: string;
  /** 职务类别 (正职/副职), or 预备党员 and the like. */
  category?: string;
  /** 窗口岗位 (seed 004 附表3). */
  window?: boolean;
  /** Veto events and other flags by field name (否决事项, 事故, 党风廉政问题 ...); any non-empty text is "set". */
  flags?: Record<string, string>;
}

/**
 * What to say when the roster has no one of the kind a form rates (附表1 rates 党支部, the roster is a
 * 花名册 of members): which row to add. `name`: the one a returned form named, when there is one.
 */
export function noSubjectOfKindText(kind: 'person' | 'organisation', name?: string): string {
  const what = kind === 'organisation' ? '党组织' : '被评议对象';
  return `名册中没有任何${what}；请在名册中加一行，姓名栏写${name ? `「${name}」` : `${what}的名称`}${kind === 'organisation' ? '，类型栏写「组织」' : ''}`;
}

export interface Subject extends RosterEntry {
  index: number;
  key: string;
}

export interface Roster {
  /** The subjects in this view of the roster. */
  subjects: Subject[];
  /** Every subject of the campaign, by index. */
  all: Subject[];
  /** normalized name → indexes (more than one: 重名). */
  byKey: Map<string, number[]>;
}

/**
 * An organisation's name without the words its writers add or leave out: 中共 / 中国共产党 before it,
 * 委员会 after it, 党 before 支部 or 总支 (中共机关支部委员会, 机关党支部 and 机关支部 are one).
 */
export function organisationKey(name: string): string {
  return normalizeName(name)
    .replace(/^(中国共产党|中共)/, '')
    .replace(/委员会$/, '')
    .replace(/党(支部|总支)/g, '$1');
}

/** organisationKey → indexes of the organisations in a roster view, made when first needed. */
const organisationKeys = new WeakMap<Roster, Map<string, number[]>>();

function organisationHits(roster: Roster, raw: string): number[] | undefined {
  let byKey = organisationKeys.get(roster);
  if (byKey === undefined) {
    byKey = new Map();
    for (const s of roster.subjects) {
      if (s.kind !== 'organisation') continue;
      const key = organisationKey(s.name);
      byKey.set(key, [...(byKey.get(key) ?? []), s.index]);
    }
    organisationKeys.set(roster, byKey);
  }
  return byKey.size > 0 ? byKey.get(organisationKey(raw)) : undefined;
}

export function buildRoster(entries: readonly RosterEntry[]): Roster {
  const subjects = entries.map((e, index) => ({ ...e, name: e.name.trim(), index, key: normalizeName(e.name) }));
  const byKey = new Map<string, number[]>();
  for (const s of subjects) {
    const list = byKey.get(s.key);
    if (list) list.push(s.index);
    else byKey.set(s.key, [s.index]);
  }
  return { subjects, all: subjects, byKey };
}

/** The part of the roster a form rates (its subject kind, window posts only); indexes are kept. */
export function rosterFor(roster: Roster, kind: 'person' | 'organisation', onlyWindowPosts = false): Roster {
  const subjects = roster.subjects.filter((s) => (s.kind ?? 'person') === kind && (!onlyWindowPosts || s.window));
  if (subjects.length === roster.subjects.length) return roster;
  const byKey = new Map<string, number[]>();
  for (const s of subjects) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.index]);
  return { subjects, all: roster.all, byKey };
}

export type NameMatch =
  | { kind: 'exact'; index: number }
  | { kind: 'normalised'; index: number }
  | { kind: 'ambiguous'; indexes: number[] }
  | { kind: 'none' };

/** Numbering typed before a name (1.王毅, 2、李娜, ３ 陈刚) and a form of address after it (赵敏同志). */
const NUMBERING = /^\s*[0-9０-９]{1,4}\s*[.、．，,:：)）\s]\s*/;
const ADDRESS = /\s*同志\s*$/;

/**
 * Between a name and what follows it in the same cell: 王毅 支部书记, 陈刚⏎组织委员. Not a slash: 机关/中心
 * on a printed form means "one of these", to be chosen, not 机关 with a note.
 */
const NOTE_SEPARATOR = /[\s\u3000]+/;

/** Between a post and the name after it: a space or line break, a colon, a dash. */
const POST_BEFORE = /[\s\u3000:：—–－-]+/;

/**
 * A cell holding a name and a note after it (its post, on the same line or the next): the name and the
 * note's parts. null when the cell has one part only.
 */
function nameWithNote(raw: string): { name: string; note: string[] } | null {
  const parts = raw.trim().split(NOTE_SEPARATOR).filter((p) => p !== '');
  return parts.length > 1 ? { name: parts[0], note: parts.slice(1) } : null;
}

/**
 * Where a roster keeps what it wrote beside a name (李娜（女）, 丁宁 组织委员): set aside from the name by the
 * roster reader and kept here, as a flag, so that it is printed nowhere but still tells 重名 apart.
 */
export const ROSTER_NOTE_FLAG = '名册备注';

/** Posts and remarks a roster writes after a name and a space (丁宁 组织委员, 王毅 支部书记, 李娜 女). */
const ROSTER_NOTE_WORD =
  /^((党|团)?(总支|支部|委|小组)?(副)?(书记|委员|组长)|支委|(组织|宣传|纪检|纪律检查|统战|青年|保密|群工|群众工作|生活|文体|妇女|宣教|组宣)委员|党小组长|女|男|预备党员|预备)$/;

/** Whether a note beside a name is a post or remark (女, 书记, 组织委员), not a unit: 往年结果 sets such a bracket aside. */
export function isRosterNoteWord(note: string): boolean {
  return ROSTER_NOTE_WORD.test(normalizeLabel(note));
}

/**
 * A roster's name cell holding a note beside the name: any text in brackets (李娜（女）, 王毅(支部书记)), or a
 * known post or remark after a space or line break (丁宁 组织委员). The name and the note; null when the
 * cell is a name alone, or when what is left has no Chinese character (+SUM(A1:A9) is no name with a
 * note). A name is never cut: 买买提·艾力 has no space, 王　毅 is padding (displayName joins it), and
 * 阿依古丽 买买提 is two parts of one name, as its second part is no post.
 */
export function rosterNameNote(written: string): { name: string; note: string } | null {
  const notes: string[] = [];
  const name = written.replace(/[（(【[〔]([^（()）【】[\]〔〕]*)[)）】\]〕]/g, (_all, inner: string) => {
    if (inner.trim() !== '') notes.push(inner.trim());
    return ' ';
  });
  const parts = name.trim().split(NOTE_SEPARATOR).filter((p) => p !== '');
  let keep = parts.length;
  while (keep > 1 && ROSTER_NOTE_WORD.test(normalizeLabel(parts[keep - 1]))) keep--;
  notes.push(...parts.slice(keep));
  const bare = parts.slice(0, keep).join(' ');
  // Only a Chinese name is cut so: +SUM(A1:A9) or a code with a bracket is left as written.
  return notes.length === 0 || !/\p{Script=Han}/u.test(bare) ? null : { name: bare, note: notes.join('，') };
}

export function matchName(roster: Roster, raw: string): NameMatch {
  const key = normalizeName(raw);
  let hits = roster.byKey.get(key);
  if (!hits) {
    // Only when the name as written is not listed: a roster entry 同志 or 1.王毅 still matches as itself.
    const bare = raw.replace(NUMBERING, '').replace(ADDRESS, '');
    hits = bare !== raw && bare.trim() !== '' ? roster.byKey.get(normalizeName(bare)) : undefined;
    // A name with its post after it; not two names (王毅 李娜), which stay unmatched.
    const split = hits ? null : nameWithNote(bare);
    if (split && !split.note.some((p) => roster.byKey.has(normalizeName(p)))) hits = roster.byKey.get(normalizeName(split.name));
    // The post written before the name, as 附表3 lists window staff (签证窗口 李娜, 签证窗口：李娜, 签证窗口—李娜);
    // again never when another part is itself a listed name.
    if (!hits) {
      const parts = bare.trim().split(POST_BEFORE).filter((p) => p !== '');
      if (parts.length > 1 && !parts.slice(0, -1).some((p) => roster.byKey.has(normalizeName(p)))) hits = roster.byKey.get(normalizeName(parts[parts.length - 1]));
    }
    // An organisation written with or without 中共 …委员会, 党支部 or 支部.
    if (!hits && bare.trim() !== '') hits = organisationHits(roster, bare);
    if (!hits) return { kind: 'none' };
    return hits.length > 1 ? { kind: 'ambiguous', indexes: hits } : { kind: 'normalised', index: hits[0] };
  }
  if (hits.length > 1) return { kind: 'ambiguous', indexes: hits };
  return asListed(roster.all[hits[0]], raw) ? { kind: 'exact', index: hits[0] } : { kind: 'normalised', index: hits[0] };
}

/** The text is the subject's name as the roster gives it: its tidied name, or its cell exactly as written there. */
function asListed(s: RosterEntry, raw: string): boolean {
  const said = String(raw).trim();
  return s.name === said || s.writtenAs === said;
}

/** The roster's own text for a subject, as a message quotes it (王　芳 where the roster pads the name). */
export function listedText(s: RosterEntry): string {
  return s.writtenAs ?? s.name;
}

/**
 * A roster flag's text, '' when the entry has none. Own fields only: a column or a scheme rule named
 * "constructor" or "toString" is just a name, not something every object inherits.
 */
export function flagText(subject: RosterEntry, field: string): string {
  const flags = subject.flags;
  if (flags === undefined || !Object.prototype.hasOwnProperty.call(flags, field)) return '';
  const v = flags[field];
  return typeof v === 'string' ? v : '';
}

/**
 * What a clerk writes in a roster's yes/no or event column for "no" or "none": 否, 无, ×, and the slash
 * or dash that marks a cell "not applicable" in Chinese tables. Matched against normalizeLabel's text
 * (half-width, no spaces), so ／ and － are / and -.
 */
export const NO_TEXT = /^(否|不是|非|无|没有|未发生|不存在|无此情况|×|✗|✘|x|n|no|false|0|\/|\\|-+|—+|–+|─+|－+)$/i;

/**
 * "None" as clerks write it in a veto or event column, beyond NO_TEXT: 暂无, 没有发生, 未出现, 正常, 0起 / 0次,
 * and the dashes and crosses of "not applicable" in their look-alikes (― U+2015, ✕ U+2715).
 */
const NONE_TEXT = /^(暂无|没有发生|没有出现|未出现|未发现|无此类情况|正常|[0０零](起|次|件|项|个|例|人次)|[✕╳]|[―‐‑‒]+)$/;
/** A cell that begins by denying (无事故, 未发生责任事故, 没有被问责): "none" only if the rest is made of these words. */
const NEGATION = /^(暂无|没有|从未|未曾|无|未)/;
const DENIED_WORDS =
  /发生|出现|发现|存在|受到|任何|相关|此类|该类|这类|上述|以上|责任|安全|重大|经济|刑事|群众|事故|案件|问责|追责|失误|违纪|违法|投诉|廉政|党风|查处|查实|情况|问题|事项|行为|记录|有|被|受|此|该|[、,和或及与]/g;

/**
 * What a roster's veto or event cell says (the one rule; hasFlag and the engine's findings both use it):
 * 'none' for 无, 否, /, —, 暂无, 0起, 正常 … and for a denial of the event itself (无事故, 未发生责任事故,
 * 没有被问责, 无此情况: the negation, then only words naming the event or this field); 'set' for anything
 * else; 'unclear' for a cell that begins like a denial but goes on to say something else (无证驾驶,
 * 未按时完成整改, 未处理的事故): that may well be an event, so it counts as set, for a person to check.
 * A cell taken as none by mistake would silently lift a veto (seed 003 篇六: any 责任事故 → 不称职).
 */
export function flagCellSays(text: string, field = ''): 'none' | 'set' | 'unclear' {
  const v = normalizeLabel(text).replace(/[。.,，;；!！]+$/, '');
  if (v === '' || NO_TEXT.test(v) || NONE_TEXT.test(v)) return 'none';
  const denied = NEGATION.exec(v);
  if (!denied) return 'set';
  const own = normalizeLabel(withoutAnnotations(field));
  let rest = v.slice(denied[0].length);
  if (own !== '') rest = rest.split(own).join('');
  return rest.replace(DENIED_WORDS, '') === '' ? 'none' : 'unclear';
}

/** A veto event or other flag is set when its cell says something other than "none" (flagCellSays). */
export function hasFlag(subject: RosterEntry, field: string): boolean {
  return flagCellSays(flagText(subject, field), field) !== 'none';
}

/** Prefixes of 政治面貌 as the official lists write it (中共预备党员, 中国共产党党员). */
const PARTY_PREFIX = /^(中共|中国共产党)/;

/** "Yes" in a roster's yes/no column (是否预备党员, 窗口岗位: 是, √), matched against normalizeLabel's text. "No" is NO_TEXT. */
export const YES_TEXT = /^(是|√|✓|✔|☑|y|yes|true|1)$/i;

/**
 * A roster column whose header asks about the category itself (是否预备党员, 预备党员（是/否）, 是否为预备党员,
 * 预备党员标识): 'yes-means' (是 there = in the category); for 预备党员 also a column asking whether the
 * member has become a full member (是否转正, 是否已转正, 是否正式党员): 'no-means' (否 there = still 预备).
 * null for any other column, whose cell text alone can say the category.
 */
function categoryColumn(field: string, want: string): 'yes-means' | 'no-means' | null {
  const asked = normalizeLabel(withoutAnnotations(field))
    .replace(/^(是否|是不是)?(已经?)?(为|属于)?/, '')
    .replace(/(标识|标志|标记|情况|与否)$/, '');
  if (asked === '') return null;
  if (asked === want || (want.endsWith('党员') && asked + '党员' === want)) return 'yes-means';
  if (want === '预备党员' && /^(转正|正式党员)$/.test(asked)) return 'no-means';
  return null;
}

/** What a yes/no column's cell answers (true 是, false 否), with the words its subject is written in; null when it says neither. */
function columnAnswer(text: string, column: 'yes-means' | 'no-means'): boolean | null {
  const v = normalizeLabel(withoutAnnotations(text)).replace(/[。.]+$/, '');
  if (YES_TEXT.test(v)) return true;
  const full = /^(已经?)?转正$|^(中共)?(正式)?党员$/.test(v);
  // 是否转正: only a plain no (否, 未转正, ×) makes a 预备党员; a / or 无 there may as well mean "not
  // applicable" (a member for years), so it is asked about, not read. 已转正 / 正式党员 are yes.
  if (column === 'no-means') return full ? true : /^(否|不是|(未|尚未|没有)转正|×|✗|✘|n|no|false)$/i.test(v) ? false : null;
  // 是否预备党员: 否, 无, / or 正式党员 are no.
  return NO_TEXT.test(v) || full ? false : null;
}

/**
 * Whether the roster puts a subject in a category such as 预备党员, which some rules treat apart (no
 * tier). The 职务类别 column or any other (政治面貌, 党员类别, 备注) may say so: exactly the category,
 * also 中共预备党员, 预备 (for 预备党员) or with a note in brackets (预备党员（2025.6）). A column asking
 * about the category (是否预备党员: 是 / √; for 预备党员 also 是否转正: 否) says so by its answer. A cell
 * that says more than that (预备党员，2025年6月入党; 已转正（原预备党员）) is 'mentioned', and an answer
 * in such a column that is neither yes nor no (待定) 'unreadable': neither is read either way, for a
 * person to check (DOMAIN.md: 预备党员 receive no 等次, so a guess either way is a wrong result).
 * `field` names the column ('' for 职务类别), `text` is the cell.
 */
export function rosterCategory(subject: RosterEntry, category: string): { says: 'yes' | 'mentioned' | 'unreadable'; field: string; text: string } | null {
  const cells: [string, string][] = [['', subject.category ?? '']];
  for (const [field, text] of Object.entries(subject.flags ?? {})) if (typeof text === 'string') cells.push([field, text]);
  const want = normalizeLabel(category);
  let doubt: { says: 'mentioned' | 'unreadable'; field: string; text: string } | null = null;
  for (const [field, text] of cells) {
    const bare = normalizeLabel(withoutAnnotations(text)).replace(PARTY_PREFIX, '');
    if (bare === want || (want.endsWith('党员') && bare !== '' && bare + '党员' === want)) return { says: 'yes', field, text };
    const column = field === '' || want === '' ? null : categoryColumn(field, want);
    if (column !== null && text.trim() !== '') {
      const answer = columnAnswer(text, column);
      if (answer !== null && answer === (column === 'yes-means')) return { says: 'yes', field, text };
      if (answer === null) doubt ??= { says: 'unreadable', field, text };
      continue;
    }
    if (doubt === null && want !== '' && normalizeLabel(text).includes(want)) doubt = { says: 'mentioned', field, text };
  }
  return doubt;
}

/**
 * Which of several people listed under one name (重名) a ballot means, from what it says beside the
 * name: the name exactly as listed (the roster may itself say 王伟（办公室）), or a bracketed note on the
 * ballot (王伟（财务部）) and the ballot's 单位 cell, each matching that one person's unit, category or
 * own note. A unit written exactly as one person's wins over one that only begins like another's (办公室
 * is the 办公室's 王伟, not also the 党委办公室's); a shortened unit (荣兴 for 荣兴社区) decides only when no
 * one's is written exactly. null when they do not single out one person.
 */
export function tellApart(roster: Roster, indexes: readonly number[], raw: string, unit = ''): { index: number; by: 'name' | 'unit' } | null {
  const exact = indexes.filter((i) => asListed(roster.all[i], raw));
  if (exact.length === 1) return { index: exact[0], by: 'name' };
  // A note after the name (王伟 办公室), unless the spaces are inside the listed name itself (王　伟).
  const note = roster.byKey.has(normalizeName(raw)) ? [] : (nameWithNote(withoutAnnotations(raw))?.note ?? []);
  const hints = [...annotations(raw), ...note.map(normalizeLabel), normalizeLabel(unit)].filter((h) => h !== '');
  if (hints.length === 0) return null;
  const fit = indexes.map((i) => ({ i, fit: hintsFit(roster.all[i], hints) }));
  const same = fit.filter((f) => f.fit === 'same');
  if (same.length > 0) return same.length === 1 ? { index: same[0].i, by: 'unit' } : null;
  const shortened = fit.filter((f) => f.fit === 'shortened');
  return shortened.length === 1 ? { index: shortened[0].i, by: 'unit' } : null;
}

/**
 * How what is written beside a name (its unit, a note: normalised like labels) fits this person's unit,
 * category or own note: 'same' when each hint is one of them; 'shortened' when each is one of them or
 * begins it, or begins with it (荣兴 for 荣兴社区, 荣兴社区居委会 for 荣兴社区: a short or a long form of
 * one name); null otherwise. A name inside a longer one that does not begin with it is another body
 * (东荣兴社区 is not 荣兴社区, 党委办公室 not 办公室). A ballot's name and a 往年结果 row are told apart by
 * the same rule.
 */
export function hintsFit(s: RosterEntry, hints: readonly string[]): 'same' | 'shortened' | null {
  const own = [s.unit ?? '', s.category ?? '', ...annotations(s.name), ...flagText(s, ROSTER_NOTE_FLAG).split('，')].map(normalizeLabel).filter((o) => o !== '');
  if (hints.every((h) => own.includes(h))) return 'same';
  return hints.every((h) => own.some((o) => o.startsWith(h) || h.startsWith(o))) ? 'shortened' : null;
}

/** Whether what is written beside a name fits this person at all, exactly or shortened (hintsFit). */
export function fitsHints(s: RosterEntry, hints: readonly string[]): boolean {
  return hintsFit(s, hints) !== null;
}

/** A subject as findings name it: with its unit when another subject has the same name. */
export function subjectLabel(roster: Roster, s: Subject): string {
  // Without a unit, the note the roster wrote beside the name (王伟（办公室）) is what tells them apart.
  const apart = s.unit || flagText(s, ROSTER_NOTE_FLAG);
  return (roster.byKey.get(s.key)?.length ?? 0) > 1 && apart ? `${s.name}（${apart}）` : s.name;
}
