/**
 * Adapting a preset in words, without JSON: the campaign's names (方案名称, 评议名称), a rater group's or a
 * round's name, a consequence's 结果运用 text, and 党员（成员）人数 per roster unit. Each check says in Chinese
 * what is wrong before the edit is tried; the edit itself goes through the campaign's editScheme (loadScheme).
 *
 * A rater group or a round renamed keeps its old name as an alias: forms printed before the rename (测评人类别：干部)
 * and returned after it are read as the renamed group, as the reader matches names and aliases (read-ballots Choices).
 */
import { RosterEntry } from '../core/roster/roster';
import { RaterGroup, Round, Scheme, raterGroupFieldValue } from '../core/scheme/scheme-schema';
import { normalizeLabel } from '../core/text/normalize';

/** The schema's limit for a name (scheme-schema.ts `label`). */
export const NAME_MAX = 200;

/** What is wrong with a name as typed, or null: not empty, within the schema's limit. */
export function nameProblem(typed: string, what = '名称'): string | null {
  const text = typed.trim();
  if (text === '') return `${what}不能为空`;
  if (text.length > NAME_MAX) return `${what}最多 ${NAME_MAX} 个字（现为 ${text.length} 个字）`;
  return null;
}

type Named = Pick<RaterGroup, 'id' | 'name' | 'aliases'>;

/**
 * Why `typed` cannot be the name of the `index`-th of `all` (rater groups, or rounds), or null. Another one's name,
 * alias or code, compared as the reader compares a form's label (normalizeLabel: width, spaces, 繁体), would make
 * ballots written with it read as that other one: the reader keeps a shared name for the first in the scheme.
 */
export function renameProblem(all: readonly Named[], index: number, typed: string, kind: '评议人类别' | '轮次'): string | null {
  const empty = nameProblem(typed);
  if (empty) return empty;
  const key = normalizeLabel(typed);
  for (const [i, other] of all.entries()) {
    if (i === index) continue;
    if (normalizeLabel(other.name) === key) return `已有名为「${other.name}」的${kind}，两个${kind}不能同名（表上的${kind}就分不出来了）`;
    const alias = (other.aliases ?? []).find((a) => normalizeLabel(a) === key);
    if (alias !== undefined) return `「${alias}」是${kind}「${other.name}」的别名（表上写「${alias}」的票按「${other.name}」读取），请换一个名称`;
    if (normalizeLabel(other.id) === key) return `「${other.id}」是${kind}「${other.name}」的代号（表上写「${other.id}」的票按「${other.name}」读取），请换一个名称`;
  }
  return null;
}

/**
 * The aliases after a rename from `old` to `name`: the old names kept (each once, by the reader's comparison), the
 * new name not among them. `printed`: what the old templates printed besides the name (a票（场领导班子成员填写）).
 */
function aliasesAfterRename(aliases: readonly string[] | undefined, old: readonly string[], name: string): string[] | undefined {
  const key = normalizeLabel(name);
  const kept: string[] = [];
  const seen = new Set([key]);
  for (const a of [...(aliases ?? []), ...old]) {
    const k = normalizeLabel(a);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(a);
  }
  return kept.length > 0 ? kept : undefined;
}

/** Renames a rater group in the draft, its old name (and old header text, with 填写人) kept as aliases. */
export function renameRaterGroup(draft: Scheme, index: number, typed: string): void {
  const group = draft.raterGroups[index];
  const name = typed.trim();
  if (name === group.name) return;
  const old = [group.name, ...(group.filledBy ? [raterGroupFieldValue(group)] : [])];
  const aliases = aliasesAfterRename(group.aliases, old, name);
  group.name = name;
  if (aliases) group.aliases = aliases;
  else delete group.aliases;
}

/** Renames a round in the draft, its old name kept as an alias. */
export function renameRound(draft: Scheme, index: number, typed: string): void {
  const round: Round = draft.rounds[index];
  const name = typed.trim();
  if (name === round.name) return;
  const aliases = aliasesAfterRename(round.aliases, [round.name], name);
  round.name = name;
  if (aliases) round.aliases = aliases;
  else delete round.aliases;
}

/** Whether a quota counts 党员（成员）人数 within each roster unit (p5: 本支部党员人数的20%). */
export function quotaOfMembersPerUnit(scheme: Scheme): boolean {
  return scheme.quotas.some((q) => q.of === 'members' && q.per === 'unit');
}

/**
 * The roster's units a per-unit quota is counted in, in roster order, each with how many of its people the roster
 * lists: those of the kind that receives a tier (classification.appliesTo), as the quota counts them (evaluate.ts
 * quotaApplications), written as the roster writes them (the scheme's memberCount names them so).
 */
export function unitsOfRatedSubjects(scheme: Scheme, roster: readonly RosterEntry[]): { unit: string; listed: number }[] {
  const appliesTo = scheme.classification.appliesTo;
  const counts = new Map<string, number>();
  for (const e of roster) {
    if (appliesTo && (e.kind ?? 'person') !== appliesTo) continue;
    const unit = e.unit ?? '';
    if (unit.trim() !== '') counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return [...counts].map(([unit, listed]) => ({ unit, listed }));
}

/**
 * Sets (or, with null, clears) one unit's 党员（成员）人数 in the draft: one number for the whole scheme becomes one per
 * unit (the one number cannot be every unit's, evaluate.ts sets it aside), and no unit left clears the field.
 */
export function setUnitMemberCount(draft: Scheme, unit: string, count: number | null): void {
  const counts: Record<string, number> = typeof draft.memberCount === 'object' ? { ...draft.memberCount } : {};
  if (count === null) delete counts[unit];
  else counts[unit] = count;
  if (Object.keys(counts).length > 0) draft.memberCount = counts;
  else delete draft.memberCount;
}
