/**
 * 公示表: what is published to staff, 按姓氏笔画为序 — 姓名, 单位 and 等次, nothing else (no scores,
 * no vote figures, no reasons). Where the meetings were held per unit, in parts by unit (publicationParts).
 *
 * Only decided tiers are published. A subject whose tier is pending (待定, 名额并列: the committee
 * decides) is left out and a note says how many are pending, because publishing "待定" next to a
 * name announces a dispute that is not settled; the list is published again once decided. Subjects
 * who receive no tier by rule (预备党员, an organisation where only persons are graded) are not
 * listed and not counted as pending.
 *
 * Names with characters that have no stroke data cannot be ordered reliably (they sort last): the
 * sheet says so under the table, and {@link publicationFindings} reports them (NAME_ORDER_UNCERTAIN).
 *
 * The sheet is the notice as posted: title with the year (关于2026年度…的公示), a lead sentence, the
 * list, the 公示期 and whom to tell of objections with a telephone, and the 落款 and date
 * right-aligned. The scheme's `publication` fills them (issuer, telephone, period, date) and may
 * limit the tiers listed (民主评议党员: 优秀党员 only); what it leaves out is a blank to fill by hand.
 */
import { CampaignResult } from '../engine';
import { Finding, finding } from '../findings/finding';
import { SubjectResult } from '../results/evaluate';
import { rosterFor } from '../roster/roster';
import { rosterUnits, unitKey, unitWord, unitsToSplitBy } from '../roster/units';
import { sortByStroke, strokeKeyOf } from '../text/stroke-order';
import { KeepTogether, tailWithLastRows, withPageBreaks } from './page-breaks';
import { SheetBuilder, WidthBounds, headerRow, isPending, lineUnits } from './sheet-builder';
import { SheetDescription, cell, countCell } from './sheet-description';

export interface PublicationOptions {
  /** Publish only these tiers (e.g. ['优秀党员'] for a list of those selected); default the scheme's `publication.tiers`, else every tier. */
  tiers?: string[];
  /** Default: 关于<year>年度<publication.subject or process结果>的公示. */
  title?: string;
  /** The 公示期 and objection lines under the table; default from the scheme's `publication`, blanks to fill where it says nothing. */
  closing?: string[];
}

/**
 * The page number alone: 「共 M 页」 (&N) counts every page printed at once, so a 公示表 printed with the
 * rest of the workbook read 「第 1 页，共 36 页」 (LibreOffice; the sheets are numbered from 1 each).
 * The notice is posted on its own and must not suggest 35 pages are missing.
 */
export const PUBLICATION_FOOTER = '第 &P 页';

/** Width (characters) the notice's text lines may ask of the table: about nine tenths of portrait A4 (~100). */
const NOTICE_MAX_WIDTH = 90;

/** Names printed on the page that ends with the closing text and 落款. */
const LAST_NAMES_WITH_CLOSING = 3;

/** A blank the clerk fills by hand on the printed notice. */
const BLANK = '            ';
const BLANK_PERIOD = '    年  月  日至    年  月  日';
const BLANK_DATE = '    年  月  日';

/** The tiers the 公示表 lists: those asked for, else the scheme's, else all (undefined). */
function publishedTiers(result: CampaignResult, tiers: readonly string[] | undefined): readonly string[] | undefined {
  return tiers ?? result.scheme.publication?.tiers;
}

/** The subjects published, in stroke order. */
export function publishedSubjects(result: CampaignResult, tiers?: readonly string[]): SubjectResult[] {
  const only = publishedTiers(result, tiers);
  const listed = result.subjects.filter((r) => r.tier !== null && (!only || only.includes(r.tier)));
  return sortByStroke(listed, (r) => r.name);
}

/** 「2026年度」 (考核年度, campaign-year.ts) before a title's words, unless they already name a year: the titles of the result sheets. */
export function inYear(result: Pick<CampaignResult, 'year'>, text: string): string {
  return /^\d{4}\s*年/.test(text) ? text : `${result.year}年度${text}`;
}

/** The notice's title: 关于2026年度民主评议党员结果的公示, 关于2026年度优秀党员的公示. */
export function publicationTitle(result: CampaignResult): string {
  const { scheme } = result;
  return `关于${inYear(result, scheme.publication?.subject ?? `${scheme.process}结果`)}的公示`;
}

/** The lead sentence above the list. */
function leadSentence(result: CampaignResult, tiers: readonly string[] | undefined): string {
  const what = inYear(result, result.scheme.process);
  return tiers ? `经研究，现将${what}中评为${tiers.join('、')}的名单予以公示。` : `经研究，现将${what}结果予以公示。`;
}

/** 公示期 and where objections go (with a telephone), from the scheme or as blanks to fill. */
export function closingLines(result: CampaignResult): string[] {
  const p = result.scheme.publication ?? {};
  return [`公示期：${p.period ?? BLANK_PERIOD}。`, `公示期间如有异议，请向${p.issuer ?? BLANK}反映。联系电话：${p.telephone ?? BLANK}。`];
}

/** 落款 and date, right-aligned under the notice: the issuing body and the date, or blanks to fill. */
function signatureLines(result: CampaignResult): string[] {
  const p = result.scheme.publication ?? {};
  const date = p.date ? `${Number(p.date.slice(0, 4))}年${Number(p.date.slice(5, 7))}月${Number(p.date.slice(8, 10))}日` : BLANK_DATE;
  return [p.issuer ?? '（发布单位）', date];
}

/** NAME_ORDER_UNCERTAIN for each published name with characters that have no stroke data. */
export function publicationFindings(result: CampaignResult, tiers?: readonly string[]): Finding[] {
  return publishedSubjects(result, tiers).flatMap((r) => {
    const unknown = strokeKeyOf(r.name).unknownChars;
    return unknown.length === 0
      ? []
      : [finding('NAME_ORDER_UNCERTAIN', `「${r.name}」含无笔画数据的字符（${unknown.join('')}），该字暂排在同位置的其他汉字之后，请人工核对其在公示表中的顺序`, { file: '（公示表）', subject: r.name })];
  });
}

/**
 * The note under a list ordered 按姓氏笔画 when some names hold characters without stroke data (the
 * 公示表, `pingyi sort`); null when there are none. Such a character sorts after every Han character
 * at its place in the name, which is not the rule's place for it.
 */
export function uncertainOrderNote(names: readonly string[]): string | null {
  const uncertain = names.filter((n) => strokeKeyOf(n).unknownChars.length > 0);
  return uncertain.length === 0 ? null : `注：${uncertain.join('、')} 的姓名含无笔画数据的字符，该字暂排在同位置的其他汉字之后，顺序请人工核对。`;
}

/**
 * The 公示表 in parts, one per unit, where the meetings were held per unit (a form's perUnit) and the roster holds
 * several: each 支部 publishes its own members (seed 000 二(五)四是 「以支部为单位将党员述诺情况在一定范围内公示」;
 * seed 004 四、2 本支部). Units in roster order, each unit's names 按姓氏笔画; a unit with nobody published is left
 * out, and anyone without a unit comes last under 「（未填单位）」. null: one list, as for one unit.
 */
export function publicationParts(result: CampaignResult, rows: readonly SubjectResult[]): { unit: string; rows: SubjectResult[] }[] | null {
  const { scheme, roster } = result;
  const split = scheme.forms.some((f) => f.perUnit && unitsToSplitBy(rosterFor(roster, f.subjectKind ?? scheme.subjectKind).subjects).length > 1);
  if (!split) return null;
  const key = (r: SubjectResult) => unitKey(r.unit ?? '');
  const parts = rosterUnits(roster.subjects).map((unit) => ({ unit, rows: rows.filter((r) => key(r) !== '' && key(r) === unitKey(unit)) }));
  parts.push({ unit: '（未填单位）', rows: rows.filter((r) => key(r) === '') });
  return parts.filter((p) => p.rows.length > 0);
}

/** 支部 of 所在支部, 村 of 所在村: what the units of the forms held per unit are called (units.ts unitWord); else 单位. */
function unitWordOf(result: CampaignResult): string {
  const words = [...new Set(result.scheme.forms.flatMap((f) => (f.perUnit ? [unitWord(f.perUnit.label)] : [])))];
  return words.length === 1 ? words[0] : '单位';
}

export function describePublication(result: CampaignResult, options: PublicationOptions = {}): SheetDescription {
  const { scheme } = result;
  const tiers = publishedTiers(result, options.tiers);
  const rows = publishedSubjects(result, tiers);
  const parts = publicationParts(result, rows);
  // In parts by unit, the unit heads its part: no 单位 column.
  const withUnit = parts === null && rows.some((r) => r.unit);
  const headers = ['序号', '姓名', ...(withUnit ? ['单位'] : []), '等次'];
  // 单位 up to 50 units: a 22-character 党支部 name on one line, the table still narrower than portrait A4.
  const bounds: WidthBounds[] = [{ min: 6 }, { min: 12 }, ...(withUnit ? [{ min: 16, max: 50 }] : []), { min: 12 }];
  const b = new SheetBuilder(headers.length);
  b.band(options.title ?? publicationTitle(result), 'title', 36);
  const lead = leadSentence(result, tiers);
  b.band(lead, 'field');
  const word = unitWordOf(result);
  b.band(parts ? `（按${word}分列，各${word}内按姓氏笔画为序）` : '（按姓氏笔画为序）', 'subtitle');
  const header = headerRow(b, headers);
  const firstName = b.rowCount;
  const nameRow = (r: SubjectResult, i: number) => b.row([countCell(i + 1, 'center'), cell(r.name, 'center'), ...(withUnit ? [cell(r.unit ?? '', 'cell')] : []), cell(r.tier, 'center')]);
  /** Each unit's heading with its first name: a heading never ends a page. */
  const headings: KeepTogether[] = [];
  if (parts)
    for (const part of parts) {
      const heading = b.band(part.unit, 'section');
      headings.push({ from: heading, to: heading + 1 });
      part.rows.forEach(nameRow);
    }
  else rows.forEach(nameRow);
  const lastName = b.rowCount - 1;
  if (rows.length === 0) b.band('（暂无可公示的评议结果）', 'note');

  const notes: string[] = [];
  const pending = result.subjects.filter(isPending).length;
  if (pending > 0) notes.push(`另有 ${pending} 人等次待定，待评议委员会研究确定后另行公示。`);
  const uncertain = uncertainOrderNote(rows.map((r) => r.name));
  if (uncertain) notes.push(uncertain);
  for (const line of notes) b.band(line, 'note');
  b.blank();
  const closing = options.closing ?? closingLines(result);
  for (const line of closing) b.band(line, 'field');
  b.blank();
  for (const line of signatureLines(result)) b.band(line, 'signature');

  const build = (widths: WidthBounds[]) =>
    b.build({
      name: '公示表',
      kind: 'publication',
      bounds: widths,
      freeze: { rows: header + 1, cols: 0 },
      // Only the column headers repeat: the title and lead sentence head the notice once.
      print: { orientation: 'portrait', repeatRows: { from: header, to: header }, footer: PUBLICATION_FOOTER },
      meta: { kind: 'publication', schemeId: scheme.id },
    });
  let sheet = build(bounds);
  // A list of 序号 姓名 等次 (p5: no 单位) is a strip half the page wide, and the lead sentence and 异议 line wrapped
  // inside it, 「。」 alone on a line: the columns after 序号 are widened until the longest of those lines fits on
  // one (at most NOTICE_MAX_WIDTH, about nine tenths of portrait A4), and the rows estimated again.
  const need = Math.min(NOTICE_MAX_WIDTH, Math.ceil(Math.max(...[lead, ...closing].map(lineUnits))) + 2);
  const have = sheet.columns.reduce((a, c) => a + c.width, 0);
  if (have < need) {
    const wider = sheet.columns.length - 1;
    const share = Math.ceil((need - have) / wider);
    const widths = sheet.columns.map((c, i) => c.width + (i === 0 ? 0 : share));
    sheet = build(widths.map((w) => ({ min: w, max: w })));
  }
  // The notes, 公示期, 异议 line, 落款 and date printed with the last names: the stamped page carries names.
  // (A tail beginning just under a unit's heading takes the heading along.)
  const tail = rows.length > 0 ? tailWithLastRows(sheet, { first: firstName, last: lastName }, LAST_NAMES_WITH_CLOSING, headings) : null;
  return withPageBreaks(sheet, [...headings, ...(tail ? [tail] : [])]);
}
