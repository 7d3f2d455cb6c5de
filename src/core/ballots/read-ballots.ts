/**
 * From recognised sheets to ballots, with a finding for everything that is wrong or merely unusual.
 * A bad entry never stops the rest of the ballot, a bad ballot never stops the batch, and nothing is
 * dropped silently: abstentions, invalid entries and void recommendations are counted and reported.
 */
import { cellAddress } from '../common/cell';
import { Finding, finding } from '../findings/finding';
import { CellValue, Submission, isBlank, isSpecial, shownValue } from '../forms/grid';
import { RecognisedForm, SheetView, labelContains, recogniseSheet } from '../forms/recognize-form';
import { Roster, matchName, rosterFor } from '../roster/roster';
import { FormDef, Scheme } from '../scheme/scheme-schema';
import { normalizeLabel, normalizeName } from '../text/normalize';

/** Scores are kept as integers in units of 1/10000, so sums stay exact in a double. */
export const SCORE_SCALE = 10000;

export type EntryStatus = 'valid' | 'abstain' | 'invalid' | 'na';

export interface Entry {
  subject: number;
  item: number;
  status: EntryStatus;
  /** Level index for tier forms, -1 otherwise. */
  level: number;
  /** Score × SCORE_SCALE for score forms, 0 otherwise. */
  scaled: number;
}

export interface Ballot {
  id: string;
  file: string;
  sheet: string;
  formId: string;
  groupId: string;
  roundId: string;
  entries: Entry[];
  /** Subjects recommended (是否推荐), empty when the recommendations are void. */
  recommended: number[];
  recommendationsVoid: boolean;
  /** Free text written in the form's comment fields (意见或建议 ...). */
  comments: string[];
}

/** A sheet that was read as a form but could not be counted (unknown rater group or round). */
export interface UncountedBallot {
  file: string;
  sheet: string;
  formId: string;
  groupId: string | null;
  roundId: string | null;
  reason: 'group' | 'round' | 'duplicate' | 'unreadable';
}

export interface ReadResult {
  ballots: Ballot[];
  uncounted: UncountedBallot[];
  findings: Finding[];
}

const STANDARD_MARKS = new Set(['√', '✓', '✔', '☑', '✅', '🗸']);
const GROUP_FIELDS = ['测评人类别', '评议人类别', '参评人类别', '测评人身份', '评议人身份', '类别'];
const ROUND_FIELDS = ['轮次', '评议轮次', '测评轮次', '评议层级'];
const NOTE_PREFIX = /^(注|说明|填表说明|备注|组长|联系人|电话|签名|盖章|日期|评议时间|填表人|计票人|监票人)/;

export function readBallots(scheme: Scheme, roster: Roster, submissions: readonly Submission[]): ReadResult {
  const out: ReadResult = { ballots: [], uncounted: [], findings: [] };
  const seen = new Map<string, Ballot>();
  const rosters = new Map<string, Roster>();
  for (const submission of submissions) {
    for (const sheet of submission.sheets) {
      const view = new SheetView(sheet);
      const where = { file: submission.file, sheet: sheet.name };
      const meta = sheet.meta ?? submission.meta;
      const { best, runnerUp } = recogniseSheet(view, scheme, meta?.formId);
      if (best && runnerUp && runnerUp.score === best.score)
        out.findings.push(
          finding('FORM_AMBIGUOUS', `工作表「${sheet.name}」既像「${best.form.title}」也像「${runnerUp.form.title}」，按「${best.form.title}」读取，请核实`, { ...where, cell: cellAddress(best.headerRow, 0) }),
        );
      if (!best) {
        if (hasAnyMark(view, scheme))
          out.findings.push(finding('SHEET_NOT_A_FORM', `工作表「${sheet.name}」有√标记，但找不到方案中任何一种表的表头（等次列），未计入`, { ...where, cell: 'A1' }));
        else if (view.rowCount > 0)
          out.findings.push(finding('SHEET_NOT_A_FORM', `工作表「${sheet.name}」不是测评表，已跳过`, { ...where, cell: 'A1' }));
        continue;
      }
      const kind = best.form.subjectKind ?? scheme.subjectKind;
      let formRoster = rosters.get(kind);
      if (!formRoster) rosters.set(kind, (formRoster = rosterFor(roster, kind)));
      const ballot = readSheet(scheme, formRoster, { ...submission, meta }, view, best, out);
      if (!ballot) continue;
      const key = fingerprint(ballot);
      const earlier = seen.get(key);
      if (earlier && ballot.entries.length > 0) {
        const counted = scheme.counting.duplicates === 'count';
        out.findings.push(
          finding(
            'DUPLICATE_BALLOT',
            `本票的评价与「${earlier.file}」的「${earlier.sheet}」完全相同，可能是重复提交，请核实；${counted ? '已计入' : '按方案设置未重复计入'}`,
            { ...where, cell: 'A1' },
          ),
        );
        if (!counted) {
          out.uncounted.push({ ...where, formId: ballot.formId, groupId: ballot.groupId, roundId: ballot.roundId, reason: 'duplicate' });
          continue;
        }
      } else seen.set(key, ballot);
      out.ballots.push(ballot);
    }
  }
  return out;
}

function hasAnyMark(view: SheetView, scheme: Scheme): boolean {
  for (let r = 0; r < view.rowCount; r++)
    for (let c = 0; c < (view.sheet.rows[r]?.length ?? 0); c++) {
      const kind = markKind(view.raw(r, c), scheme);
      if (kind === 'mark' || kind === 'alternative') return true;
    }
  return false;
}

type MarkKind = 'mark' | 'alternative' | 'none' | 'other' | 'formula' | 'error';

function markKind(v: CellValue | undefined, scheme: Scheme): MarkKind {
  if (v === '√') return 'mark';
  if (v === null || v === undefined) return 'none';
  if (isBlank(v)) return 'none';
  if (isSpecial(v!)) return v!.error ? 'error' : 'formula';
  const text = String(v).replace(/[\s\u3000]/g, '');
  if (STANDARD_MARKS.has(text)) return 'mark';
  if (scheme.counting.extraMarks.includes(text)) return 'alternative';
  return 'other';
}

/**
 * What makes two ballots "the same": form, group, round, every entry, recommendations and comments.
 * Two 32-bit hashes over the numbers (no long strings per ballot); a collision of both within one
 * campaign is far below any practical concern, and would only ever give a warning.
 */
function fingerprint(b: Ballot): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const mix = (n: number) => {
    h1 = Math.imul(h1 ^ n, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (n + 0x9e3779b9), 0x5bd1e995) >>> 0;
    h2 ^= h2 >>> 15;
  };
  for (const e of b.entries) {
    mix(e.subject);
    mix(e.item);
    mix(STATUS_CODE[e.status]);
    mix(e.level);
    mix(e.scaled | 0);
    mix((e.scaled / 4294967296) | 0);
  }
  for (const s of b.recommended) mix(s);
  return `${b.formId}|${b.groupId}|${b.roundId}|${b.entries.length}|${h1}|${h2}|${b.recommended.length}|${b.comments.join('\u0001')}`;
}

const STATUS_CODE: Record<EntryStatus, number> = { valid: 1, abstain: 2, invalid: 3, na: 4 };

/** Header fields written as "标签：值" in one cell, or a label cell followed by its value. */
function readFields(view: SheetView, before: number): { label: string; value: string; cell: string }[] {
  const fields: { label: string; value: string; cell: string }[] = [];
  const lastRow = Math.min(view.rowCount, before);
  for (let r = 0; r < lastRow; r++) {
    for (let c = 0; c < view.colCount; c++) {
      if (!view.isAnchorColumn(r, c)) continue;
      const v = shownValue(view.raw(r, c));
      if (typeof v !== 'string') continue;
      const text = v.normalize('NFKC');
      const pattern = /([^\s:：]{2,12})\s*[:：]\s*([^:：]*?)(?=\s+[^\s:：]{2,12}\s*[:：]|$)/g;
      let m: RegExpExecArray | null;
      let any = false;
      while ((m = pattern.exec(text)) !== null) {
        any = true;
        let value = m[2].trim();
        if (value === '') value = nextValue(view, r, c);
        fields.push({ label: normalizeLabel(m[1]), value, cell: cellAddress(r, c) });
      }
      // A label alone in its cell, its value in the next cell: | 测评人类别 | 干部 |
      if (!any && text.trim().length <= 12) fields.push({ label: normalizeLabel(text), value: nextValue(view, r, c), cell: cellAddress(r, c) });
    }
  }
  return fields;
}

function nextValue(view: SheetView, r: number, c: number): string {
  const end = view.merge(r, c)?.c2 ?? c;
  for (let cc = end + 1; cc < Math.min(view.colCount, end + 4); cc++) {
    const v = shownValue(view.raw(r, cc));
    if (v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return '';
}

function resolveGroup(scheme: Scheme, form: FormDef, submission: Submission, fields: ReturnType<typeof readFields>) {
  const allowed = scheme.raterGroups.filter((g) => !form.raterGroups || form.raterGroups.includes(g.id));
  if (submission.meta?.groupId && allowed.some((g) => g.id === submission.meta!.groupId)) return { id: submission.meta.groupId };
  const field = fields.find((f) => GROUP_FIELDS.some((l) => f.label.endsWith(l)) && f.value !== '');
  const emptyField = fields.find((f) => GROUP_FIELDS.some((l) => f.label.endsWith(l)));
  if (field) {
    const value = normalizeLabel(field.value);
    const hit = allowed.find((g) => [g.name, g.id, ...(g.aliases ?? [])].some((n) => normalizeLabel(n) === value));
    return hit ? { id: hit.id } : { id: null, said: field.value, cell: field.cell };
  }
  return allowed.length === 1 ? { id: allowed[0].id } : { id: null, cell: emptyField?.cell };
}

function resolveRound(scheme: Scheme, form: FormDef, submission: Submission, fields: ReturnType<typeof readFields>) {
  const allowed = scheme.rounds.filter((r) => !form.rounds || form.rounds.includes(r.id));
  if (submission.meta?.roundId && allowed.some((r) => r.id === submission.meta!.roundId)) return { id: submission.meta.roundId };
  const field = fields.find((f) => ROUND_FIELDS.some((l) => f.label.endsWith(l)) && f.value !== '');
  const emptyField = fields.find((f) => ROUND_FIELDS.some((l) => f.label.endsWith(l)));
  if (field) {
    const value = normalizeLabel(field.value);
    const hit = allowed.find((r) => [r.name, r.id, ...(r.aliases ?? [])].some((n) => normalizeLabel(n) === value));
    return hit ? { id: hit.id } : { id: null, said: field.value, cell: field.cell };
  }
  return allowed.length === 1 ? { id: allowed[0].id } : { id: null, cell: emptyField?.cell };
}

function readSheet(
  scheme: Scheme,
  roster: Roster,
  submission: Submission,
  view: SheetView,
  rec: RecognisedForm,
  out: ReadResult,
): Ballot | null {
  const form = rec.form;
  const where = { file: submission.file, sheet: view.sheet.name };
  const at = (r: number, c: number) => ({ ...where, cell: cellAddress(r, c) });
  const findings = out.findings;
  const itemLabels = form.itemLabels;
  const levelLabels = rec.scale?.levels.map((l) => l.label) ?? [];

  for (const m of rec.missingLevels) {
    const item = form.items === 'column-groups' && itemLabels.length > 1 ? `「${itemLabels[m.item]}」下` : '';
    findings.push(finding('TIER_COLUMN_MISSING', `表头${item}缺少等次列「${levelLabels[m.level]}」（可能被改名或删除），该等次的√无法计入`, { ...where, cell: m.near }));
  }
  for (const i of rec.missingItems)
    findings.push(finding('ITEM_MISSING', `找不到评价项目「${itemLabels[i]}」`, { ...where, cell: cellAddress(rec.headerRow, 0) }));
  if (form.subjects === 'rows' && rec.subjectCol === null) {
    findings.push(finding('SUBJECT_COLUMN_MISSING', `找不到姓名列（表头应为「${form.subjectLabels[0]}」），本表无法计入`, { ...where, cell: cellAddress(rec.headerRow, 0) }));
    out.uncounted.push({ ...where, formId: form.id, groupId: null, roundId: null, reason: 'unreadable' });
    return null;
  }

  const fields = readFields(view, rec.headerRow);
  const group = resolveGroup(scheme, form, submission, fields);
  const round = resolveRound(scheme, form, submission, fields);
  if (group.id === null) {
    const names = scheme.raterGroups.map((g) => g.name).join('、');
    const said = 'said' in group && group.said ? `「${group.said}」不是方案中的类别` : '表中没有写明测评人类别';
    findings.push(finding('GROUP_UNKNOWN', `${said}（应为 ${names} 之一），本票未计入`, { ...where, cell: 'cell' in group && group.cell ? group.cell : 'A1' }));
  }
  if (round.id === null) {
    const names = scheme.rounds.map((r) => r.name).join('、');
    const said = 'said' in round && round.said ? `「${round.said}」不是方案中的轮次` : '表中没有写明轮次';
    findings.push(finding('ROUND_UNKNOWN', `${said}（应为 ${names} 之一），本票未计入`, { ...where, cell: 'cell' in round && round.cell ? round.cell : 'A1' }));
  }

  const entries: Entry[] = [];
  const comments: string[] = [];
  const recommended: number[] = [];
  /** Subject → the row it was first seen on. */
  const seenSubjects = new Map<number, number>();
  const tierCols = new Map<number, { item: number; level: number }>();
  for (const t of rec.tierColumns) tierCols.set(t.col, t);
  const usedCols = new Set<number>([...tierCols.keys(), ...rec.scoreColumns.map((s) => s.col)]);
  for (const c of [rec.subjectCol, rec.itemCol, rec.recommendCol]) if (c !== null) usedCols.add(c);
  /** Columns where a √ would be outside the tier columns, checked on every data row. */
  const otherCols: number[] = [];
  for (let c = 0; c < view.colCount; c++) if (!usedCols.has(c)) otherCols.push(c);
  const rows = view.sheet.rows;
  const commentLabels = (form.commentLabels ?? []).map(normalizeLabel);

  // The subject of a single-subject sheet comes from its header field or, failing that, a one-entry roster.
  let singleSubject: number | null = null;
  if (form.subjects === 'single') {
    const labels = form.subjectLabels.map(normalizeLabel);
    const field = fields.find((f) => labels.some((l) => labelContains(f.label, l)));
    const resolved = field && field.value !== '' ? resolveSubject(roster, field.value, () => ({ ...where, cell: field.cell }), findings) : null;
    if (resolved !== null) singleSubject = resolved;
    else if (!field || field.value === '') {
      if (roster.subjects.length === 1) singleSubject = roster.subjects[0].index;
      else
        findings.push(finding('SUBJECT_UNKNOWN', `表中没有写明被评议对象（「${form.subjectLabels[0]}」），本表无法计入`, { ...where, cell: field?.cell ?? 'A1' }));
    }
    if (singleSubject === null) {
      out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: 'unreadable' });
      return null;
    }
  }

  let carrySubject: number | null = null;
  let carryRaw = '';
  const itemsSeen = new Map<number, Set<number>>();
  const rowItem = (r: number): number => {
    if (rec.itemCol === null) return 0;
    const cell = view.label(r, rec.itemCol);
    return cell === '' ? -1 : form.itemLabels.findIndex((l) => labelContains(cell, normalizeLabel(l)));
  };

  for (let r = rec.firstDataRow; r < view.rowCount; r++) {
    const rowText = firstText(view, r);
    // A comment row (意见或建议：…) may have its answer in a cell merged over the tier columns.
    if (rowText !== null && rowText.col !== rec.tierColumns[0]?.col) {
      const label = normalizeLabel(rowText.text);
      if (commentLabels.some((l) => label.startsWith(l))) {
        const rest = rowText.text.replace(/^[^:：]*[:：]/, '').trim() || nextValue(view, r, rowText.col);
        if (rest !== '') comments.push(rest);
        continue;
      }
    }
    const hasMarks = rowHasEntry(view, r, rec, scheme);
    if (!hasMarks && rowText !== null && NOTE_PREFIX.test(normalizeLabel(rowText.text))) continue;

    // On forms with items in rows, a row with neither an item nor a mark is a note or a signature line.
    if (form.items === 'rows' && !hasMarks && rowItem(r) < 0) {
      if (rec.subjectCol !== null && view.merge(r, rec.subjectCol) === undefined) {
        carryRaw = '';
        carrySubject = null;
      }
      continue;
    }

    // Marks in columns that are not tier columns.
    const cells = rows[r] ?? [];
    for (let i = 0; i < otherCols.length; i++) {
      const c = otherCols[i];
      if (c >= cells.length) break;
      const v = cells[c];
      if (v === null || v === undefined || !view.isAnchorColumn(r, c)) continue;
      const kind = markKind(v, scheme);
      if (kind === 'mark' || kind === 'alternative')
        findings.push(finding('MARK_OUTSIDE_TIERS', '√打在等次栏以外，未计入', at(r, c)));
    }

    // Who this row is about.
    let subject: number | null = singleSubject;
    if (form.subjects === 'rows') {
      const raw = shownValue(view.value(r, rec.subjectCol!));
      const name = raw === null ? '' : String(raw).trim();
      if (name !== '' && normalizeName(name) !== '') {
        if (form.items === 'rows' && name === carryRaw) subject = carrySubject;
        else {
          const m = view.merge(r, rec.subjectCol!);
          const nameCell = m ? { r: m.r1, c: m.c1 } : { r, c: rec.subjectCol! };
          subject = resolveSubject(roster, name, () => at(nameCell.r, nameCell.c), findings);
          carryRaw = name;
          carrySubject = subject;
          if (subject !== null && form.items !== 'rows') {
            if (seenSubjects.has(subject)) {
              findings.push(finding('SUBJECT_REPEATED', `「${name}」在本票中重复出现（另见 ${cellAddress(seenSubjects.get(subject)!, rec.subjectCol!)}），此行未计入`, at(r, rec.subjectCol!)));
              continue;
            }
            seenSubjects.set(subject, r);
          }
        }
      } else if (form.items === 'rows' && carrySubject !== null && rowItem(r) > 0) {
        subject = carrySubject; // an unmerged name written once per block
      } else {
        if (hasMarks) findings.push(finding('MARK_WITHOUT_SUBJECT', '此行有√但没有填写姓名，未计入', at(r, rec.subjectCol!)));
        carryRaw = '';
        carrySubject = null;
        continue;
      }
      if (subject === null) continue;
      if (form.items === 'rows' && !seenSubjects.has(subject)) seenSubjects.set(subject, r);
    }

    // Which item(s) this row carries.
    if (form.items === 'rows') {
      const item = rowItem(r);
      if (item < 0) {
        if (hasMarks) findings.push(finding('MARK_WITHOUT_SUBJECT', '此行有√但认不出评价项目，未计入', at(r, rec.itemCol ?? 0)));
        continue;
      }
      const seenItems = itemsSeen.get(subject!) ?? new Set<number>();
      if (seenItems.has(item)) {
        findings.push(finding('SUBJECT_REPEATED', `评价项目「${itemLabels[item]}」重复出现，此行未计入`, at(r, rec.itemCol!)));
        continue;
      }
      seenItems.add(item);
      itemsSeen.set(subject!, seenItems);
      entries.push(readEntry(view, r, rec, scheme, subject!, item, at, findings));
    } else if (rec.form.response.kind === 'tier') {
      const groupCount = itemLabels.length;
      for (let item = 0; item < groupCount; item++) {
        if (rec.missingItems.includes(item)) continue;
        entries.push(readEntry(view, r, rec, scheme, subject!, item, at, findings));
      }
    } else {
      for (const s of rec.scoreColumns) entries.push(readScore(view, r, s.col, rec, subject!, s.item, at, findings));
    }

    if (rec.recommendCol !== null && subject !== null) {
      const v = view.raw(r, rec.recommendCol);
      const answer = readYesNo(v, scheme);
      if (answer === 'yes') recommended.push(subject);
      else if (answer === 'unknown')
        findings.push(finding('RECOMMENDATION_UNRECOGNISED', `“${form.recommendation!.label}”栏应打√或留空，此处为「${String(shownValue(v) ?? v)}」，未计为推荐`, at(r, rec.recommendCol)));
    }
  }

  // Roster subjects that should be on this ballot and are not.
  if (form.subjects === 'rows') {
    const missing = roster.subjects.filter((s) => !seenSubjects.has(s.index) && (!form.onlyWindowPosts || s.window));
    if (missing.length > 0)
      findings.push(finding('SUBJECT_MISSING', `名册中的 ${missing.map((s) => s.name).join('、')} 不在本票中`, { ...where, cell: cellAddress(rec.headerRow, rec.subjectCol!) }));
  } else if (form.items === 'rows' && singleSubject !== null) {
    const seen = itemsSeen.get(singleSubject) ?? new Set();
    itemLabels.forEach((label, i) => {
      if (!seen.has(i) && !rec.missingItems.includes(i))
        findings.push(finding('ITEM_MISSING', `找不到评价项目「${label}」所在行`, { ...where, cell: cellAddress(rec.headerRow, rec.itemCol ?? 0) }));
    });
  }

  // Recommendations over the limit make all of this ballot's recommendations void (seed 004, 附表2 注2).
  let recommendationsVoid = false;
  if (form.recommendation && recommended.length > form.recommendation.maxPerBallot) {
    recommendationsVoid = true;
    findings.push(
      finding('TOO_MANY_RECOMMENDATIONS', `本票推荐了 ${recommended.length} 人，超过 ${form.recommendation.maxPerBallot} 名的名额，本票推荐全部无效（其余评价照常计入）`, {
        ...where,
        cell: cellAddress(rec.headerRow, rec.recommendCol ?? 0),
      }),
    );
  }

  flagSuspectPatterns(entries, rec, roster, where, findings);
  if (entries.length > 0 && !entries.some((e) => e.status === 'valid'))
    findings.push(finding('EMPTY_BALLOT', '整张票没有任何有效的√或分数', { ...where, cell: cellAddress(rec.firstDataRow, rec.subjectCol ?? rec.itemCol ?? 0) }));

  if (group.id === null || round.id === null) {
    out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: group.id === null ? 'group' : 'round' });
    return null;
  }
  return {
    id: `${submission.file}!${view.sheet.name}`,
    file: submission.file,
    sheet: view.sheet.name,
    formId: form.id,
    groupId: group.id,
    roundId: round.id,
    entries,
    recommended: recommendationsVoid ? [] : recommended,
    recommendationsVoid,
    comments,
  };
}

function firstText(view: SheetView, r: number): { text: string; col: number } | null {
  // Bounded by this row's own length: a sheet whose last column is XFD must not cost 16,384 steps per row.
  const end = Math.min(view.colCount, view.sheet.rows[r]?.length ?? 0);
  for (let c = 0; c < end; c++) {
    const v = shownValue(view.raw(r, c));
    if (typeof v === 'string' && v.trim() !== '') return { text: v.trim(), col: c };
  }
  return null;
}

function rowHasEntry(view: SheetView, r: number, rec: RecognisedForm, scheme: Scheme): boolean {
  for (const t of rec.tierColumns) if (markKind(view.raw(r, t.col), scheme) !== 'none') return true;
  for (const s of rec.scoreColumns) if (!isBlank(view.raw(r, s.col))) return true;
  return false;
}

/** `where` is only called when there is something to report: building a cell address per row costs more than the lookup. */
function resolveSubject(roster: Roster, name: string, whereFn: () => { file: string; sheet: string; cell: string }, findings: Finding[]): number | null {
  const m = matchName(roster, name);
  if (m.kind === 'exact') return m.index;
  const where = whereFn();
  switch (m.kind) {
    case 'normalised': {
      const listed = roster.all[m.index].name;
      findings.push(finding('NAME_NORMALISED', `姓名「${name}」按名册中的「${listed}」计`, { ...where, subject: listed }));
      return m.index;
    }
    case 'ambiguous':
      findings.push(finding('SUBJECT_AMBIGUOUS', `名册中有 ${m.indexes.length} 人名为「${name}」，无法确定是谁，此行未计入`, where));
      return null;
    case 'none':
      findings.push(finding('SUBJECT_NOT_IN_ROSTER', `「${name}」不在名册中，此行未计入`, where));
      return null;
  }
}

function readEntry(
  view: SheetView,
  r: number,
  rec: RecognisedForm,
  scheme: Scheme,
  subject: number,
  item: number,
  at: (r: number, c: number) => { file: string; sheet: string; cell: string },
  findings: Finding[],
): Entry {
  // Forms with items in rows have one set of tier columns, shared by every item row.
  const colItem = rec.form.items === 'rows' ? 0 : item;
  let level = -1;
  let marks = 0;
  let broken = false;
  let firstCol = -1;
  let markedCols: number[] | null = null;
  const tierColumns = rec.tierColumns;
  for (let i = 0; i < tierColumns.length; i++) {
    const t = tierColumns[i];
    if (t.item !== colItem) continue;
    if (firstCol < 0) firstCol = t.col;
    const v = view.raw(r, t.col);
    const kind = markKind(v, scheme);
    switch (kind) {
      case 'none':
        break;
      case 'alternative':
      case 'mark':
        if (kind === 'alternative') findings.push(finding('MARK_ALTERNATIVE', `标记「${String(v).trim()}」按√计（方案允许）`, at(r, t.col)));
        marks++;
        level = t.level;
        (markedCols ??= []).push(t.col);
        break;
      case 'formula':
        broken = true;
        findings.push(finding('FORMULA_IN_ENTRY', `等次栏应直接打√，此处是公式（${(v as { formula?: string }).formula ?? ''}），该项无效`, at(r, t.col)));
        break;
      case 'error':
        broken = true;
        findings.push(finding('ERROR_VALUE', `等次栏是错误值 ${(v as { error?: string }).error}，该项无效`, at(r, t.col)));
        break;
      case 'other':
        broken = true;
        findings.push(finding('MARK_UNRECOGNISED', `等次栏应打√，此处为「${String(v).trim()}」，该项无效`, at(r, t.col)));
        break;
    }
  }
  if (firstCol < 0) firstCol = 0;
  if (marks > 1) {
    const markedCells = markedCols!.map((c) => cellAddress(r, c));
    findings.push(finding('MULTIPLE_MARKS', `同一项目打了 ${marks} 个√（${markedCells.join('、')}），该项无效`, at(r, firstCol)));
    return { subject, item, status: 'invalid', level: -1, scaled: 0 };
  }
  if (broken) return { subject, item, status: 'invalid', level: -1, scaled: 0 };
  if (marks === 0) {
    if (rec.form.blankMeansNotApplicable) return { subject, item, status: 'na', level: -1, scaled: 0 };
    findings.push(finding('ABSTENTION', '此项未打√，按弃权计', at(r, firstCol)));
    return { subject, item, status: 'abstain', level: -1, scaled: 0 };
  }
  return { subject, item, status: 'valid', level, scaled: 0 };
}

function readScore(
  view: SheetView,
  r: number,
  col: number,
  rec: RecognisedForm,
  subject: number,
  item: number,
  at: (r: number, c: number) => { file: string; sheet: string; cell: string },
  findings: Finding[],
): Entry {
  const v = view.raw(r, col);
  const invalid: Entry = { subject, item, status: 'invalid', level: -1, scaled: 0 };
  if (isBlank(v)) {
    findings.push(finding('ABSTENTION', '此项未打分，按弃权计', at(r, col)));
    return { ...invalid, status: 'abstain' };
  }
  if (isSpecial(v!)) {
    if (v!.error) findings.push(finding('ERROR_VALUE', `分数栏是错误值 ${v!.error}，该项无效`, at(r, col)));
    else findings.push(finding('FORMULA_IN_ENTRY', `分数栏应直接填写数字，此处是公式（${v!.formula ?? ''}），该项无效`, at(r, col)));
    return invalid;
  }
  const text = String(v).normalize('NFKC').trim().replace(/分$/, '');
  const response = rec.form.response as { kind: 'score'; min: number | string; max: number | string };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    findings.push(finding('SCORE_NOT_NUMBER', `分数栏应填写数字，此处为「${String(v)}」，该项无效`, at(r, col)));
    return invalid;
  }
  const value = Number(text);
  const scaled = Math.round(value * SCORE_SCALE);
  const min = Number(response.min);
  const max = Number(response.max);
  if (Math.abs(scaled / SCORE_SCALE - value) > 1e-9 || !Number.isSafeInteger(scaled)) {
    findings.push(finding('SCORE_NOT_NUMBER', `分数「${text}」小数位过多（最多 4 位），该项无效`, at(r, col)));
    return invalid;
  }
  if (scaled < Math.round(min * SCORE_SCALE) || scaled > Math.round(max * SCORE_SCALE)) {
    findings.push(finding('SCORE_OUT_OF_RANGE', `分数 ${text} 超出 ${min}～${max} 分的范围，该项无效`, at(r, col)));
    return invalid;
  }
  return { subject, item, status: 'valid', level: -1, scaled };
}

function readYesNo(v: CellValue | undefined, scheme: Scheme): 'yes' | 'no' | 'unknown' {
  const kind = markKind(v, scheme);
  if (kind === 'none') return 'no';
  if (kind === 'mark' || kind === 'alternative') return 'yes';
  if (kind !== 'other') return 'unknown';
  const text = normalizeLabel(v);
  if (['是', '推荐', '同意', 'Y', 'YES'].includes(text.toUpperCase())) return 'yes';
  if (['否', '不推荐', '不同意', '×', 'X', 'N', 'NO', '-'].includes(text.toUpperCase())) return 'no';
  return 'unknown';
}

/** 雷同票: every subject given the same level on every item (DOMAIN.md: suspect, not invalid). */
function flagSuspectPatterns(entries: Entry[], rec: RecognisedForm, roster: Roster, where: { file: string; sheet: string }, findings: Finding[]) {
  if (rec.form.subjects !== 'rows' || rec.form.response.kind !== 'tier') return;
  const valid = entries.filter((e) => e.status === 'valid');
  const subjects = new Set(valid.map((e) => e.subject));
  if (subjects.size < 3 || valid.length === 0) return;
  const level = valid[0].level;
  if (valid.every((e) => e.level === level) && entries.every((e) => e.status === 'valid' || e.status === 'na')) {
    const label = rec.scale!.levels[level].label;
    findings.push(finding('UNIFORM_BALLOT', `本票 ${subjects.size} 名被评议人全部评为「${label}」（雷同票），已计入，请核实`, { ...where, cell: cellAddress(rec.headerRow, 0) }));
  }
  void roster;
}
