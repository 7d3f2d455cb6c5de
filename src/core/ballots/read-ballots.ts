/**
 * From recognised sheets to ballots, with a finding for everything that is wrong or merely unusual.
 * A bad entry never stops the rest of the ballot, a bad ballot never stops the batch, and nothing is
 * dropped silently: abstentions, invalid entries and void recommendations are counted and reported.
 */
import { cellAddress } from '../common/cell';
import { Finding, finding } from '../findings/finding';
import { CellValue, SheetGrid, Submission, isBlank, isSpecial, shownValue } from '../forms/grid';
import { HEADER_DEPTH, LayoutCache, RECOMMEND_NO, RECOMMEND_YES, RecognisedForm, SheetView, labelContains, levelLabels, stackColumnBlocks } from '../forms/recognize-form';
import { flagFit } from '../roster/flag-columns';
import { NameMatch, Roster, Subject, UNIT_HEADER, flagCellSays, listedText, matchName, noSubjectOfKindText, rosterFor, subjectLabel, tellApart } from '../roster/roster';
import { heldPerUnit, inUnit, readUnit, rosterUnits, splitByUnit, unitOf, unitWord } from '../roster/units';
import { FormDef, Scheme, raterGroupFieldValue } from '../scheme/scheme-schema';
import { normalizeLabel, normalizeName, simplify, withoutAnnotations } from '../text/normalize';
import { ownOutputByTitle } from '../output/result-sheet-names';
import { CountedSheet, RowTarget, isTotalsRow, looksCounted, readCountSheet, sameCounts, voteCount } from './read-counts';
import { RepeatedBallots } from './repeated-ballots';
import { drawingsOnSheet, hiddenRowsAndColumns } from './unseen-on-sheet';

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

/** Entry statuses as small codes in the packed entries. Exported by name list: module-local uses then stay plain constants in CommonJS output. */
const VALID = 1;
const ABSTAIN = 2;
const INVALID = 3;
const NA = 4;
export { ABSTAIN, INVALID, NA, VALID };
export type StatusCode = typeof VALID | typeof ABSTAIN | typeof INVALID | typeof NA;
const STATUS_NAME: EntryStatus[] = ['valid', 'valid', 'abstain', 'invalid', 'na'];

/**
 * The entries of a batch in typed arrays, one slot per entry, each ballot a stretch of it: a million
 * marks must not mean a million objects, nor a few typed arrays per sheet (the garbage collector was a
 * tenth of the engine's time). `Ballot.entries` shows a ballot's entries as `Entry` objects when asked.
 */
export class EntryList {
  length = 0;
  /** Entries with status valid, kept as they are added. */
  validCount = 0;
  subject: Int32Array;
  item: Int32Array;
  status: Uint8Array;
  level: Int8Array;
  /** Only score forms have scores. */
  scaled: Float64Array | null = null;

  constructor(capacity = 16) {
    this.subject = new Int32Array(capacity);
    this.item = new Int32Array(capacity);
    this.status = new Uint8Array(capacity);
    this.level = new Int8Array(capacity);
  }

  push(subject: number, item: number, status: StatusCode, level: number, scaled: number): void {
    const i = this.length;
    if (i === this.subject.length) this.grow();
    this.subject[i] = subject;
    this.item[i] = item;
    this.status[i] = status;
    this.level[i] = level;
    if (this.scaled !== null) this.scaled[i] = scaled; // always written: slots are reused after truncate
    else if (scaled !== 0) (this.scaled = new Float64Array(this.subject.length))[i] = scaled;
    if (status === VALID) this.validCount++;
    this.length = i + 1;
  }

  /** Every entry of `subject` from `from` on made invalid (a person rated twice, differently, on one ballot). */
  invalidateSubject(subject: number, from: number): void {
    for (let i = from; i < this.length; i++)
      if (this.subject[i] === subject) {
        if (this.status[i] === VALID) this.validCount--;
        this.status[i] = INVALID;
      }
  }

  /** `push` of a valid tier entry: the common case, one per plain √ row. */
  pushValid(subject: number, item: number, level: number): void {
    const i = this.length;
    if (i === this.subject.length) this.grow();
    this.subject[i] = subject;
    this.item[i] = item;
    this.status[i] = VALID;
    this.level[i] = level;
    if (this.scaled !== null) this.scaled[i] = 0;
    this.validCount++;
    this.length = i + 1;
  }

  /** Drops the entries from `start` on (a sheet that turned out not to count). */
  truncate(start: number): void {
    for (let i = start; i < this.length; i++) if (this.status[i] === VALID) this.validCount--;
    this.length = Math.min(this.length, start);
  }

  at(i: number): Entry {
    return { subject: this.subject[i], item: this.item[i], status: STATUS_NAME[this.status[i]], level: this.level[i], scaled: this.scaled?.[i] ?? 0 };
  }

  private grow(): void {
    const n = this.subject.length * 2;
    const widen = <T extends Int32Array | Uint8Array | Int8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.subject = widen(this.subject, (k) => new Int32Array(k));
    this.item = widen(this.item, (k) => new Int32Array(k));
    this.status = widen(this.status, (k) => new Uint8Array(k));
    this.level = widen(this.level, (k) => new Int8Array(k));
    if (this.scaled) this.scaled = widen(this.scaled, (k) => new Float64Array(k));
  }
}

export class Ballot {
  private shown: Entry[] | null = null;

  constructor(
    readonly id: string,
    readonly file: string,
    readonly sheet: string,
    readonly formId: string,
    readonly groupId: string,
    readonly roundId: string,
    /** The batch's packed entries, of which this ballot's are `start` to `end` (exclusive); the tally reads these. */
    readonly packed: EntryList,
    readonly start: number,
    readonly end: number,
    /** Subjects recommended (是否推荐), empty when the recommendations are void. */
    readonly recommended: number[],
    readonly recommendationsVoid: boolean,
    /** Free text written in the form's comment fields (意见或建议 ...). */
    readonly comments: string[],
    /** The roster unit a ballot of a form held per unit is for (units.ts); null otherwise, or when it names none (read over everyone). */
    readonly unit: string | null = null,
  ) {}

  /** The entries as objects, made on first use. */
  get entries(): Entry[] {
    if (this.shown === null) {
      this.shown = new Array<Entry>(this.end - this.start);
      for (let i = this.start; i < this.end; i++) this.shown[i - this.start] = this.packed.at(i);
    }
    return this.shown;
  }
}

/** A sheet that was read as a form but could not be counted (unknown rater group or round). */
export interface UncountedBallot {
  file: string;
  sheet: string;
  formId: string;
  groupId: string | null;
  roundId: string | null;
  reason: 'group' | 'round' | 'duplicate' | 'unreadable';
  /** The roster unit it was for, when a ballot of a form held per unit said one before it was set aside (参评情况 per unit). */
  unit?: string;
}

export interface ReadResult {
  ballots: Ballot[];
  /** 计票汇总表: sheets of counted votes, each standing for its number of ballots (see read-counts). */
  counts: CountedSheet[];
  uncounted: UncountedBallot[];
  findings: Finding[];
}

const STANDARD_MARKS = new Set(['√', '✓', '✔', '☑', '✅', '🗸']);
const GROUP_FIELDS = ['测评人类别', '评议人类别', '参评人类别', '测评人身份', '评议人身份', '类别', '身份', '票别', '票种'];
const ROUND_FIELDS = ['轮次', '评议轮次', '测评轮次', '评议层级'];
const NOTE_PREFIX = /^(注|说明|填表说明|备注|组长|联系人|电话|签名|盖章|日期|评议时间|填表人|计票人|监票人)/;

export function readBallots(scheme: Scheme, roster: Roster, submissions: readonly Submission[]): ReadResult {
  const out: ReadResult = { ballots: [], counts: [], uncounted: [], findings: [] };
  /** Counted ballots by fingerprint; ballots sharing one are compared in full (see sameBallot). */
  const seen = new Map<number, Ballot[]>();
  const rosters = new Map<string, Roster>();
  const readers = new Map<FormDef, FormReader>();
  const layouts = new LayoutCache(scheme);
  // Room for one entry per row from the start: growing by doubling allocated twice the final size,
  // and the garbage collector runs on such allocations (external memory) over the whole heap.
  let rowCount = 0;
  for (const submission of submissions) for (const sheet of submission.sheets) rowCount += sheet.rows.length;
  const entries = new EntryList(Math.max(1024, rowCount));
  /** Identical ballots, reported once per group, and ballots re-sent unchanged, counted once (repeated-ballots.ts). */
  const repeated = new RepeatedBallots(submissions, sameBallot, scheme.counting.duplicates === 'count');
  /** Counts a ballot read from a sheet, unless it repeats an earlier one and the scheme excludes repeats. */
  const count = (ballot: Ballot, where: { file: string; sheet: string }) => {
    if (repeated.sentAgain(ballot)) {
      out.uncounted.push({ ...where, formId: ballot.formId, groupId: ballot.groupId, roundId: ballot.roundId, reason: 'duplicate' });
      return;
    }
    const key = fingerprint(ballot);
    const alike = seen.get(key);
    const earlier = alike?.find((b) => sameBallot(b, ballot));
    // A ballot of one entry (a village's form of its one secretary, FormDef.perUnit) agrees with others by
    // nature: only ballots of two entries or more are suspect when alike.
    if (earlier && ballot.end - ballot.start > 1) {
      const counted = scheme.counting.duplicates === 'count';
      repeated.repeats(earlier, ballot, where);
      if (!counted) {
        out.uncounted.push({ ...where, formId: ballot.formId, groupId: ballot.groupId, roundId: ballot.roundId, reason: 'duplicate' });
        return;
      }
    } else if (earlier) {
      // Alike but of one entry (or none): the earlier ballot already stands for its marks.
    } else if (alike) alike.push(ballot);
    else seen.set(key, [ballot]);
    out.ballots.push(ballot);
  };
  /** 专项 sheets of the open workbook by form (Submission.workbookSheet): each counted as a ballot, then said. */
  const workbookParts = new Map<string, { file: string; sheets: string[]; items: Set<number> }>();
  for (const submission of submissions) {
    // Blank ballots of a file with several sheets wait for its other sheets: an unfilled copy of a form
    // beside a filled one (the template kept, the filled sheet a copy of it), or another form of the
    // template beside the one filled in, is not a ballot.
    const held: { ballot: Ballot | null; formId: string; where: { file: string; sheet: string }; findings: Finding[]; uncounted: UncountedBallot[] }[] = [];
    /** 专项 sheets read so far (RecognisedForm.itemFromTitle), joined, waiting to be counted as one ballot. */
    let part: { ballot: Ballot; where: { file: string; sheet: string } } | null = null;
    const flushPart = () => {
      if (part) count(part.ballot, part.where);
      part = null;
    };
    const filled = new Map<string, string>();
    /** The file's sheets; a sheet holding two tables one under the other is replaced by each table in turn (stackedTables). */
    const sheets: SheetGrid[] = [...submission.sheets];
    for (let i = 0; i < sheets.length; i++) {
      const sheet = sheets[i];
      const view = new SheetView(sheet);
      const where = { file: submission.file, sheet: sheet.name };
      const meta = sheet.meta ?? submission.meta;
      if (meta?.output !== undefined) {
        out.findings.push(finding('OWN_OUTPUT_SHEET', `工作表「${sheet.name}」是本工具生成的${meta.output}，不是测评表，未读取`, { ...where, cell: 'A1' }));
        continue;
      }
      // The same sheet copied without its hidden record (移动或复制 to a new workbook, values pasted): known by
      // its title and the line under it. Read as a form it would add a 废票 and blame names that are right.
      const own = meta?.formId === undefined ? ownOutputByTitle(sheet.rows) : null;
      if (own) {
        out.findings.push(
          finding('OWN_OUTPUT_SHEET', `工作表「${sheet.name}」的标题是「${own.title}」，按标题认出是本工具生成的${own.output}，不是测评表，未读取`, { ...where, cell: 'A1' }),
        );
        continue;
      }
      const { best, runnerUp } = layouts.recognise(view, meta?.formId);
      if (sheet.hidden) {
        // Last year's ballot kept in a hidden sheet would change the result with nothing on screen to show
        // it. A hidden sheet that is no form (a list behind a drop-down) is passed over as it is.
        if (best)
          out.findings.push(
            finding('HIDDEN_SHEET', `工作表「${sheet.name}」是隐藏的，像是一张「${best.form.title}」，未计入；如确是本次收回的测评表，请取消隐藏（右键工作表标签 → 取消隐藏）后重新校验`, { ...where, cell: 'A1' }),
          );
        continue;
      }
      if (best && runnerUp && runnerUp.score === best.score)
        out.findings.push(
          finding('FORM_AMBIGUOUS', `工作表「${sheet.name}」既像「${best.form.title}」也像「${runnerUp.form.title}」，按「${best.form.title}」读取，请核实`, { ...where, cell: cellAddress(best.headerRow, 0) }),
        );
      if (!best) {
        const levelText = hasAnyMark(view, scheme) ? null : levelWrittenAsText(view, scheme, roster);
        if (meta?.otherScheme !== undefined)
          // The project's own template of another 方案: not a changed header, most likely the wrong 方案 chosen.
          out.findings.push(
            finding(
              'TEMPLATE_OF_OTHER_SCHEME',
              `工作表「${sheet.name}」是${meta.otherScheme || '另一个方案中'}的模板，与当前方案「${scheme.name}」不符，本表未计入；请检查是否选错了方案`,
              { ...where, cell: 'A1' },
            ),
          );
        else if (levelText !== null)
          out.findings.push(
            finding(
              'LEVELS_AS_TEXT',
              `工作表「${sheet.name}」的等次是写成文字的（如 ${levelText.cell}「${levelText.text}」），不是在等次栏中打√，本工具不按文字计票，本表未计入；如是测评票，请让评议人在模板的等次栏打√；如是汇总表或结果表，可忽略`,
              { ...where, cell: levelText.cell },
            ),
          );
        else if (meta?.formId !== undefined) {
          // A returned copy of this scheme's own template whose header was retyped (总分 for 测评得分): a
          // ballot for certain, so an error, and a returned one in the participation figures.
          const form = scheme.forms.find((f) => f.id === meta.formId);
          out.findings.push(
            finding('TEMPLATE_NOT_RECOGNISED', `工作表「${sheet.name}」是本方案${form ? `「${form.title}」` : ''}的模板，但表头已被改动，认不出等次列或分数栏，本表未计入；请把表头改回模板原样后重新校验`, { ...where, cell: 'A1' }),
          );
          out.uncounted.push({ ...where, formId: meta.formId, groupId: meta.groupId ?? null, roundId: meta.roundId ?? null, reason: 'unreadable' });
        } else if (hasAnyMark(view, scheme))
          out.findings.push(finding('FORM_NOT_RECOGNISED', `工作表「${sheet.name}」有√标记，但找不到方案中任何一种表的表头（等次列），未计入；如是测评票，请核对表头是否与模板一致`, { ...where, cell: 'A1' }));
        else if (view.rowCount > 0)
          out.findings.push(finding('SHEET_NOT_A_FORM', `工作表「${sheet.name}」不是测评表，已跳过`, { ...where, cell: 'A1' }));
        continue;
      }
      let reader = readers.get(best.form);
      if (!reader) {
        const kind = best.form.subjectKind ?? scheme.subjectKind;
        let formRoster = rosters.get(kind);
        if (!formRoster) rosters.set(kind, (formRoster = rosterFor(roster, kind)));
        readers.set(best.form, (reader = new FormReader(scheme, best.form, formRoster)));
      }
      // Drawn √ leave their cells empty: said before the sheet's own findings, so that they stay when a sheet that
      // reads blank is set aside as a blank copy (BLANK_COPY) — a sheet of drawn √ reads blank.
      out.findings.push(...drawingsOnSheet(sheet, where));
      const tables = stackedTables(view, best, reader, scheme);
      if (tables !== null) {
        out.findings.push(tables.finding(where));
        sheets.splice(i + 1, 0, ...tables.parts);
        continue;
      }
      const findingsBefore = out.findings.length;
      const uncountedBefore = out.uncounted.length;
      const blankUncounted = { formId: null as string | null };
      const hiddenSaid = (counted: boolean) =>
        sheet.hiddenRows || sheet.hiddenColumns ? out.findings.push(...hiddenRowsAndColumns(sheet, best, (v) => isMark(v, scheme), where, counted)) : 0;
      const table = best.columnBlocks ? stackColumnBlocks(view, best) : view;
      const counts = best.form.response.kind === 'tier' && best.blocksIrregularAt === null ? looksCounted(table, best, () => sheetTitles(table, best)) : false;
      if (counts === 'empty') {
        out.findings.push(finding('COUNT_SHEET_EMPTY', `工作表「${sheet.name}」是未填写票数的计票汇总表，不是测评票，未计入`, { ...where, cell: 'A1' }));
        continue;
      }
      if (counts) {
        const counted = readCounts(scheme, reader, where, meta, table, best, out);
        hiddenSaid(counted !== null);
        if (counted) out.counts.push(counted);
        continue;
      }
      const ballot = readSheet(scheme, reader, where, meta, table, best, out, entries, blankUncounted);
      hiddenSaid(ballot !== null);
      if (submission.workbookSheet?.insertedTemplate && (ballot ? blankBallot(ballot) : blankUncounted.formId !== null)) {
        // A form the add-in inserted and nobody filled in was never handed out: not a returned ballot, not even
        // a blank one (as an unfilled copy beside a filled one in a file is none, BLANK_COPY). Its 弃权 go with it.
        if (ballot) entries.truncate(ballot.start);
        out.findings.splice(findingsBefore);
        out.uncounted.splice(uncountedBefore);
        out.findings.push(finding('BLANK_TEMPLATE', `工作表「${sheet.name}」是本加载项插入的空白模板，尚未填写，不是收回的票，未计入`, { ...where, cell: 'A1' }));
        continue;
      }
      if (ballot && best.itemFromTitle !== undefined && submission.workbookSheet) {
        // 专项 sheets moved into the workbook: nothing there says which of them one rater filled in, so
        // each is counted as a ballot, as read, and that is said below; never joined on a guess.
        const parts = workbookParts.get(ballot.formId) ?? { file: submission.file, sheets: [], items: new Set<number>() };
        parts.sheets.push(sheet.name);
        parts.items.add(best.itemFromTitle);
        workbookParts.set(ballot.formId, parts);
      }
      if (ballot && best.itemFromTitle !== undefined) {
        // One 专项 of a rater's ballot: joined with the file's other 专项 sheets into one ballot, so the
        // participation figures count the rater once.
        if (part && part.ballot.formId === ballot.formId && part.ballot.groupId === ballot.groupId && part.ballot.roundId === ballot.roundId && part.ballot.end === ballot.start)
          part.ballot = joinParts(part.ballot, ballot);
        else {
          flushPart();
          part = { ballot, where };
        }
        if (!filled.has(ballot.formId)) filled.set(ballot.formId, sheet.name);
        continue;
      }
      if (!ballot) {
        // Not counted (its group unknown) and blank: as below, maybe only a copy beside a filled one.
        if (submission.sheets.length > 1 && blankUncounted.formId !== null)
          held.push({ ballot: null, formId: blankUncounted.formId, where, findings: out.findings.splice(findingsBefore), uncounted: out.uncounted.splice(uncountedBefore) });
        continue;
      }
      if (submission.sheets.length > 1) {
        if (blankBallot(ballot)) {
          held.push({ ballot, formId: ballot.formId, where, findings: out.findings.splice(findingsBefore), uncounted: [] });
          continue;
        }
        if (!filled.has(ballot.formId)) filled.set(ballot.formId, sheet.name);
      }
      count(ballot, where);
    }
    flushPart();
    // One file is one rater's return: a blank sheet of another form beside a filled one is the rest of the
    // all-in-one template (附表1、3 beside the 附表2 a 党员 filled in), not a 党小组's or a 服务对象's ballot.
    const firstFilled = filled.entries().next().value as [string, string] | undefined;
    for (const h of held) {
      const other = filled.get(h.formId);
      if (other !== undefined)
        out.findings.push(
          finding('BLANK_COPY', `工作表「${h.where.sheet}」是未填写的空白表，同一文件中另有已填写的「${other}」，不作为一张票计入`, { ...h.where, cell: 'A1' }),
        );
      else if (firstFilled !== undefined) {
        const titleOf = (formId: string) => scheme.forms.find((f) => f.id === formId)?.title ?? '';
        out.findings.push(
          finding(
            'BLANK_COPY',
            `工作表「${h.where.sheet}」（${titleOf(h.formId)}）是未填写的空白表；同一文件中已填写的是「${firstFilled[1]}」（${titleOf(firstFilled[0])}），一个文件是一位评议人交回的表，本表是模板中他未填写的另一张表，不作为一张票计入`,
            { ...h.where, cell: 'A1' },
          ),
        );
      } else {
        // One by one: a blank sheet of a million rows holds a million 弃权 findings, too many to spread.
        for (const f of h.findings) out.findings.push(f);
        out.uncounted.push(...h.uncounted);
        if (h.ballot) count(h.ballot, h.where);
      }
    }
  }
  for (const [formId, { file, sheets, items }] of workbookParts) {
    // Sheets of one 专项 only are each another rater's: nothing to join, nothing to say.
    if (items.size < 2) continue;
    const title = scheme.forms.find((f) => f.id === formId)?.title ?? '';
    const shown = sheets.length > 5 ? `${sheets.slice(0, 5).map((n) => `「${n}」`).join('')}等 ${sheets.length} 张` : sheets.map((n) => `「${n}」`).join('');
    out.findings.push(
      finding(
        'ITEM_SHEETS_IN_WORKBOOK',
        `本工作簿中的专项评分表（${title}）${shown}各按一张票计入：工作簿中无法分辨哪几张是同一位评议人填写的，同一人的几张专项表被算作几张票，参评情况中的实收、回收率等因此偏高。请把每位评议人的专项表各存为一个文件（一人一个文件），用「导入收回的文件」导入，并取消勾选本工作簿中的这些工作表`,
        { file, sheet: null, cell: null },
      ),
    );
  }
  const notStatedAt = out.findings.length;
  out.findings.push(...repeated.findings(submissions));
  checkCountOverlaps(scheme, roster, out);
  // Said of the sheets that count, once the blank copies, repeats and counts of ballots beside them are set aside.
  out.findings.splice(notStatedAt, 0, ...[...readers.values()].flatMap((reader) => unitNotStated(scheme, reader, out)));
  return out;
}

/**
 * The texts that may call a sheet a count sheet: its name, the titles and fields above its header, its
 * header rows. Not a 填表说明 or 注 (a ballot's instructions may say 由计票人统计), nor a long text.
 */
function sheetTitles(view: SheetView, rec: RecognisedForm): string[] {
  const texts = titleTexts(view, rec.firstDataRow)
    .map((t) => t.said)
    .filter((t) => t.length <= 40 && !NOTE_PREFIX.test(normalizeLabel(t)));
  texts.push(view.sheet.name);
  return texts;
}

/** A 计票汇总表 (read-counts): its group and round as for a ballot, its names as on a ballot, its numbers as votes. */
function readCounts(scheme: Scheme, reader: FormReader, where: { file: string; sheet: string }, meta: Submission['meta'], view: SheetView, rec: RecognisedForm, out: ReadResult): CountedSheet | null {
  const form = rec.form;
  const findings = out.findings;
  const rowPerSubject = form.subjects === 'rows' && form.items === 'column-groups' && rec.subjectCol !== null;
  const rowPerItem = form.subjects === 'single' && form.items === 'rows' && rec.itemCol !== null;
  const blocks = form.subjects === 'rows' && form.items === 'rows' && rec.subjectCol !== null && rec.itemCol !== null;
  if (!rowPerSubject && !rowPerItem && !blocks) {
    findings.push(
      finding(
        'COUNT_SHEET_UNSUPPORTED',
        `工作表「${view.sheet.name}」像是计票汇总表（等次栏填的是票数），但本表格式无法按票数读取（汇总表须每行一名被评议人或一个评价项目、各等次一列），未计入；请按模板填写测评票，或改为这样的汇总表`,
        { ...where, cell: cellAddress(rec.headerRow, 0) },
      ),
    );
    out.uncounted.push({ ...where, formId: form.id, groupId: null, roundId: null, reason: 'unreadable' });
    return null;
  }
  const { fields, group, round } = groupAndRound(scheme, reader, where, meta, view, rec, findings, '本汇总表');
  if (group.id === null || round.id === null) {
    out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: group.id === null ? 'group' : 'round' });
    return null;
  }
  // A village's count of its own meeting (FormDef.perUnit): only its people's rows are its to give.
  const unit = heldPerUnit(form, round.id) ? ballotUnit(reader, meta, fields, view, rec, where, findings, '本汇总表') : null;
  if (unit === 'unreadable') {
    out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: 'unreadable' });
    return null;
  }
  const roster = reader.roster;
  const items = form.itemLabels.map(normalizeLabel);
  /** The item of a row per item; null when its label is not one of the form's (reported unless a note). */
  const itemOf = (r: number): number | null => {
    const label = view.label(r, rec.itemCol!);
    const item = label === '' ? -1 : items.findIndex((l) => labelContains(label, l));
    if (item >= 0) return item;
    if (!reader.text(label).note)
      findings.push(finding('MARK_WITHOUT_SUBJECT', '此行填有票数，但认不出评价项目，未计入', { ...where, cell: view.address(r, rec.itemCol!) }));
    return null;
  };
  const withItem = (subject: number, r: number) => {
    const item = itemOf(r);
    return item === null ? null : { subject, item };
  };
  let targetOf: RowTarget;
  if (rowPerSubject || blocks) {
    const at = (r: number) => ({ ...where, cell: view.address(r, rec.subjectCol!) });
    // In blocks (附表3) the name is merged over its item rows, or written on the block's first row only.
    const nameRow = (r: number): number => {
      if (!blocks) return r;
      let top = r;
      while (top > rec.firstDataRow && view.label(top, rec.subjectCol!) === '') top--;
      return top;
    };
    const unitOf = unitOnRow(view, rec);
    /** Subjects by the row naming them: a block's item rows ask once, so a name is reported once. */
    const byNameRow = new Map<number, number | null>();
    targetOf = (r) => {
      const named = nameRow(r);
      if (byNameRow.has(named)) {
        const known = byNameRow.get(named)!;
        return known === null ? null : withItem(known, r);
      }
      const raw = shownValue(view.value(named, rec.subjectCol!));
      const name = raw === null ? '' : String(raw).trim();
      if (name === '' || normalizeName(name) === '') {
        findings.push(finding('MARK_WITHOUT_SUBJECT', '此行填有票数，但没有填写姓名，未计入', at(r)));
        return null;
      }
      const match = matchName(roster, name);
      // 重名: the sheet's own 单位 column may tell who is meant, as on a ballot.
      const told = match.kind === 'ambiguous' ? tellApart(roster, match.indexes, name, unitOf(named)) : null;
      let subject: number | null;
      if (match.kind === 'exact') subject = match.index;
      else if (told !== null) subject = told.index;
      else if (match.kind === 'none' && (reader.text(name).note || repeatsHeader(view, r, rec, scheme))) subject = null;
      else subject = resolveSubject(roster, name, () => at(named), findings);
      if (subject !== null && unit !== null && !inUnit(roster.all[subject], unit.unit)) {
        const other = roster.all[subject];
        findings.push(finding('SUBJECT_OF_OTHER_UNIT', otherUnitWords(roster, other, unit.unit, form, 'count'), { ...at(named), subject: other.name }));
        subject = null;
      }
      if (blocks) byNameRow.set(named, subject);
      if (subject === null) return null;
      return blocks ? withItem(subject, r) : { subject, item: null };
    };
  } else {
    // One subject (所在支部名称：…), a row per item (附表1).
    const subject = singleSubjectOf(form, roster, fields, where, findings);
    if (subject === null) {
      out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: 'unreadable' });
      return null;
    }
    targetOf = (r) => withItem(subject, r);
  }
  const counted = readCountSheet({ view, rec, where, groupId: group.id, roundId: round.id, fields, targetOf, findings });
  if (counted === null) {
    out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: 'unreadable', ...(unit ? { unit: unit.unit } : {}) });
    return null;
  }
  if (unit) counted.unit = unit.unit;
  const groupName = scheme.raterGroups.find((g) => g.id === group.id)!.name;
  const roundName = scheme.rounds.length > 1 ? `${scheme.rounds.find((x) => x.id === round.id)!.name}、` : '';
  findings.push(
    finding(
      'COUNT_SHEET',
      `工作表「${view.sheet.name}」是计票汇总表（等次栏填的是票数），按票数计入：${roundName}${groupName}，有效票 ${counted.ballots} 张，${new Set(counted.rows.map((row) => row.subject)).size} 名被评议对象；请核对汇总表与原始测评票一致`,
      { ...where, cell: cellAddress(rec.headerRow, rec.tierColumns[0]?.col ?? 0) },
    ),
  );
  return counted;
}

/**
 * Count sheets sent twice (the same numbers for the same form, round and group) follow the scheme's
 * rule for duplicate ballots; a subject counted on two different count sheets of the same sitting is
 * added up and said, for a person to check that no votes were counted twice.
 */
function checkCountOverlaps(scheme: Scheme, roster: Roster, out: ReadResult): void {
  const kept: CountedSheet[] = [];
  for (const c of out.counts) {
    const earlier = kept.find((k) => sameCounts(k, c));
    if (earlier) {
      const counted = scheme.counting.duplicates === 'count';
      out.findings.push(
        finding('DUPLICATE_BALLOT', `本汇总表的票数与「${earlier.file}」的「${earlier.sheet}」完全相同，可能是重复提交，请核实；${counted ? '已计入' : '按方案设置未重复计入'}`, {
          file: c.file,
          sheet: c.sheet,
          cell: 'A1',
        }),
      );
      if (!counted) {
        out.uncounted.push({ file: c.file, sheet: c.sheet, formId: c.formId, groupId: c.groupId, roundId: c.roundId, reason: 'duplicate' });
        continue;
      }
    } else
      for (const k of kept) {
        if (k.formId !== c.formId || k.roundId !== c.roundId || k.groupId !== c.groupId) continue;
        const there = new Set(k.rows.map((x) => x.subject));
        const both = [...new Set(c.rows.filter((row) => there.has(row.subject)).map((row) => row.subject))];
        if (both.length > 0)
          out.findings.push(
            finding(
              'COUNT_SUBJECT_TWICE',
              `${both.map((s) => subjectLabel(roster, roster.all[s])).join('、')} 的票数在本汇总表和「${k.file}」的「${k.sheet}」中都有，已相加；如是同一场测评的重复汇总，请删去其一`,
              { file: c.file, sheet: c.sheet, cell: 'A1' },
            ),
          );
      }
    kept.push(c);
  }
  // A count sheet in the same file as ballots of its sitting (a 汇总 sheet of COUNTIF formulas beside the
  // ballot sheets) is their tally: checked against them, never added to them.
  out.counts = kept.filter((c) => !tallyOfBallotsBeside(c, roster, scheme, out));
  // Ballots and a count of the same sitting for one person: perhaps the count of those very ballots.
  for (const c of out.counts) {
    const voted = new Set<number>();
    for (const b of out.ballots) {
      if (b.formId !== c.formId || b.roundId !== c.roundId || b.groupId !== c.groupId) continue;
      for (let i = b.start; i < b.end; i++) if (b.packed.status[i] === VALID) voted.add(b.packed.subject[i]);
    }
    const both = [...new Set(c.rows.filter((row) => voted.has(row.subject)).map((row) => row.subject))];
    if (both.length > 0)
      out.findings.push(
        finding(
          'COUNT_AND_BALLOTS',
          `${both.map((s) => subjectLabel(roster, roster.all[s])).join('、')} 在本汇总表中的票数已与收回的测评票相加；如本汇总表就是这些测评票的计票结果，请删去其一`,
          { file: c.file, sheet: c.sheet, cell: 'A1' },
        ),
      );
  }
}

/**
 * True when `c` sits in a file with ballots of its form, group and round: then it is their tally and is
 * not counted. Said either way: agreeing (every row's votes per level equal the ballots'), or not (the
 * first difference named, for a person to check).
 */
function tallyOfBallotsBeside(c: CountedSheet, roster: Roster, scheme: Scheme, out: ReadResult): boolean {
  const beside = out.ballots.filter((b) => b.file === c.file && b.formId === c.formId && b.roundId === c.roundId && b.groupId === c.groupId);
  if (beside.length === 0) return false;
  const form = scheme.forms.find((f) => f.id === c.formId)!;
  const levels = scheme.scales.find((sc) => form.response.kind === 'tier' && sc.id === form.response.scale)?.levels ?? [];
  const votes = new Map<string, number>();
  for (const b of beside)
    for (let i = b.start; i < b.end; i++)
      if (b.packed.status[i] === VALID) {
        const key = `${b.packed.subject[i]}|${b.packed.item[i]}|${b.packed.level[i]}`;
        votes.set(key, (votes.get(key) ?? 0) + 1);
      }
  let differs: string | null = null;
  for (const row of c.rows) {
    const level = row.levels.findIndex((n, l) => n !== (votes.get(`${row.subject}|${row.item}|${l}`) ?? 0));
    if (level >= 0) {
      const item = form.itemLabels.length > 1 ? `「${form.itemLabels[row.item]}」` : '';
      const counted = votes.get(`${row.subject}|${row.item}|${level}`) ?? 0;
      differs = `如「${subjectLabel(roster, roster.all[row.subject])}」${item}「${levels[level]?.label ?? ''}」：本表 ${row.levels[level]} 票，测评票 ${counted} 票`;
      break;
    }
  }
  const where = { file: c.file, sheet: c.sheet, cell: 'A1' };
  if (differs === null)
    out.findings.push(finding('COUNT_OF_BALLOTS_BESIDE', `本汇总表与同一文件中的 ${beside.length} 张测评票计票一致，是这些票的汇总，未重复计入`, where));
  else out.findings.push(finding('COUNT_BALLOTS_DIFFER', `本汇总表与同一文件中的 ${beside.length} 张测评票计票不一致（${differs}），按测评票计，汇总表未计入，请核对`, where));
  out.uncounted.push({ file: c.file, sheet: c.sheet, formId: c.formId, groupId: c.groupId, roundId: c.roundId, reason: 'duplicate' });
  return true;
}

/**
 * The veto a comment field asks about, by the roster field the veto reads (附表3's 党风廉政建设方面存在问题的
 * 反馈 and the veto 经组织核实存在党风廉政问题, roster field 党风廉政问题: seed 004 四、2(3) "如有反馈…经组织
 * 核实"). A feedback there is no veto by itself; it is what the organisation must look into.
 */
function vetoAskedAbout(scheme: Scheme, label: string): { name: string; field: string } | null {
  // Matched as a roster column's header is matched to the field (flag-columns.ts: the same event named).
  const said = label.replace(/[:：].*$/s, '');
  for (const v of scheme.vetoes) for (const c of v.when) if (c.kind === 'roster-flag' && flagFit(c.field, said) > 0) return { name: v.name, field: c.field };
  return null;
}

/** Two 专项 sheets of one rater's ballot, their entries next to each other, as one ballot. */
function joinParts(a: Ballot, b: Ballot): Ballot {
  return new Ballot(a.id, a.file, a.sheet, a.formId, a.groupId, a.roundId, a.packed, a.start, b.end, [...a.recommended, ...b.recommended], a.recommendationsVoid || b.recommendationsVoid, [
    ...a.comments,
    ...b.comments,
  ], a.unit);
}

/** Nothing written: every entry left blank (弃权 or not applicable), no recommendation, no comment. */
function blankBallot(b: Ballot): boolean {
  if (b.recommended.length > 0 || b.recommendationsVoid || b.comments.length > 0) return false;
  return onlyBlank(b.packed, b.start, b.end);
}

function onlyBlank(entries: EntryList, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (entries.status[i] !== ABSTAIN && entries.status[i] !== NA) return false;
  return true;
}

function hasAnyMark(view: SheetView, scheme: Scheme): boolean {
  for (let r = 0; r < view.rowCount; r++)
    for (let c = 0; c < (view.sheet.rows[r]?.length ?? 0); c++) if (isMark(view.raw(r, c), scheme)) return true;
  return false;
}

/**
 * A sheet with no tier columns whose level is written as a word in a column (评议等次: 优秀, 称职 …, as
 * with a drop-down list): the first such cell, when one column holds two or more on rows that name
 * someone in the roster (so a 评分标准 sheet listing the levels is not one). Not read as votes (a summary
 * or result sheet looks the same), but said, so the clerk knows why the sheet was not counted.
 */
function levelWrittenAsText(view: SheetView, scheme: Scheme, roster: Roster): { cell: string; text: string } | null {
  const words = new Set<string>();
  for (const f of scheme.forms) {
    if (f.response.kind !== 'tier') continue;
    const scaleId = f.response.scale;
    const scale = scheme.scales.find((x) => x.id === scaleId);
    if (scale) for (const labels of levelLabels(scale)) for (const w of labels) words.add(w);
  }
  const found = new Map<number, { count: number; cell: string; text: string }>();
  const namesSomeone = (r: number) => (view.sheet.rows[r] ?? []).some((v) => typeof v === 'string' && matchName(roster, v).kind !== 'none');
  for (let r = 0; r < view.rowCount; r++)
    for (let c = 0; c < (view.sheet.rows[r]?.length ?? 0); c++) {
      const v = view.raw(r, c);
      if (typeof v !== 'string' || !words.has(view.label(r, c)) || !namesSomeone(r)) continue;
      const seen = found.get(c);
      if (seen) {
        if (++seen.count === 2) return { cell: seen.cell, text: seen.text };
      } else found.set(c, { count: 1, cell: view.address(r, c), text: v.trim() });
    }
  return null;
}

type MarkKind = 'mark' | 'alternative' | 'none' | 'other' | 'formula' | 'error' | 'dash' | 'cross';

/**
 * What raters write in the tier cells they do not choose: a slash or dash (the "nothing here" of Chinese
 * tables), a word saying they give no view (弃权, 不了解, 不涉及: a 附3 post they never dealt with), or ×.
 * Beside one √ they only say "not this"; a dash or such a word alone says nothing (blank); a × with no √
 * might be meant as the mark (a Western X), so it is not read either way (see readEntry).
 */
const DASH = /^([/\\／＼]|[-—–─－]+|弃权|不了解|不清楚|不涉及|不适用|无关|未接触|无业务往来)$/;
const CROSS = '×';

function markKind(v: CellValue | undefined, scheme: Scheme): MarkKind {
  if (v === '√') return 'mark';
  if (v === null || v === undefined) return 'none';
  if (isBlank(v)) return 'none';
  if (isSpecial(v!)) return v!.error ? 'error' : 'formula';
  // A number or true/false (序号 on every row, read for a √ outside the tiers): its text has no space, is no
  // standard mark, dash or ×, so only the scheme's own marks can make it one; without the replace below.
  if (typeof v !== 'string') return scheme.counting.extraMarks.includes(String(v)) ? 'alternative' : 'other';
  // Without spaces and variation selectors: emoji keyboards and phones send ✔️ as ✔ + U+FE0F.
  const text = String(v).replace(/[\s\u3000\ufe00-\ufe0f]/g, '');
  if (STANDARD_MARKS.has(text)) return 'mark';
  if (scheme.counting.extraMarks.includes(text)) return 'alternative';
  if (DASH.test(text)) return 'dash';
  if (text === CROSS) return 'cross';
  return 'other';
}

/** A √ or a mark the scheme allows: what counts as marking a cell. */
function isMark(v: CellValue | undefined, scheme: Scheme): boolean {
  const kind = markKind(v, scheme);
  return kind === 'mark' || kind === 'alternative';
}

/**
 * What makes two ballots "the same": form, group, round, every entry, recommendations and comments.
 * The fingerprint is a 32-bit hash over the entries and recommendations, to find candidates without a
 * string per ballot; candidates are then compared in full, so a hash collision never reports a duplicate.
 * Exported for the test that checks exactly that.
 */
export function fingerprint(b: Ballot): number {
  let h = Math.imul(b.end - b.start, 0x9e3779b1) ^ b.recommended.length;
  const { subject, item, status, level, scaled } = b.packed;
  for (let i = b.start; i < b.end; i++) {
    // item, status and level in one word: items < 2^16, status < 2^8, level + 1 < 2^8
    const word = ((item[i] & 0xffff) << 16) | (status[i] << 8) | ((level[i] + 1) & 0xff);
    h = Math.imul(h ^ word ^ Math.imul(subject[i], 0x85ebca6b), 0x01000193);
    if (scaled) h = Math.imul(h ^ (scaled[i] | 0) ^ ((scaled[i] / 4294967296) | 0), 0x01000193);
  }
  for (const s of b.recommended) h = Math.imul(h ^ s, 0x01000193);
  return h;
}

function sameBallot(a: Ballot, b: Ballot): boolean {
  if (a.formId !== b.formId || a.groupId !== b.groupId || a.roundId !== b.roundId) return false;
  const n = a.end - a.start;
  if (n !== b.end - b.start || a.recommended.length !== b.recommended.length || a.comments.length !== b.comments.length) return false;
  const p = a.packed;
  const q = b.packed;
  for (let k = 0; k < n; k++) {
    const i = a.start + k;
    const j = b.start + k;
    if (p.subject[i] !== q.subject[j] || p.item[i] !== q.item[j] || p.status[i] !== q.status[j] || p.level[i] !== q.level[j]) return false;
    if ((p.scaled?.[i] ?? 0) !== (q.scaled?.[j] ?? 0)) return false;
  }
  for (let k = 0; k < a.recommended.length; k++) if (a.recommended[k] !== b.recommended[k]) return false;
  for (let k = 0; k < a.comments.length; k++) if (a.comments[k] !== b.comments[k]) return false;
  return true;
}

/**
 * "标签：值" pairs, several to a cell allowed; the label may carry a hint in brackets (测评人类别（请在相应类别后
 * 打√）：). Global, so `lastIndex` is reset before each cell. Texts are NFKC, so brackets are half-width.
 */
const FIELD_PATTERN = /([^\s:：()]{2,12}(?:\([^()]*\))?)\s*[:：]\s*([^:：]*?)(?=\s+[^\s:：()]{2,12}(?:\([^()]*\))?\s*[:：]|$)/g;

/** Header fields written as "标签：值" in one cell, or a label cell followed by its value. */
function readFields(view: SheetView, before: number): { label: string; value: string; cell: string }[] {
  const fields: { label: string; value: string; cell: string }[] = [];
  const lastRow = Math.min(view.rowCount, before);
  for (let r = 0; r < lastRow; r++) {
    // Each row within its own length (cells beyond it are empty), not the sheet's widest: see SheetView.colCount.
    const width = view.sheet.rows[r].length;
    for (let c = 0; c < width; c++) {
      if (!view.isAnchorColumn(r, c)) continue;
      const v = shownValue(view.raw(r, c));
      if (typeof v !== 'string') continue;
      const text = v.normalize('NFKC');
      const pattern = FIELD_PATTERN;
      pattern.lastIndex = 0;
      let m: RegExpExecArray | null;
      let any = false;
      while ((m = pattern.exec(text)) !== null) {
        any = true;
        let value = m[2].trim();
        if (value === '') value = nextValue(view, r, c);
        fields.push({ label: normalizeLabel(withoutAnnotations(m[1])), value, cell: cellAddress(r, c) });
      }
      // A label alone in its cell, its value in the next cell: | 测评人类别 | 干部 |, | 测评人类别（打√） | ☑干部 □员工 |
      const alone = withoutAnnotations(text).trim();
      if (!any && alone.length <= 12) fields.push({ label: normalizeLabel(alone), value: nextValue(view, r, c), cell: cellAddress(r, c) });
    }
  }
  return fields;
}

/** The texts above the header row: titles such as 中层干部述职测评表（员工用）, and the header fields. */
function titleTexts(view: SheetView, before: number): Title[] {
  const out: Title[] = [];
  for (let r = 0; r < Math.min(view.rowCount, before); r++)
    view.sheet.rows[r].forEach((v, c) => {
      const text = shownValue(v);
      if (typeof text === 'string' && text.trim() !== '') out.push({ said: text.trim(), cell: cellAddress(r, c) });
    });
  return out;
}

function nextValue(view: SheetView, r: number, c: number): string {
  const end = view.merge(r, c)?.c2 ?? c;
  const texts: string[] = [];
  for (let cc = end + 1; cc < Math.min(view.sheet.rows[r].length, end + 9); cc++) {
    const v = shownValue(view.raw(r, cc));
    if (v !== null && String(v).trim() !== '') texts.push(String(v).trim());
  }
  // Choices printed cell by cell with their boxes (| 干部 | □ | 员工 | √ |, | □ | 干部 | ☑ | 员工 |): the
  // cells up to the last box and the one after it, together, so that the tick decides (see
  // Choices.ticked), not the first name.
  let lastBox = -1;
  texts.forEach((t, i) => (TICK.test(t) || BOX.test(t)) && (lastBox = i));
  return lastBox >= 0 && texts.length > 1 ? texts.slice(0, lastBox + 2).join('') : texts[0] ?? '';
}

/**
 * `titled`: the title (or sheet name) the choice was taken from, when the sheet has no field for it.
 * `readAs`: the field, when it names the choice among other words (普通员工).
 * `ticked`: how many choices the field ticks, when it is a printed list of choices with tick marks.
 */
type Choice = { id: string; titled?: Title; readAs?: { said: string; cell: string } } | { id: null; said?: string; cell?: string; ticked?: number };
/** A text above a sheet's header (cell given), or the sheet's name (`sheetName`; its findings point at A1). */
type Title = { said: string; cell: string; sheetName?: boolean };

/** A title or sheet name saying whose form it is: 员工用, 员工填写, 员工填报, 员工打分 (not 员工测评: 干部测评表 names its subjects). */
const FOR_RATERS = ['用', '填写', '填报', '填表', '打分'];

/** Marks that tick a printed choice (☑员工, 员工√, 员工（√）); ☒ and ⊠ are how some software shows a ticked box. */
const TICK = /[√✓✔☑■▇●✅☒⊠]|\u{1F5F8}/u;
/** An empty box or empty brackets printed beside a choice left unticked: □干部, 干部（ ）. */
const EMPTY_BOX = /^[□☐◻○〇]$|^[(\[【〔]\s*[)\]】〕]$/;
/** Any box, ticked or not, in a cell's text. */
const BOX = /[□☐◻○〇]|[(\[【〔]\s*[)\]】〕]/;
/** The mark or bracket group right before or right after a position, as printed beside a choice. */
const BOX_BEFORE = /(?:[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]|\u{1F5F8}|[^\s])$/u;
const BOX_AFTER = /^(?:[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]|\u{1F5F8}|[^\s])/u;

/**
 * A form's rater groups or rounds and how a sheet names one: the host's template metadata, else the
 * first header field whose label ends in one of `fieldLabels` (测评人类别 ...) and has a value, matched
 * by name, id or alias after normalising; with only one allowed, that one. Built once per form.
 */
class Choices {
  private readonly ids: string[];
  /** Normalised name, id or alias → id; the first allowed choice (in scheme order) keeps a shared name. */
  private readonly byName = new Map<string, string>();
  /** One result object per id, shared: only read. */
  private readonly found = new Map<string, { id: string }>();
  /** Normalised names and aliases of the scheme's choices this form does not allow. */
  private readonly others: string[];

  constructor(
    all: readonly { id: string; name: string; aliases?: string[] }[],
    only: readonly string[] | undefined,
    private readonly fieldLabels: readonly string[],
    /**
     * Whether a title or sheet name may say it when no field does: 'for-raters' only as 员工用 / 员工填写
     * (a rater group's name alone may name the subjects: 中层干部测评表); 'named' when it names one (a
     * round: 测评表（镇评）, a sheet called 村评).
     */
    private readonly fromTitles: false | 'for-raters' | 'named' = false,
  ) {
    const allowed = all.filter((x) => !only || only.includes(x.id));
    this.ids = allowed.map((x) => x.id);
    this.others = all.filter((x) => !allowed.includes(x)).flatMap((x) => [x.name, ...(x.aliases ?? [])].map(normalizeLabel)).filter((n) => n !== '');
    for (const x of allowed) {
      this.found.set(x.id, { id: x.id });
      for (const n of [x.name, x.id, ...(x.aliases ?? [])]) {
        const key = normalizeLabel(n);
        if (!this.byName.has(key)) this.byName.set(key, x.id);
      }
    }
  }

  resolve(metaId: string | undefined, fields: ReturnType<typeof readFields>, titles: () => Title[]): Choice {
    if (metaId && this.ids.includes(metaId)) return this.found.get(metaId)!;
    let field: (typeof fields)[number] | undefined;
    let emptyField: (typeof fields)[number] | undefined;
    for (const f of fields) {
      if (!this.fieldLabels.some((l) => f.label.endsWith(l))) continue;
      emptyField ??= f;
      if (f.value !== '') {
        field = f;
        break;
      }
    }
    if (field) {
      const id = this.byName.get(normalizeLabel(field.value));
      if (id !== undefined) return this.found.get(id)!;
      const ticked = this.ticked(field.value);
      if (ticked?.length === 1) return this.found.get(ticked[0])!;
      if (ticked === null) {
        // Written with more words (普通员工, 员工代表（营业部）): the one choice named at its start or end,
        // said. Not one named in the middle or after a negation (非党员群众, 非党员).
        const text = normalizeLabel(withoutAnnotations(field.value));
        const named = new Set(
          this.places(text)
            .filter((p) => (p.start === 0 || p.end === text.length) && !/[非不无未]$/.test(text.slice(0, p.start)))
            .map((p) => p.id),
        );
        if (named.size === 1) return { id: [...named][0], readAs: { said: field.value, cell: field.cell } };
      }
      // A form only one group fills (附表3: the service users' units) whose field says something else of
      // the rater (单位类别：企业, 类别：☑企业 □机关): that group, said; unless it names a group of another form.
      const value = normalizeLabel(field.value);
      if (this.ids.length === 1 && !this.others.some((n) => value.includes(n))) return { id: this.ids[0], readAs: { said: field.value, cell: field.cell } };
      return { id: null, said: field.value, cell: field.cell, ...(ticked ? { ticked: ticked.length } : {}) };
    }
    if (this.ids.length === 1) return this.found.get(this.ids[0])!;
    const titled = emptyField || !this.fromTitles ? null : this.titled(titles());
    return titled ?? { id: null, cell: emptyField?.cell };
  }

  /**
   * The one choice that titles or the sheet name say the form is for (（员工用）, 员工填写); null when they
   * say none, or more than one. A name alone does not do (中层干部测评表 names whom it is about).
   */
  private titled(titles: Title[]): Choice | null {
    const names = [...this.byName].filter(([name]) => name !== '').sort((a, b) => b[0].length - a[0].length);
    let hit: { id: string; titled: Title } | null = null;
    for (const title of titles) {
      const text = normalizeLabel(title.said);
      const ids =
        this.fromTitles === 'named'
          ? [...new Set(this.places(text).map((p) => p.id))]
          : names.filter(([name]) => FOR_RATERS.some((use) => text.includes(name + use))).map(([, id]) => id).slice(0, 1);
      if (ids.length > 1) return null;
      if (ids.length === 0) continue;
      if (hit && hit.id !== ids[0]) return null;
      hit ??= { id: ids[0], titled: title };
    }
    return hit;
  }

  /** Where the choices' names stand in a text: each place once, longest names first, so 员工代表 is not also read as 员工. */
  private places(text: string): { id: string; start: number; end: number }[] {
    const out: { id: string; start: number; end: number }[] = [];
    const taken = new Uint8Array(text.length);
    for (const [name, id] of [...this.byName].sort((a, b) => b[0].length - a[0].length)) {
      if (name === '') continue;
      for (let start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + 1)) {
        const end = start + name.length;
        if (taken.subarray(start, end).some((x) => x === 1)) continue;
        taken.fill(1, start, end);
        out.push({ id, start, end });
      }
    }
    return out;
  }

  /**
   * A field printed as a list of choices with one ticked, as paper forms offer them: ☑员工 □干部,
   * 干部□员工√, 干部（ ）员工（√）. The choices whose name has a tick beside it, or null when the text has
   * no tick at all (then it is not such a list). A tick between two names (干部√员工) could belong to
   * either: the side is taken from the form's empty boxes (□干部: boxes before names), and when they do
   * not tell, both names count as ticked, so the field is reported rather than guessed.
   */
  private ticked(value: string): string[] | null {
    // Spaces kept: they tell which name a box belongs to (□干部 □员工 √ ticks neither).
    const text = simplify(value.normalize('NFKC'));
    if (!TICK.test(text)) return null;
    const places = this.places(text).map(({ id, start, end }) => ({
      id,
      before: BOX_BEFORE.exec(text.slice(0, start))?.[0] ?? '',
      after: BOX_AFTER.exec(text.slice(end))?.[0] ?? '',
    }));
    const boxesBefore = places.some((p) => EMPTY_BOX.test(p.before));
    const boxesAfter = places.some((p) => EMPTY_BOX.test(p.after));
    const ticks = (box: string) => TICK.test(box);
    const ids = new Set<string>();
    for (const p of places)
      if (boxesBefore && !boxesAfter ? ticks(p.before) : boxesAfter && !boxesBefore ? ticks(p.after) : ticks(p.before) || ticks(p.after)) ids.add(p.id);
    return [...ids];
  }
}

/** Why a sheet's rater group or round could not be told, in words. */
function unresolved(choice: Choice, what: string, unsaid: string): string {
  if (!('said' in choice) || !choice.said) return unsaid;
  if (choice.ticked === 0) return `「${choice.said}」中没有勾选任何${what}`;
  if (choice.ticked !== undefined && choice.ticked > 1) return `「${choice.said}」勾选了 ${choice.ticked} 个${what}`;
  return `「${choice.said}」不是方案中的${what}`;
}

/**
 * A scheme's signature line as the reader meets it: its words in order, anything written in its blanks
 * (「支部　　党小组　组长：」 filled in reads 支部机关党小组第一组长：张敏 once spaces are gone).
 */
function signatureLinePattern(line: string): RegExp {
  const words = line
    .split(/[\s\u3000_＿:：]+/)
    .map(normalizeLabel)
    .filter((w) => w !== '');
  if (words.length === 0) return /(?!)/; // a line of blanks only says nothing to recognise
  return new RegExp(`^${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}`);
}

/** What the reader needs to know about a cell's text: worked out once per distinct string and form. */
interface TextInfo {
  /** The text trimmed, as findings quote it. */
  trimmed: string;
  /** It opens one of the form's comment fields (意见或建议：…). */
  comment: boolean;
  /** It opens a note or signature line (注, 填表人 …). */
  note: boolean;
  /** Its match in the form's roster when read as a name; null when no name is left after normalising. */
  match: NameMatch | null;
}

/**
 * One form's reading state across all its sheets: its roster, the meaning of each distinct cell text
 * (names and labels repeat on every ballot, so each is normalised and looked up once), and per-subject
 * scratch arrays reused from sheet to sheet instead of a Map or Set per sheet.
 */
class FormReader {
  private readonly texts = new Map<string, TextInfo>();
  private readonly commentLabels: string[];
  /** The form's own signature and stamp lines (附1 组长, 附3 盖章), blanks filled in or not. */
  private readonly signatureLines: RegExp[];
  /** Row where a subject was first seen on the current sheet, valid where `seenOn` holds the sheet's serial. */
  private readonly seenRow: Int32Array;
  private readonly seenOn: Uint32Array;
  /** The text last met at each row of the previous sheet, and what it means: copies of one template repeat names row by row. */
  private readonly rowRaw: (string | undefined)[] = [];
  private readonly rowInfo: TextInfo[] = [];
  /** Subjects with a valid entry on the current sheet (雷同票 check), by the same serial. */
  private readonly validOn: Uint32Array;
  private serial = 0;
  /** How many subjects the current sheet has shown so far. */
  seenCount = 0;
  /** The current row's plain √ per item group, when `scanPlainMarks` found only plain √ and empty cells. */
  readonly plain: PlainMarks;

  readonly groups: Choices;
  readonly rounds: Choices;
  /** The roster's units (FormDef.perUnit), in roster order; none unless every subject has one (as templates split). */
  readonly units: string[];
  /** Some subjects have a unit and some not: the form is read over everyone, and that is said (unitNotStated). */
  readonly unitsIncomplete: boolean;

  constructor(
    scheme: Scheme,
    readonly form: FormDef,
    readonly roster: Roster,
  ) {
    // The header the templates print (a票（场领导班子成员填写）) names its group exactly, as its name does.
    const groups = scheme.raterGroups.map((g) => (g.filledBy ? { ...g, aliases: [...(g.aliases ?? []), raterGroupFieldValue(g)] } : g));
    this.groups = new Choices(groups, form.raterGroups, GROUP_FIELDS, 'for-raters');
    this.rounds = new Choices(scheme.rounds, form.rounds, ROUND_FIELDS, 'named');
    this.commentLabels = (form.commentLabels ?? []).map(normalizeLabel);
    this.signatureLines = (form.signatureLines ?? []).map(signatureLinePattern);
    const n = roster.all.length;
    this.seenRow = new Int32Array(n);
    this.seenOn = new Uint32Array(n);
    this.validOn = new Uint32Array(n);
    this.plain = { marks: new Int32Array(form.itemLabels.length), level: new Int32Array(form.itemLabels.length) };
    const split = form.perUnit ? splitByUnit(roster.subjects) : null;
    this.units = split ? rosterUnits(roster.subjects) : [];
    this.unitsIncomplete = form.perUnit !== undefined && split === null && roster.subjects.some((s) => unitOf(s) !== '');
  }

  text(raw: string): TextInfo {
    let info = this.texts.get(raw);
    if (info === undefined) {
      const trimmed = raw.trim();
      const label = normalizeLabel(trimmed);
      info = {
        trimmed,
        comment: this.commentLabels.some((l) => label.startsWith(l)),
        note: NOTE_PREFIX.test(label) || this.signatureLines.some((p) => p.test(label)),
        match: trimmed !== '' && normalizeName(trimmed) !== '' ? matchName(this.roster, trimmed) : null,
      };
      if (this.texts.size >= 50_000) this.texts.clear(); // bounded, like the normalisation memos
      this.texts.set(raw, info);
    }
    return info;
  }

  /** `text`, first trying the text last met on the same row. */
  textAt(row: number, raw: string): TextInfo {
    if (this.rowRaw[row] === raw) return this.rowInfo[row];
    const info = this.text(raw);
    if (row < 100_000) {
      this.rowRaw[row] = raw;
      this.rowInfo[row] = info;
    }
    return info;
  }

  /** A new sheet: forget the subjects seen on the last one. */
  nextSheet(): void {
    this.serial++;
    this.seenCount = 0;
  }

  seen(subject: number): boolean {
    return this.seenOn[subject] === this.serial;
  }

  firstRow(subject: number): number {
    return this.seenRow[subject];
  }

  see(subject: number, row: number): void {
    if (this.seenOn[subject] !== this.serial) this.seenCount++;
    this.seenOn[subject] = this.serial;
    this.seenRow[subject] = row;
  }

  /** Marks a subject as having a valid entry; true the first time on this sheet. */
  markValid(subject: number): boolean {
    if (this.validOn[subject] === this.serial) return false;
    this.validOn[subject] = this.serial;
    return true;
  }
}

const EMPTY_ROW: CellValue[] = [];

/**
 * Columns where a √ would be outside the tier columns (checked on every data row): the gaps among the
 * form's own columns, and every column from `from` on. Per recognised layout, shared by the sheets of
 * one template, and independent of the sheet's width (which would take a pass over all its rows).
 */
interface OutsideColumns {
  gaps: number[];
  from: number;
}
const outsideColumns = new WeakMap<RecognisedForm, OutsideColumns>();

function columnsOutside(rec: RecognisedForm): OutsideColumns {
  let hit = outsideColumns.get(rec);
  if (hit === undefined) {
    const used = new Set<number>([...rec.tierColumns.map((t) => t.col), ...rec.scoreColumns.map((s) => s.col)]);
    for (const c of [rec.subjectCol, rec.itemCol, rec.recommendCol, rec.recommendNoCol ?? null]) if (c !== null) used.add(c);
    const from = used.size === 0 ? 0 : Math.max(...used) + 1;
    const gaps: number[] = [];
    for (let c = 0; c < from; c++) if (!used.has(c)) gaps.push(c);
    outsideColumns.set(rec, (hit = { gaps, from }));
  }
  return hit;
}

/** A √ in a column outside the tier columns: not counted, reported; true when there was one. */
function checkOutside(
  view: SheetView,
  r: number,
  c: number,
  v: CellValue | undefined,
  scheme: Scheme,
  findings: Finding[],
  at: (r: number, c: number) => { file: string; sheet: string; cell: string },
): boolean {
  if (v === null || v === undefined || !view.isAnchorColumn(r, c) || !isMark(v, scheme)) return false;
  findings.push(finding('MARK_OUTSIDE_TIERS', '√打在等次栏以外，未计入', at(r, c)));
  return true;
}

/** Per item group of tier columns: how many plain √ the row has, and the level of the last one. */
interface PlainMarks {
  marks: Int32Array;
  level: Int32Array;
}

/**
 * A first look at a row's tier cells, for the common case: when every one is empty or a plain √, the
 * number of √ (0: all empty), counted per item group in `plain`; -1 for anything else. An item group
 * with exactly one plain √ and nothing else is a valid entry with no finding, so readEntry can take it
 * from here instead of reading its cells again (the cells' rules stay in markKind and readEntry).
 */
function scanPlainMarks(cells: CellValue[], rec: RecognisedForm, plain: PlainMarks): number {
  for (let i = 0; i < plain.marks.length; i++) plain.marks[i] = 0; // a loop: fill() is a call per row
  let total = 0;
  const tierColumns = rec.tierColumns;
  for (let i = 0; i < tierColumns.length; i++) {
    const t = tierColumns[i];
    const v = cells[t.col];
    if (v === null || v === undefined) continue;
    if (v !== '√') return -1;
    plain.marks[t.item]++;
    plain.level[t.item] = t.level;
    total++;
  }
  return total;
}

function readSheet(
  scheme: Scheme,
  reader: FormReader,
  where: { file: string; sheet: string },
  meta: Submission['meta'],
  view: SheetView,
  rec: RecognisedForm,
  out: ReadResult,
  entries: EntryList,
  /** Set when the sheet is not counted (group or round unknown) and nothing was written on it. */
  blankUncounted: { formId: string | null },
): Ballot | null {
  const form = rec.form;
  const roster = reader.roster;
  reader.nextSheet();
  const at = (r: number, c: number) => ({ ...where, cell: view.address(r, c) });
  const findings = out.findings;
  const itemLabels = form.itemLabels;
  const levelNames = rec.scale?.levels.map((l) => l.label) ?? [];

  for (const m of rec.missingLevels) {
    const item = form.items === 'column-groups' && itemLabels.length > 1 ? `「${itemLabels[m.item]}」下` : '';
    findings.push(finding('TIER_COLUMN_MISSING', `表头${item}缺少等次列「${levelNames[m.level]}」（可能被改名或删除），该等次的√无法计入`, { ...where, cell: m.near }));
  }
  const others = rec.otherScoreColumns ?? [];
  const othersSaid = others.map((o) => `「${view.address(rec.headerRow, o.col)} ${String(shownValue(view.value(rec.headerRow, o.col)) ?? o.label).trim()}」`).join('');
  if (others.length > 0 && rec.scoreColumns.length === 0) {
    findings.push(
      finding('SCORE_COLUMN_UNCLEAR', `表中有几栏分数${othersSaid}，都不是「${itemLabels[0]}」，也没有唯一的总分栏，无法确定按哪一栏计分，本表未计入；请把应计的一栏表头改为「${itemLabels[0]}」后重新校验`, {
        ...where,
        cell: view.address(rec.headerRow, others[0].col),
      }),
    );
    out.uncounted.push({ ...where, formId: form.id, groupId: null, roundId: null, reason: 'unreadable' });
    return null;
  }
  if (others.length > 0) {
    const used = rec.scoreColumns[0].col;
    findings.push(
      finding('SCORE_COLUMN_PASSED_OVER', `按「${String(shownValue(view.value(rec.headerRow, used)) ?? '').trim()}」栏（${view.address(rec.headerRow, used)}）计分；表中另有${othersSaid}，未计入，请核实`, {
        ...where,
        cell: view.address(rec.headerRow, others[0].col),
      }),
    );
  }
  // On a sheet of one item named in its title, the other items are on the file's other sheets.
  if (rec.itemFromTitle === undefined)
    for (const i of rec.missingItems)
      findings.push(finding('ITEM_MISSING', `找不到评价项目「${itemLabels[i]}」`, { ...where, cell: cellAddress(rec.headerRow, 0) }));
  if (rec.blocksIrregularAt !== null) {
    const columnsWord = rec.scoreColumns.length > 0 ? '分数栏' : '等次列';
    findings.push(
      finding(
        'BLOCKS_IRREGULAR',
        `表头在 ${rec.blocksIrregularAt} 又有一栏姓名及${columnsWord}，像是左右分栏，但各栏的表头不一致（${columnsWord}不同），无法分栏读取，本表未计入；请使各栏表头一致，或改为一栏`,
        { ...where, cell: rec.blocksIrregularAt },
      ),
    );
    out.uncounted.push({ ...where, formId: form.id, groupId: null, roundId: null, reason: 'unreadable' });
    return null;
  }
  if (form.subjects === 'rows' && rec.subjectCol === null) {
    findings.push(finding('SUBJECT_COLUMN_MISSING', `找不到姓名列（表头应为「${form.subjectLabels[0]}」），本表无法计入`, { ...where, cell: cellAddress(rec.headerRow, 0) }));
    out.uncounted.push({ ...where, formId: form.id, groupId: null, roundId: null, reason: 'unreadable' });
    return null;
  }

  const { fields, group, round } = groupAndRound(scheme, reader, where, meta, view, rec, findings, '本票');
  const unit = round.id !== null && heldPerUnit(form, round.id) ? ballotUnit(reader, meta, fields, view, rec, where, findings, '本票') : null;
  if (unit === 'unreadable') {
    out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: 'unreadable' });
    return null;
  }
  /** The unit a per-unit ballot is for: only its subjects are counted (units.ts). */
  const ballotsUnit = unit?.unit ?? null;

  const start = entries.length;
  const validBefore = entries.validCount;
  const findingsBefore = findings.length;
  const comments: string[] = [];
  /** Tier cells read as "not chosen" (/, —, ×), reported once for the sheet. */
  const struck: string[] = [];
  const recommended: number[] = [];
  const otherCols = columnsOutside(rec);
  const rows = view.sheet.rows;
  const tierCol0 = rec.tierColumns[0]?.col;

  let singleSubject: number | null = null;
  if (form.subjects === 'single') {
    singleSubject = singleSubjectOf(form, roster, fields, where, findings);
    if (singleSubject === null) {
      out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: 'unreadable' });
      return null;
    }
  }

  // The form's shape, looked up once rather than on every row.
  const itemsInRows = form.items === 'rows';
  const subjectsInRows = form.subjects === 'rows';
  const isTier = form.response.kind === 'tier';
  /** Item groups read on each row: all but those whose header is missing. */
  const itemsRead = itemLabels.map((_, i) => i).filter((i) => !rec.missingItems.includes(i));
  /** The ballot's own 单位 column, looked for only when a name is listed more than once (重名). */
  const unitOnBallot = unitOnRow(view, rec);
  let carrySubject: number | null = null;
  let carryRaw = '';
  const itemsSeen = new Map<number, Set<number>>();
  /** √ found outside the tier columns. */
  let marksOutside = 0;
  /** Recommendations on rows whose name is not the roster's. */
  let recommendedUnlisted = 0;
  /** Rows left out because their name is not the roster's (or is ambiguous). */
  let namesNotCounted = 0;
  /** Rows of a per-unit ballot naming someone of another unit: with marks (each an error), and left blank. */
  let otherUnitMarked = 0;
  const otherUnitBlank = new Set<number>();
  const otherUnitSaid = new Set<number>();
  const rowItem = (r: number): number => {
    if (rec.itemCol === null) return 0;
    const cell = view.label(r, rec.itemCol);
    return cell === '' ? -1 : form.itemLabels.findIndex((l) => labelContains(cell, normalizeLabel(l)));
  };

  for (let r = rec.firstDataRow; r < view.rowCount; r++) {
    const cells = rows[r] ?? EMPTY_ROW;
    // The row's first text. Bounded by the row's own length: a last column of XFD must not cost 16,384 steps per row.
    let text: TextInfo | null = null;
    let textRaw: string | null = null;
    let textCol = -1;
    for (let c = 0; c < cells.length; c++) {
      const v = shownValue(cells[c]);
      if (typeof v !== 'string') continue;
      const info = reader.textAt(r, v);
      if (info.trimmed !== '') {
        text = info;
        textRaw = v;
        textCol = c;
        break;
      }
    }
    // A comment row (意见或建议：…) may have its answer in a cell merged over the tier columns.
    if (text !== null && textCol !== tierCol0 && text.comment) {
      const rest = text.trimmed.replace(/^[^:：]*[:：]/, '').trim() || nextValue(view, r, textCol);
      if (rest !== '') {
        comments.push(rest);
        const veto = vetoAskedAbout(scheme, text.trimmed);
        // 无, 没有, 暂无 …: read as a roster's event column reads them.
        if (veto && flagCellSays(rest) !== 'none')
          findings.push(
            finding('VETO_FEEDBACK', `本表在「${text.trimmed.replace(/[:：].*$/s, '')}」中有反馈，可能涉及一票否决「${veto.name}」，请组织核实，核实后在名册「${veto.field}」栏填写`, at(r, textCol)),
          );
      }
      continue;
    }
    const plainMarks = scanPlainMarks(cells, rec, reader.plain);
    const hasMarks = plainMarks > 0 || rowHasEntry(view, r, rec, scheme);
    const plain = plainMarks >= 0 ? reader.plain : null;
    if (!hasMarks && text !== null && text.note) continue;

    // On forms with items in rows, a row with neither an item nor a mark is a note or a signature line.
    if (itemsInRows && !hasMarks && rowItem(r) < 0) {
      if (rec.subjectCol !== null && view.merge(r, rec.subjectCol) === undefined) {
        carryRaw = '';
        carrySubject = null;
      }
      continue;
    }

    // Marks in columns that are not tier columns, left to right.
    for (let i = 0; i < otherCols.gaps.length; i++) {
      const c = otherCols.gaps[i];
      if (c >= cells.length) break;
      if (checkOutside(view, r, c, cells[c], scheme, findings, at)) marksOutside++;
    }
    for (let c = otherCols.from; c < cells.length; c++) if (checkOutside(view, r, c, cells[c], scheme, findings, at)) marksOutside++;

    // Who this row is about.
    let subject: number | null = singleSubject;
    if (subjectsInRows) {
      const raw = shownValue(view.merged ? view.value(r, rec.subjectCol!) : cells[rec.subjectCol!]);
      // Usually the name is the row's first text, already looked up.
      const said = raw === null ? null : raw === textRaw ? text : reader.text(typeof raw === 'string' ? raw : String(raw));
      if (said !== null && said.match !== null) {
        const name = said.trimmed;
        if (itemsInRows && name === carryRaw) subject = carrySubject;
        else {
          const match = said.match;
          if (match.kind === 'exact') subject = match.index;
          else if (match.kind === 'none' && (repeatsHeader(view, r, rec, scheme) || countsRow(view, r, rec, scheme))) continue;
          else {
            const m = view.merge(r, rec.subjectCol!);
            const cell = m ? at(m.r1, m.c1) : at(r, rec.subjectCol!);
            // 重名: what the ballot says beside the name, or the unit the ballot is for, may tell who is meant.
            const told = match.kind === 'ambiguous' ? tellApart(roster, match.indexes, name, unitOnBallot(r) || (ballotsUnit ?? '')) : null;
            if (told === null) subject = reportMatch(roster, match, name, cell, findings);
            else {
              subject = told.index;
              const listed = roster.all[told.index];
              if (told.by === 'unit' && name !== listed.name && name !== listed.writtenAs && name !== subjectLabel(roster, listed))
                findings.push(finding('NAME_NORMALISED', `姓名「${name}」按名册中${listed.unit ?? ''}的「${listedText(listed)}」计`, { ...cell, subject: listed.name }));
            }
          }
          carryRaw = name;
          carrySubject = subject;
          if (subject !== null && !itemsInRows) {
            if (reader.seen(subject)) {
              const first = reader.firstRow(subject);
              const other = `另见 ${view.address(first, rec.subjectCol!)}`;
              // Two rows for one person that say different things: which the rater meant cannot be told, so
              // neither counts (as two marks in one item do not). The same twice, or a second row left blank, is one.
              if (hasMarks && !sameEntryCells(view, first, r, rec)) {
                entries.invalidateSubject(subject, start);
                findings.push(finding('SUBJECT_REPEATED', `「${name}」在本票中出现两次（${other}），两处评价不一致，无法确定本票对其的评价，两行均未计入`, at(r, rec.subjectCol!)));
              } else findings.push(finding('SUBJECT_REPEATED', `「${name}」在本票中重复出现（${other}），此行未计入`, at(r, rec.subjectCol!)));
              continue;
            }
            reader.see(subject, r);
          }
        }
      } else if (itemsInRows && carrySubject !== null && rowItem(r) > 0) {
        subject = carrySubject; // an unmerged name written once per block
      } else {
        if (hasMarks && !repeatsHeader(view, r, rec, scheme) && !countsRow(view, r, rec, scheme))
          findings.push(finding('MARK_WITHOUT_SUBJECT', `此行${entryWords(view, r, rec, scheme)}，但没有填写姓名，未计入`, at(r, rec.subjectCol!)));
        carryRaw = '';
        carrySubject = null;
        continue;
      }
      if (subject === null) {
        namesNotCounted++;
        // A name written in or misspelt (reported above) still takes one of the ballot's recommendations.
        if (rec.recommendCol !== null && readYesNo(view.raw(r, rec.recommendCol), scheme) === 'yes') recommendedUnlisted++;
        continue;
      }
      if (ballotsUnit !== null && !inUnit(roster.all[subject], ballotsUnit)) {
        // Someone of another unit on this unit's ballot (a whole-roster form handed to one village): his row is
        // not this meeting's to give, so it is not counted, and a mark there is an error, never passed over.
        const recommends = rec.recommendCol !== null && readYesNo(view.raw(r, rec.recommendCol), scheme) === 'yes';
        if (recommends) recommendedUnlisted++;
        if (hasMarks || recommends) {
          otherUnitMarked++;
          if (!otherUnitSaid.has(subject)) {
            otherUnitSaid.add(subject);
            const other = roster.all[subject];
            const m = view.merge(r, rec.subjectCol!);
            findings.push(
              finding('SUBJECT_OF_OTHER_UNIT', otherUnitWords(roster, other, ballotsUnit, form, 'ballot'), {
                ...(m ? at(m.r1, m.c1) : at(r, rec.subjectCol!)),
                subject: other.name,
              }),
            );
          }
        } else otherUnitBlank.add(subject);
        continue;
      }
      if (itemsInRows && !reader.seen(subject)) reader.see(subject, r);
    }

    // Which item(s) this row carries.
    if (itemsInRows) {
      const item = rowItem(r);
      if (item < 0) {
        // A 合计/小计 row, or words in the tier columns with no √ among them (a signature line under the
        // table: 组长： 张敏), hold no vote to lose.
        if (hasMarks && !countsRow(view, r, rec, scheme) && rec.tierColumns.some((t) => isMark(view.raw(r, t.col), scheme)))
          findings.push(finding('MARK_WITHOUT_SUBJECT', `此行${entryWords(view, r, rec, scheme)}，但认不出评价项目，未计入`, at(r, rec.itemCol ?? 0)));
        continue;
      }
      const seenItems = itemsSeen.get(subject!) ?? new Set<number>();
      if (seenItems.has(item)) {
        findings.push(finding('SUBJECT_REPEATED', `评价项目「${itemLabels[item]}」重复出现，此行未计入`, at(r, rec.itemCol!)));
        continue;
      }
      seenItems.add(item);
      itemsSeen.set(subject!, seenItems);
      takeEntry(view, r, rec, scheme, subject!, item, at, findings, entries, plain, struck);
    } else if (isTier) {
      // Items in columns: each item is its own group of tier columns (takeEntry's case, inlined for the common row).
      for (let i = 0; i < itemsRead.length; i++) {
        const item = itemsRead[i];
        if (plain !== null && plain.marks[item] === 1) entries.pushValid(subject!, item, plain.level[item]);
        else readEntry(view, r, rec, scheme, subject!, item, at, findings, entries, struck);
      }
    } else {
      for (const s of rec.scoreColumns) readScore(view, r, s.col, rec, subject!, s.item, at, findings, entries);
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
    const missing: Subject[] = [];
    // Seen subjects all come from this roster: when as many were seen as it lists, none is missing.
    if (reader.seenCount < roster.subjects.length)
      for (const s of roster.subjects) if (!reader.seen(s.index) && (!form.onlyWindowPosts || s.window) && (ballotsUnit === null || inUnit(s, ballotsUnit))) missing.push(s);
    if (missing.length > 0)
      findings.push(finding('SUBJECT_MISSING', `名册中的 ${missing.map((s) => subjectLabel(roster, s)).join('、')} 不在本票中`, { ...where, cell: cellAddress(rec.headerRow, rec.subjectCol!) }));
  } else if (form.items === 'rows' && singleSubject !== null) {
    const seen = itemsSeen.get(singleSubject) ?? new Set();
    itemLabels.forEach((label, i) => {
      if (!seen.has(i) && !rec.missingItems.includes(i))
        findings.push(finding('ITEM_MISSING', `找不到评价项目「${label}」所在行`, { ...where, cell: cellAddress(rec.headerRow, rec.itemCol ?? 0) }));
    });
  }

  for (const s of otherUnitSaid) otherUnitBlank.delete(s);
  if (otherUnitBlank.size > 0)
    findings.push(
      finding('OTHER_UNIT_ROWS', `本表是「${ballotsUnit}」的，表中另列有其他单位的 ${otherUnitBlank.size} 人（整行空白），不属本表评议范围，未计为弃权`, {
        ...where,
        cell: cellAddress(rec.headerRow, rec.subjectCol ?? 0),
      }),
    );

  // Recommendations over the limit make all of this ballot's recommendations void (seed 004, 附表2 注2).
  let recommendationsVoid = false;
  const recommendations = recommended.length + recommendedUnlisted;
  if (form.recommendation && recommendations > form.recommendation.maxPerBallot) {
    recommendationsVoid = true;
    const unlisted = recommendedUnlisted > 0 ? `（其中 ${recommendedUnlisted} 人不在名册中）` : '';
    findings.push(
      finding('TOO_MANY_RECOMMENDATIONS', `本票推荐了 ${recommendations} 人${unlisted}，超过 ${form.recommendation.maxPerBallot} 名的名额，本票推荐全部无效（其余评价照常计入）`, {
        ...where,
        cell: cellAddress(rec.headerRow, rec.recommendCol ?? 0),
      }),
    );
  }

  // Every name on it left out (not the roster's: 签证窗口 李娜, a list of other people): it gave nothing,
  // so it is no valid ballot in the participation figures either.
  // When names of the roster were found too, the names are not why: the form's columns were not found (a
  // 统计表 or another table with names on it), and the message must send the clerk to the header. Such a
  // sheet is no valid (blank) ballot either, even when every name on it is the roster's.
  const noItems = form.itemLabels.length > 0 && rec.missingItems.length === form.itemLabels.length;
  const why = noItems ? '找不到任何评价项目（见上）' : rec.tierColumns.length === 0 ? '找不到等次栏' : null;
  if (entries.length === start && recommended.length === 0 && (namesNotCounted > 0 || otherUnitMarked > 0 || (why !== null && reader.seenCount > 0))) {
    findings.push(
      finding(
        'NOTHING_COUNTED',
        reader.seenCount > 0 && why !== null
          ? `本票有 ${reader.seenCount} 个姓名是名册中的，但${why}，没有一项计入，按废票计；问题不在姓名：请核对这张表是否为「${form.title}」、表头是否被改动`
          : namesNotCounted === 0
            ? `本票评价的都不是「${ballotsUnit}」的人（见上），没有一项计入，按废票计；请核对表头的「${form.perUnit?.label ?? '单位'}」是否填对`
            : `本票的 ${namesNotCounted} 个姓名都没能对应到名册（见上），没有一项计入，按废票计；请核对姓名后重新校验`,
        { ...where, cell: cellAddress(rec.firstDataRow, rec.subjectCol ?? 0) },
      ),
    );
    out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: 'unreadable', ...(ballotsUnit ? { unit: ballotsUnit } : {}) });
    return null;
  }

  // A tier column the header lacks, and √ in columns the form does not know: those √ are very likely in
  // the renamed or moved column (很不满意 for 不满意). Counting the rest would read each such item as an
  // abstention and leave its vote out of the share (2 of 4 满意 would show as 2 of 2), so the sheet waits
  // for the header to be put right (DOMAIN: a renamed tier column is rejected, with a clear message).
  if (rec.missingLevels.length > 0 && marksOutside > 0) {
    const levels = [...new Set(rec.missingLevels.map((m) => levelNames[m.level]))].map((l) => `「${l}」`).join('');
    findings.push(
      finding('TIER_COLUMN_UNREADABLE', `表头缺少等次列${levels}，表中又有 ${marksOutside} 个√打在认不出的列里，无法确定这些√属于哪个等次，本表未计入；请把该列表头改回${levels}后重新校验`, {
        ...where,
        cell: rec.missingLevels[0].near,
      }),
    );
    out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: 'unreadable', ...(ballotsUnit ? { unit: ballotsUnit } : {}) });
    // Its items' "按弃权计" would contradict that.
    for (let i = findings.length - 1; i >= findingsBefore; i--) if (findings[i].code === 'ABSTENTION') findings.splice(i, 1);
    entries.truncate(start);
    return null;
  }

  if (struck.length > 0) {
    const shown = struck.length > 3 ? `${struck.slice(0, 3).join('、')} 等 ${struck.length} 处` : struck.join('、');
    findings.push(finding('MARK_STRUCK_OUT', `等次栏中填了「/」「—」「×」或「弃权」「不了解」等的格（${shown}）按未选计，同项的√照常计入`, { ...where, cell: struck[0] }));
  }
  if (group.id === null || round.id === null) {
    out.uncounted.push({ ...where, formId: form.id, groupId: group.id, roundId: round.id, reason: group.id === null ? 'group' : 'round' });
    if (recommended.length === 0 && comments.length === 0 && onlyBlank(entries, start, entries.length)) blankUncounted.formId = form.id;
    entries.truncate(start);
    return null;
  }
  // Only of a ballot that counts: a 雷同票 "已计入" beside "本票未计入" would contradict it.
  flagSuspectPatterns(entries, start, rec, reader, where, findings);
  if (entries.length > start && entries.validCount === validBefore)
    findings.push(finding('EMPTY_BALLOT', '整张票没有任何有效的√或分数', { ...where, cell: view.address(rec.firstDataRow, rec.subjectCol ?? rec.itemCol ?? 0) }));
  return new Ballot(
    `${where.file}!${view.sheet.name}`,
    where.file,
    view.sheet.name,
    form.id,
    group.id,
    round.id,
    entries,
    start,
    entries.length,
    recommendationsVoid ? [] : recommended,
    recommendationsVoid,
    comments,
    ballotsUnit,
  );
}

/** The subject of a single-subject sheet: from its header field or, failing that, a one-entry roster; null when neither tells (reported). */
function singleSubjectOf(form: FormDef, roster: Roster, fields: ReturnType<typeof readFields>, where: { file: string; sheet: string }, findings: Finding[]): number | null {
  const labels = form.subjectLabels.map(normalizeLabel);
  const field = fields.find((f) => labels.some((l) => labelContains(f.label, l)));
  if (field && field.value !== '') {
    // One sheet per 党小组 (seed 004 附表1): 机关党支部第一党小组 is 机关党支部's.
    const branch = field.value.replace(/第?[一二三四五六七八九十百0-9]+党?小组$/, '').trim();
    const m = matchName(roster, field.value);
    const ofBranch = m.kind === 'none' && branch !== field.value && branch !== '' ? matchName(roster, branch) : null;
    if (ofBranch?.kind === 'exact') return ofBranch.index;
    if (m.kind !== 'none' || roster.subjects.length > 0) return resolveSubject(roster, field.value, () => ({ ...where, cell: field.cell }), findings);
    findings.push(
      finding('SUBJECT_NOT_IN_ROSTER', `「${field.value}」不在名册中，本表未计入：${noSubjectOfKindText(form.subjectKind ?? 'person', branch || field.value)}`, {
        ...where,
        cell: field.cell,
      }),
    );
    return null;
  }
  if (roster.subjects.length === 1) return roster.subjects[0].index;
  findings.push(finding('SUBJECT_UNKNOWN', `表中没有写明被评议对象（「${form.subjectLabels[0]}」），本表无法计入`, { ...where, cell: field?.cell ?? 'A1' }));
  return null;
}

/** SUBJECT_OF_OTHER_UNIT: someone of another unit on a per-unit ballot or count sheet, whose row is not counted. */
function otherUnitWords(roster: Roster, other: Subject, unit: string, form: FormDef, sheet: 'ballot' | 'count'): string {
  const own = `只${sheet === 'ballot' ? '评' : '计'}本${unitWord(form.perUnit!.label)}人员`;
  const what = sheet === 'ballot' ? `本表是「${unit}」的${form.title}，${own}，此行的评价未计入` : `本汇总表是「${unit}」的${form.title}计票，${own}，此行的票数未计入`;
  return `「${subjectLabel(roster, other)}」是「${other.unit ?? ''}」的，${what}`;
}

/**
 * The unit a ballot of a form held per unit is for (FormDef.perUnit, units.ts): from its template's record, else
 * its unit field (村：吴芳村), else a title or the sheet's name naming one roster unit (said). null when the roster
 * has no units (one unit's meeting rates everyone listed), or nothing names a unit: a ballot returned from a
 * whole-roster template, read over everyone as before, with a warning (unitNotStated). 'unreadable' when what it
 * says is no unit of the roster, or could be several: reported, the ballot not counted, never guessed.
 */
function ballotUnit(
  reader: FormReader,
  meta: Submission['meta'],
  fields: ReturnType<typeof readFields>,
  view: SheetView,
  rec: RecognisedForm,
  where: { file: string; sheet: string },
  findings: Finding[],
  sheetWord: string,
): { unit: string } | null | 'unreadable' {
  const form = reader.form;
  const label = form.perUnit!.label;
  const units = reader.units;
  // A roster without units is one unit's: its meeting rates everyone listed, as the form does. One where some
  // have none cannot be split (nor were the templates): read over everyone, said once.
  // (Said once for the form and round, after the batch, of the sheets counted: unitNotStated.)
  if (units.length === 0) return null;
  const wanted = normalizeLabel(label);
  const field = fields.find((f) => f.label === wanted) ?? fields.find((f) => UNIT_HEADER.test(f.label));
  // A blank field's "value" may be the next cell's field (支部名称：| 评议时间：…): that is no unit.
  const value = field && !/[:：]/.test(field.value) ? field.value : '';
  const said = meta?.unit ? { text: meta.unit, cell: field?.cell ?? 'A1', from: '模板' } : value !== '' ? { text: value, cell: field!.cell, from: `「${label}」栏` } : null;
  if (said) {
    const got = readUnit(units, said.text);
    if (got.kind === 'unit') {
      if (!got.exact) findings.push(finding('UNIT_READ_AS', `${said.from}中的「${said.text}」按名册中的「${got.unit}」计，请核实`, { ...where, cell: said.cell }));
      return { unit: got.unit };
    }
    const which = got.kind === 'ambiguous' ? `可能是 ${got.units.map((u) => `「${u}」`).join('')} 中的任一个` : `名册中没有这个${unitWord(label)}`;
    findings.push(
      finding('UNIT_UNKNOWN', `${said.from}写的是「${said.text}」，${which}，无法确定${sheetWord}是哪个${unitWord(label)}的，${sheetWord}未计入；请按名册填写「${label}」后重新校验`, {
        ...where,
        cell: said.cell,
      }),
    );
    return 'unreadable';
  }
  // A sheet copied without its record and its field: a title or the sheet's name may still name the unit.
  const titles: Title[] = [...titleTexts(view, rec.headerRow), { said: view.sheet.name, cell: 'A1', sheetName: true }];
  for (const title of titles) {
    const text = normalizeLabel(title.said);
    const named = units.filter((u) => text.includes(normalizeLabel(u)));
    // 小张庄村 names 张庄村 too: the longer name is the one meant.
    const own = named.filter((u) => !named.some((o) => o !== u && normalizeLabel(o).includes(normalizeLabel(u))));
    if (own.length === 1) {
      const from = title.sheetName ? `工作表名「${title.said}」` : `标题「${title.said}」`;
      findings.push(finding('UNIT_FROM_TITLE', `表中没有“${label}”栏，按${from}计为「${own[0]}」的票，只计本${unitWord(label)}人员，请核实`, { ...where, cell: title.cell }));
      return { unit: own[0] };
    }
    if (own.length > 1) {
      findings.push(
        finding('UNIT_UNKNOWN', `表中没有“${label}”栏，「${title.said}」中有 ${own.map((u) => `「${u}」`).join('')}，无法确定${sheetWord}是哪个${unitWord(label)}的，${sheetWord}未计入；请在表头填写「${label}」后重新校验`, {
          ...where,
          cell: title.cell,
        }),
      );
      return 'unreadable';
    }
  }
  return null;
}

/**
 * Ballots of a form held per unit that name no unit (a whole-roster form of an older template): read over everyone,
 * as before; said once per form and round, with how many and the first of them.
 */
function unitNotStated(scheme: Scheme, reader: FormReader, out: ReadResult): Finding[] {
  const form = reader.form;
  // A roster without units is one unit's: nothing to state (ballotUnit).
  if (!form.perUnit || (reader.units.length === 0 && !reader.unitsIncomplete)) return [];
  const label = form.perUnit.label;
  const word = unitWord(label);
  // The ballots and count sheets counted (not a blank copy beside a filled sheet, BLANK_COPY; not a repeat set aside)
  // of a round held per unit, that name no unit: read over everyone.
  const unitless = [
    ...out.ballots.filter((b) => b.formId === form.id && b.unit === null && heldPerUnit(form, b.roundId)),
    ...out.counts.filter((c) => c.formId === form.id && c.unit === undefined && heldPerUnit(form, c.roundId)),
  ];
  const byRound = new Map<string, { file: string; sheet: string }[]>();
  for (const u of unitless) byRound.set(u.roundId, [...(byRound.get(u.roundId) ?? []), u]);
  return [...byRound].map(([round, sheets]) => {
    const roundName = scheme.rounds.length > 1 ? scheme.rounds.find((r) => r.id === round)?.name ?? '' : '';
    const which = sheets.length === 1 ? '本表' : `${sheets.length} 张表（本表及其他文件）`;
    const why = reader.unitsIncomplete
      ? `名册中有人没有填写${word}（单位），无法按${word}区分，${which}按名册全部人员读取；请在名册的单位（${label}）栏填齐后重新生成模板`
      : `${which}没有写明${label}（可能是按旧模板填写的全体人员表），按名册全部人员读取，其他${word}的人在表上留空的按弃权计；如是某一${word}的表，请在表头填写「${label}：…」后重新校验`;
    return finding('UNIT_NOT_STATED', `「${form.title}」${roundName}按${word}分别评议、只评本${word}人员，但${why}`, { file: sheets[0].file, sheet: sheets[0].sheet, cell: 'A1' });
  });
}

/** A sheet's rater group and round, from its template, fields, titles or name; each reading that is not plain said. */
function groupAndRound(
  scheme: Scheme,
  reader: FormReader,
  where: { file: string; sheet: string },
  meta: Submission['meta'],
  view: SheetView,
  rec: RecognisedForm,
  findings: Finding[],
  /** The sheet as findings call it: 本票, 本汇总表. */
  sheetWord: string,
): { fields: ReturnType<typeof readFields>; group: Choice; round: Choice } {
  const fields = readFields(view, rec.headerRow);
  // Texts above the header and the sheet's name: looked at only when no field names the group.
  const titles = (): Title[] => [...titleTexts(view, rec.headerRow), { said: view.sheet.name, cell: 'A1', sheetName: true }];
  const group = reader.groups.resolve(meta?.groupId, fields, titles);
  const round = reader.rounds.resolve(meta?.roundId, fields, titles);
  for (const [choice, code, what, all] of [
    [group, 'GROUP_FROM_TITLE', '测评人类别', scheme.raterGroups],
    [round, 'ROUND_FROM_TITLE', '轮次', scheme.rounds],
  ] as const)
    if (choice.id !== null && choice.titled) {
      const name = all.find((x) => x.id === choice.id)!.name;
      const from = choice.titled.sheetName ? `工作表名「${choice.titled.said}」` : `标题「${choice.titled.said}」`;
      findings.push(finding(code, `表中没有“${what}”，按${from}计为「${name}」票，请核实`, { ...where, cell: choice.titled.cell }));
    }
  for (const [choice, what, all] of [
    [group, '测评人类别', scheme.raterGroups],
    [round, '轮次', scheme.rounds],
  ] as const)
    if (choice.id !== null && choice.readAs) {
      const name = all.find((x) => x.id === choice.id)!.name;
      findings.push(finding('FIELD_READ_AS', `${what}「${choice.readAs.said}」按「${name}」计，请核实`, { ...where, cell: choice.readAs.cell }));
    }
  if (group.id === null) {
    const names = scheme.raterGroups.map((g) => g.name).join('、');
    const said = unresolved(group, '类别', '表中没有写明测评人类别');
    findings.push(finding('GROUP_UNKNOWN', `${said}（应为 ${names} 之一），${sheetWord}未计入`, { ...where, cell: 'cell' in group && group.cell ? group.cell : 'A1' }));
  }
  if (round.id === null) {
    const names = scheme.rounds.map((r) => r.name).join('、');
    const said = unresolved(round, '轮次', '表中没有写明轮次');
    findings.push(finding('ROUND_UNKNOWN', `${said}（应为 ${names} 之一），${sheetWord}未计入`, { ...where, cell: 'cell' in round && round.cell ? round.cell : 'A1' }));
  }
  return { fields, group, round };
}

function rowHasEntry(view: SheetView, r: number, rec: RecognisedForm, scheme: Scheme): boolean {
  for (const t of rec.tierColumns) {
    const kind = markKind(view.raw(r, t.col), scheme);
    if (kind !== 'none' && kind !== 'dash') return true;
  }
  for (const s of rec.scoreColumns) if (!isBlank(view.raw(r, s.col))) return true;
  return false;
}

/**
 * Excel's Insert › Symbol check marks are letters in a symbol font (Wingdings ü and þ, Wingdings 2 P and
 * R): the file keeps the letter, and the font is not read. Said, so the clerk knows what to retype.
 */
function symbolFontHint(v: CellValue | undefined): string {
  return typeof v === 'string' && /^[üþPR]$/.test(v.trim()) ? '（若表中显示为√或☑，是用 Wingdings 符号字体插入的，请改为直接输入√）' : '';
}

/**
 * A number of votes where a √ belongs: the sheet may be a count that did not say so (see read-counts). A
 * mark some campaigns agree on instead of √ (V, ○, 1 …: DOMAIN.md, a scheme setting): where to allow it.
 */
function countHint(v: CellValue | undefined): string {
  const n = voteCount(v);
  if (typeof n === 'number' && n > 1) return '（如本表是计票汇总表，请在标题中写明“计票汇总表”）';
  const mark = typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
  return ALTERNATIVE_MARKS.test(mark) ? `（如本次测评约定以「${mark}」为记号，可在方案「计票」的“另行约定的记号”中加入「${mark}」（方案文件中为 counting.extraMarks）后重新校验）` : '';
}
/** Marks used for √ on some forms; allowed only when the scheme lists them (counting.extraMarks). */
const ALTERNATIVE_MARKS = /^([VvＶｖ○〇●◎◯★☆＊*]|1|１|对|是|有)$/;

/** Whether two rows hold the same in every tier and score column (a row copied twice). */
function sameEntryCells(view: SheetView, a: number, b: number, rec: RecognisedForm): boolean {
  const cols = [...rec.tierColumns.map((t) => t.col), ...rec.scoreColumns.map((c) => c.col)];
  return cols.every((c) => String(shownValue(view.raw(a, c)) ?? '').trim() === String(shownValue(view.raw(b, c)) ?? '').trim());
}

/** What a row's own 单位 column says (for 重名), the column looked for only when first asked. */
function unitOnRow(view: SheetView, rec: RecognisedForm): (r: number) => string {
  let unitCol: number | null | undefined;
  return (r) => {
    if (unitCol === undefined) unitCol = findUnitColumn(view, rec);
    const v = unitCol === null ? null : shownValue(view.value(r, unitCol));
    return v === null ? '' : String(v);
  };
}

/** A column headed 单位 (部门, 所在支部 ...) in the header rows, other than the name and tier columns. */
function findUnitColumn(view: SheetView, rec: RecognisedForm): number | null {
  const taken = new Set([rec.subjectCol, rec.itemCol, rec.recommendCol, ...rec.tierColumns.map((t) => t.col), ...rec.scoreColumns.map((t) => t.col)]);
  for (let r = Math.max(0, rec.headerRow - HEADER_DEPTH); r < rec.firstDataRow; r++)
    for (let c = 0; c < (view.sheet.rows[r]?.length ?? 0); c++) if (!taken.has(c) && UNIT_HEADER.test(view.label(r, c))) return c;
  return null;
}

/** What a row that cannot be counted holds, in words: √, a score, or (numbers, text) something else. */
function entryWords(view: SheetView, r: number, rec: RecognisedForm, scheme: Scheme): string {
  if (rec.scoreColumns.length > 0) return '填有分数';
  return rec.tierColumns.some((t) => isMark(view.raw(r, t.col), scheme)) ? '有√' : '等次栏填有内容';
}

/**
 * A row that repeats the table's header (a table pasted together from two pages, a header copied down):
 * every label in its name and tier columns is one that a header row has in the same column. It holds
 * nothing to count, so it is passed over instead of reported as a name missing from the roster.
 */
function repeatsHeader(view: SheetView, r: number, rec: RecognisedForm, scheme: Scheme): boolean {
  const top = Math.max(0, rec.headerRow - HEADER_DEPTH);
  let labels = 0;
  for (const c of [rec.subjectCol, ...rec.tierColumns.map((t) => t.col)]) {
    if (c === null) continue;
    const label = view.label(r, c);
    if (label === '') continue;
    if (isMark(view.value(r, c), scheme)) return false;
    let inHeader = false;
    for (let h = top; h < rec.firstDataRow && !inHeader; h++) inHeader = view.label(h, c) === label;
    if (!inHeader) return false;
    labels++;
  }
  return labels > 0;
}

/**
 * Two tables one under the other in one sheet: a 党小组 pasting two filled 附表1, a 干部 and a 员工 ballot
 * stacked. Known by the header repeated under the table (repeatsHeader) with people (or, on a form with items
 * in rows, items) under it that the table above already has: a table continued over two pages repeats its
 * header too, but goes on with other people. Read as one table, the second table's rows would make the first
 * one's people 重复 (both rows void where they differ) and its 测评人类别 a name not in the roster; so each
 * table is read as a ballot of its own, and that is said (SECOND_TABLE). The second table starts after the
 * first one's last row with a person, an item or a mark and the comment and signature lines under it; its
 * rows keep the sheet's numbers (the rows above it are left empty), so findings name the sheet's own cells.
 * Drawings stay with the sheet (said once for it).
 */
function stackedTables(
  view: SheetView,
  rec: RecognisedForm,
  reader: FormReader,
  scheme: Scheme,
): { parts: SheetGrid[]; finding: (where: { file: string; sheet: string }) => Finding } | null {
  if (rec.columnBlocks !== null) return null;
  const form = rec.form;
  const itemLabels = form.itemLabels.map(normalizeLabel);
  /** Who and what a row is about, when it names a person of the roster or an item. */
  const keyOf = (r: number): string | null => {
    let key = '';
    if (form.subjects === 'rows') {
      // A row without its person (a name written once over a block of item rows) says nothing of who is again.
      const raw = rec.subjectCol === null ? null : shownValue(view.value(r, rec.subjectCol));
      const match = typeof raw === 'string' ? reader.text(raw).match : null;
      if (match?.kind !== 'exact') return null;
      key += `s${match.index}`;
    }
    if (form.items === 'rows' && rec.itemCol !== null) {
      const label = view.label(r, rec.itemCol);
      const item = label === '' ? -1 : itemLabels.findIndex((l) => labelContains(label, l));
      if (item >= 0) key += `i${item}`;
    }
    return key === '' ? null : key;
  };
  const blankRow = (r: number) => (view.sheet.rows[r] ?? EMPTY_ROW).every((v) => isBlank(v));
  const seen = new Set<string>();
  let lastEntry = rec.firstDataRow - 1;
  for (let r = rec.firstDataRow; r < view.rowCount; r++) {
    // Blank rows first, on the cells themselves: labels are cached per row (a sheet of a million blank rows).
    if (blankRow(r)) continue;
    if (repeatsHeader(view, r, rec, scheme)) {
      // The rows under this header (its other header rows passed over), up to the next repeated header.
      let k = r + 1;
      while (k < view.rowCount && (blankRow(k) || repeatsHeader(view, k, rec, scheme))) k++;
      // Most of them already above: another ballot (one name written twice on a long list is not).
      let keyed = 0;
      let again = 0;
      for (; k < view.rowCount && !repeatsHeader(view, k, rec, scheme); k++) {
        const key = keyOf(k);
        if (key === null) continue;
        keyed++;
        if (seen.has(key)) again++;
      }
      if (again * 2 <= keyed) continue;
      let start = lastEntry + 1;
      while (start < r && (blankRow(start) || firstTextIs(view, start, reader, (t) => t.comment || t.note))) start++;
      const headerAt = r;
      const rows = view.sheet.rows;
      const merges = view.sheet.merges;
      const { drawings: _said, ...sheet } = view.sheet;
      const first: SheetGrid = {
        ...sheet,
        rows: rows.slice(0, start),
        merges: merges.filter((m) => m.r1 < start).map((m) => (m.r2 < start ? m : { ...m, r2: start - 1 })),
      };
      const second: SheetGrid = {
        ...sheet,
        rows: [...Array.from({ length: start }, (): CellValue[] => []), ...rows.slice(start)],
        merges: merges.filter((m) => m.r1 >= start),
      };
      return {
        parts: [first, second],
        finding: (where) =>
          finding(
            'SECOND_TABLE',
            `工作表「${where.sheet}」第 ${start + 1} 行起是另一张「${form.title}」（第 ${headerAt + 1} 行又是表头，其下的${form.subjects === 'rows' ? '人' : '评价项目'}在上面的表中已出现），像是两张票贴在了同一个工作表中；两张表各按一张票读取，请核对。今后请每张票用一个工作表`,
            { ...where, cell: cellAddress(start, 0) },
          ),
      };
    }
    const key = keyOf(r);
    if (key !== null) seen.add(key);
    if (key !== null || rowHasEntry(view, r, rec, scheme)) lastEntry = r;
  }
  return null;
}

/** Whether a row's first text is one `test` accepts (a comment or note line under a table). */
function firstTextIs(view: SheetView, r: number, reader: FormReader, test: (t: TextInfo) => boolean): boolean {
  for (const v of view.sheet.rows[r] ?? EMPTY_ROW) {
    const shown = shownValue(v);
    if (typeof shown !== 'string' || shown.trim() === '') continue;
    return test(reader.text(shown));
  }
  return false;
}

/**
 * A totals row (合计 in the name column or left of it) with no √ in its tier cells: the template's own
 * counts (numbers, COUNTIF formulas), not a person; passed over. With a √ in it, it is reported as usual.
 */
function countsRow(view: SheetView, r: number, rec: RecognisedForm, scheme: Scheme): boolean {
  return isTotalsRow(view, r, rec) && !rec.tierColumns.some((t) => isMark(view.value(r, t.col), scheme));
}

/** `where` is only called when there is something to report: building a cell address per row costs more than the lookup. */
function resolveSubject(roster: Roster, name: string, whereFn: () => { file: string; sheet: string; cell: string }, findings: Finding[]): number | null {
  const m = matchName(roster, name);
  if (m.kind === 'exact') return m.index;
  const told = m.kind === 'ambiguous' ? tellApart(roster, m.indexes, name) : null;
  return told !== null ? told.index : reportMatch(roster, m, name, whereFn(), findings);
}

/** A name that is not exactly as listed: counted with a note (normalised), or not counted. */
function reportMatch(roster: Roster, m: NameMatch, name: string, where: { file: string; sheet: string; cell: string }, findings: Finding[]): number | null {
  switch (m.kind) {
    case 'exact':
      return m.index;
    case 'normalised': {
      const subject = roster.all[m.index];
      findings.push(
        finding('NAME_NORMALISED', `${subject.kind === 'organisation' ? '名称' : '姓名'}「${name}」按名册中的「${listedText(subject)}」计`, { ...where, subject: subject.name }),
      );
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

/** Forms with items in rows have one set of tier columns, shared by every item row. */
function tierGroup(rec: RecognisedForm, item: number): number {
  return rec.form.items === 'rows' ? 0 : item;
}

/** One entry: taken from the row's scan when its group holds exactly one plain √ (what readEntry would find), else read cell by cell. */
function takeEntry(
  view: SheetView,
  r: number,
  rec: RecognisedForm,
  scheme: Scheme,
  subject: number,
  item: number,
  at: (r: number, c: number) => { file: string; sheet: string; cell: string },
  findings: Finding[],
  entries: EntryList,
  /** The row's plain √ when its scan found nothing else. */
  plain: PlainMarks | null,
  struck: string[],
): void {
  const group = tierGroup(rec, item);
  if (plain !== null && plain.marks[group] === 1) entries.pushValid(subject, item, plain.level[group]);
  else readEntry(view, r, rec, scheme, subject, item, at, findings, entries, struck);
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
  entries: EntryList,
  /** Where cells read as "not chosen" (/, —, ×) are listed, to be reported once per sheet. */
  struck: string[],
): void {
  const colItem = tierGroup(rec, item);
  let level = -1;
  let marks = 0;
  let broken = false;
  let firstCol = -1;
  let dashes = 0;
  let crosses = 0;
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
        findings.push(finding('MARK_UNRECOGNISED', `等次栏应打√，此处为「${String(v).trim()}」${symbolFontHint(v)}${countHint(v)}，该项无效`, at(r, t.col)));
        break;
      case 'dash':
        dashes++;
        break;
      case 'cross':
        crosses++;
        break;
    }
  }
  if (firstCol < 0) firstCol = 0;
  if ((dashes > 0 || crosses > 0) && marks <= 1 && !broken) {
    for (const t of tierColumns) {
      if (t.item !== colItem) continue;
      const kind = markKind(view.raw(r, t.col), scheme);
      // × with no √ beside it may be the rater's mark: not read either way.
      if (kind === 'cross' && marks === 0)
        findings.push(finding('MARK_UNRECOGNISED', '等次栏应打√，此处为「×」，本项没有√，无法确定「×」是选中还是不选，该项无效', at(r, t.col)));
      else if (kind === 'dash' || kind === 'cross') struck.push(view.address(r, t.col));
    }
    if (crosses > 0 && marks === 0) broken = true;
  }
  if (marks > 1) {
    // Rare: list the marked cells again rather than keep a list for every entry.
    const markedCells: string[] = [];
    for (const t of tierColumns) {
      if (t.item === colItem && isMark(view.raw(r, t.col), scheme)) markedCells.push(view.address(r, t.col));
    }
    findings.push(finding('MULTIPLE_MARKS', `同一项目打了 ${marks} 个√（${markedCells.join('、')}），该项无效`, at(r, firstCol)));
    entries.push(subject, item, INVALID, -1, 0);
  } else if (broken) entries.push(subject, item, INVALID, -1, 0);
  else if (marks === 0) {
    if (rec.form.blankMeansNotApplicable) entries.push(subject, item, NA, -1, 0);
    else {
      findings.push(finding('ABSTENTION', '此项未打√，按弃权计', at(r, firstCol)));
      entries.push(subject, item, ABSTAIN, -1, 0);
    }
  } else entries.push(subject, item, VALID, level, 0);
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
  entries: EntryList,
): void {
  const status = readScoreValue(view, r, col, rec, at, findings);
  if (typeof status === 'number') entries.push(subject, item, status, -1, 0);
  else entries.push(subject, item, VALID, -1, status.scaled);
}

/** A score cell: its value × SCORE_SCALE, or the status it counts as (with a finding saying why). */
function readScoreValue(
  view: SheetView,
  r: number,
  col: number,
  rec: RecognisedForm,
  at: (r: number, c: number) => { file: string; sheet: string; cell: string },
  findings: Finding[],
): { scaled: number } | typeof ABSTAIN | typeof INVALID {
  const v = view.raw(r, col);
  const invalid = INVALID;
  if (isBlank(v)) {
    findings.push(finding('ABSTENTION', '此项未打分，按弃权计', at(r, col)));
    return ABSTAIN;
  }
  if (isSpecial(v!)) {
    if (v!.error) findings.push(finding('ERROR_VALUE', `分数栏是错误值 ${v!.error}，该项无效`, at(r, col)));
    else findings.push(finding('FORMULA_IN_ENTRY', `分数栏应直接填写数字，此处是公式（${v!.formula ?? ''}），该项无效`, at(r, col)));
    return invalid;
  }
  // As typed: ８５ (full width), 85分, 85 分.
  const text = String(v).normalize('NFKC').trim().replace(/\s*分$/, '');
  const response = rec.form.response as { kind: 'score'; min: number | string; max: number | string };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    // A number typed into a cell formatted as a date comes back as a date of 1900 (95 → 1900-04-04).
    const asDate = /^1900-\d\d-\d\d/.test(text) ? '（像是单元格设成了日期格式，请把该格改为“常规”格式后重新填写分数）' : '';
    findings.push(finding('SCORE_NOT_NUMBER', `分数栏应填写数字，此处为「${String(v)}」${asDate}，该项无效`, at(r, col)));
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
  // 85 typed into a cell formatted as a percentage is stored as 0.85: in range, but counted as written it would
  // pull a mean of 85s down by tiers, and the reader does not load number formats to tell. Not counted, as a
  // date-formatted score is not: the least likely reading is no ground for a tier.
  if (typeof v === 'number' && value > 0 && value < 1 && max >= 50) {
    findings.push(
      finding('SCORE_AS_PERCENT', `分数为 ${text}，像是单元格设成了百分比格式（显示为 ${Math.round(value * 10000) / 100}%），该项无效；请把该格改为“常规”格式后重新填写分数`, at(r, col)),
    );
    return invalid;
  }
  if (scaled < Math.round(min * SCORE_SCALE) || scaled > Math.round(max * SCORE_SCALE)) {
    findings.push(finding('SCORE_OUT_OF_RANGE', `分数 ${text} 超出 ${min}～${max} 分的范围，该项无效`, at(r, col)));
    return invalid;
  }
  return { scaled };
}

function readYesNo(v: CellValue | undefined, scheme: Scheme): 'yes' | 'no' | 'unknown' {
  const kind = markKind(v, scheme);
  if (kind === 'none' || kind === 'dash' || kind === 'cross') return 'no';
  if (kind === 'mark' || kind === 'alternative') return 'yes';
  if (kind !== 'other') return 'unknown';
  const text = normalizeLabel(v);
  if ([...RECOMMEND_YES, 'Y', 'YES'].includes(text.toUpperCase())) return 'yes';
  if ([...RECOMMEND_NO, 'X', 'N', 'NO'].includes(text.toUpperCase())) return 'no';
  return 'unknown';
}

/**
 * 雷同票: every subject given the same level on every item (DOMAIN.md: suspect, not invalid): at least
 * three subjects with valid entries, all valid entries at one level, and nothing but valid or not
 * applicable entries. One pass over the packed entries, stopping at the first entry that rules it out.
 */
function flagSuspectPatterns(entries: EntryList, start: number, rec: RecognisedForm, reader: FormReader, where: { file: string; sheet: string }, findings: Finding[]) {
  if (rec.form.subjects !== 'rows' || rec.form.response.kind !== 'tier') return;
  let level = -1;
  let subjects = 0;
  for (let i = start; i < entries.length; i++) {
    const status = entries.status[i];
    if (status === NA) continue;
    if (status !== VALID) return;
    if (level < 0) level = entries.level[i];
    else if (entries.level[i] !== level) return;
    if (reader.markValid(entries.subject[i])) subjects++;
  }
  if (subjects < 3) return;
  const label = rec.scale!.levels[level].label;
  findings.push(finding('UNIFORM_BALLOT', `本票 ${subjects} 名被评议人全部评为「${label}」（雷同票），已计入，请核实`, { ...where, cell: cellAddress(rec.headerRow, 0) }));
}
