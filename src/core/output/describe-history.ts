/**
 * 往年结果 to fill in, for a scheme that counts 连续 N 次 in a tier (seed 002 第五篇: 连续两次、连续三次被评为
 * 不合格): the shape hosts/files/read-history.ts reads back — 序号, 姓名, 单位 (when the roster has units,
 * which tell apart two people of one name), and one column per past year the longest run needs (N − 1),
 * headed by the year, oldest first. The clerk writes each year's tier; a year without a result stays blank.
 */
import { RosterEntry, buildRoster } from '../roster/roster';
import { Scheme } from '../scheme/scheme-schema';
import { SheetBuilder, WidthBounds, headerRow } from './sheet-builder';
import { SheetDescription, cell, countCell, pageFooter } from './sheet-description';

/** The longest 连续 N 次 a consequence counts: below 2, nothing from past years is needed (往年结果 has no use). */
export function longestRunCounted(scheme: Scheme): number {
  return Math.max(0, ...scheme.consequences.map((c) => c.consecutive ?? 0));
}

/** null when the scheme has no 连续 N 次 rule (N ≥ 2): nothing from past years is needed. */
export function describeHistoryTemplate(scheme: Scheme, roster: readonly RosterEntry[], year: number): SheetDescription | null {
  const longest = longestRunCounted(scheme);
  if (longest < 2) return null;
  const years = Array.from({ length: longest - 1 }, (_, i) => year - (longest - 1) + i);
  const subjects = buildRoster(roster).subjects;
  const withUnit = subjects.some((s) => s.unit);
  const headers = ['序号', '姓名', ...(withUnit ? ['单位'] : []), ...years.map((y) => `${y}年`)];
  const bounds: WidthBounds[] = [{ min: 6 }, { min: 12 }, ...(withUnit ? [{ min: 16, max: 40 }] : []), ...years.map(() => ({ min: 12 }))];
  const b = new SheetBuilder(headers.length);
  b.band(`${scheme.name}：往年结果`, 'title', 36);
  const runs = [...new Set(scheme.consequences.map((c) => c.consecutive ?? 0).filter((n) => n >= 2))].sort((x, y) => x - y);
  b.band(`（用于“连续${runs.join('、')}次被评为同一等次”的处理）`, 'subtitle');
  const header = headerRow(b, headers);
  subjects.forEach((s, i) =>
    b.row([countCell(i + 1, 'center'), cell(s.name, 'center'), ...(withUnit ? [cell(s.unit ?? '', 'cell')] : []), ...years.map(() => cell(null, 'entry'))]),
  );
  b.band(
    `填表说明：每格填写该年度的评议等次（${scheme.tiers.join('、')}），当年未参加评议的留空；年度可按实际改写（列标题须含年份，如「2024年」）。`,
    'note',
  );
  return b.build({
    name: '往年结果',
    kind: 'template',
    bounds,
    freeze: { rows: header + 1, cols: 0 },
    print: { orientation: 'portrait', repeatRows: { from: 0, to: header }, footer: pageFooter('往年结果', { ofPages: true }) },
    meta: { kind: 'history', schemeId: scheme.id },
  });
}
