/**
 * The statistics a committee checks the tiers against, like the usual 测评结果报告表, on up to three sheets so that
 * each long table prints with its own header on every page (print titles are one band of rows per sheet):
 * - 统计表: 一、等次分布 (等次, 人数, 占比) and 二、参评情况 (测评人类别, 轮次, 表, 应参评人数, 实收, 有效, 废票, 回收率);
 * - 得票情况 (schemes with 打√ forms): per subject the valid votes with the 弃权 and 无效 beside them (10 valid of 12
 *   returned), each level's votes and share, and the 满意率 where the scale has 满意/比较满意; counted the way the
 *   scheme's rules read them: per rater group and a 按类别加权 row where a rule
 *   weights groups (P1), per round where a rule reads each round (P3 两轮), and a pooled row only where a rule or
 *   the ranking uses the pooled figure, named as such (各轮合计);
 * - 得分情况 (schemes that score): per subject, item (专项) and rater group the mean, the counts it is made of, the
 *   item's score and the score, with the formula, so the score can be recomputed (seed 003 篇二 三个专项…相加除以3;
 *   篇六 干部打分×50%＋部分员工打分×50%).
 * All figures are totals over ballots: no ballot's marks are shown.
 *
 * 占比 of a tier is over the subjects that are graded (those with a tier and those pending); subjects that receive no
 * tier by rule (预备党员, …) are counted in a note, not in the table. 回收率 is 实收 ÷ 应参评人数, blank when the scheme
 * does not give 应参评人数.
 */
import { Fraction } from '../common/fraction';
import { CampaignResult } from '../engine';
import { formLabel, formatPercent, weightWords } from '../rules/conditions';
import { FigureRow, SubjectResult } from '../results/evaluate';
import { unitWord } from '../roster/units';
import { Scheme, ShareScope } from '../scheme/scheme-schema';
import { sortByStroke } from '../text/stroke-order';
import { inYear } from './describe-publication';
import { SCORES_SHEET, STATISTICS_SHEET, VOTES_SHEET, resultSheetNames } from './result-sheet-names';
import { RECOMMENDATION_NOTE, SheetBuilder, WidthBounds, isPending, recommendationText } from './sheet-builder';
import { CellDescription, PERCENT_FORMAT, SheetDescription, cell, countCell, decimalFormat, pageFooter } from './sheet-description';

/** A share as a number with format 0.00% and its exact display; "—" when there is no denominator. */
export function shareCell(part: number, whole: number): CellDescription {
  if (whole === 0) return cell('—', 'center');
  return fractionShareCell(Fraction.of(part, whole));
}

function fractionShareCell(f: Fraction | null): CellDescription {
  if (f === null) return cell('—', 'center');
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

/** Whether the results have a 得票情况 sheet (打√ forms) and a 得分情况 sheet (a score): decided by the scheme, not the data. */
const hasVotesSheet = (scheme: Scheme) => resultSheetNames(scheme).includes(VOTES_SHEET);
const hasScoresSheet = (scheme: Scheme) => resultSheetNames(scheme).includes(SCORES_SHEET);

export function describeStatistics(result: CampaignResult): SheetDescription {
  const { scheme } = result;
  // Forms held per unit show each village's or 支部's own meeting under the form's row (ParticipationRow.byUnit).
  const perUnit = result.participation.some((p) => p.byUnit);
  const unitWords = [...new Set(scheme.forms.flatMap((f) => (f.perUnit ? [unitWord(f.perUnit.label)] : [])))];
  const unitHeader = unitWords.length === 1 ? unitWords[0] : '单位';
  const participationHeaders = ['测评人类别', '轮次', '表', ...(perUnit ? [unitHeader] : []), '应参评人数', '实收', '有效', '废票', '回收率'];
  const width = participationHeaders.length;
  const b = new SheetBuilder(width);
  const header = (labels: string[]) => b.row(labels.map((l) => cell(l, 'header')));

  b.band(`${inYear(result, scheme.process)}测评结果统计表`, 'title', 30);

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
  const counts = (p: { expected: number | null; returned: number; valid: number; invalid: number }) => [
    p.expected === null ? cell('—', 'center') : countCell(p.expected),
    countCell(p.returned),
    countCell(p.valid),
    countCell(p.invalid),
    p.expected === null ? cell('—', 'center') : shareCell(p.returned, p.expected),
  ];
  for (const p of result.participation) {
    b.row([cell(p.group, 'center'), cell(p.round, 'center'), cell(p.form, 'wrap'), ...(perUnit ? [cell(p.byUnit ? '合计' : '', 'center')] : []), ...counts(p)]);
    for (const u of p.byUnit ?? []) b.row([cell('', 'center'), cell('', 'center'), cell('', 'wrap'), cell(u.unit ?? `（${unitHeader}不明）`, 'center'), ...counts(u)]);
  }
  if (result.participation.length === 0) b.band('（没有收到任何测评表）', 'note');
  b.band(
    `注：实收＝有效＋废票（无法计入的票，如测评人类别不明）；与其他票完全相同的票按方案设置处理，见校验结果。回收率＝实收÷应参评人数${scheme.rounds.length > 1 ? '（各轮分别给出应参评人数的，按该轮计算）' : ''}；未给出应参评人数的为「—」。`,
    'note',
  );
  if (perUnit)
    b.band(
      `注：按${unitHeader}分别评议的表，「合计」行下逐${unitHeader}列出各${unitHeader}的参评情况，各${unitHeader}的应参评人数按方案中各${unitHeader}的人数，「合计」行未另给应参评人数的为各${unitHeader}之和；「（${unitHeader}不明）」为没有写明${unitHeader}（按名册全部人员读取）或写的${unitHeader}认不出的票。`,
      'note',
    );
  const more = [hasVotesSheet(scheme) ? `各被评议对象的得票见「${VOTES_SHEET}」表` : '', hasScoresSheet(scheme) ? `得分及其算法见「${SCORES_SHEET}」表` : ''].filter(Boolean);
  if (more.length > 0) b.band(`注：${more.join('，')}。`, 'note');

  const bounds: WidthBounds[] = Array.from({ length: width }, (_, c) => (c === 2 ? { min: 10, max: 30 } : perUnit && c === 3 ? { min: 8, max: 20 } : { min: 8, max: 16 }));
  return b.build({
    name: STATISTICS_SHEET,
    kind: 'statistics',
    bounds,
    print: { orientation: 'portrait', repeatRows: { from: 0, to: 0 }, footer: pageFooter(STATISTICS_SHEET, { ofPages: false }) },
    meta: { kind: 'statistics', schemeId: scheme.id },
  });
}

/** A rule that reads a row of votes: a tier's condition, a veto (or a note), or the ranking. */
type VoteUse = { kind: 'tier'; tier: string } | { kind: 'veto'; name: string; note: boolean } | { kind: 'rank' };

/** 「优秀」「称职」的条件、一票否决「…」和排名. */
function useWords(uses: VoteUse[]): string {
  const tiers = uses.flatMap((u) => (u.kind === 'tier' ? [`「${u.tier}」`] : []));
  const words = [
    ...(tiers.length > 0 ? [`${tiers.join('')}的条件`] : []),
    ...uses.flatMap((u) => (u.kind === 'veto' ? [u.note ? `「${u.name}」` : `一票否决「${u.name}」`] : [])),
  ];
  const rank = uses.some((u) => u.kind === 'rank') ? '排名' : '';
  return words.length > 0 && rank ? `${words.join('、')}和排名` : words.join('、') || rank;
}

/**
 * One way of counting a subject's votes that a rule (or the ranking) reads: a set of rounds × a set of rater groups,
 * or the groups' shares combined by weight.
 */
interface VotePart {
  key: string;
  label: string;
  rounds: string[];
  groups: string[];
  weighted: boolean;
  /** What reads it. */
  uses: VoteUse[];
  order: [number, number];
}

/** The ways the scheme's share conditions and ranking read the votes, in print order; one pooled part when none does. */
function voteParts(scheme: Scheme): VotePart[] {
  const scopes: { scope: ShareScope; use: VoteUse }[] = [
    ...scheme.classification.rules.flatMap((r) => r.when.flatMap((c) => (c.kind === 'share' ? [{ scope: c, use: { kind: 'tier' as const, tier: r.tier } }] : []))),
    ...scheme.vetoes.flatMap((v) => v.when.flatMap((c) => (c.kind === 'share' ? [{ scope: c, use: { kind: 'veto' as const, name: v.name, note: v.effect.kind === 'note' } }] : []))),
    // The ranking share is pooled over rounds (results/evaluate rankingScope).
    ...(scheme.ranking.by === 'share' && scheme.ranking.share ? [{ scope: { ...scheme.ranking.share, rounds: 'pooled' as const }, use: { kind: 'rank' as const } }] : []),
  ];
  const allRounds = scheme.rounds.map((r) => r.id);
  const allGroups = scheme.raterGroups.map((g) => g.id);
  const roundName = (id: string) => scheme.rounds.find((r) => r.id === id)!.name;
  const groupName = (id: string) => scheme.raterGroups.find((g) => g.id === id)!.name;
  const roundSet = (ids: string[]): { ids: string[]; label: string; order: number } => {
    if (allRounds.length === 1) return { ids: allRounds, label: '', order: 0 };
    if (ids.length === 1) return { ids, label: roundName(ids[0]), order: allRounds.indexOf(ids[0]) };
    if (ids.length === allRounds.length) return { ids: allRounds, label: '各轮合计', order: 1000 };
    return { ids, label: `${ids.map(roundName).join('＋')}合计`, order: 500 + allRounds.indexOf(ids[0]) };
  };
  const parts = new Map<string, VotePart>();
  const add = (rounds: ReturnType<typeof roundSet>, groups: string[], weighted: boolean, groupLabel: string, groupOrder: number, use: VoteUse | null) => {
    const key = `${rounds.ids.join('+')}|${weighted ? 'weighted' : groups.join('+')}`;
    const part = parts.get(key) ?? { key, label: [rounds.label, groupLabel].filter(Boolean).join('·'), rounds: rounds.ids.map(roundName), groups: groups.map(groupName), weighted, uses: [], order: [rounds.order, groupOrder] as [number, number] };
    if (use && !part.uses.some((u) => JSON.stringify(u) === JSON.stringify(use))) part.uses.push(use);
    parts.set(key, part);
  };
  for (const { scope, use } of scopes) {
    const mode = scope.rounds ?? 'pooled';
    const roundSets = mode === 'pooled' ? [roundSet(allRounds)] : mode === 'each' ? allRounds.map((id) => roundSet([id])) : [roundSet(allRounds.filter((id) => mode.includes(id)))];
    const groupMode = allGroups.length === 1 ? 'pooled' : (scope.groups ?? 'pooled');
    for (const rs of roundSets) {
      if (groupMode === 'pooled') add(rs, allGroups, false, allGroups.length > 1 ? '各类别合计' : '', 1000, use);
      else {
        const groups = scheme.raterGroups.filter((g) => groupMode === 'each' || g.weight > 0);
        for (const g of groups) add(rs, [g.id], false, g.name, allGroups.indexOf(g.id), use);
        if (groupMode === 'weighted') add(rs, groups.map((g) => g.id), true, '按类别加权', 2000, use);
      }
    }
  }
  if (parts.size === 0) add(roundSet(allRounds), allGroups, false, '', 0, null);
  return [...parts.values()].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
}

/** Votes per level of one subject's figures on the given forms, rounds and groups (names as in FigureRow). */
function levelCounts(r: SubjectResult, levels: string[], forms: string[], rounds: string[], groups: string[]): number[] {
  const counts = levels.map(() => 0);
  for (const f of matching(r, forms, rounds, groups))
    for (const l of f.levels) {
      const i = levels.indexOf(l.level);
      if (i >= 0) counts[i] += l.votes;
    }
  return counts;
}

/** 弃权 and 无效 of the same figures: with 有效票数 they make the ballots returned (10 valid of 12: 2 left blank). */
function blankAndInvalid(r: SubjectResult, forms: string[], rounds: string[], groups: string[]): { abstain: number; invalid: number } {
  let abstain = 0;
  let invalid = 0;
  for (const f of matching(r, forms, rounds, groups)) {
    abstain += f.abstain;
    invalid += f.invalid;
  }
  return { abstain, invalid };
}

function matching(r: SubjectResult, forms: string[], rounds: string[], groups: string[]): FigureRow[] {
  return r.figures.filter((f) => forms.includes(f.form) && rounds.includes(f.round) && groups.includes(f.group));
}

/** 满意率 of a row of counts: (满意＋比较满意) ÷ valid (seed 004), null without valid votes. */
function satisfactionOf(levels: string[], counts: number[]): Fraction | null {
  const valid = counts.reduce((a, n) => a + n, 0);
  if (valid === 0) return null;
  return Fraction.of(counts[levels.indexOf('满意')] + counts[levels.indexOf('比较满意')], valid);
}

export function describeVotes(result: CampaignResult): SheetDescription | null {
  const { scheme } = result;
  if (!hasVotesSheet(scheme)) return null;
  const levels = result.subjects[0]?.overall.map((l) => l.level) ?? [];
  const withSatisfaction = levels.includes('满意') && levels.includes('比较满意');
  // More than one tier form (附表1/2/3): a row per form, so each 满意率 is one form's (满意+比较满意)÷有效票.
  const tierForms = scheme.forms.filter((f) => f.response.kind === 'tier');
  const perForm = tierForms.length > 1;
  const recommends = scheme.forms.some((f) => f.recommendation);
  const parts = voteParts(scheme);
  const byParts = parts.length > 1;
  // What the rows differ by: groups only (P1), rounds only (P3 两轮), or both.
  const allRounds = parts.every((p) => p.rounds.length === scheme.rounds.length);
  const allGroups = parts.every((p) => !p.weighted && p.groups.length === scheme.raterGroups.length);
  const partHeader = allRounds ? '测评人类别' : allGroups ? '轮次' : '轮次·测评人类别';
  const headers = [
    '序号',
    '姓名',
    ...(perForm ? ['表'] : []),
    ...(byParts ? [partHeader] : []),
    '有效票数',
    '弃权',
    '无效',
    ...levels.flatMap((l) => [`${l}票数`, `${l}占比`]),
    ...(withSatisfaction ? ['满意率'] : []),
    ...(recommends ? ['推荐票'] : []),
  ];
  const b = new SheetBuilder(headers.length);
  b.band(`${inYear(result, scheme.process)}得票情况`, 'title', 30);
  const headerRow = b.row(headers.map((l) => cell(l, 'header')));
  const weights = scheme.raterGroups.filter((g) => g.weight > 0);
  const weightSum = weights.reduce((a, g) => a.add(Fraction.fromDecimal(g.weight)), Fraction.ZERO);

  sortByStroke(result.subjects, (r) => r.name).forEach((r, i) => {
    const rated = perForm ? tierForms.filter((f) => r.figures.some((x) => x.form === f.title)) : tierForms;
    let first = true;
    (rated.length > 0 ? rated : [null]).forEach((form) => {
      const forms = form ? [form.title] : [];
      parts.forEach((part, p) => {
        let valid: CellDescription;
        let blankCells: CellDescription[];
        let levelCells: CellDescription[];
        let satisfaction: Fraction | null;
        if (part.weighted) {
          // Each group's share of each level, by weight: the figure the rule compares (one group without votes: none).
          const perGroup = weights.map((g) => ({ w: Fraction.fromDecimal(g.weight).div(weightSum), counts: levelCounts(r, levels, forms, part.rounds, [g.name]) }));
          const known = perGroup.every((g) => g.counts.some((n) => n > 0));
          const of = (share: (counts: number[]) => Fraction | null) =>
            known ? perGroup.reduce((a, g) => a.add(share(g.counts)!.mul(g.w)), Fraction.ZERO) : null;
          valid = cell('—', 'center');
          blankCells = [cell('—', 'center'), cell('—', 'center')];
          levelCells = levels.flatMap((_, l) => [cell('—', 'center'), fractionShareCell(of((c) => Fraction.of(c[l], c.reduce((a, n) => a + n, 0))))]);
          satisfaction = withSatisfaction ? of((c) => satisfactionOf(levels, c)) : null;
        } else {
          const counts = levelCounts(r, levels, forms, part.rounds, part.groups);
          const total = counts.reduce((a, n) => a + n, 0);
          valid = countCell(total);
          const { abstain, invalid } = blankAndInvalid(r, forms, part.rounds, part.groups);
          blankCells = [countCell(abstain), countCell(invalid)];
          levelCells = counts.flatMap((n) => [countCell(n), shareCell(n, total)]);
          satisfaction = withSatisfaction ? satisfactionOf(levels, counts) : null;
        }
        // 推荐票 once per subject: on the first row of the form that carries 是否推荐 (附表2), or of the only form.
        const recommendationHere = p === 0 && (form?.recommendation || rated.length <= 1);
        b.row([
          first ? countCell(i + 1, 'center') : cell('', 'center'),
          cell(r.label, 'center'), // 王伟（科技部） when two share the name: 得票情况 has no unit column
          ...(perForm ? [cell(form ? (p === 0 ? formLabel(scheme, form.id) : '') : '—', 'center')] : []),
          ...(byParts ? [cell(part.label, 'center')] : []),
          valid,
          ...blankCells,
          ...levelCells,
          ...(withSatisfaction ? [fractionShareCell(satisfaction)] : []),
          ...(recommends ? [recommendationHere ? cell(recommendationText(result, r) ?? '—', 'center') : cell('', 'center')] : []),
        ]);
        first = false;
      });
    });
  });

  const what = byParts ? '该行所列轮次、测评人类别' : perForm ? '该表各测评人类别、各轮次' : '各表、各测评人类别、各轮次';
  const items = tierForms.some((f) => f.itemLabels.length > 1) ? `${perForm ? '该表' : ''}各评价项目的票相加，一张票评价多个项目的每个项目计一次；` : '';
  b.band(
    `注：按姓氏笔画为序${perForm ? '，每人每张表一组' : ''}。票数为${what}的合计；${items}弃权（未评）、无效${perForm ? '和不涉及' : ''}的项目不计入有效票数和占比，弃权、无效的数目另列。${withSatisfaction ? `满意率＝（满意＋比较满意）÷有效票数${perForm ? '，各表分别计算' : ''}。` : ''}`,
    'note',
  );
  // The rules' own denominator may take 弃权 or 无效 (counting settings): then their shares are not this table's.
  const alsoCounted = [scheme.counting.abstentionsInDenominator ? '弃权' : '', scheme.counting.invalidInDenominator ? '无效' : ''].filter(Boolean).join('和');
  if (alsoCounted)
    b.band(`注：本方案的得票率把${alsoCounted}也计入分母，与上表以有效票数为分母的占比不同；规则所用的得票率及其分子分母见各人的理由。`, 'note');
  if (!byParts && parts[0].uses.length > 0) b.band(`注：上表的合计用于${useWords(parts[0].uses)}。`, 'note');
  if (byParts) {
    // Which rule reads which row, so the figure a tier rests on is found at once; rows read alike are said together.
    const byUse = new Map<string, string[]>();
    for (const part of parts) {
      const uses = useWords(part.uses);
      byUse.set(uses, [...(byUse.get(uses) ?? []), `「${part.label}」`]);
    }
    const said = [...byUse].map(([uses, labels]) => `${labels.join('')}${labels.length > 1 ? '各行' : '行'}${uses ? `用于${uses}` : '未用于等次'}`);
    b.band(`注：${said.join('；')}。`, 'note');
    if (parts.some((p) => p.weighted))
      b.band(
        `注：「按类别加权」的占比＝${weights.map((g) => `${g.name}占比×${weightWords(Fraction.fromDecimal(g.weight).div(weightSum))}`).join('＋')}（各类别分别计算后按权重相加；有类别无有效票的为「—」）。`,
        'note',
      );
  }
  if (recommends) b.band(RECOMMENDATION_NOTE, 'note');

  // Widths in characters (Excel: a column is width × 7 + 5 px, 0.75 pt a px; landscape A4 has 769.9 pt between 0.5 in
  // margins). p5's sheet, the widest of the presets (表, four levels, 满意率, 推荐票: 16 columns), took 189 units with
  // the committee's test campaign (姓名 11) and printed one page wide at 73% ((189 × 7 + 16 × 5) × 0.75 = 1,052.25 pt);
  // 弃权 and 无效 take 7 of them each. Wider names or parts wrap at 30.
  return b.build({
    name: VOTES_SHEET,
    kind: 'statistics',
    bounds: headers.map((h) =>
      h === '姓名' || h === '表' || h === partHeader ? { min: 8, max: 30 } : h === '弃权' || h === '无效' ? { min: 6, max: 10 } : { min: 8, max: 16 },
    ),
    freeze: { rows: headerRow + 1, cols: 2 },
    print: { orientation: headers.length > 8 ? 'landscape' : 'portrait', repeatRows: { from: 0, to: headerRow }, footer: pageFooter(VOTES_SHEET, { ofPages: false }) },
    meta: { kind: 'votes', schemeId: scheme.id },
  });
}

export function describeScores(result: CampaignResult): SheetDescription | null {
  const { scheme } = result;
  if (!hasScoresSheet(scheme)) return null;
  const byPoints = scheme.scoring.method === 'points';
  // The forms the score is made of: tier forms whose levels carry points (seed 003 篇二), or score sheets (篇六).
  const scoredForms = scheme.forms.filter((f) => (f.response.kind === 'tier') === byPoints);
  const titles = scoredForms.map((f) => f.title);
  const scale = byPoints ? scheme.scales.find((s) => scoredForms[0]?.response.kind === 'tier' && s.id === scoredForms[0].response.scale) : undefined;
  const scaleLevels = scale?.levels ?? [];
  // Item by item, each item's groups together (the item's score is theirs): 专项1 a b c, 专项2 a b c …
  const at = (f: FigureRow) => {
    const form = scoredForms.findIndex((x) => x.title === f.form);
    return [form, scoredForms[form].itemLabels.indexOf(f.item), scheme.rounds.findIndex((x) => x.name === f.round), scheme.raterGroups.findIndex((x) => x.name === f.group)];
  };
  const rowsOf = (r: SubjectResult) =>
    r.figures
      .filter((f) => titles.includes(f.form))
      .map((f) => ({ f, at: at(f) }))
      .sort((a, b) => a.at.reduce((d, x, i) => d || x - b.at[i], 0))
      .map((x) => x.f);
  const severalItems = scoredForms.length > 1 || scoredForms.some((f) => f.itemLabels.length > 1);
  const partWords = (f: FigureRow) =>
    [scoredForms.length > 1 ? f.form : '', scoredForms.some((x) => x.itemLabels.length > 1) ? f.item : '', scheme.rounds.length > 1 ? f.round : ''].filter(Boolean).join('·');
  const withPart = result.subjects.some((r) => rowsOf(r).some((f) => partWords(f) !== ''));
  const headers = [
    '序号',
    '姓名',
    ...(withPart ? ['评价项目'] : []),
    '测评人类别',
    ...scaleLevels.map((l) => `${l.label}（${l.points}分）`),
    '平均分',
    byPoints ? '有效票' : '有效评分',
    '弃权',
    '无效',
    ...(severalItems ? ['项目得分'] : []),
    '得分',
  ];
  const b = new SheetBuilder(headers.length);
  b.band(`${inYear(result, scheme.process)}得分情况`, 'title', 30);
  const headerRow = b.row(headers.map((l) => cell(l, 'header')));

  sortByStroke(result.subjects, (r) => r.name).forEach((r, i) => {
    const places = decimals(r.scoreText, scheme.scoring.places);
    const rows = rowsOf(r);
    const shownItems = new Set<string>();
    (rows.length > 0 ? rows : [null]).forEach((f, k) => {
      // The item's score on the first row of its item: the group means combined by weight (results/evaluate computeScore).
      const itemKey = f ? `${f.form}|${f.item}` : '';
      const item = f && !shownItems.has(itemKey) ? r.itemScores.find((x) => x.form === f.form && x.item === f.item) : undefined;
      if (f) shownItems.add(itemKey);
      b.row([
        k === 0 ? countCell(i + 1, 'center') : cell('', 'center'),
        cell(r.label, 'center'),
        ...(withPart ? [cell(f ? partWords(f) : '—', 'center')] : []),
        cell(f?.group ?? '—', 'center'),
        ...scaleLevels.map((l) => countCell(f?.levels.find((x) => x.level === l.label)?.votes ?? 0)),
        meanCell(f, places),
        countCell(f?.valid ?? 0),
        countCell(f?.abstain ?? 0),
        countCell(f?.invalid ?? 0),
        ...(severalItems ? [item ? scoreCell(item.score, places) : cell('', 'center')] : []),
        k === 0 && r.score !== null ? cell(r.score.toNumber(), 'number', { numberFormat: decimalFormat(places), text: r.scoreText ?? '' }) : cell(k === 0 ? '—' : '', 'center'),
      ]);
    });
  });

  const pointsWords = scaleLevels.map((l) => `${l.label}票数×${l.points}`).join('＋');
  const itemsWords = scheme.scoring.items === 'sum' ? '各评价项目得分相加' : `各评价项目得分相加除以${scoredForms.reduce((a, f) => a + f.itemLabels.length, 0)}`;
  const formula = severalItems ? `项目得分＝${groupWeightWords(scheme)}；得分＝${itemsWords}` : `得分＝${groupWeightWords(scheme)}`;
  b.band(
    `注：按姓氏笔画为序。${byPoints ? `平均分＝（${pointsWords}）÷有效票` : '平均分为该类别有效评分的平均'}；弃权（未评）和无效的不计入。${formula}；${missingWords(scheme, severalItems)}（理由中说明）。平均分与得分的位数相同，以便核算。`,
    'note',
  );

  return b.build({
    name: SCORES_SHEET,
    kind: 'statistics',
    bounds: headers.map((h) => (h === '姓名' || h === '评价项目' ? { min: 8, max: 30 } : { min: 6, max: 16 })),
    freeze: { rows: headerRow + 1, cols: 2 },
    print: { orientation: headers.length > 8 ? 'landscape' : 'portrait', repeatRows: { from: 0, to: headerRow }, footer: pageFooter(SCORES_SHEET, { ofPages: false }) },
    meta: { kind: 'scores', schemeId: scheme.id },
  });
}

/** What was done where a rater group or an item has no valid score for someone (counting.missingGroup; evaluate computeScore). */
function missingWords(scheme: Scheme, severalItems: boolean): string {
  if (scheme.counting.missingGroup === 'rescale')
    return `某类别无有效评分的，按其余类别的权重折算${severalItems ? '；某项目无有效评分的，按其余项目计算' : ''}`;
  return `某类别${severalItems ? '或某项目' : ''}无有效评分的，不计算得分，等次待定，由评议委员会决定`;
}

function decimals(text: string | null, places: number): number {
  const dot = text?.indexOf('.') ?? -1;
  return text && dot >= 0 ? text.length - dot - 1 : places;
}

/** 干部平均分×50%＋员工平均分×50%: the scheme's group weights as parts of their sum (conditions.weightWords: 1/3, not 33.33%). */
function groupWeightWords(scheme: Scheme): string {
  const groups = scheme.raterGroups.filter((g) => g.weight > 0);
  const sum = groups.reduce((a, g) => a.add(Fraction.fromDecimal(g.weight)), Fraction.ZERO);
  return groups.map((g) => `${g.name}平均分×${weightWords(Fraction.fromDecimal(g.weight).div(sum))}`).join('＋');
}

function scoreCell(value: Fraction, places: number): CellDescription {
  return cell(value.toNumber(), 'number', { numberFormat: decimalFormat(places), text: value.toFixed(places) });
}

/** A group mean with as many places as the subject's score is shown with (84.967 and 85.029 give 84.998, not 85.00). */
function meanCell(f: FigureRow | null, places: number): CellDescription {
  if (!f?.meanExact) return f?.mean ? cell(f.mean, 'center') : cell('—', 'center');
  const [num, den] = f.meanExact.split('/');
  return scoreCell(Fraction.of(BigInt(num), BigInt(den ?? '1')), places);
}
