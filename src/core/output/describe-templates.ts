/**
 * The blank templates raters fill, one per form × rater group (× round when the form has more than
 * one; × subject for a single-subject form, whose subject field is pre-filled; × roster unit for a form
 * held per unit, listing that unit's subjects), shaped like the annex forms of seed 004 (附1, 附2, 附3):
 *
 * - a title row and header fields: 测评人类别：<group> (several groups fill the form), 轮次：<round> (several rounds), the subject
 *   field of a single-subject form (所在支部名称：…), the unit of a form held per unit (村：吴芳村),
 *   评议时间 (left for the rater);
 * - the table, in one of four shapes:
 *   matrix  — a row per subject, the items' tier columns side by side, each item name merged over its
 *             tier columns (a two-row header when there is more than one item), then 是否推荐 (附2);
 *   blocks  — a block of item rows per subject, the name merged over its item rows (附3);
 *   items   — one subject (single form), a row per item (附1);
 *   scores  — a row per subject, a score column per item (seed 003 篇六 打分表);
 * - comment rows (commentLabels): one unlocked cell across the table holding "label：", the rater
 *   writes after the colon; the form's lines to sign or stamp (signatureLines: 附1 组长, 附3 盖章; a count
 *   sheet's 计票人 and 监票人); then a visible 填表说明 (注) under the table, saying who fills the form
 *   (filledBy) and, unless the form says otherwise (anonymous: false), 本表无记名填写;
 * - a page-number footer, so a ballot of several pages can be put back together;
 * - √ dropdowns over exactly the mark cells, a decimal validation with the form's min/max over the
 *   score cells; the sheet protected without a password, only entry cells unlocked (marks, scores,
 *   recommendations, comment cells, 评议时间, and names only where none could be pre-filled);
 * - `meta`: template version, scheme, form, group, round (and subject, unit), and a signature of the form's
 *   shape, so a host can recognise a returned copy (see {@link templateSubmissionMeta}).
 *
 * The layout is read back by the engine's own recogniser (forms/recognize-form.ts): labels, not
 * addresses. Choices that keep it readable: all notes are one cell starting with 填表说明 (a line
 * starting "2、" would be taken for a name); no blank row between the header and the last entry row
 * (on a single-subject form a blank row is an abstention); a comment is written in the label's own
 * cell, because text in a cell over the tier columns is read as an unrecognised mark (so a separate
 * answer cell to the right of the label, as on the seed's 附1, would not be read as a comment).
 *
 * Subjects are listed in roster order (the clerk's order, e.g. 先正职后副职); window-only forms list
 * window posts only. With no roster subject for a form, blank rows with unlocked name cells are given.
 */
import { SCORES_SHEET, STATISTICS_SHEET, VOTES_SHEET } from './result-sheet-names';
import { Submission } from '../forms/grid';
import { PRESETS } from '../presets';
import { Subject, buildRoster, rosterFor, RosterEntry, subjectLabel } from '../roster/roster';
import { entriesOfSchemeKind } from '../roster/forms-without-subjects';
import { heldPerUnit, splitByUnit, unitOf, unitWord } from '../roster/units';
import { FormDef, RaterGroup, Round, Scheme, raterGroupFieldValue } from '../scheme/scheme-schema';
import { PAPERWORK_KIND } from './describe-paperwork';
import { KeepTogether, tailWithLastRows, withPageBreaks } from './page-breaks';
import { SheetBuilder, WidthBounds } from './sheet-builder';
import { CellDescription, SheetDescription, cell, countCell, displayWidth, pageFooter, uniqueSheetName } from './sheet-description';

export const TEMPLATE_VERSION = 'pingyi-template/1';
/** The mark the templates offer in their dropdowns. */
export const MARK = '√';
const DEFAULT_BLANK_SUBJECTS = 10;
/** What a 计票汇总表's title adds to the form's (read-counts takes 计票/汇总 in a title as saying so). */
const COUNTS_TITLE = '计票汇总表';
/** The largest number of votes a count cell accepts. */
const MAX_VOTES = 100000;
/** Table rows printed with the lines under the table (signatures, 填表说明), so those never head a page alone. */
const LAST_ROWS_WITH_TAIL = 3;
/** Above this total width (characters) a template prints landscape. */
const PORTRAIT_MAX_WIDTH = 100;

export interface TemplateOptions {
  /** Blank subject rows (or blocks) when the roster has nobody for a form; default 10. */
  blankSubjects?: number;
  /**
   * 计票汇总表 instead of ballots: the same table with a number of votes to fill in each tier cell, for
   * a meeting that votes on paper and reports its count (seed 002 第四篇 五、1–3; read back by
   * ballots/read-counts.ts). Only for tier forms (打√), not score sheets.
   */
  counts?: boolean;
}

export function describeTemplates(scheme: Scheme, roster: readonly RosterEntry[], options: TemplateOptions = {}): SheetDescription[] {
  const all = buildRoster(entriesOfSchemeKind(scheme, roster));
  const taken = new Set<string>();
  const takenFiles = new Set<string>();
  const out: SheetDescription[] = [];
  for (const form of scheme.forms) {
    if (options.counts && form.response.kind !== 'tier') continue;
    const groups = scheme.raterGroups.filter((g) => !form.raterGroups || form.raterGroups.includes(g.id));
    const rounds = scheme.rounds.filter((r) => !form.rounds || form.rounds.includes(r.id));
    const subjects = rosterFor(all, form.subjectKind ?? scheme.subjectKind, form.onlyWindowPosts ?? false).subjects;
    const perSheet: (Subject | null)[] = form.subjects === 'single' ? (subjects.length > 0 ? subjects : [null]) : [null];
    const listed = subjects.length > 0 ? subjects : new Array<null>(options.blankSubjects ?? DEFAULT_BLANK_SUBJECTS).fill(null);
    // A form held per unit (村评 in each village): one sheet per roster unit with its people only, the unit
    // written in the header; when a subject has no unit, the whole list with the unit left to fill in.
    const units = splitByUnit(subjects);
    for (const group of groups)
      for (const round of rounds) {
        const perUnit = form.perUnit && heldPerUnit(form, round.id) ? form.perUnit : null;
        const sheets: { subjects: (Subject | null)[]; unit: TemplateSpec['unit'] }[] =
          form.subjects === 'single'
            ? perSheet.map((single) => ({ subjects: [single], unit: null }))
            : !perUnit
              ? [{ subjects: listed, unit: null }]
              : units
                ? units.map((u) => ({ subjects: u.subjects, unit: { label: perUnit.label, name: u.unit } }))
                : [{ subjects: listed, unit: { label: perUnit.label, name: null } }];
        for (const sheet of sheets)
          out.push(
            describeTemplate({
              scheme,
              form,
              group,
              round,
              showRound: rounds.length > 1,
              showGroup: groups.length > 1,
              subjects: sheet.subjects,
              single: form.subjects === 'single' ? sheet.subjects[0] : null,
              unit: sheet.unit,
              taken,
              takenFiles,
              label: (s) => subjectLabel(all, s),
              counts: options.counts ?? false,
            }),
          );
      }
  }
  return out;
}

/**
 * Why a form held per unit (FormDef.perUnit) is written as one whole list all the same: the roster people
 * without a unit, who could go on no unit's form. One line per such form, for the clerk; nothing when every
 * such form is split or the roster has no units at all (one unit, one form).
 */
export function perUnitNotSplit(scheme: Scheme, roster: readonly RosterEntry[]): string[] {
  const all = buildRoster(entriesOfSchemeKind(scheme, roster));
  const out: string[] = [];
  for (const form of scheme.forms) {
    if (!form.perUnit || form.subjects === 'single') continue;
    const subjects = rosterFor(all, form.subjectKind ?? scheme.subjectKind, form.onlyWindowPosts ?? false).subjects;
    const without = subjects.filter((s) => unitOf(s) === '');
    // Split, or a roster without units at all (or none yet): one unit's meeting rates everyone listed, on one form.
    if (splitByUnit(subjects) !== null || without.length === subjects.length) continue;
    const who = `名册中 ${without.slice(0, 5).map((s) => s.name).join('、')}${without.length > 5 ? ` 等 ${without.length} 人` : ''}没有填写单位`;
    out.push(
      `「${form.title}」按${unitWord(form.perUnit.label)}分别发放，但${who}，只生成了一张列出全部人员的表，表头「${form.perUnit.label}」一栏留空由填表人填写；请在名册的单位（${form.perUnit.label}）栏填齐后重新生成模板，每个${unitWord(form.perUnit.label)}一张`,
    );
  }
  return out;
}

/**
 * What a host passes to `runCampaign` for a returned template whose `meta` it kept: the form, group
 * and round, when the meta is a template of this scheme (null otherwise, and the engine recognises
 * the sheet by its labels alone).
 */
export function templateSubmissionMeta(meta: Record<string, string> | undefined, scheme: Scheme): Submission['meta'] | null {
  // A sheet this project wrote as a result or for the clerk (排名表, 往年结果 …), whatever the scheme: no ballot.
  if (meta && OUTPUT_NAMES[meta.kind] !== undefined) return { output: OUTPUT_NAMES[meta.kind] };
  // A form handed out to be kept, not read back (认岗承诺书 …: describe-paperwork.ts).
  if (meta?.kind === PAPERWORK_KIND) return { output: meta.title || '非测评表' };
  if (!meta || meta.kind !== 'template') return null;
  // Another scheme's template: said by that scheme's name (a preset's), so a wrong 方案 is seen for what it is.
  if (meta.schemeId !== scheme.id) return { otherScheme: otherSchemeTemplate(meta) };
  const form = scheme.forms.find((f) => f.id === meta.formId);
  if (!form) return null;
  const out: NonNullable<Submission['meta']> = { formId: form.id };
  if (scheme.raterGroups.some((g) => g.id === meta.groupId)) out.groupId = meta.groupId;
  if (scheme.rounds.some((r) => r.id === meta.roundId)) out.roundId = meta.roundId;
  if (meta.unit) out.unit = meta.unit;
  return out;
}

/** 方案「民主评议党员…」中「…评议表」: the preset and form a template's meta names; '' when no preset has that id (an imported scheme). */
function otherSchemeTemplate(meta: Record<string, string>): string {
  const preset = PRESETS.find((p) => p.id === meta.schemeId);
  if (!preset) return '';
  const form = preset.forms.find((f) => f.id === meta.formId);
  return `方案「${preset.name}」中${form ? `「${form.title}」` : ''}`;
}

/**
 * A returned file's submission with each sheet's template meta for `scheme` (templateSubmissionMeta),
 * from the meta the reader kept (ReadOutcome.templateMeta, by sheet name) or, for a sheet of the open
 * workbook, the meta found with the sheet (SheetGrid.templateMeta). Done again when the scheme
 * changes, so the same sheets and scheme give the same result whatever was chosen at reading.
 */
export function withTemplateMeta(submission: Submission, templateMeta: Record<string, Record<string, string>> | undefined, scheme: Scheme): Submission {
  if (!templateMeta && !submission.sheets.some((sheet) => sheet.templateMeta)) return submission;
  const sheets = submission.sheets.map((sheet) => {
    const meta = templateSubmissionMeta(templateMeta?.[sheet.name] ?? sheet.templateMeta, scheme);
    return meta ? { ...sheet, meta } : sheet;
  });
  return { ...submission, sheets };
}

/** The kinds of sheet the project writes that are not forms to fill, as the clerk knows them. */
const OUTPUT_NAMES: Readonly<Record<string, string>> = {
  ranking: '排名表',
  publication: '公示表',
  rectification: '整改清单',
  statistics: STATISTICS_SHEET,
  votes: VOTES_SHEET,
  scores: SCORES_SHEET,
  findings: '校验结果',
  history: '往年结果',
};

interface TemplateSpec {
  scheme: Scheme;
  form: FormDef;
  group: RaterGroup;
  round: Round;
  showRound: boolean;
  /** 测评人类别 printed, and the group named in the sheet's name beside a unit: only where more than one rater group fills the form. */
  showGroup: boolean;
  /** The subjects listed, null for a blank row to fill. */
  subjects: (Subject | null)[];
  /** The subject of a single-subject form's sheet. */
  single: Subject | null;
  /** A form held per unit (FormDef.perUnit): the header field naming the unit, and the unit (null: left to fill in). */
  unit: { label: string; name: string | null } | null;
  taken: Set<string>;
  /** The templates' full names given so far (SheetDescription.fileName), lower case: two files are never named alike. */
  takenFiles: Set<string>;
  /** How a subject is written on the form: the name, with the unit when two share it (重名). */
  label: (s: Subject) => string;
  /** A 计票汇总表 (TemplateOptions.counts). */
  counts: boolean;
}

type Shape = 'matrix' | 'blocks' | 'items' | 'scores';

interface Column {
  header: string;
  bounds: WidthBounds;
}

function describeTemplate(t: TemplateSpec): SheetDescription {
  const { scheme, form } = t;
  const response = form.response;
  const scale = response.kind === 'tier' ? scheme.scales.find((s) => s.id === response.scale)! : null;
  const levels = scale ? scale.levels.map((l) => l.label) : [];
  const items = form.itemLabels;
  const shape: Shape = !scale ? 'scores' : form.subjects === 'single' ? 'items' : form.items === 'rows' ? 'blocks' : 'matrix';
  const recommend = form.recommendation && (shape === 'matrix' || shape === 'blocks') ? form.recommendation : undefined;
  const twoRowHeader = shape === 'matrix' && items.length > 1;

  // On a two-row header (附2's 19 columns) long headers are set on two lines, as the seed breaks them too
  // (「优秀党员候 选 人 姓 名」, 「不满 意」): 优秀党员⏎候选人姓名, 比较⏎满意, so the columns narrow and it prints larger.
  const wrapped = (header: string, atLeast: number) => (twoRowHeader ? twoLines(header, atLeast) : header);
  const nameColumn: Column = { header: wrapped(form.subjectLabels[0], 7), bounds: { min: 12, max: 24 } };
  const serial: Column = { header: '序号', bounds: { min: 6, max: 6 } };
  const lead: Column[] =
    shape === 'items' ? [{ header: '评价项目', bounds: { min: 20, max: 36 } }] : shape === 'blocks' ? [serial, nameColumn, { header: '测评项目', bounds: { min: 10, max: 24 } }] : [serial, nameColumn];
  const entries: Column[] =
    shape === 'scores'
      ? items.map((i) => ({ header: i, bounds: { min: 10, max: 16 } }))
      : shape === 'matrix'
        ? items.flatMap(() => levels.map((l) => ({ header: wrapped(l, 3), bounds: { min: 6, max: 12 } })))
        : levels.map((l) => ({ header: l, bounds: { min: 8, max: 12 } }));
  const columns = [...lead, ...entries, ...(recommend ? [{ header: recommend.label, bounds: { min: 8, max: 12 } }] : [])];
  const W = columns.length;
  const entryFirst = lead.length;
  const entryLast = lead.length + entries.length - 1;
  const recCol = recommend ? W - 1 : -1;

  const b = new SheetBuilder(W);
  const title = t.counts ? `${form.title}${COUNTS_TITLE}` : form.title;
  b.band(title, 'title', 32);

  // Header fields. 测评人类别 only where groups must be told apart: on a form one group fills (p5 附表1, filled by
  // the 党小组组长 for the members, seed 004 附1 prints 所在支部名称 and 评议时间 only) it would contradict the
  // form's own 填表说明, and the reader takes the form's only group without it.
  const fields: { text: string; unlocked: boolean }[] = t.showGroup ? [{ text: `测评人类别：${raterGroupFieldValue(t.group)}`, unlocked: false }] : [];
  if (t.showRound) fields.push({ text: `轮次：${t.round.name}`, unlocked: false });
  if (form.subjects === 'single') fields.push({ text: `${form.subjectLabels[0]}：${t.single ? t.label(t.single) : ''}`, unlocked: t.single === null });
  if (t.unit) fields.push({ text: `${t.unit.label}：${t.unit.name ?? ''}`, unlocked: t.unit.name === null });
  // The unit's field is that one (附2's 支部名称), filled in above.
  for (const f of form.headerFields ?? []) if (f !== t.unit?.label) fields.push({ text: `${f}：`, unlocked: true });
  if (t.counts) fields.push({ text: '收回票数：', unlocked: true }, { text: '有效票：', unlocked: true });
  fields.push({ text: '评议时间：    年  月  日', unlocked: true });
  placeFields(b, fields, columns.map(estimatedWidth));

  // Column headers.
  const headerStart = b.rowCount;
  if (twoRowHeader) {
    const top: CellDescription[] = [...lead.map((c) => cell(c.header, 'header'))];
    items.forEach((item) => top.push(cell(item, 'header'), ...levels.slice(1).map(() => cell(null, 'header'))));
    if (recommend) top.push(cell(recommend.label, 'header'));
    const r0 = b.row(top, 'header');
    const r1 = b.row([...lead.map(() => cell(null, 'header')), ...entries.map((c) => cell(c.header, 'header')), ...(recommend ? [cell(null, 'header')] : [])], 'header');
    lead.forEach((_, c) => b.merge(r0, c, r1, c));
    items.forEach((_, i) => b.merge(r0, entryFirst + i * levels.length, r0, entryFirst + (i + 1) * levels.length - 1));
    if (recommend) b.merge(r0, recCol, r1, recCol);
  } else {
    b.row(columns.map((c) => cell(c.header, 'header')), 'header');
  }
  const headerEnd = b.rowCount - 1;

  // Entry rows.
  const firstData = b.rowCount;
  const blocks: KeepTogether[] = [];
  const blankEntries = () => entries.map(() => cell(null, 'entry'));
  const nameCell = (s: Subject | null) => cell(s ? t.label(s) : null, 'center');
  const nameUnlock = (s: Subject | null, r1: number, r2: number, c: number) => {
    if (s === null) b.unlock({ r1, c1: c, r2, c2: c });
  };
  if (shape === 'items') {
    for (const item of items) b.row([cell(item, 'wrap'), ...blankEntries()]);
  } else if (shape === 'blocks') {
    t.subjects.forEach((s, i) => {
      const top = b.rowCount;
      items.forEach((item, k) =>
        b.row([k === 0 ? countCell(i + 1, 'center') : cell(null, 'center'), k === 0 ? nameCell(s) : cell(null, 'center'), cell(item, 'center'), ...blankEntries(), ...(recommend ? [cell(null, 'entry')] : [])]),
      );
      const bottom = b.rowCount - 1;
      blocks.push({ from: top, to: bottom });
      b.merge(top, 0, bottom, 0);
      b.merge(top, 1, bottom, 1);
      if (recommend) b.merge(top, recCol, bottom, recCol);
      nameUnlock(s, top, bottom, 1);
    });
  } else {
    t.subjects.forEach((s, i) => {
      const r = b.row([countCell(i + 1, 'center'), nameCell(s), ...blankEntries(), ...(recommend ? [cell(null, 'entry')] : [])]);
      nameUnlock(s, r, r, 1);
    });
  }
  const lastData = b.rowCount - 1;
  const entryRange = { r1: firstData, c1: entryFirst, r2: lastData, c2: entryLast };
  b.unlock(entryRange);
  if (t.counts) {
    b.validate({ kind: 'whole', range: entryRange, min: 0, max: MAX_VOTES, prompt: '填写该等次的票数（0 或正整数）；本次未评议的人整行留空', error: '此栏只能填票数（0 或正整数）' });
  } else if (scale) {
    b.validate({ kind: 'list', range: entryRange, values: [MARK], prompt: '在相应等次栏打“√”（可从下拉列表选择），每项只打一个；不评价的留空', error: '此栏只能打“√”或留空' });
  } else if (response.kind === 'score') {
    const min = Number(response.min);
    const max = Number(response.max);
    b.validate({ kind: 'decimal', range: entryRange, min, max, prompt: `填写 ${min}～${max} 之间的分数`, error: `分数应在 ${min}～${max} 之间` });
  }
  if (recommend) {
    const recRange = { r1: firstData, c1: recCol, r2: lastData, c2: recCol };
    b.unlock(recRange);
    if (t.counts) b.validate({ kind: 'whole', range: recRange, min: 0, max: MAX_VOTES, prompt: '填写推荐此人的票数（无效推荐不计）', error: '此栏只能填票数（0 或正整数）' });
    else b.validate({ kind: 'list', range: recRange, values: [MARK], prompt: `打“√”表示推荐，最多推荐 ${recommend.maxPerBallot} 名`, error: '此栏只能打“√”或留空' });
  }

  // Comment rows: the form's own labels, aliases once; the text is written after the label in the same cell.
  // A count sheet has none: the opinions are gathered from the ballots themselves.
  for (const label of t.counts ? [] : commentFields(form)) {
    const r = b.band(`${label}：`, 'wrap', 60);
    b.unlock({ r1: r, c1: 0, r2: r, c2: W - 1 });
  }

  // Signature and stamp lines under the table, where one signs after filling or counting: the form's own
  // (附1 组长, 附3 盖章 and 联系人); on a count sheet the 计票 and 监督 persons the meeting chose (seed 002
  // 第五篇 二(三)3 "当场选出计票、监督人员各2名"). The reader passes them over (NOTE_PREFIX, signatureLines).
  for (const line of t.counts ? COUNT_SIGNATURES : form.signatureLines ?? []) {
    const r = b.band(line, 'field', 28);
    b.unlock({ r1: r, c1: 0, r2: r, c2: W - 1 });
  }

  b.band(t.counts ? countInstructions(form) : instructions(scheme, form, shape, levels), 'note');

  const names = t.subjects.map((s) => (s ? t.label(s) : ''));
  const meta: Record<string, string> = {
    kind: 'template',
    version: TEMPLATE_VERSION,
    schemeId: scheme.id,
    formId: form.id,
    groupId: t.group.id,
    roundId: t.round.id,
    signature: signature({ form, levels, group: t.group.id, round: t.round.id, names, ...(t.counts ? { counts: true } : {}) }),
  };
  if (t.counts) meta.counts = 'yes';
  if (t.single) meta.subject = t.label(t.single);
  if (t.unit?.name) meta.unit = t.unit.name;
  // The unit first: the clerk hands the files out village by village (吴芳村·村评). The one rater group of a form
  // is left out there (the header says it): a sheet's name holds 31 characters, and the unit must not cut the title.
  const groupInName = !t.unit?.name || t.showGroup;
  const suffixParts = [...(t.unit?.name ? [t.unit.name] : []), ...(groupInName ? [t.group.name] : []), ...(t.showRound ? [t.round.name] : []), ...(t.single ? [t.label(t.single)] : [])];
  const suffix = `（${suffixParts.join('·')}）`;
  const name = uniqueSheetName(title, t.taken, suffix);
  const sheet = b.build({
    name,
    kind: 'template',
    bounds: columns.map((c) => c.bounds),
    freeze: { rows: headerEnd + 1, cols: lead.length },
    // The sheet's name (form, group, round) and page numbers on every page: the pages of a long ballot that come
    // apart are put back together, and a 镇评 page 2 is not stapled to a 村评 page 1 (the header rows alone repeat).
    print: { orientation: 'portrait', repeatRows: { from: headerStart, to: headerEnd }, footer: pageFooter(name, { ofPages: true }) },
    protect: true,
    meta,
  });
  // The file of this sheet alone is named in full (党支部开展创先争优活动情况测评表（…支部·党员）), not as the sheet cut to 31.
  const fileName = uniqueFileName(`${title}${suffix}`, t.takenFiles);
  if (fileName !== name) sheet.fileName = fileName;
  const total = sheet.columns.reduce((a, c) => a + c.width, 0);
  sheet.print.orientation = total > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait';
  // A person's block on one page (附3); the comment, signature lines and 填表说明 with the last rows (or block).
  const tail = tailWithLastRows(sheet, { first: firstData, last: lastData }, LAST_ROWS_WITH_TAIL, blocks);
  return withPageBreaks(sheet, tail ? [...blocks, tail] : blocks);
}

/** `wanted`, or wanted(2), wanted(3) … where an earlier template has that full name (as sheet names are counted). */
function uniqueFileName(wanted: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${wanted}(${n})`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * Header fields side by side when they fit over the table's columns (widths estimated from the
 * headers and bounds), else one per row across the whole width.
 */
function placeFields(b: SheetBuilder, fields: { text: string; unlocked: boolean }[], estimated: number[]) {
  const W = b.width;
  const spans: [number, number][] = [];
  let c = 0;
  for (let i = 0; i < fields.length && c < W; i++) {
    const need = displayWidth(fields[i].text) + 2;
    const lastAllowed = W - 1 - (fields.length - 1 - i);
    let end = c;
    let width = estimated[c];
    while (width < need && end < lastAllowed) width += estimated[++end];
    if (width < need) break;
    spans.push([c, end]);
    c = end + 1;
  }
  if (spans.length === fields.length) {
    spans[spans.length - 1][1] = W - 1;
    const r = b.row([], 'field');
    fields.forEach((f, i) => {
      const [c1, c2] = spans[i];
      b.put(r, c1, cell(f.text, 'field'));
      b.merge(r, c1, r, c2);
      if (f.unlocked) b.unlock({ r1: r, c1, r2: r, c2 });
    });
  } else {
    for (const f of fields) {
      const r = b.band(f.text, 'field');
      if (f.unlocked) b.unlock({ r1: r, c1: 0, r2: r, c2: W - 1 });
    }
  }
}

/** A column's width as the builder will make it from its header (entry cells are blank). */
function estimatedWidth(c: Column): number {
  const widest = Math.max(...c.header.split('\n').map(displayWidth));
  return Math.min(c.bounds.max ?? 50, Math.max(c.bounds.min ?? 4, widest + 2));
}

/**
 * A Chinese header of `atLeast` characters or more on two lines, the first the shorter half: 优秀党员⏎候选人姓名,
 * 比较⏎满意, 不⏎满意 (Chinese terms of four characters are two words of two). Other text stays on one line.
 * The reader removes the line break with the other spaces (text/normalize.ts).
 */
export function twoLines(header: string, atLeast: number): string {
  const chars = [...header];
  if (chars.length < atLeast || !chars.every((ch) => /\p{Script=Han}/u.test(ch))) return header;
  const half = Math.floor(chars.length / 2);
  return `${chars.slice(0, half).join('')}\n${chars.slice(half).join('')}`;
}

/**
 * The comment fields to lay out. `commentLabels` mixes distinct fields and other spellings of one
 * field (['意见建议', '意见或建议'], ['对开展创先争优活动的意见或建议', '意见或建议']); a label is taken
 * for another spelling of an earlier one when, with 或/和/及/、 and spaces removed, one contains the other.
 */
export function commentFields(form: FormDef): string[] {
  const core = (l: string) => l.replace(/[或和及、\s\u3000]/g, '');
  const out: string[] = [];
  for (const label of form.commentLabels ?? []) {
    const k = core(label);
    if (!out.some((o) => core(o).includes(k) || k.includes(core(o)))) out.push(label);
  }
  return out;
}

/** 计票汇总表: the 计票 and 监督 persons sign after the count (seed 002 第五篇 二(三)3–4). */
const COUNT_SIGNATURES = ['计票人（签名）：', '监票人（签名）：'];

/** 填表说明, from the form's own rules (seed 004 附表 注). */
function instructions(scheme: Scheme, form: FormDef, shape: Shape, levels: string[]): string {
  const lines: string[] = [];
  // Who fills it (附1 注 "请小组长根据多数党员意见在评价等次相应栏目中打√"); by default each rater.
  const who = form.filledBy ?? '';
  if (shape === 'scores') {
    const r = form.response as { min: number | string; max: number | string };
    lines.push(`请${who}在分数栏填写 ${r.min}～${r.max} 之间的分数（最多4位小数），不填的按弃权计。`);
  } else {
    lines.push(`请${who}在评价等次（${levels.join('、')}）相应栏目中打“√”，每项只打一个；打多个“√”的该项无效。`);
    lines.push(form.blankMeansNotApplicable ? '对与本人（本单位）无关联的对象，可不填写，相应栏目为空，不计入统计。' : '未打“√”的项目按弃权计。');
  }
  const points = pointsInstruction(scheme, form);
  if (points) lines.push(points);
  lines.push(...(form.instructions ?? []));
  if (form.recommendation && (shape === 'matrix' || shape === 'blocks'))
    lines.push(`“${form.recommendation.label}”栏打“√”表示推荐；推荐名额不能多于${form.recommendation.maxPerBallot}名，超过名额则推荐无效。`);
  // A form filled for a body is signed or stamped, not anonymous (seed 004 附1 组长, 附3 盖章).
  const signed = form.signatureLines ?? [];
  const closing =
    form.anonymous === false
      ? signed.length > 0
        ? `填写后请填好表末各栏${signed.some((l) => l.includes('盖章')) ? '并加盖公章' : '并签名'}。`
        : ''
      : '本表无记名填写。';
  lines.push(`${closing}请勿增删行列或修改表头、姓名。`);
  return `填表说明：\n${lines.map((l, i) => `${i + 1}、${l}`).join('\n')}`;
}

/**
 * How a points scheme turns the marks into the score, from the scale and the scoring (seed 003 篇二: “好”(a)计90分 …
 * 三个专项分别计算总分后相加除以3得出最后得分), so a rater sees what his √ is worth; '' for a form not scored by points.
 */
function pointsInstruction(scheme: Scheme, form: FormDef): string {
  const response = form.response;
  if (scheme.scoring.method !== 'points' || response.kind !== 'tier') return '';
  const levels = scheme.scales.find((s) => s.id === response.scale)?.levels ?? [];
  if (levels.length === 0 || levels.some((l) => l.points === undefined)) return '';
  const n = form.itemLabels.length;
  // 三个评价项目 … 相加除以3, as the seed writes it.
  const count = n <= 10 ? ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'][n] : String(n);
  const combined = n > 1 ? `；${count}个评价项目分别计分后${scheme.scoring.items === 'mean' ? `相加除以${n}` : '相加'}，得出最后得分` : '';
  return `各等次计分：${levels.map((l) => `“${l.label}”${l.points}分`).join('、')}${combined}。`;
}

/** 填表说明 of a 计票汇总表. */
function countInstructions(form: FormDef): string {
  const lines = [
    '本表供当场计票后填写：在各等次栏填写该等次的得票数（0 或正整数），不填“√”。',
    '“收回票数”填收回的测评票总数，“有效票”填其中的有效票数（废票不计）；每人（每项）各等次票数之和不得超过有效票数，差额按弃权计。',
    '本次未评议的被评议人整行留空。',
  ];
  if (form.recommendation) lines.push(`“${form.recommendation.label}”栏填写推荐此人的有效票数（推荐超过${form.recommendation.maxPerBallot}名的票，其推荐无效，不计入）。`);
  lines.push('计票人、监票人核对无误后在表末签名；原始测评票妥善保存备查。请勿增删行列或修改表头、姓名。');
  return `填表说明：\n${lines.map((l, i) => `${i + 1}、${l}`).join('\n')}`;
}

/** FNV-1a (32-bit) of the template's shape: the form, its levels, group, round and names listed. */
function signature(shape: unknown): string {
  const text = JSON.stringify(shape);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
