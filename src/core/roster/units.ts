/**
 * Forms handed out per unit (FormDef.perUnit): a meeting held in each village or 支部 rates only that unit's
 * people (seed 002 第四篇 五、1 村述村评 "在村里召开述评会"; seed 000 二(五) 述诺大会 "以支部为单位"; seed 004
 * 四、2 "在本支部范围内组织党员对优秀党员候选人进行民主测评"). The one place that says which rounds of a form are
 * so held, what the roster's units are, and which unit a ballot's own words name; templates and the reader
 * both ask here.
 */
import { FormDef } from '../scheme/scheme-schema';
import { normalizeLabel } from '../text/normalize';
import { Subject, organisationKey } from './roster';

/** Whether ballots of this form in this round are one per unit, listing that unit's subjects only. */
export function heldPerUnit(form: FormDef, roundId: string): boolean {
  return form.perUnit !== undefined && (form.perUnit.rounds === undefined || form.perUnit.rounds.includes(roundId));
}

/** A subject's unit as written in the roster, '' when it has none. */
export function unitOf(s: Subject): string {
  return (s.unit ?? '').trim();
}

/**
 * The roster's units in roster order, each with its subjects; null when a subject has no unit (it could be put on
 * no unit's ballot) or there is nobody: the form is then handed out whole, as before.
 */
export function splitByUnit(subjects: readonly Subject[]): { unit: string; subjects: Subject[] }[] | null {
  if (subjects.length === 0 || subjects.some((s) => unitOf(s) === '')) return null;
  const byUnit = new Map<string, Subject[]>();
  for (const s of subjects) {
    const key = unitKey(unitOf(s));
    const list = byUnit.get(key);
    if (list) list.push(s);
    else byUnit.set(key, [s]);
  }
  return [...byUnit.values()].map((list) => ({ unit: unitOf(list[0]), subjects: list }));
}

/** The units a form held per unit is split by (templates, reader, 参评情况): the roster's, or none when someone has none. */
export function unitsToSplitBy(subjects: readonly Subject[]): string[] {
  return splitByUnit(subjects) ? rosterUnits(subjects) : [];
}

/**
 * unitKey's answers by the text asked about. The reader asks on every row of a per-unit ballot (inUnit) about the
 * roster's few units; working the key out each time (NFKC, OpenCC, four replaces) was most of reading such a
 * ballot. Bounded like normalize.ts's caches, since ballots' unit fields are anyone's text.
 */
const unitKeys = new Map<string, string>();

/** Two ways of writing one unit compare equal: width, spaces, 中共 …委员会, 党支部 for 支部 (organisationKey). */
export function unitKey(unit: string): string {
  let key = unitKeys.get(unit);
  if (key === undefined) {
    if (unitKeys.size >= 10_000) unitKeys.clear();
    key = organisationKey(normalizeLabel(unit));
    unitKeys.set(unit, key);
  }
  return key;
}

export type UnitReading = { kind: 'unit'; unit: string; exact: boolean } | { kind: 'unknown' } | { kind: 'ambiguous'; units: string[] };

/**
 * Which of the roster's units a ballot's words name (its unit field, its template's record): the unit written as
 * the roster writes it (up to organisationKey); else the one unit it begins or that begins it (荣兴 or 荣兴社区居委会
 * for 荣兴社区, as roster.ts hintsFit), said by the caller; never one of several, nor a unit inside another's name
 * (东荣兴社区 is not 荣兴社区).
 */
export function readUnit(units: readonly string[], said: string): UnitReading {
  const key = unitKey(said);
  if (key === '') return { kind: 'unknown' };
  const exact = units.filter((u) => unitKey(u) === key);
  if (exact.length > 0) return { kind: 'unit', unit: exact[0], exact: true };
  const near = units.filter((u) => {
    const k = unitKey(u);
    return k.startsWith(key) || key.startsWith(k);
  });
  if (near.length === 1) return { kind: 'unit', unit: near[0], exact: false };
  return near.length > 1 ? { kind: 'ambiguous', units: near } : { kind: 'unknown' };
}

/** The distinct units of the subjects, in roster order (units with the same unitKey once). */
export function rosterUnits(subjects: readonly Subject[]): string[] {
  const seen = new Map<string, string>();
  for (const s of subjects) {
    const u = unitOf(s);
    if (u !== '' && !seen.has(unitKey(u))) seen.set(unitKey(u), u);
  }
  return [...seen.values()];
}

/** Whether a subject belongs to the unit (as rosterUnits names it). */
export function inUnit(s: Subject, unit: string): boolean {
  const own = unitOf(s);
  return own !== '' && unitKey(own) === unitKey(unit);
}

/** 村 of 所在村, 支部 of 支部名称 or 所在支部: the unit's own word, as in 只评本村人员, 每个支部一张. */
export function unitWord(label: string): string {
  return label.replace(/^(所在|所属)/, '').replace(/名称$/, '') || '单位';
}
