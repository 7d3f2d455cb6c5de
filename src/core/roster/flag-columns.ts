/**
 * Which roster column a scheme's `roster-flag` condition reads (一票否决: 事故, 被问责, 党风廉政问题 ...).
 *
 * Real rosters do not head these columns with the scheme's own word: seed 003 篇六 writes 经济、刑事案件或
 * 责任事故, 篇三 出现重大失误 / 被问责追责, seed 000 先锋岗党员违法违纪被查处 / 被群众投诉经查证属实, and clerks
 * add 是否…（是/否） or …情况. A column whose header is exactly the field is read as before; otherwise a
 * column is matched to a field when, after setting aside those wrappers, one contains the other or both
 * name the same kind of event (VETO_WORDS). Nothing is guessed: a field with two candidate columns, or a
 * column that two fields of different rules could read, is reported and not read; a column that looks
 * like a veto but that no rule reads (否决事项, which names no event) is reported with the fields the
 * scheme does read, so a clerk can rename it (DOMAIN.md: a renamed column is reported, never guessed).
 */
import { Finding, finding } from '../findings/finding';
import { Scheme } from '../scheme/scheme-schema';
import { normalizeLabel, withoutAnnotations } from '../text/normalize';
import { RosterEntry, flagCellSays } from './roster';

/** Where a roster file's flag column is headed (read-roster gives it; a scheme's own roster has none). */
export interface RosterColumn {
  /** The flag key its cells are kept under (the normalised header). */
  key: string;
  /** The header as written. */
  label: string;
  sheet: string | null;
  cell: string | null;
}

/** Where a roster's entries and their flag columns come from, for findings that name the cell. */
export interface RosterSource {
  file: string;
  columns: RosterColumn[];
  /** Per entry, in roster order: its sheet and, per flag key, the cell. */
  entries: { sheet: string; cells: Record<string, string> }[];
}

/** The kinds of event the seeds' vetoes name; two labels naming the same one are about the same event. */
const VETO_WORDS = ['事故', '案件', '问责', '追责', '失误', '违纪', '违法', '投诉', '廉政'];
/** A column that looks like a veto: one of those events, or 否决 itself (否决事项, which names no event). */
const LOOKS_LIKE_VETO = /否决|事故|案件|问责|追责|失误|违纪|违法|投诉|廉政/;

/** A header or field reduced to what it names: no bracketed hint （是/否）, no 是否/有无/出现/发生 before, no 情况 after. */
function core(label: string): string {
  return normalizeLabel(withoutAnnotations(label))
    .replace(/^(是否|有无|有没有)/, '')
    .replace(/^(出现|发生)/, '')
    .replace(/(情况|与否)$/, '');
}

const wordsIn = (text: string) => VETO_WORDS.filter((w) => text.includes(w));

/**
 * How well a column header fits a field: 1 the same header, 2 the same or one containing the other once
 * wrappers are set aside, 3 naming the same kind of event; 0 no fit. The contained one must name the
 * field's event (问题 alone is not 党风廉政问题), unless the field names none (a scheme's own word, 处分).
 */
export function flagFit(field: string, header: string): 0 | 1 | 2 | 3 {
  if (normalizeLabel(field) === normalizeLabel(header)) return 1;
  const f = core(field);
  const h = core(header);
  if (f === '' || h === '') return 0;
  const words = wordsIn(f);
  if (f === h) return 2;
  const [shorter, longer] = f.length <= h.length ? [f, h] : [h, f];
  if (shorter.length >= 2 && longer.includes(shorter) && (words.length === 0 || wordsIn(shorter).some((w) => words.includes(w)))) return 2;
  if (words.some((w) => h.includes(w))) return 3;
  return 0;
}

/** The rules that read each roster-flag field: a veto (with its match) or a tier rule. */
function fieldRules(scheme: Scheme): Map<string, { rules: Set<string>; names: Set<string> }> {
  const out = new Map<string, { rules: Set<string>; names: Set<string> }>();
  const add = (field: string, rule: string, name: string) => {
    const known = out.get(field) ?? { rules: new Set<string>(), names: new Set<string>() };
    known.rules.add(rule);
    known.names.add(name);
    out.set(field, known);
  };
  for (const v of scheme.vetoes)
    for (const c of v.when) if (c.kind === 'roster-flag') add(c.field, `veto:${v.id}:${v.match ?? 'any'}`, `一票否决「${v.name}」`);
  scheme.classification.rules.forEach((r, i) => {
    for (const c of r.when) if (c.kind === 'roster-flag') add(c.field, `rule:${i}`, `「${r.tier}」的条件`);
  });
  return out;
}

export interface FlagColumns {
  /** The entries, each with the fields the scheme reads copied from the column that holds them. */
  entries: RosterEntry[];
  findings: Finding[];
  /** field → the column key it reads (a field read from no column is absent). */
  read: Map<string, string>;
}

export function resolveFlagColumns(scheme: Scheme, entries: readonly RosterEntry[], source?: RosterSource): FlagColumns {
  const file = source?.file ?? '名册';
  const rules = fieldRules(scheme);
  const fields = [...rules.keys()];
  // The flag columns: as the reader found them, else the keys the entries carry (a scheme's own roster).
  const columns: RosterColumn[] = source?.columns.slice() ?? [];
  if (!source) {
    const keys = new Set<string>();
    for (const e of entries) for (const k of Object.keys(e.flags ?? {})) keys.add(k);
    for (const k of keys) columns.push({ key: k, label: k, sheet: null, cell: null });
  }
  const findings: Finding[] = [];
  const at = (c: RosterColumn) => ({ file, sheet: c.sheet, cell: c.cell });
  const named = (c: RosterColumn) => `「${c.label}」栏${c.sheet && c.cell ? `（${c.sheet}!${c.cell}）` : ''}`;
  const ruleNames = (f: string) => [...rules.get(f)!.names].join('、');
  /** Fields as the rules that read them: 一票否决「…」的「事故」或「案件或事故」栏. */
  const byRule = (fs: string[]) => {
    const groups = new Map<string, string[]>();
    for (const f of fs) groups.set(ruleNames(f), [...(groups.get(ruleNames(f)) ?? []), f]);
    return [...groups].map(([names, list]) => `${names}的「${list.join('」或「')}」栏`).join('，');
  };

  const read = new Map<string, string>();
  const usedColumns = new Set<string>();
  /** Columns already reported as ambiguous: not reported again as unused. */
  const reported = new Set<string>();
  const settled = new Set<string>();
  // Same header first, then closer fits: a looser match never takes a column a closer one claims.
  for (const level of [1, 2, 3] as const) {
    const tentative = new Map<string, string[]>(); // column key → fields
    for (const f of fields) {
      if (settled.has(f)) continue;
      const candidates = columns.filter((c) => !usedColumns.has(c.key) && !reported.has(c.key) && flagFit(f, c.label) === level);
      if (candidates.length > 1) {
        settled.add(f);
        for (const c of candidates) reported.add(c.key);
        findings.push(
          finding(
            'ROSTER_FLAG_COLUMN_AMBIGUOUS',
            `名册中${candidates.map(named).join('和')}都可能是方案${ruleNames(f)}所读的「${f}」，无法确定用哪一栏，均未读取；请将应读的一栏改名为「${f}」`,
            at(candidates[0]),
          ),
        );
      } else if (candidates.length === 1) tentative.set(candidates[0].key, [...(tentative.get(candidates[0].key) ?? []), f]);
    }
    for (const [key, fs] of tentative) {
      const column = columns.find((c) => c.key === key)!;
      // One column, several fields: the same only when they are alternatives of one 一票否决 (any one
      // suffices), so which of them it feeds changes nothing; otherwise reading it would be a guess.
      const rs = fs.map((f) => [...rules.get(f)!.rules]);
      const alternatives = fs.length === 1 || rs.every((r) => r.length === 1 && r[0] === rs[0][0] && r[0].endsWith(':any'));
      for (const f of fs) settled.add(f);
      if (!alternatives) {
        reported.add(key);
        findings.push(
          finding(
            'ROSTER_FLAG_COLUMN_AMBIGUOUS',
            `名册${named(column)}可能是方案中${fs.map((f) => `${ruleNames(f)}所读的「${f}」`).join('，也可能是')}，无法确定，未读取；请将这一栏改名为其中之一（或分为两栏）`,
            at(column),
          ),
        );
        continue;
      }
      usedColumns.add(key);
      for (const f of fs) read.set(f, key);
      if (level > 1)
        findings.push(
          finding('ROSTER_FLAG_COLUMN_READ_AS', `名册${named(column)}作为方案${byRule(fs)}读取；如这一栏记录的不是这一情况，请改正栏名`, at(column)),
        );
    }
  }

  // A column that looks like a veto and that no rule reads: its events would be lost without a word.
  // A field no column feeds, unless it is an alternative of a 一票否决 another of whose fields is read (事故
  // read, 案件或事故 not: the veto is still decided).
  const readRules = new Set([...read.keys()].flatMap((f) => [...rules.get(f)!.rules]));
  const unread = fields.filter((f) => !read.has(f) && ![...rules.get(f)!.rules].every((r) => r.endsWith(':any') && readRules.has(r)));
  for (const c of columns) {
    if (usedColumns.has(c.key) || reported.has(c.key) || !LOOKS_LIKE_VETO.test(normalizeLabel(c.label))) continue;
    const expected =
      fields.length === 0
        ? '本方案没有按名册一票否决的规则，这一栏未使用'
        : unread.length > 0
          ? `方案中${byRule(unread)}在名册中没有；如这一栏记录的是这一情况，请将栏名改为「${unread.join('」或「')}」`
          : `方案所读的栏已在名册中找到（「${[...new Set(read.values())].map((k) => columns.find((c) => c.key === k)!.label).join('」「')}」）；如这一栏记录的也是这类情况，请并入那一栏`;
    findings.push(finding('ROSTER_FLAG_COLUMN_UNUSED', `名册${named(c)}像是一票否决的情况，但没有规则读取，其内容未用于定等次。${expected}`, at(c)));
  }

  // A cell that begins like "none" but says more (无证驾驶) counts as set: said, cell by cell, for a person to check.
  for (const [f, key] of read)
    entries.forEach((e, i) => {
      const flags = e.flags;
      if (flags === undefined || !Object.prototype.hasOwnProperty.call(flags, key)) return;
      const text = flags[key];
      if (typeof text !== 'string' || flagCellSays(text, f) !== 'unclear') return;
      const column = columns.find((c) => c.key === key)!;
      const placed = source?.entries[i];
      const cell = placed && Object.prototype.hasOwnProperty.call(placed.cells, key) ? placed.cells[key] : null;
      findings.push(
        finding(
          'ROSTER_FLAG_UNCLEAR',
          `名册「${column.label}」栏中「${e.name}」的「${text}」以“无”“未”等开头，但不能确定是“没有发生”，已按有此情况处理（方案${ruleNames(f)}）；请核实：如确实没有，请改为「无」`,
          { file, sheet: placed?.sheet ?? column.sheet, cell, subject: e.name },
        ),
      );
    });

  const copies = [...read].filter(([f, key]) => f !== key);
  const out =
    copies.length === 0
      ? entries.slice()
      : entries.map((e) => {
          const flags = e.flags;
          if (flags === undefined) return e;
          const add = copies.filter(([, key]) => Object.prototype.hasOwnProperty.call(flags, key));
          if (add.length === 0) return e;
          const next = new Map(Object.entries(flags));
          for (const [f, key] of add) next.set(f, flags[key]);
          return { ...e, flags: Object.fromEntries(next) };
        });
  return { entries: out, findings, read };
}
