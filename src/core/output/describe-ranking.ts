/**
 * 排名表, for the committee: every subject in rank order (by tier, then the figure; competition ranks 1, 1, 3),
 * those without a rank last by their figure; equal ranks and figures 按姓氏笔画. Shows the score (schemes that score),
 * the ranking share (schemes that rank by a share of votes), 等次, flags and the reasons behind the
 * tier (DOMAIN.md: every tier carries its reason). Aggregates only: no ballot's marks.
 */
import { CampaignResult } from '../engine';
import { SubjectResult, categoryKey, ranksPerCategory } from '../results/evaluate';
import { Scheme } from '../scheme/scheme-schema';
import { sortByStroke } from '../text/stroke-order';
import { inYear } from './describe-publication';
import { RankingFigure, rankingFigures } from './ranking-figures';
import { RECOMMENDATION_NOTE, SheetBuilder, WidthBounds, headerRow, tierText } from './sheet-builder';
import { CellDescription, PERCENT_FORMAT, SheetDescription, cell, countCell, decimalFormat, pageFooter } from './sheet-description';

/**
 * Rank order: ranked first by rank, then the unranked (待定, 不定等次) by their figure (the rank key, highest first),
 * those without one last; ties 按姓氏笔画.
 */
export function rankingOrder(subjects: readonly SubjectResult[], scheme?: Pick<Scheme, 'ranking'>): SubjectResult[] {
  const byFigure = (a: SubjectResult, b: SubjectResult) =>
    a.rankKey === null || b.rankKey === null ? Number(a.rankKey === null) - Number(b.rankKey === null) : b.rankKey.compare(a.rankKey);
  // Ranked per category (seed 003 篇六 二、考核类别): the categories one after the other, in the roster's order of their
  // first appearance (先正职后副职 when the clerk listed them so), each in its own rank order.
  const perCategory = scheme !== undefined && ranksPerCategory(scheme, subjects);
  const firstSeen = new Map<string, number>();
  for (const s of [...subjects].sort((a, b) => a.index - b.index)) if (!firstSeen.has(categoryKey(s))) firstSeen.set(categoryKey(s), firstSeen.size);
  const byCategory = (a: SubjectResult, b: SubjectResult) => (perCategory ? firstSeen.get(categoryKey(a))! - firstSeen.get(categoryKey(b))! : 0);
  return sortByStroke(subjects, (s) => s.name).sort(
    (a, b) => byCategory(a, b) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.rank === null && b.rank === null ? byFigure(a, b) : 0),
  );
}

/** Said under the title; result-sheet-names.ts knows the sheet by it (and by the wording before tiers came first). */
const RANKING_SUBTITLE = '（按名次排列：先按等次，同一等次按排名依据；名次相同的按姓氏笔画为序；未排名的列在最后）';
/** The same, ranked per category: 名次 are within each category. */
const RANKING_PER_CATEGORY_SUBTITLE = '（按类别分别排名，各类别依名册中出现的先后排列；类别内按名次排列：先按等次，同一等次按排名依据；名次相同的按姓氏笔画为序；未排名的列在本类别最后）';

interface Column {
  header: string;
  bounds: WidthBounds;
  value: (r: SubjectResult) => CellDescription;
}

export function describeRanking(result: CampaignResult): SheetDescription {
  const { scheme } = result;
  const places = scheme.scoring.places;
  const perCategory = ranksPerCategory(scheme, result.subjects);
  const rows = rankingOrder(result.subjects, scheme);
  const columns: Column[] = [
    // Ranked per category: the 类别 first, the 名次 beside it counted within it.
    ...(perCategory ? [{ header: '类别', bounds: {}, value: (r: SubjectResult) => cell(r.category ?? '（未填类别）', 'center') }] : []),
    { header: '名次', bounds: { min: 6 }, value: (r) => (r.rank === null ? cell('—', 'center') : countCell(r.rank, 'center')) },
    // At most 24 wide, as on the templates: a 党组织's long name (p5 附表1) wraps instead of widening the column to 43
    // and printing the whole 排名表 at 63 %.
    { header: '姓名', bounds: { min: 10, max: 24 }, value: (r) => cell(r.name, 'cell') },
  ];
  if (rows.some((r) => r.unit)) columns.push({ header: '单位', bounds: { max: 30 }, value: (r) => cell(r.unit ?? '', 'cell') });
  if (!perCategory && rows.some((r) => r.category)) columns.push({ header: '职务类别', bounds: {}, value: (r) => cell(r.category ?? '', 'center') });
  const recommends = scheme.forms.some((f) => f.recommendation);
  for (const figure of rankingFigures(result))
    columns.push({ header: figure.header, bounds: FIGURE_BOUNDS[figure.kind], value: (r) => figureCell(figure, r, places) });
  columns.push(
    { header: '等次', bounds: { min: 8 }, value: (r) => cell(tierText(r), 'center') },
    { header: '标记', bounds: { max: 20 }, value: (r) => cell(r.flags.join('、'), 'wrap') },
    { header: '理由', bounds: { min: 30, max: 70 }, value: (r) => cell(r.reasons.join('\n'), 'wrap') },
  );

  const b = new SheetBuilder(columns.length);
  // The year, as the 公示表 has it: this year's printed 排名表 is not taken for last year's at a meeting.
  b.band(`${inYear(result, scheme.process)}排名表`, 'title', 30);
  b.band(scheme.ranking.by === 'none' ? '（本方案不排名，按姓氏笔画为序）' : perCategory ? RANKING_PER_CATEGORY_SUBTITLE : RANKING_SUBTITLE, 'subtitle');
  const header = headerRow(b, columns.map((c) => c.header));
  for (const r of rows) b.row(columns.map((c) => c.value(r)));
  if (rows.length === 0) b.band('（名册为空）', 'note');
  const last = b.rowCount - 1;
  if (recommends && rows.length > 0) b.band(RECOMMENDATION_NOTE, 'note');
  return b.build({
    name: '排名表',
    kind: 'ranking',
    bounds: columns.map((c) => c.bounds),
    freeze: { rows: header + 1, cols: perCategory ? 3 : 2 },
    autoFilter: rows.length > 0 ? { r1: header, c1: 0, r2: last, c2: columns.length - 1 } : undefined,
    print: { orientation: 'landscape', repeatRows: { from: header, to: header }, footer: pageFooter('排名表', { ofPages: false }) },
    meta: { kind: 'ranking', schemeId: scheme.id },
  });
}

const FIGURE_BOUNDS: Record<RankingFigure['kind'], WidthBounds> = { score: { min: 8 }, share: { min: 10, max: 16 }, recommendation: { min: 8, max: 10 } };

/** A figure as a cell: a number where it is one (the score, the share), with the text the other outputs show. */
function figureCell(figure: RankingFigure, r: SubjectResult, places: number): CellDescription {
  const text = figure.text(r);
  switch (figure.kind) {
    case 'score':
      return r.score === null ? cell('—', 'center') : cell(r.score.toNumber(), 'number', { numberFormat: decimalFormat(shownPlaces(r.scoreText, places)), text });
    case 'share':
      return r.rankKey === null ? cell('—', 'center') : cell(r.rankKey.toNumber(), 'number', { numberFormat: PERCENT_FORMAT, text });
    case 'recommendation':
      return cell(text, 'center');
  }
}

function shownPlaces(text: string | null, places: number): number {
  const dot = text?.indexOf('.') ?? -1;
  return text && dot >= 0 ? text.length - dot - 1 : places;
}
