/**
 * 公示表: what is published to staff, 按姓氏笔画为序 — 姓名, 单位 and 等次, nothing else (no scores,
 * no vote figures, no reasons).
 *
 * Only decided tiers are published. A subject whose tier is pending (待定, 名额并列: the committee
 * decides) is left out and a note says how many are pending, because publishing "待定" next to a
 * name announces a dispute that is not settled; the list is published again once decided. Subjects
 * who receive no tier by rule (预备党员, an organisation where only persons are graded) are not
 * listed and not counted as pending.
 *
 * Names with characters that have no stroke data cannot be ordered reliably (they sort last): the
 * sheet says so under the table, and {@link publicationFindings} reports them (NAME_ORDER_UNCERTAIN).
 */
import { CampaignResult } from '../engine';
import { Finding, finding } from '../findings/finding';
import { SubjectResult } from '../results/evaluate';
import { sortByStroke, strokeKeyOf } from '../text/stroke-order';
import { SheetBuilder, WidthBounds, headerRow, isPending } from './sheet-builder';
import { PAGE_FOOTER, SheetDescription, cell, countCell } from './sheet-description';

export interface PublicationOptions {
  /** Publish only these tiers (e.g. ['优秀党员'] for a list of those selected); default every tier. */
  tiers?: string[];
  /** Default: 关于<process>结果的公示. */
  title?: string;
  /** Lines under the table; default a 公示期 line with blanks to fill. */
  closing?: string[];
}

export const DEFAULT_CLOSING = ['公示期：    年  月  日至    年  月  日。公示期间如有异议，请向            反映。'];

/** The subjects published, in stroke order. */
export function publishedSubjects(result: CampaignResult, tiers?: readonly string[]): SubjectResult[] {
  const listed = result.subjects.filter((r) => r.tier !== null && (!tiers || tiers.includes(r.tier)));
  return sortByStroke(listed, (r) => r.name);
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

export function describePublication(result: CampaignResult, options: PublicationOptions = {}): SheetDescription {
  const { scheme } = result;
  const rows = publishedSubjects(result, options.tiers);
  const withUnit = rows.some((r) => r.unit);
  const headers = ['序号', '姓名', ...(withUnit ? ['单位'] : []), '等次'];
  const bounds: WidthBounds[] = [{ min: 6 }, { min: 12 }, ...(withUnit ? [{ min: 16, max: 40 }] : []), { min: 12 }];
  const b = new SheetBuilder(headers.length);
  b.band(options.title ?? `关于${scheme.process}结果的公示`, 'title', 36);
  b.band('（按姓氏笔画为序）', 'subtitle');
  const header = headerRow(b, headers);
  rows.forEach((r, i) => b.row([countCell(i + 1, 'center'), cell(r.name, 'center'), ...(withUnit ? [cell(r.unit ?? '', 'cell')] : []), cell(r.tier, 'center')]));
  if (rows.length === 0) b.band('（暂无可公示的评议结果）', 'note');

  const notes: string[] = [];
  const pending = result.subjects.filter(isPending).length;
  if (pending > 0) notes.push(`另有 ${pending} 人等次待定，待评议委员会研究确定后另行公示。`);
  const uncertain = uncertainOrderNote(rows.map((r) => r.name));
  if (uncertain) notes.push(uncertain);
  for (const line of [...notes, ...(options.closing ?? DEFAULT_CLOSING)]) b.band(line, 'note');

  return b.build({
    name: '公示表',
    kind: 'publication',
    bounds,
    freeze: { rows: header + 1, cols: 0 },
    print: { orientation: 'portrait', repeatRows: { from: 0, to: header }, footer: PAGE_FOOTER },
    meta: { kind: 'publication', schemeId: scheme.id },
  });
}
