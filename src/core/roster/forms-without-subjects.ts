/**
 * Before the forms go out: a form that rates a kind of subject the roster has none of (seed 004 附表1
 * rates 党支部; the usual 花名册 lists members only). Every such form returned would go uncounted
 * (SUBJECT_NOT_IN_ROSTER when ballots are read), so the clerk is told while the roster can still be fixed.
 */
import { formLabel } from '../rules/conditions';
import { Scheme } from '../scheme/scheme-schema';
import { RosterEntry, noSubjectOfKindText } from './roster';

/** One line per form whose kind of subject the roster lacks; none for an empty roster (nothing read yet). */
export function formsWithoutSubjects(scheme: Scheme, roster: readonly RosterEntry[]): string[] {
  if (roster.length === 0) return [];
  const has = (kind: 'person' | 'organisation') => roster.some((r) => (r.kind ?? 'person') === kind);
  return scheme.forms
    .filter((f) => !has(f.subjectKind ?? scheme.subjectKind))
    .map((f) => {
      const kind = f.subjectKind ?? scheme.subjectKind;
      const label = formLabel(scheme, f.id);
      return `「${label}」评议的是${kind === 'organisation' ? '党组织' : '个人'}，${noSubjectOfKindText(kind)}；否则收回的「${label}」都无法计入`;
    });
}
