/**
 * 统计表, like the usual 测评结果报告表: 一、等次分布 (等次, 人数, 占比), 二、参评情况 (测评人类别, 轮次,
 * 表, 应参评人数, 实收, 有效, 废票, 回收率), 三、得票情况 (per subject: valid votes, each level's votes
 * and share, and the 满意率 where the scale has 满意/比较满意). All figures are totals over ballots:
 * no ballot's marks are shown.
 *
 * 占比 of a tier is over the subjects that are graded (those with a tier and those pending); subjects
 * that receive no tier by rule (预备党员, …) are counted in a note, not in the table. 回收率 is 实收 ÷
 * 应参评人数, blank when the scheme does not give 应参评人数.
 */
import { Fraction } from '../common/fraction';
import { CampaignResult } from '../engine';
import { formLabel, formatPercent } from '../rules/conditions';
import { sortByStroke } from '../text/stroke-order';
import { RECOMMENDATION_NOTE, SheetBuilder, WidthBounds, isPending, recommendationText } from './sheet-builder';
import { CellDescription, PAGE_FOOTER, PERCENT_FORMAT, SheetDescription, cell, countCell, decimalFormat } from './sheet-description';
import { FigureRow } from '../results/evaluate';

/** A share as a number with format 0.00% and its exact display; "—" when there is no denominator. */
export function shareCell(part: number, whole: number): CellDescription {
  if (whole === 0) return cell('—', 'center');
  const f = Fraction.of(part, whole);
  return cell(f.toNumber(), 'number', { numberFormat: PERCENT_FORMAT, text: formatPercent(f) });
}

export interface TierCount {
  tier: string;
  count: number;
}

/** Subjects per tier in the scheme's order, then 待定; and how many receive no tier by rule. */
export function tierDistribution(result: CampaignResult): { rows: TierCount[]; graded: number; noTier: number } {
  const rows: TierCount[] = result.scheme.tiers.map((tier) => ({ tier, count: result.subjects.filter((r) => r.tier === tier).length }));
  const pending = result.subjects.filter(isPending).length;
  if (pending > 0) rows.push({ tier: '待定', count: pending });
  const graded = rows.reduce((a, r) => a + r.count, 0);
  return { rows, graded, noTier: result.subjects.length - graded };
}

export function describeStatistics(result: CampaignResult): SheetDescription {
  const { scheme } = result;
  const levels = result.subjects[0]?.overall.map((l) => l.level) ?? [];
  const voted = result.subjects.some((r) => r.overall.some((l) => l.votes > 0));
  const withSatisfaction = result.subjects.some((r) => r.satisfaction !== null);
  // More than one tier form (附表1/2/3): a row per form, so each 满意率 is one form's (满意+比较满意)÷有效票.
  const tierForms = scheme.forms.filter((f) => f.response.kind === 'tier');
  const perForm = tierForms.length > 1;
  const recommends = scheme.forms.some((f) => f.recommendation);
  const voteHeaders = [
    '序号',
    '姓名',
    ...(perForm ? ['表'] : []),
    '有效票数',
    ...levels.flatMap((l) => [`${l}票数`, `${l}占比`]),
    ...(withSatisfaction ? ['满意率'] : []),
    ...(recommends ? ['推荐票'] : []),
  ];
  const participationHeaders = ['测评人类别', '轮次', '表', '应参评人数', '实收', '有效', '废票', '回收率'];
  // Score sheets (干部打分×50%＋员工打分×50%, seed 003 篇六): per subject the group means and counts the score is made of.
  const scoreRows = (r: CampaignResult['subjects'][number]) => r.figures.filter((f) => f.levels.length === 0);
  const scored = result.subjects.some((r) => scoreRows(r).length > 0);
  const scoreForms = scheme.forms.filter((f) => f.response.kind === 'score');
  const partWords = (f: FigureRow) =>
    [scoreForms.length > 1 ? f.form : '', scoreForms.some((x) => x.itemLabels.length > 1) ? f.item : '', scheme.rounds.length > 1 ? f.round : ''].filter(Boolean).join('·');
  const withPart = result.subjects.some((r) => scoreRows(r).some((f) => partWords(f) !== ''));
  const scoreHeaders = ['序号', '姓名', ...(withPart ? ['评价项目'] : []), '测评人类别', '平均分', '有效评分', '弃权', '无效', '得分'];
  const width = Math.max(participationHeaders.length, voted ? voteHeaders.length : 0, scored ? scoreHeaders.length : 0);
  const b = new SheetBuilder(width);
  const header = (labels: string[]) => b.row(labels.map((l) => cell(l, 'header')));

  b.band(`${scheme.process}测评结果统计表`, 'title', 30);

  // 一、等次分布
  b.band('一、等次分布', 'section', 22);
  header(['等次', '人数', '占比']);
  const dist = tierDistribution(result);
  for (const row of dist.rows) b.row([cell(row.tier, 'center'), countCell(row.count), shareCell(row.count, dist.graded)]);
  b.row([cell('合计', 'center'), countCell(dist.graded), shareCell(dist.graded, dist.graded)]);
  if (dist.noTier > 0) b.band(`注：另有 ${dist.noTier} 个被评议对象参加评议但按方案不确定等次（如预备党员），未列入上表。`, 'note');
  b.blank();

  // 二、参评情况
  b.band('二、参评情况', 'section', 22);
  header(participationHeaders);
  for (const p of result.participation)
    b.row([
      cell(p.group, 'center'),
      cell(p.round, 'center'),
      cell(p.form, 'wrap'),
      p.expected === null ? cell('—', 'center') : countCell(p.expected),
      countCell(p.returned),
      countCell(p.valid),
      countCell(p.invalid),
      p.expected === null ? cell('—', 'center') : shareCell(p.returned, p.expected),
    ]);
  if (result.participation.length === 0) b.band('（没有收到任何测评表）', 'note');
  b.band('注：实收＝有效＋废票（无法计入的票，如测评人类别不明）；与其他票完全相同的票按方案设置处理，见校验结果。回收率＝实收÷应参评人数。', 'note');

  // 三、得票情况
  if (voted) {
    b.blank();
    b.band('三、得票情况', 'section', 22);
    header(voteHeaders);
    sortByStroke(result.subjects, (r) => r.name).forEach((r, i) => {
      if (!perForm) {
        const valid = r.overall.reduce((a, l) => a + l.votes, 0);
        b.row([
          countCell(i + 1, 'center'),
          cell(r.label, 'center'), // 王伟（科技部） when two share the name: 统计表 has no unit column
          countCell(valid),
          ...r.overall.flatMap((l) => [countCell(l.votes), shareCell(l.votes, valid)]),
          ...(withSatisfaction ? [r.satisfaction ? shareCell(r.satisfaction.votes, r.satisfaction.valid) : cell('—', 'center')] : []),
          ...(recommends ? [cell(recommendationText(result, r) ?? '—', 'center')] : []),
        ]);
        return;
      }
      const rated = tierForms.filter((f) => r.figures.some((x) => x.form === f.title));
      (rated.length > 0 ? rated : [null]).forEach((form, k) => {
        const counts = levels.map((level) =>
          r.figures.filter((x) => x.form === form?.title).reduce((a, x) => a + (x.levels.find((l) => l.level === level)?.votes ?? 0), 0),
        );
        const valid = counts.reduce((a, n) => a + n, 0);
        const sat = r.satisfactionByForm.find((x) => x.form === form?.title);
        b.row([
          k === 0 ? countCell(i + 1, 'center') : cell('', 'center'),
          cell(r.label, 'center'), // 王伟（科技部） when two share the name: 统计表 has no unit column
          cell(form ? formLabel(scheme, form.id) : '—', 'center'),
          countCell(valid),
          ...counts.flatMap((n) => [countCell(n), shareCell(n, valid)]),
          ...(withSatisfaction ? [sat ? shareCell(sat.votes, sat.valid) : cell('—', 'center')] : []),
          // 推荐票 on the row of the form that carries 是否推荐 (附表2), or on the only row.
          ...(recommends ? [form?.recommendation || rated.length <= 1 ? cell(recommendationText(result, r) ?? '—', 'center') : cell('', 'center')] : []),
        ]);
      });
    });
    b.band(
      perForm
        ? '注：按姓氏笔画为序，每人每张表一行。票数为该表各评价项目、各测评人类别、各轮次的合计（一张票评价多个项目的，每个项目计一次）；弃权、无效和不涉及的项目不计入。满意率＝（满意＋比较满意）÷有效票数，各表分别计算。'
        : '注：按姓氏笔画为序。票数为各表、各评价项目、各测评人类别、各轮次的合计（一张票评价多个项目的，每个项目计一次）；弃权和无效的项目不计入。',
      'note',
    );
    if (recommends) b.band(RECOMMENDATION_NOTE, 'note');
  }

  // 三、得分情况 (score sheets): the means and counts behind each weighted score, so a tier can be checked from the workbook.
  if (scored) {
    b.blank();
    b.band(voted ? '四、得分情况' : '三、得分情况', 'section', 22);
    header(scoreHeaders);
    sortByStroke(result.subjects, (r) => r.name).forEach((r, i) => {
      const rows = scoreRows(r);
      (rows.length > 0 ? rows : [null]).forEach((f, k) =>
        b.row([
          k === 0 ? countCell(i + 1, 'center') : cell('', 'center'),
          cell(r.label, 'center'),
          ...(withPart ? [cell(f ? partWords(f) : '—', 'center')] : []),
          cell(f?.group ?? '—', 'center'),
          meanCell(f, decimals(r.scoreText, scheme.scoring.places)),
          countCell(f?.valid ?? 0),
          countCell(f?.abstain ?? 0),
          countCell(f?.invalid ?? 0),
          k === 0 && r.score !== null ? cell(r.score.toNumber(), 'number', { numberFormat: decimalFormat(decimals(r.scoreText, scheme.scoring.places)), text: r.scoreText ?? '' }) : cell(k === 0 ? '—' : '', 'center'),
        ]),
      );
    });
    b.band(
      `注：按姓氏笔画为序。平均分为该类别有效评分的平均；弃权（未评分）和无效的评分不计入。得分＝${weightWords(scheme)}${scoreForms.some((x) => x.itemLabels.length > 1) ? `，各评价项目${scheme.scoring.items === 'sum' ? '相加' : '平均'}` : ''}；平均分与得分的位数相同，以便核算。`,
      'note',
    );
  }

  const bounds: WidthBounds[] = Array.from({ length: width }, (_, c) => (c === 2 ? { min: 10, max: 30 } : { min: 8, max: 16 }));
  return b.build({
    name: '统计表',
    kind: 'statistics',
    bounds,
    print: { orientation: width > 8 ? 'landscape' : 'portrait', repeatRows: { from: 0, to: 0 }, footer: PAGE_FOOTER },
    meta: { kind: 'statistics', schemeId: scheme.id },
  });
}

function decimals(text: string | null, places: number): number {
  const dot = text?.indexOf('.') ?? -1;
  return text && dot >= 0 ? text.length - dot - 1 : places;
}

/** 干部平均分×50.00%＋员工平均分×50.00%: the scheme's group weights as shares of their sum. */
function weightWords(scheme: CampaignResult['scheme']): string {
  const groups = scheme.raterGroups.filter((g) => g.weight > 0);
  const sum = groups.reduce((a, g) => a.add(Fraction.fromDecimal(g.weight)), Fraction.ZERO);
  return groups.map((g) => `${g.name}平均分×${formatPercent(Fraction.fromDecimal(g.weight).div(sum))}`).join('＋');
}

/** A group mean with as many places as the subject's score is shown with (84.967 and 85.029 give 84.998, not 85.00). */
function meanCell(f: FigureRow | null, places: number): CellDescription {
  if (!f?.meanExact) return f?.mean ? cell(f.mean, 'center') : cell('—', 'center');
  const [num, den] = f.meanExact.split('/');
  const exact = Fraction.of(BigInt(num), BigInt(den ?? '1'));
  return cell(exact.toNumber(), 'number', { numberFormat: decimalFormat(places), text: exact.toFixed(places) });
}
