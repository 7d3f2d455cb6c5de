/**
 * Before the forms go out: a form that rates a kind of subject the roster has none of (seed 004 附表1
 * rates 党支部; the usual 花名册 lists members only). Every such form returned would go uncounted
 * (SUBJECT_NOT_IN_ROSTER when ballots are read), so the clerk is told while the roster can still be fixed.
 */
import { formLabel } from '../rules/conditions';
import { Scheme } from '../scheme/scheme-schema';
import { RosterEntry, noSubjectOfKindText } from './roster';

/**
 * A roster for a scheme whose every form rates organisations (the 篇七 example: 基层党组织 scored by the 考评组) lists
 * organisations: an entry without a 类型 is one. Without this, a roster of 党组织名称 and 类别 alone read as people,
 * and every returned row said 「甲村党支部」不在名册中 beside the 甲村党支部 the results listed. A scheme rating
 * both kinds (p5: 附表1 rates 党支部, 附表2 members) still needs the 类型 column to tell them apart.
 */
export function entriesOfSchemeKind(scheme: Scheme, roster: readonly RosterEntry[]): readonly RosterEntry[] {
  const onlyOrganisations = scheme.forms.length > 0 && scheme.forms.every((f) => (f.subjectKind ?? scheme.subjectKind) === 'organisation');
  if (!onlyOrganisations || roster.every((r) => r.kind !== undefined)) return roster;
  return roster.map((r) => (r.kind === undefined ? { ...r, kind: 'organisation' as const } : r));
}

/** One line per form whose kind of subject the roster lacks; none for an empty roster (nothing read yet). */
export function formsWithoutSubjects(scheme: Scheme, entries: readonly RosterEntry[]): string[] {
  if (entries.length === 0) return [];
  const roster = entriesOfSchemeKind(scheme, entries);
  const has = (kind: 'person' | 'organisation') => roster.some((r) => (r.kind ?? 'person') === kind);
  return scheme.forms
    .filter((f) => !has(f.subjectKind ?? scheme.subjectKind))
    .map((f) => {
      const kind = f.subjectKind ?? scheme.subjectKind;
      const label = formLabel(scheme, f.id);
      return `「${label}」评议的是${kind === 'organisation' ? '党组织' : '个人'}，${noSubjectOfKindText(kind)}；否则收回的「${label}」都无法计入`;
    });
}
