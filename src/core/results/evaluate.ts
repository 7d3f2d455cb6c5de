/**
 * From tallies to results: weighted scores, tiers with their reasons, vetoes, quotas (ties at the
 * boundary flagged, never broken), designations of the lowest-ranked, competition ranking,
 * consequences (with consecutive-year escalation) and participation per rater group.
 */
import { UncountedBallot } from '../ballots/read-ballots';
import { Fraction, percent } from '../common/fraction';
import { Finding, finding } from '../findings/finding';
import { RosterSource } from '../roster/flag-columns';
import { Roster, Subject, rosterCategory, rosterFor, subjectLabel } from '../roster/roster';
import { itselfWord, saidOfSubject } from '../roster/subject-words';
import { heldPerUnit, unitKey, unitsToSplitBy } from '../roster/units';
import { Consequence, CountQuota, Designation, Quota, Scheme, ShareScope, TierRule, isCountQuota } from '../scheme/scheme-schema';
import { normalizeLabel } from '../text/normalize';
import { Tally, meanScore } from '../tally/tally';
import { evaluateCondition, formLabel, formatPercent, levelSetFor, percentOf, placesToShow, placesToTellApart, scoreThresholds, shareParts, shareWords } from '../rules/conditions';
import { History, PastMatch, ResultsYear, gapYears, gapsText, matchHistory, notPastColumns, pastYears, resultsYearDoubt, runOf, unclearText, unknownTierFinding } from './history';

export interface LevelFigure {
  level: string;
  votes: number;
  share: string | null;
}

/** The figures behind a subject's tier, per form / item / round / group. */
export interface FigureRow {
  form: string;
  item: string;
  round: string;
  group: string;
  levels: LevelFigure[];
  valid: number;
  abstain: number;
  invalid: number;
  notApplicable: number;
  /** Mean points or score of the row, when the form is scored. */
  mean: string | null;
  /** The same mean exactly, as "num/den" (like scoreExact), so outputs can show it with the places the score needs. */
  meanExact?: string | null;
}

export interface SubjectResult {
  index: number;
  name: string;
  /** The name as findings and summaries write it: 王伟（科技部） when another subject has the same name (重名). */
  label: string;
  unit: string | null;
  category: string | null;
  tier: string | null;
  /** Exact score, or null when the scheme does not score or there were no valid scores. */
  score: Fraction | null;
  /** The score of each item (专项) the score is the mean or sum of, its rater groups combined by weight (统计表 shows them). */
  itemScores: { form: string; item: string; score: Fraction }[];
  scoreText: string | null;
  rank: number | null;
  /** Short Chinese flags: 一票否决, 待定, 名额并列, 重点管理 ... */
  flags: string[];
  reasons: string[];
  figures: FigureRow[];
  /** Shares of each level over all forms, rounds and groups. */
  overall: LevelFigure[];
  /** (满意 + 比较满意) ÷ valid votes (seed 004), when the scale has those levels. */
  satisfaction: { votes: number; valid: number; share: string | null } | null;
  /**
   * The same per form, for every form with valid votes: 附表2 (members) and 附表3 (service users) are different
   * raters of different things, and a committee checks each one (the pooled figure above is neither form's).
   */
  satisfactionByForm: { form: string; label: string; votes: number; valid: number; share: string | null }[];
  recommendations: { votes: number; ballots: number } | null;
  /** Vetoes that fired; `effect` is their kind: only force, cap and exclude are 一票否决 (a note changes no tier). */
  vetoes: { id: string; name: string; text: string; effect: 'force' | 'cap' | 'exclude' | 'note' }[];
  designations: string[];
  /** `run`: the consecutive times in the tier (this one included) when the consequence depends on it (连续三次 → 免职), else null. */
  consequences: { action: string; rectifyWithinDays: number | null; cite: string; run: number | null }[];
  /**
   * Where a veto that changed the tier puts the subject in the ranking: `last` when it forced the lowest tier (after
   * everyone of that tier not so vetoed), `below-better-tiers` for any other change (不得评优: among the tier it left
   * him in, by tier and key as everyone is, said in the reason where that is below fewer votes); null when no veto
   * changed the tier.
   */
  placedByVeto: 'last' | 'below-better-tiers' | null;
  /** The key ranking used (score, or the ranking share) as an exact fraction. */
  rankKey: Fraction | null;
  /** Consecutive years in the current tier, counting this one (history input). */
  streak: number;
}

/** The flag of a subject whose 连续 count a person must check (a year without a result, rows that cannot be told apart). */
export const RUN_TO_CHECK = '连续次数待核实';

export interface ParticipationRow {
  group: string;
  round: string;
  form: string;
  expected: number | null;
  returned: number;
  valid: number;
  invalid: number;
  rate: string | null;
  /**
   * Per roster unit, where the form is held per unit in this round (FormDef.perUnit) and the roster has units: each
   * village's or 支部's own meeting, in roster order; a last row with unit null holds the ballots that named no unit
   * (read over everyone, UNIT_NOT_STATED) or none the roster has, so the rows add up to the row above.
   */
  byUnit?: UnitParticipation[];
}

export interface UnitParticipation {
  unit: string | null;
  expected: number | null;
  returned: number;
  valid: number;
  invalid: number;
  rate: string | null;
}

export interface Evaluation {
  subjects: SubjectResult[];
  participation: ParticipationRow[];
  findings: Finding[];
}

export function evaluate(
  scheme: Scheme,
  roster: Roster,
  tally: Tally,
  uncounted: readonly UncountedBallot[],
  history: History | undefined,
  resultsYear: ResultsYear,
  rosterSource?: RosterSource,
): Evaluation {
  const findings: Finding[] = [];
  // Where a subject's roster cell is, for findings on it (the roster file's; a scheme's own roster has no cells).
  const rosterCell = (subject: Subject, field: string): { file: string; sheet?: string; cell?: string } => {
    const placed = rosterSource?.entries[subject.index];
    if (!rosterSource || !placed) return { file: '（汇总）' };
    const cell = field === '' ? undefined : placed.cells[field];
    return cell ? { file: rosterSource.file, sheet: placed.sheet, cell } : { file: rosterSource.file, sheet: placed.sheet };
  };
  const places = scheme.scoring.places;
  const results = roster.subjects.map((s) => ({ ...baseResult(scheme, tally, s), label: subjectLabel(roster, s) }));

  for (const r of results) r.score = computeScore(scheme, tally, r.index, r);
  const incomplete = new Set<SubjectResult>();
  showScores(scheme, results, places);
  const judging: Judging = { scheme, tally, roster, places, barred: new Map() };
  for (const r of results) {
    const subject = roster.subjects[r.index];
    // Valid votes or scores on any form: a score left out for a missing group (missingGroup pending) still has some.
    const noValidVotes = !r.figures.some((f) => f.valid > 0);
    if (noValidVotes) {
      r.flags.push('无有效票');
      findings.push(finding('NO_VALID_VOTES', `「${r.label}」没有任何有效票，无法确定等次`, { file: '（汇总）', subject: r.name }));
    }
    if (!classify(scheme, tally, subject, r, places, findings, rosterCell, noValidVotes)) incomplete.add(r);
    applyVetoes(judging, subject, r);
  }
  // A subject whose rules could not be judged for want of votes is not ranked on the votes there are (a share from
  // one round of two would put him above those judged on both).
  for (const r of results) {
    if (!incomplete.has(r)) r.rankKey = rankKey(scheme, tally, roster.subjects[r.index], r);
    else if (scheme.ranking.by !== 'none') r.reasons.push('有效票不全，等次无法判断，不参加排名');
  }
  const appliesTo = scheme.classification.appliesTo;
  const rated = results.filter((r) => !appliesTo || (roster.subjects[r.index].kind ?? 'person') === appliesTo);
  for (const q of quotasInOrder(scheme))
    for (const a of quotaApplications(scheme, q, results, rated, findings)) applyQuota(judging, q, a, findings);
  // Why each undecided subject is undecided: his last reason before the ranking and the designations add theirs, or
  // for a score left out for a missing group (computeScore's, his first) the group named and what the committee can do.
  const undecidedWhy = new Map(
    results
      .filter((r) => r.tier === null && r.flags.includes('待定'))
      .map((r) => [r, (r.score === null && r.flags.includes('部分类别无票') ? rescaleHow.get(r) : r.reasons[r.reasons.length - 1]) ?? '等次待定']),
  );
  const order = rank(scheme, results, findings, (r) => rosterCell(roster.subjects[r.index], ''));
  // Rated subjects left unranked (no score, votes missing): a designation of the lowest-ranked cannot see them.
  const unranked = rated.filter((r) => r.rank === null && !r.flags.includes('不定等次'));
  for (const d of scheme.designations) designate(judging, d, results, unranked, order, findings);
  for (const r of results) openWithFinalTier(r);
  const countsRuns = scheme.consequences.some((c) => c.consecutive !== undefined);
  const given = history !== undefined && history.rows.length > 0;
  const matched = given ? matchHistory(roster, history) : null;
  // A year that is probably this campaign's own (scored in the new year) is said once, not as each person's gap.
  const doubt = countsRuns && given ? resultsYearDoubt(history, resultsYear) : null;
  if (countsRuns && given) findings.push(...notPastColumns(history, resultsYear), ...(doubt ? [doubt.finding] : []), ...matched!.findings);
  const past: PastNotes = { findings, withoutHistory: [], doubtedYear: doubt?.year ?? null };
  for (const r of results) {
    const applied = runAndConsequences(scheme, roster, r, matched?.bySubject.get(r.index) ?? { kind: 'none' }, resultsYear, countsRuns, past);
    r.consequences = applied.map((c) => ({
      action: saidOfSubject(c.action, roster.subjects[r.index]),
      rectifyWithinDays: c.rectifyWithinDays,
      cite: c.cite,
      run: c.consecutive !== undefined ? r.streak : null,
    }));
    // Every consequence is said with the tier, those without a deadline too (不得评优, 可申报 are no 整改清单 item; p3 第五篇's 免职 has a deadline and is one).
    for (const c of r.consequences) r.reasons.push(consequenceReason(r.tier, c));
    if (r.tier === null && r.flags.includes('待定'))
      findings.push(finding('TIER_UNDECIDED', `「${r.label}」${undecidedWhy.get(r) ?? '等次待定'}`, { file: '（汇总）', subject: r.name }));
  }
  if (past.withoutHistory.length > 0)
    findings.push(
      finding(
        'HISTORY_MISSING',
        `方案中有“连续被评为某等次”的处理，但没有 ${past.withoutHistory.join('、')} 的往年结果，连续次数按本次为第一次计；请导入往年结果（姓名及各年度等次）后重新计算`,
        { file: '（汇总）' },
      ),
    );
  const rows = participation(scheme, roster, tally, uncounted, findings);
  for (const p of rows) {
    // A unit's meeting over its own number is said for that unit (more ballots than raters: DOMAIN.md, suspect patterns).
    const overInUnits = (p.byUnit ?? []).filter((u) => u.unit !== null && u.expected !== null && u.returned > u.expected);
    for (const u of overInUnits)
      findings.push(finding('MORE_BALLOTS_THAN_EXPECTED', `${p.form}「${p.group}」${p.round}${u.unit}收回 ${u.returned} 票，多于该单位的应参评人数 ${u.expected}，请核实`, { file: '（汇总）' }));
    if (overInUnits.length === 0 && p.expected !== null && p.returned > p.expected)
      findings.push(finding('MORE_BALLOTS_THAN_EXPECTED', `${p.form}「${p.group}」${p.round}收回 ${p.returned} 票，多于应参评人数 ${p.expected}，请核实`, { file: '（汇总）' }));
  }
  return { subjects: results, participation: rows, findings };
}

/**
 * scoreText: the scheme's places, or more where rounding would put a score on the wrong side of a threshold (84.9976
 * is not shown 85.00 beside an 优秀 of 85) or make it look equal to the next score (89.9975 and 90 across a quota
 * cut). The two neighbours are both shown with the places that tell them apart.
 */
function showScores(scheme: Scheme, results: SubjectResult[], places: number) {
  const thresholds = scoreThresholds(scheme);
  const shownPlaces = new Map<SubjectResult, number>();
  for (const r of results) if (r.score) shownPlaces.set(r, placesToShow(r.score, places, thresholds));
  const byScore = [...shownPlaces.keys()].sort((a, b) => b.score!.compare(a.score!));
  for (let i = 1; i < byScore.length; i++) {
    const [a, b] = [byScore[i - 1], byScore[i]];
    const p = placesToTellApart(a.score!, b.score!, places);
    if (p > shownPlaces.get(a)!) shownPlaces.set(a, p);
    if (p > shownPlaces.get(b)!) shownPlaces.set(b, p);
  }
  for (const [r, p] of shownPlaces) r.scoreText = r.score!.toFixed(p);
}

function baseResult(scheme: Scheme, tally: Tally, s: Subject): Omit<SubjectResult, 'label'> {
  const figures: FigureRow[] = [];
  const overallCounts = new Map<string, number>();
  for (const form of scheme.forms)
    if (form.response.kind === 'tier') {
      const scaleId = form.response.scale;
      for (const l of scheme.scales.find((x) => x.id === scaleId)!.levels) overallCounts.set(l.label, overallCounts.get(l.label) ?? 0);
    }
  let satisfied = 0;
  let satisfiedValid = 0;
  let hasSatisfactionScale = false;
  let recommendations = null as SubjectResult['recommendations'];
  const satisfactionByForm: SubjectResult['satisfactionByForm'] = [];
  for (const form of scheme.forms) {
    const scale = form.response.kind === 'tier' ? scheme.scales.find((x) => x.id === (form.response as { scale: string }).scale)! : null;
    const satisfactionLevels = scale ? satisfactionIndexes(scale.levels.map((l) => l.label)) : null;
    if (satisfactionLevels) hasSatisfactionScale = true;
    const [satisfiedBefore, validBefore] = [satisfied, satisfiedValid];
    for (const round of scheme.rounds)
      for (const group of scheme.raterGroups)
        form.itemLabels.forEach((item, i) => {
          const c = tally.cell(s.index, form.id, round.id, group.id, i);
          const valid = scale ? c.levels.reduce((a, b) => a + b, 0) : c.scoreCount;
          if (valid + c.abstain + c.invalid + c.na === 0) return;
          const levels = scale
            ? scale.levels.map((l, li) => ({ level: l.label, votes: c.levels[li], share: valid ? percentOf(c.levels[li], valid) : null }))
            : [];
          levels.forEach((l) => overallCounts.set(l.level, (overallCounts.get(l.level) ?? 0) + l.votes));
          if (satisfactionLevels) {
            satisfied += satisfactionLevels.reduce((a, li) => a + c.levels[li], 0);
            satisfiedValid += valid;
          }
          const byPoints = scale !== null && scheme.scoring.method === 'points';
          const exact = !scale ? meanScore(c) : byPoints && valid > 0 ? pointsMean(scale.levels.map((l) => l.points), c.levels) : null;
          const mean = exact ? exact.toFixed(scheme.scoring.places) : null;
          const row: FigureRow = { form: form.title, item, round: round.name, group: group.name, levels, valid, abstain: c.abstain, invalid: c.invalid, notApplicable: c.na, mean };
          if (!scale || byPoints) row.meanExact = exact?.toString() ?? null;
          figures.push(row);
        });
    if (satisfactionLevels && satisfiedValid > validBefore) {
      const [votes, valid] = [satisfied - satisfiedBefore, satisfiedValid - validBefore];
      satisfactionByForm.push({ form: form.title, label: formLabel(scheme, form.id), votes, valid, share: percentOf(votes, valid) });
    }
    if (form.recommendation) {
      const votes = tally.recommendations.get(`${s.index}|${form.id}`) ?? 0;
      const ballots = tally.recommendationBallots.get(form.id) ?? 0;
      recommendations = { votes: (recommendations?.votes ?? 0) + votes, ballots: (recommendations?.ballots ?? 0) + ballots };
    }
  }
  const overallTotal = [...overallCounts.values()].reduce((a, b) => a + b, 0);
  const overall = [...overallCounts].map(([level, votes]) => ({ level, votes, share: overallTotal ? percentOf(votes, overallTotal) : null }));
  return {
    index: s.index,
    name: s.name,
    unit: s.unit ?? null,
    category: s.category ?? null,
    tier: null,
    score: null,
    itemScores: [],
    scoreText: null,
    rank: null,
    flags: [],
    reasons: [],
    figures,
    overall,
    satisfaction: hasSatisfactionScale
      ? { votes: satisfied, valid: satisfiedValid, share: satisfiedValid ? percentOf(satisfied, satisfiedValid) : null }
      : null,
    satisfactionByForm,
    recommendations,
    vetoes: [],
    designations: [],
    consequences: [],
    placedByVeto: null,
    rankKey: null,
    streak: 0,
  };
}

/**
 * formatPercent(votes ÷ total) for whole counts, remembered: every subject's figures repeat the same
 * few hundred pairs, and each exact percentage costs a few BigInt divisions.
 */
/** 满意 and 比较满意, the two levels whose sum is the 满意率 (seed 004, 原则标准(2)). */
function satisfactionIndexes(labels: string[]): number[] | null {
  const a = labels.indexOf('满意');
  const b = labels.indexOf('比较满意');
  return a >= 0 && b >= 0 ? [a, b] : null;
}

function pointsMean(points: (number | string | undefined)[], counts: number[]): Fraction | null {
  let sum = Fraction.ZERO;
  let n = 0;
  counts.forEach((k, i) => {
    if (k === 0) return;
    sum = sum.add(Fraction.fromDecimal(points[i] ?? 0).mul(Fraction.of(k)));
    n += k;
  });
  return n === 0 ? null : sum.div(Fraction.of(n));
}

/**
 * Score: per item and rater group the mean over ballots (of level points, or of numeric scores);
 * groups combined by weight (干部打分×50% + 员工打分×50%, seed 003 篇六); items by mean or sum
 * (三个专项分别计算总分后相加除以3, seed 003 篇二). A rater group or an item with no valid scores leaves
 * the formula incomplete; the seeds do not say what then, so the scheme does (counting.missingGroup): by
 * default no score (the tier is 待定, for the committee), or the remaining weights rescaled. Either way the
 * reason names what is missing.
 */
function computeScore(scheme: Scheme, tally: Tally, subject: number, r: SubjectResult): Fraction | null {
  const method = scheme.scoring.method;
  if (method === 'none') return null;
  const itemScores: Fraction[] = [];
  const missingGroups = new Set<string>();
  const missingItems: string[] = [];
  let items = 0;
  for (const form of scheme.forms) {
    const isTier = form.response.kind === 'tier';
    if ((method === 'points') !== isTier) continue;
    const scale = isTier ? scheme.scales.find((x) => x.id === (form.response as { scale: string }).scale)! : null;
    form.itemLabels.forEach((item, i) => {
      items++;
      let weighted = Fraction.ZERO;
      let weights = Fraction.ZERO;
      const without: string[] = [];
      for (const g of scheme.raterGroups) {
        if (g.weight === 0 || (form.raterGroups && !form.raterGroups.includes(g.id))) continue;
        const c = tally.sum(subject, [form.id], scheme.rounds.map((x) => x.id), [g.id], () => [i]);
        const mean = scale ? pointsMean(scale.levels.map((l) => l.points), c.levels) : meanScore(c);
        if (mean === null) {
          without.push(g.name);
          continue;
        }
        const w = Fraction.fromDecimal(g.weight);
        weighted = weighted.add(mean.mul(w));
        weights = weights.add(w);
      }
      if (weights.isZero()) missingItems.push(form.itemLabels.length > 1 ? `「${item}」` : `「${form.title}」`);
      else {
        const score = weighted.div(weights);
        itemScores.push(score);
        r.itemScores.push({ form: form.title, item, score });
        for (const g of without) missingGroups.add(g);
      }
    });
  }
  if (itemScores.length === 0) return null;
  if (missingGroups.size === 0 && missingItems.length === 0) return sumOrMean(scheme, itemScores);
  const gaps = [
    ...(missingGroups.size > 0 ? [`${[...missingGroups].join('、')}没有有效评分`] : []),
    ...(missingItems.length > 0 ? [`${missingItems.join('、')}没有任何有效评分`] : []),
  ].join('，');
  r.flags.push('部分类别无票');
  if (scheme.counting.missingGroup !== 'rescale') {
    // The reason is read to members: what the committee may decide. How to set it in the scheme is the finding's (TIER_UNDECIDED).
    const rest = `按其余${missingGroups.size > 0 ? '类别的权重' : '项目'}折算`;
    r.reasons.push(`${gaps}，得分无法按方案的公式计算，等次需由评议委员会决定（也可决定${rest}）`);
    rescaleHow.set(
      r,
      `${gaps}，得分无法按方案的公式计算，等次需由评议委员会决定（如决定${rest}，可在方案「计票」中勾选“缺少某一类别（或某一项目）的有效票时……折算”，方案文件中为 counting.missingGroup: "rescale"，然后重新计算）`,
    );
    return null;
  }
  const rescaled = [
    ...(missingGroups.size > 0 ? ['按其余类别的权重折算'] : []),
    ...(missingItems.length > 0 ? [`按其余 ${items - missingItems.length} 个项目计算`] : []),
  ].join('，');
  r.reasons.push(`${gaps}，得分${rescaled}（方案设定：缺少某类别或项目的评分时按其余折算）`);
  return sumOrMean(scheme, itemScores);
}

/** For a score left out for a missing group: the TIER_UNDECIDED finding's words, with how to rescale in the scheme. */
const rescaleHow = new WeakMap<SubjectResult, string>();

function sumOrMean(scheme: Scheme, itemScores: Fraction[]): Fraction {
  const sum = itemScores.reduce((a, b) => a.add(b), Fraction.ZERO);
  return scheme.scoring.items === 'sum' ? sum : sum.div(Fraction.of(itemScores.length));
}

/** Gives the tier and its reason; false when a rule could not be judged for want of votes (a round or group with none). */
function classify(
  scheme: Scheme,
  tally: Tally,
  subject: Subject,
  r: SubjectResult,
  places: number,
  findings: Finding[],
  rosterCell: (subject: Subject, field: string) => { file: string; sheet?: string; cell?: string },
  noValidVotes: boolean,
): boolean {
  const appliesTo = scheme.classification.appliesTo;
  // Taking part without a tier, they are not ranked among those with one either (rank()).
  const unranked = scheme.ranking.by === 'none' ? '' : '，不参加排名';
  if (appliesTo && (subject.kind ?? 'person') !== appliesTo) {
    r.reasons.push(`本方案只对${appliesTo === 'person' ? '个人' : '组织'}确定等次，此处只列出测评结果${unranked}`);
    r.flags.push('不定等次');
    return true;
  }
  for (const category of scheme.noTierCategories ?? []) {
    const said = rosterCategory(subject, category);
    if (said?.says === 'yes') {
      r.reasons.push(`${category}参加评议，但不确定等次${unranked}（名册${said.field ? `「${said.field}」` : ''}：${said.text}）`);
      r.flags.push('不定等次');
      return true;
    }
    if (said?.says === 'mentioned')
      findings.push(
        finding(
          'ROSTER_CATEGORY_UNCLEAR',
          `「${r.label}」名册${said.field ? `「${said.field}」栏` : '的类别'}写有「${said.text}」，提到${category}但不只是“${category}”，未据此不定等次；如是${category}，请在名册类别栏只填「${category}」后重新计算`,
          { ...rosterCell(subject, said.field), subject: r.name },
        ),
      );
    if (said?.says === 'unreadable') {
      // A column asking about the category (是否预备党员, 是否转正) whose answer is neither yes nor no: the
      // subject is graded as any other, and both the finding and the reasons say it was not read.
      const text = `名册「${said.field}」栏的「${said.text}」不能读作“是”或“否”，未据此确定是否${category}（${category}不定等次）`;
      r.reasons.push(`${text}，请核实`);
      findings.push(finding('ROSTER_CATEGORY_UNCLEAR', `「${r.label}」${text}；请在该栏填「是」或「否」后重新计算`, { ...rosterCell(subject, said.field), subject: r.name }));
    }
  }
  // Nothing to judge on: with 弃权 in the denominator every share is 0/n, and 0% would give a tier no rater gave
  // (不称职 for a member nobody marked). 待定, as NO_VALID_VOTES says, and not ranked on 0/n either.
  if (noValidVotes) {
    r.flags.push('待定');
    r.reasons.push('没有任何有效票，无法确定等次，等次需由评议委员会决定');
    return false;
  }
  const judged = walkRules(scheme, tally, subject, r, places, NOTHING_BARRED);
  switch (judged.kind) {
    case 'both':
      r.flags.push('待定');
      undecidedBetween.set(r, judged.tiers);
      r.reasons.push(judged.words);
      recordRulesGave(r, null, judged.met);
      return true;
    case 'unjudged': {
      r.flags.push('待定');
      const met = `「${judged.rule.tier}」的条件无法判断：${judged.text}`;
      r.reasons.push(`${met}，等次待定`);
      recordRulesGave(r, null, met);
      return false;
    }
    case 'tier':
      r.tier = judged.tier;
      r.reasons.push(judged.words);
      recordRulesGave(r, judged.tier, judged.met);
      return true;
    case 'none': {
      r.flags.push('待定');
      const met = `不符合方案中任何一个等次的条件${failedFigures(judged.failed)}`;
      r.reasons.push(`${met}，等次需由评议委员会决定`);
      recordRulesGave(r, null, met);
      return true;
    }
  }
}

/** The tier the rules gave each subject, the reason that says it (its index) and that reason without its verdict. */
const rulesGave = new WeakMap<SubjectResult, { at: number; tier: string | null; met: string }>();

/** Records what the rules gave a subject, as its last reason says (rulesGave). */
function recordRulesGave(r: SubjectResult, tier: string | null, met: string): void {
  rulesGave.set(r, { at: r.reasons.length - 1, tier, met });
}

/**
 * The rules' reason opens the list (定为「优秀」：…). Where a veto or a quota then changed the tier (不称职 by 一票否决,
 * 超出名额, 名额并列 → 待定), it is rewritten to open with the final tier and to give the rules' figures as what they
 * met, so the first words read beside the tier do not contradict it; the reasons after it say how the tier changed.
 */
function openWithFinalTier(r: SubjectResult) {
  const gave = rulesGave.get(r);
  if (!gave || gave.tier === r.tier) return;
  const causes = [
    ...(r.placedByVeto !== null ? ['一票否决'] : []),
    ...(r.flags.includes('超出名额') ? ['超出名额'] : []),
    ...(r.flags.includes('名额并列') ? ['名额并列'] : []),
  ].join('和');
  const final = r.tier !== null ? `${causes ? `因${causes}` : ''}定为「${r.tier}」` : `${causes ? `因${causes}，` : ''}等次待定`;
  r.reasons[gave.at] = `${final}；${gave.met}`;
}

/** A rule that did not hold: its tier and the figures of the conditions that failed. */
interface FailedRule {
  tier: string;
  text: string;
}

/** What the rules give when walked in the scheme's order: the first that holds decides (README: rules checked in order). */
type Walked =
  | { kind: 'tier'; tier: string; words: string; met: string }
  | { kind: 'both'; tiers: [string, string]; words: string; met: string }
  | { kind: 'unjudged'; rule: TierRule; text: string }
  | { kind: 'none'; failed: FailedRule[] };

const NOTHING_BARRED = (): boolean => false;

/** The tiers the committee chooses between for a 待定 subject: the two his votes point to (both rules met), or at a quota tie the quota's and the one below. */
const undecidedBetween = new WeakMap<SubjectResult, readonly string[]>();

/** The tiers a 待定 subject could still be given: the two his votes point to, else any not taken from him. */
function tiersStillOpen(j: Judging, r: SubjectResult): string[] {
  const barred = j.barred.get(r);
  return (undecidedBetween.get(r) ?? j.scheme.tiers).filter((t) => !barred?.has(t));
}

/** The worst tier a subject may end with, as an index: his tier, or the worst still open to him (the lowest when none is named). */
function worstTierPossible(j: Judging, r: SubjectResult): number {
  if (r.tier !== null) return tierIndex(j.scheme, r.tier);
  const open = tiersStillOpen(j, r);
  return open.length === 0 ? j.scheme.tiers.length - 1 : Math.max(...open.map((t) => tierIndex(j.scheme, t)));
}

/** One rule's conditions for a subject: whether all hold (null when one cannot be judged), and their figures in words. */
function judgeRule(scheme: Scheme, tally: Tally, subject: Subject, r: SubjectResult, places: number, rule: TierRule) {
  const results = rule.when.map((c) => evaluateCondition(scheme, tally, subject, r.score, c, places, r.scoreText));
  const holds = results.some((x) => x.holds === false) ? false : results.some((x) => x.holds === null) ? null : true;
  return { holds, text: results.map((x) => x.text).join('；'), results };
}

/**
 * The scheme's tier rules in order, skipping the tiers `barred` (those a quota or a veto took away: the subject
 * is judged by the rules of the tiers left, so a lost 优秀 gives 合格 only where 合格's own rule is met).
 */
function walkRules(scheme: Scheme, tally: Tally, subject: Subject, r: SubjectResult, places: number, barred: (tier: string) => boolean): Walked {
  const failed: FailedRule[] = [];
  const rules = scheme.classification.rules;
  for (let k = 0; k < rules.length; k++) {
    const rule = rules[k];
    if (barred(rule.tier)) continue;
    const { holds, text, results } = judgeRule(scheme, tally, subject, r, places, rule);
    if (holds === true) {
      // A lower rule on other votes met as well (两次测评“基本称职”票和“不称职”票相加后均达到50%): the votes point
      // to two tiers, and the scheme's order of rules is no ground to choose (seed 002 第四篇: 镇党委 decides).
      const also = rules
        .slice(k + 1)
        .filter((lower) => !barred(lower.tier) && readsOtherVotes(scheme, rule, lower))
        .map((lower) => ({ lower, judged: judgeRule(scheme, tally, subject, r, places, lower) }))
        .find((x) => x.judged.holds === true);
      if (also) {
        const met = `同时符合「${rule.tier}」（${text}）和「${also.lower.tier}」（${also.judged.text}）的条件，两者依据的是不同等次的票`;
        return { kind: 'both', tiers: [rule.tier, also.lower.tier], met, words: `${met}，等次需由评议委员会决定` };
      }
      // Why not the tier above: the next-higher rule that failed, with its figures (未达「优秀」：得分 84.998，不符合…).
      const figures = `${text || '其余情形'}（${rule.cite}）${notReached(scheme, rule.tier, failed)}`;
      return { kind: 'tier', tier: rule.tier, words: `定为「${rule.tier}」：${figures}`, met: `符合「${rule.tier}」的条件：${figures}` };
    }
    if (holds === null) return { kind: 'unjudged', rule, text };
    failed.push({ tier: rule.tier, text: results.filter((x) => x.holds === false).map((x) => x.text).join('；') });
  }
  const otherwise = scheme.classification.otherwise;
  if (otherwise.kind === 'tier' && !barred(otherwise.tier)) {
    const figures = notMet(scheme, otherwise.tier, failed);
    return { kind: 'tier', tier: otherwise.tier, words: `定为「${otherwise.tier}」：${figures}`, met: `按方案的条件本为「${otherwise.tier}」：${figures}` };
  }
  return { kind: 'none', failed };
}

/** （「优秀」：…；「称职」：…）: the failed rules with their figures. */
function failedFigures(failed: readonly FailedRule[]): string {
  return failed.length > 0 ? `（${failed.map((f) => `「${f.tier}」：${f.text}`).join('；')}）` : '';
}

/**
 * 「；未达「优秀」：…」: the failed rules of the nearest better tier (by scheme.tiers, whatever the order the rules
 * are written in: a worst-first list must not tell an 优秀 that it did not reach 不称职); '' when none is better.
 */
function notReached(scheme: Scheme, tier: string, failed: readonly FailedRule[]): string {
  const mine = tierIndex(scheme, tier);
  const nearest = failed.reduce((best, f) => {
    const i = tierIndex(scheme, f.tier);
    return i < mine && i > best ? i : best;
  }, -1);
  if (nearest < 0) return '';
  return `；未达${failed.filter((f) => tierIndex(scheme, f.tier) === nearest).map((f) => `「${f.tier}」：${f.text}`).join('；')}`;
}

/**
 * Why the otherwise tier: 「不符合更高等次的条件（…）」 when every failed rule is of a better tier, else the failed
 * rules' tiers by name (p3 writes 不合格 first: its 合格 must not be told 不合格 is a higher tier).
 */
function notMet(scheme: Scheme, tier: string, failed: readonly FailedRule[]): string {
  const mine = tierIndex(scheme, tier);
  if (failed.every((f) => tierIndex(scheme, f.tier) < mine)) return `不符合更高等次的条件${failedFigures(failed)}`;
  const tiers = [...new Set(failed.map((f) => f.tier))].map((t) => `「${t}」`).join('');
  return `不符合${tiers}的条件${failedFigures(failed)}`;
}

/** The levels a rule's share conditions count (with orBetter, every better one), per form; null for a rule on anything else. */
const countedLevels = new WeakMap<TierRule, Set<string> | null>();
function levelsCounted(scheme: Scheme, rule: TierRule): Set<string> | null {
  if (countedLevels.has(rule)) return countedLevels.get(rule)!;
  let set: Set<string> | null = null;
  if (rule.when.length > 0 && rule.when.every((c) => c.kind === 'share')) {
    set = new Set();
    for (const c of rule.when)
      if (c.kind === 'share')
        for (const f of scheme.forms) if (!c.forms || c.forms.includes(f.id)) for (const l of levelSetFor(scheme, f.id, c)) set.add(`${f.id}:${l}`);
  }
  countedLevels.set(rule, set);
  return set;
}

/**
 * Whether two tier rules are judged on different votes: both on vote shares, of levels neither shares with the
 * other. 优秀 ≥ 70% and 称职及以上 ≥ 60% count the same 优秀 votes, so meeting both is by design and the first
 * rule decides; 基本称职 ≥ 50% and 不称职 ≥ 50% count different votes, so meeting both is a contradiction.
 */
function readsOtherVotes(scheme: Scheme, a: TierRule, b: TierRule): boolean {
  const [x, y] = [levelsCounted(scheme, a), levelsCounted(scheme, b)];
  if (!x || !y || x.size === 0 || y.size === 0) return false;
  for (const l of x) if (y.has(l)) return false;
  return true;
}

function tierIndex(scheme: Scheme, tier: string | null): number {
  return tier === null ? -1 : scheme.tiers.indexOf(tier);
}

/** The flag of a rule whose effect is only a note, when the scheme gives none. */
export const NOTE_FLAG = '需关注';

/** What giving a subject a lower tier by the rules needs, and the tiers taken from each subject so far. */
interface Judging {
  scheme: Scheme;
  tally: Tally;
  roster: Roster;
  places: number;
  /** Tiers a veto or a quota took from a subject (不得评优, 超出名额): a later quota's demotion must not give them back. */
  barred: Map<SubjectResult, Set<string>>;
}

/**
 * Takes tiers from a subject (名额 moves him out of 优秀, 不得评优 bars it) and gives the best tier left whose own
 * rule is met: the rules walked in order without the tiers taken (now and before). A lost 优秀 gives 合格 only where
 * 合格's rule is met (合格及以上 70%: with 60% it is 基本合格), and 待定 where no rule is. Returns the words to add to
 * the reason: '' when the tier right below is given, as on every score ladder (优秀 85 → 称职 75).
 */
function lowerTier(j: Judging, r: SubjectResult, takeAway: (tier: string) => boolean): string {
  const before = j.barred.get(r);
  const barred = (t: string) => takeAway(t) || (before?.has(t) ?? false);
  const taken = j.scheme.tiers.filter(barred);
  j.barred.set(r, new Set(taken));
  // The tier right below, whether or not a veto barred it: skipping it is said.
  const nextDown = j.scheme.tiers[tierIndex(j.scheme, r.tier) + 1];
  const walked = walkRules(j.scheme, j.tally, j.roster.subjects[r.index], r, j.places, barred);
  const without = `按${taken.map((t) => `「${t}」`).join('')}以外等次的条件`;
  if (walked.kind === 'tier') {
    r.tier = walked.tier;
    return walked.tier === nextDown ? '' : `；${without}${walked.words}`;
  }
  r.tier = null;
  if (!r.flags.includes('待定')) r.flags.push('待定');
  if (walked.kind === 'both') {
    undecidedBetween.set(r, walked.tiers);
    return `；${without}，${walked.words}`;
  }
  if (walked.kind === 'unjudged') return `；${without}，「${walked.rule.tier}」的条件无法判断：${walked.text}，等次待定`;
  if (taken.length === j.scheme.tiers.length) return '；方案的等次均已排除，等次需由评议委员会决定';
  return `；${without}，不符合其中任何一个等次的条件${failedFigures(walked.failed)}，等次需由评议委员会决定`;
}

function applyVetoes(j: Judging, subject: Subject, r: SubjectResult) {
  const { scheme, tally, places } = j;
  for (const v of scheme.vetoes) {
    const results = v.when.map((c) => evaluateCondition(scheme, tally, subject, r.score, c, places, r.scoreText));
    // A condition that does not concern the subject (窗口岗位 only) holds for a tier rule, but vetoes no one.
    const concern = results.filter((x) => x.applies !== false);
    const fired =
      (v.match ?? 'any') === 'any' ? concern.filter((x) => x.holds === true) : concern.length > 0 && concern.every((x) => x.holds === true) ? concern : [];
    if (fired.length === 0) {
      // A vote-share veto tested and not met is said with its figure (一般、差票 6/60, not over 10%): a subject on the
      // line must be checkable. Roster flags that are blank need no word; a note vetoes nothing.
      const tested = v.when.map((c, i) => (c.kind === 'share' && concern.includes(results[i]) && results[i].holds !== null ? results[i].text : null)).filter((t) => t !== null);
      if (v.effect.kind !== 'note' && tested.length > 0) r.reasons.push(`一票否决「${v.name}」未触发：${tested.join('；')}（${v.cite}）`);
      continue;
    }
    const text = fired.map((x) => x.text).join('；');
    const e = v.effect;
    r.vetoes.push({ id: v.id, name: v.name, text, effect: e.kind });
    if (e.kind === 'note') {
      // A note vetoes nothing: beside 优秀党员 the word 一票否决 would say the opposite of the tier.
      const flag = e.flag ?? NOTE_FLAG;
      if (!r.flags.includes(flag)) r.flags.push(flag);
      r.reasons.push(`「${v.name}」：${text}，${saidOfSubject(e.text, subject)}（${v.cite}）`);
      continue;
    }
    if (!r.flags.includes('一票否决')) r.flags.push('一票否决');
    const before = r.tier;
    let rejudged = '';
    if (e.kind === 'force') r.tier = e.tier;
    else {
      // 不得评为优秀 (cap) / 不得评为… (exclude): those tiers are out of reach, now and for any later quota.
      const capAt = e.kind === 'cap' ? tierIndex(scheme, e.tier) : -1;
      const takeAway = e.kind === 'cap' ? (t: string) => tierIndex(scheme, t) < capAt : (t: string) => e.tiers.includes(t);
      if (r.tier !== null && takeAway(r.tier)) {
        const from = tierIndex(scheme, r.tier);
        rejudged = lowerTier(j, r, (t) => takeAway(t) || tierIndex(scheme, t) <= from);
      } else j.barred.set(r, new Set([...(j.barred.get(r) ?? []), ...scheme.tiers.filter(takeAway)]));
    }
    const effect = before === r.tier ? `等次「${r.tier ?? '待定'}」不变` : `等次由「${before ?? '待定'}」改为「${r.tier ?? '待定'}」`;
    r.reasons.push(`一票否决「${v.name}」：${text}，${effect}（${v.cite}）${rejudged}`);
    // Only a veto that changed the tier moves the subject in the ranking: one forced to the lowest tier (a 不称职 by
    // 一票否决 is not 2nd on the list) goes after everyone else; one kept from 优秀 ranks among the tier it got,
    // not below a 不合格 and into the 末位 designations the votes give to someone else.
    if (before !== r.tier) {
      const toLowest = e.kind === 'force' && tierIndex(scheme, r.tier) === scheme.tiers.length - 1;
      if (toLowest) r.placedByVeto = 'last';
      else if (r.placedByVeto === null) r.placedByVeto = 'below-better-tiers';
    }
    if (e.kind === 'force' && r.flags.includes('待定')) r.flags.splice(r.flags.indexOf('待定'), 1);
  }
}

/** The ranking share pooled over rounds, one object per scheme (shareParts keeps its plan per scope object). */
const rankingScopes = new WeakMap<Scheme, ShareScope>();
function rankingScope(scheme: Scheme): ShareScope {
  let scope = rankingScopes.get(scheme);
  if (scope === undefined) rankingScopes.set(scheme, (scope = { ...scheme.ranking.share!, rounds: 'pooled' }));
  return scope;
}

/** What ranking compares: the score, or the share of the ranking levels. */
function rankKey(scheme: Scheme, tally: Tally, subject: Subject, r: SubjectResult): Fraction | null {
  if (scheme.ranking.by === 'score') return r.score;
  if (scheme.ranking.by === 'share' && scheme.ranking.share) {
    const parts = shareParts(scheme, tally, subject.index, rankingScope(scheme));
    return parts[0]?.share ?? null;
  }
  return null;
}

function roundCount(value: Fraction, rounding: 'floor' | 'ceil' | 'round'): number {
  const floor = value.num / value.den;
  const rem = value.num - floor * value.den;
  if (rounding === 'floor' || rem === 0n) return Number(floor);
  if (rounding === 'ceil') return Number(floor + 1n);
  return Number(rem * 2n >= value.den ? floor + 1n : floor);
}

/** Descending by key; subjects without a key last. */
function byKeyDesc(a: SubjectResult, b: SubjectResult): number {
  if (a.rankKey === null || b.rankKey === null) return a.rankKey === null ? (b.rankKey === null ? 0 : 1) : -1;
  return b.rankKey.compare(a.rankKey);
}

/** 「得分 90.000，本人 89.998」 (该支部 for a 党支部: itselfWord): two rank keys in words, with the places that tell them apart. */
function keyWords(scheme: Scheme, theirs: Fraction, mine: Fraction, itself: string): string {
  if (scheme.ranking.by === 'score') {
    const p = placesToTellApart(theirs, mine, scheme.scoring.places);
    return `${keyWord(scheme)} ${theirs.toFixed(p)}，${itself} ${mine.toFixed(p)}`;
  }
  const [a, b] = [theirs.mul(Fraction.of(100)), mine.mul(Fraction.of(100))];
  const p = placesToTellApart(a, b, 2);
  return `${keyWord(scheme)} ${a.toFixed(p)}%，${itself} ${b.toFixed(p)}%`;
}

/** What the ranking compares, in words: 得分 or 得票率. */
function keyWord(scheme: Scheme): string {
  return scheme.ranking.by === 'score' ? '得分' : '得票率';
}

/** A subject's rank key as shown: the score as the outputs show it, or the share as a percentage. */
function keyFigure(scheme: Scheme, r: SubjectResult): string {
  if (scheme.ranking.by === 'score') return r.scoreText ?? r.rankKey!.toFixed(scheme.scoring.places);
  return formatPercent(r.rankKey!);
}

/** A count before rounding, as a decimal: 0.7, 1.05; a value no few places write exactly (7 × 1/3) as 约 2.33. */
function decimalWords(value: Fraction): string {
  for (let p = 0; p <= 6; p++) {
    const text = value.toFixed(p);
    if (Fraction.fromDecimal(text).equals(value)) return text;
  }
  return `约 ${value.toFixed(2)}`;
}

const ROUNDING_WORDS = { floor: '向下取整', ceil: '向上取整', round: '四舍五入' } as const;

/**
 * The quotas in the order that makes the list's order irrelevant: maximums by their lowest tier, best first (and
 * of two ending on the same tier the narrower first), then minimums on the tiers as the maximums left them. A
 * maximum's demotions land below its lowest tier, so no quota applied before it is exceeded again: 优秀 ≤ 20% then
 * 称职 ≤ 40% counts the 优秀 moved down among the 称职, whichever the scheme lists first.
 */
function quotasInOrder(scheme: Scheme): Quota[] {
  const lowest = (q: Quota) => Math.max(...q.tiers.map((t) => tierIndex(scheme, t)));
  const best = (q: Quota) => Math.min(...q.tiers.map((t) => tierIndex(scheme, t)));
  const maxima = scheme.quotas.filter((q) => q.kind === 'max').sort((a, b) => lowest(a) - lowest(b) || best(b) - best(a));
  return [...maxima, ...scheme.quotas.filter((q) => q.kind === 'min')];
}

/** The rated subjects by roster unit, in roster order ('' for those without one). */
function byUnit(rated: SubjectResult[]): Map<string, SubjectResult[]> {
  const units = new Map<string, SubjectResult[]>();
  for (const r of rated) {
    const u = r.unit ?? '';
    const list = units.get(u);
    if (list) list.push(r);
    else units.set(u, [r]);
  }
  return units;
}

/**
 * A maximum filled while someone of its base is 待定 and could still be given one of its tiers (missing votes, a
 * rule the committee decides): the places go to those with a tier, and his tier, when decided, may put him among
 * them or the count over the limit. Said for the committee (QUOTA_UNSETTLED, naming who) and in the reasons of
 * those the quota counted, before what the quota does to them; the tiers it gives are not changed.
 */
function maxUnsettled(j: Judging, q: Quota, pool: SubjectResult[], inTiers: SubjectResult[], limit: number, rule: string, tierNames: string, findings: Finding[]) {
  const open = pool.filter((r) => r.tier === null && tiersStillOpen(j, r).some((t) => q.tiers.includes(t)));
  if (open.length === 0 || inTiers.length + open.length <= limit) return;
  for (const r of inTiers) r.reasons.push(`${rule}：另有 ${open.length} 人等次待定、未计入；如定为${tierNames}，名额内的人选可能变化，需评议委员会核实（${q.cite}）`);
  findings.push(
    finding(
      'QUOTA_UNSETTLED',
      `${rule}：按已定等次的 ${inTiers.length} 人确定；${open.map((r) => r.label).join('、')} 等次待定、未计入，如定为${tierNames}，名额内的人选或人数可能变化，需评议委员会核实（${q.cite}）`,
      { file: '（汇总）' },
    ),
  );
}

/**
 * One application of a quota: over whom, counting from how many (a share's base) or how many places were given (a
 * count), and what QUOTA_ZERO advises when a share gives 0.
 */
interface QuotaApplication {
  pool: SubjectResult[];
  places: { base: number } | { count: number };
  /** The roster unit, when the quota is counted per unit. */
  unit?: string;
  /** Only where the base is the roster's count for want of a 党员人数: a number given is not asked for again. */
  ifZero: string;
}

function hasCount(counts: Record<string, number>, unit: string): boolean {
  return Object.prototype.hasOwnProperty.call(counts, unit);
}

/**
 * Where a quota applies and from how many (the base counts everyone of the kind rated, 预备党员 included: 本支部党员
 * 人数): over everyone, or per roster unit where the quota is so and the roster holds several units (本支部党员人数的
 * 20%: each 支部's places among its own members). Of members: the scheme's memberCount, one number or one per unit
 * (engine.ts has refused a unit not on the roster); one number cannot be every branch's, and without one the roster's
 * count is used and said (QUOTA_BASE_ASSUMED).
 */
function quotaApplications(scheme: Scheme, q: Quota, results: SubjectResult[], rated: SubjectResult[], findings: Finding[]): QuotaApplication[] {
  if (isCountQuota(q)) return countApplications(q, results, rated, findings);
  const units = q.per === 'unit' ? byUnit(rated) : null;
  const given = scheme.memberCount;
  const perUnit = typeof given === 'object' ? given : null;
  const unitName = (u: string) => u || '未填单位';
  if (units === null || units.size < 2) {
    if (q.of !== 'members') return [{ pool: results, places: { base: typeof q.of === 'number' ? q.of : rated.length }, ifZero: '' }];
    if (typeof given === 'number') return [{ pool: results, places: { base: given }, ifZero: '' }];
    // One count per unit over everyone: their sum, when every unit of those rated has one.
    const ratedUnits = [...byUnit(rated).keys()];
    if (perUnit && ratedUnits.every((u) => hasCount(perUnit, u))) return [{ pool: results, places: { base: ratedUnits.reduce((sum, u) => sum + perUnit[u], 0) }, ifZero: '' }];
    const without = perUnit ? `方案中的党员人数按单位填写，未列出${ratedUnits.filter((u) => !hasCount(perUnit, u)).map((u) => `「${unitName(u)}」`).join('')}` : '方案未填写「党员（成员）人数」（「方案」步骤中的一栏，命令行 --members）';
    findings.push(finding('QUOTA_BASE_ASSUMED', `${without}，「${q.tiers.join('、')}」的名额暂按名册 ${rated.length} 人计算，请核实（${q.cite}）`, { file: '（汇总）' }));
    return [{ pool: results, places: { base: rated.length }, ifZero: perUnit ? '请在党员人数中列出各单位的人数后重新计算' : '如名册只列了候选人，请在方案中填写党员人数（命令行：--members）后重新计算' }];
  }
  if (q.of !== 'members') return [...units].map(([u, list]) => ({ pool: list, places: { base: typeof q.of === 'number' ? q.of : list.length }, unit: unitName(u), ifZero: '' }));
  const example = `--members ${[...units.keys()].map((u) => `${unitName(u)}=人数`).join(',')}`;
  const assumed = [...units].filter(([u]) => !(perUnit && hasCount(perUnit, u)));
  if (assumed.length > 0) {
    const counts = assumed.map(([u, list]) => `${unitName(u)} ${list.length} 人`).join('、');
    const names = assumed.map(([u]) => `「${unitName(u)}」`).join('');
    const why = typeof given === 'number' ? `方案中的党员人数 ${given} 只有一个，不能作为各单位的人数；` : perUnit ? `方案中的党员人数未列出${names}；` : '';
    const whose = assumed.length === units.size ? '各单位' : names;
    findings.push(
      finding(
        'QUOTA_BASE_ASSUMED',
        `名册中有 ${units.size} 个单位，「${q.tiers.join('、')}」的名额按各单位分别计算，${why}${whose}人数按名册计算（${counts}），请核实名册列全了${whose}的党员，或按单位给出党员人数（命令行：${example}）（${q.cite}）`,
        { file: '（汇总）' },
      ),
    );
  }
  const ifZero =
    typeof given === 'number'
      ? `方案中的党员人数 ${given} 只有一个，不能作为各单位的人数，请按单位给出（命令行：${example}）后重新计算`
      : `如名册只列了候选人，请按单位给出党员人数（命令行：${example}）后重新计算`;
  return [...units].map(([u, list]) =>
    perUnit && hasCount(perUnit, u) ? { pool: list, places: { base: perUnit[u] }, unit: u, ifZero: '' } : { pool: list, places: { base: list.length }, unit: unitName(u), ifZero },
  );
}

/**
 * Where a number of places given from above applies (分配优秀党员名额 3 名): over everyone; with per unit, the same
 * number in each roster unit, or each unit its own (上级按支部分配名额 {"第一支部": 2, "第二支部": 1}, engine.ts has
 * refused a unit not on the roster). A unit of the roster the allocation leaves out is not given a number by guess:
 * its subjects keep the tiers their votes give, and that is said as an error (QUOTA_COUNT_MISSING) and in the
 * reasons of those it concerns.
 */
function countApplications(q: CountQuota, results: SubjectResult[], rated: SubjectResult[], findings: Finding[]): QuotaApplication[] {
  const unitName = (u: string) => u || '未填单位';
  const count = q.count;
  if (typeof count === 'number') {
    const units = q.per === 'unit' ? byUnit(rated) : null;
    if (units === null || units.size < 2) return [{ pool: results, places: { count }, ifZero: '' }];
    return [...units].map(([u, list]) => ({ pool: list, places: { count }, unit: unitName(u), ifZero: '' }));
  }
  const applications: QuotaApplication[] = [];
  const tierNames = q.tiers.map((t) => `「${t}」`).join('');
  for (const [u, list] of byUnit(rated)) {
    if (hasCount(count, u)) {
      applications.push({ pool: list, places: { count: count[u] }, unit: unitName(u), ifZero: '' });
      continue;
    }
    const listed = Object.entries(count).map(([unit, n]) => `${unit} ${n}`).join('、');
    const concerned = list.filter((r) => r.tier !== null && q.tiers.includes(r.tier));
    for (const r of concerned) r.reasons.push(`${tierNames}的名额按单位分配，方案未给「${unitName(u)}」分配名额，未按名额核减，需核实（${q.cite}）`);
    findings.push(
      finding(
        'QUOTA_COUNT_MISSING',
        `${tierNames}的名额按单位分配（${listed}），未列出名册中的「${unitName(u)}」：该单位${concerned.length > 0 ? `符合条件的 ${concerned.length} 人（${concerned.map((r) => r.label).join('、')}）` : '的人'}未按名额核减；请核实该单位分到的名额，没有分到名额的写 0（${q.cite}）`,
        { file: '（汇总）' },
      ),
    );
  }
  return applications;
}

const ratesOrganisations = (scheme: Scheme) => (scheme.classification.appliesTo ?? scheme.subjectKind) === 'organisation';

/** How a count is said: 3 名 for people, 3 个 for organisations (支部、班子). */
function placesWord(scheme: Scheme, count: number): string {
  return `${count} ${ratesOrganisations(scheme) ? '个' : '名'}`;
}

/**
 * How many places a quota gives in one application, and the rule in words for reasons and findings: 「优秀」不超过
 * 10 人的 20%（向下取整为 2 人） for a share; 「优秀」名额 3 名, 「较好」「一般」「差」不少于 1 个 for a count.
 */
function quotaLimit(scheme: Scheme, q: Quota, { places, unit }: QuotaApplication): { limit: number; rule: string } {
  const tierNames = q.tiers.map((t) => `「${t}」`).join('');
  const where = unit !== undefined ? `${unit}：` : '';
  if ('count' in places) {
    const n = placesWord(scheme, places.count);
    return { limit: places.count, rule: `${where}${tierNames}${q.kind === 'max' ? `名额 ${n}` : `不少于 ${n}`}` };
  }
  const limit = roundCount(percent(q.share!).mul(Fraction.of(places.base)), q.rounding!);
  return {
    limit,
    rule: `${where}${tierNames}${q.kind === 'max' ? '不超过' : '不少于'} ${places.base} 人的 ${shareWords(q.share!)}（${ROUNDING_WORDS[q.rounding!]}为 ${limit} 人）`,
  };
}

/**
 * 名额: a maximum keeps the best-ranked within the limit and gives the rest the best tier below whose own rule
 * they meet (lowerTier); where the limit falls inside a tie, every tied subject is left undecided for the
 * committee. A minimum that is not reached is reported (篇三: 较好或以下等次应占一定比例).
 */
function applyQuota(j: Judging, q: Quota, application: QuotaApplication, findings: Finding[]) {
  const scheme = j.scheme;
  const { ifZero } = application;
  const pool = application.pool.filter((r) => !r.flags.includes('不定等次'));
  const { limit, rule } = quotaLimit(scheme, q, application);
  const inTiers = pool.filter((r) => r.tier !== null && q.tiers.includes(r.tier));
  const tierNames = q.tiers.map((t) => `「${t}」`).join('');
  // A count given from above is the places there are: 0 is a unit given none (上级未分配), not a base too small.
  const given = 'count' in application.places;
  if (q.kind === 'max') maxUnsettled(j, q, pool, inTiers, limit, rule, tierNames, findings);
  if (q.kind === 'min') {
    // Nobody with a tier yet (no ballots read) is no shortfall; those still undecided may make it up, and are said.
    const undecided = pool.filter((r) => r.tier === null).length;
    if (undecided === pool.length || inTiers.length >= limit) return;
    const pending = undecided > 0 ? `（另有 ${undecided} 人等次待定，未计入）` : '';
    // More than everyone rated: no result can meet it (名额 5 名 of 3 支部), most likely a slip in the scheme.
    const never = limit > pool.length ? `；参加评议的只有 ${pool.length} ${ratesOrganisations(scheme) ? '个' : '人'}，少于要求的人数，无论评议结果如何都达不到，请核实方案` : '';
    findings.push(finding('QUOTA_SHORT', `${tierNames}只有 ${inTiers.length} ${ratesOrganisations(scheme) ? '个' : '人'}${pending}，方案要求${rule}${never}（${q.cite}）`, { file: '（汇总）' }));
    return;
  }
  if (inTiers.length <= limit) return;
  const sorted = [...inTiers].sort(byKeyDesc);
  const lowest = tierIndex(scheme, scheme.tiers.filter((t) => q.tiers.includes(t)).pop()!);
  const demote = (r: SubjectResult) => {
    // The figures on both sides of the cut, told apart (89.998 against 90.000, not 90.00 twice).
    const last = limit > 0 ? sorted[limit - 1] : null;
    const cut =
      last && last.rankKey && r.rankKey ? `（名额内最后一位${keyWords(scheme, last.rankKey, r.rankKey, itselfWord(j.roster.subjects[r.index]))}）` : '';
    // 本人排第 4 名: his place among those meeting the conditions (tied keys share it), what the committee defends.
    const key = r.rankKey;
    const place = last && key ? `${itselfWord(j.roster.subjects[r.index])}排第 ${1 + sorted.filter((x) => x.rankKey !== null && x.rankKey.compare(key) > 0).length} 名，` : '';
    const before = r.tier;
    // Out of the quota's tiers (and any better): the best tier below whose own rule is met.
    const rejudged = lowerTier(j, r, (t) => tierIndex(scheme, t) <= lowest);
    r.reasons.push(`${rule}：${inTiers.length} 人符合条件，${place}超出名额${cut}，由「${before}」改为「${r.tier ?? '待定'}」（${q.cite}）${rejudged}`);
    r.flags.push('超出名额');
  };
  const undecided = (r: SubjectResult, why: string, said = why) => {
    r.reasons.push(`${rule}：${why}，需评议委员会决定（${q.cite}）`);
    r.tier = null;
    r.flags.push('名额并列');
    findings.push(finding('QUOTA_TIE', `「${r.label}」${said}，需评议委员会决定`, { file: '（汇总）', subject: r.name }));
  };
  if (limit === 0 && given) return sorted.forEach(demote);
  if (limit === 0) {
    // Nobody may have the tier although some qualify: most often a base too small (a roster of candidates
    // only, no 党员人数 given), so said as an error rather than left to the reasons.
    findings.push(
      finding(
        'QUOTA_ZERO',
        `${rule}：名额为 0，${inTiers.length} 人符合${tierNames}条件，均未评为${tierNames}${ifZero ? `；${ifZero}` : ''}（${q.cite}）`,
        { file: '（汇总）' },
      ),
    );
    return sorted.forEach(demote);
  }
  if (sorted.some((r) => r.rankKey === null))
    return sorted.forEach((r) => undecided(r, `${inTiers.length} 人符合${tierNames}条件，超出名额，且无得分可比`));
  const boundary = sorted[limit - 1].rankKey!;
  const tiedAcross = sorted[limit].rankKey!.equals(boundary);
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i];
    if (tiedAcross && r.rankKey!.equals(boundary)) {
      // Who is tied, on what figure, for how many of the places (the 超出名额 reason names the figures too).
      const tied = sorted.filter((x) => x.rankKey!.equals(boundary));
      const within = sorted.filter((x) => x.rankKey!.compare(boundary) > 0).length;
      const others = tied.filter((x) => x !== r).map((x) => x.label).join('、');
      const same = `${keyWord(scheme)}均为 ${keyFigure(scheme, r)}`;
      const left = `${within > 0 ? '余下的 ' : ''}${limit - within} 个名额`;
      const held = within > 0 ? `已有 ${within} 人在名额内，` : '';
      undecided(
        r,
        `${inTiers.length} 人符合条件，超出名额：${held}${left}由${itselfWord(j.roster.subjects[r.index])}与${others} ${tied.length} 人并列（${same}）`,
        `在${tierNames}名额边界处与${others}并列（${same}），争${within > 0 ? '' : ' '}${left}`,
      );
    } else if (i >= limit) demote(r);
  }
  // 名额并列: the committee gives each tied subject a tier of the quota, or the one moving down would give (demote's walk).
  for (const r of sorted) if (r.tier === null && r.flags.includes('名额并列')) undecidedBetween.set(r, [...q.tiers, ...tiersBelowQuota(j, r, lowest)]);
}

/** The tier a subject moved out of a quota would get (lowerTier's walk without the quota's tiers and any better). */
function tiersBelowQuota(j: Judging, r: SubjectResult, lowest: number): readonly string[] {
  const barred = j.barred.get(r);
  const walked = walkRules(j.scheme, j.tally, j.roster.subjects[r.index], r, j.places, (t) => tierIndex(j.scheme, t) <= lowest || (barred?.has(t) ?? false));
  return walked.kind === 'tier' ? [walked.tier] : walked.kind === 'both' ? walked.tiers : j.scheme.tiers.slice(lowest + 1);
}

/** A subject's roster category (职务类别 / 类别) as the groups are keyed: '' for none. */
export function categoryKey(r: Pick<SubjectResult, 'category'>): string {
  return r.category?.trim() ?? '';
}

/** A category in words: 「正职」类, or 未填类别 for subjects the roster gives none. */
export function categoryWords(key: string): string {
  return key === '' ? '未填类别的' : `「${key}」类`;
}

/**
 * Whether 名次 are counted within each roster category (scheme `ranking.per`, seed 003 篇六 二、考核类别): only when the
 * roster gives someone a category; a roster without one ranks as one list, exactly as without the setting.
 */
export function ranksPerCategory(scheme: Pick<Scheme, 'ranking'>, subjects: readonly Pick<SubjectResult, 'category'>[]): boolean {
  return scheme.ranking.per === 'category' && subjects.some((r) => categoryKey(r) !== '');
}

/**
 * Competition ranking in the order of merit the tiers printed beside it give (README, 排名表): by tier, the
 * scheme's best first, then by the rank key within a tier; equal keys share a 名次 only within one tier (1, 1, 3).
 * Not ranked: subjects without a key, those who take part without a tier (预备党员, 不定等次) and those whose tier is
 * 待定 (the committee's to decide; listed after the ranked, by their figure). A veto that forced the lowest tier
 * places the subject after everyone else of that tier, so the lowest-ranked designations (动态调整, 重点管理) include
 * him; any other tier a veto gave ranks him by that tier like everyone, said where it put him below fewer votes.
 * With `ranking.per: 'category'` the 名次 are counted within each category over the same order: a category's
 * ranking is the whole list's with the other categories left out.
 */
function rank(scheme: Scheme, results: SubjectResult[], findings: Finding[], rosterFile: (r: SubjectResult) => { file: string; sheet?: string }): Map<SubjectResult, number> {
  const ranked = results.filter((r) => r.rankKey !== null && r.tier !== null && !r.flags.includes('不定等次'));
  const lowest = scheme.tiers.length - 1;
  const forcedLast = (r: SubjectResult) => r.placedByVeto === 'last' && tierIndex(scheme, r.tier) === lowest;
  const byTierThenKey = (a: SubjectResult, b: SubjectResult) => tierIndex(scheme, a.tier) - tierIndex(scheme, b.tier) || byKeyDesc(a, b);
  const order = ranked.filter((r) => !forcedLast(r)).sort(byTierThenKey);
  const firstLast = order.length;
  order.push(...ranked.filter(forcedLast).sort(byKeyDesc));
  const perCategory = ranksPerCategory(scheme, results);
  const groupOf = (r: SubjectResult) => (perCategory ? categoryKey(r) : '');
  // Per group: how many ranked so far, and the last one's place in the whole order and 名次 (a tie shares it).
  const groups = new Map<string, { count: number; lastTie: number; lastRank: number }>();
  // The 名次 over the whole order (a category's or a designation's list is ranked by it, the others left out).
  const whole = new Map<SubjectResult, number>();
  let tieStart = 0;
  order.forEach((r, i) => {
    const prev = order[i - 1];
    const tied = i > 0 && i !== firstLast && prev.tier === r.tier && prev.rankKey!.equals(r.rankKey!);
    if (!tied) tieStart = i;
    whole.set(r, tieStart + 1);
    const g = groups.get(groupOf(r)) ?? { count: 0, lastTie: -1, lastRank: 0 };
    r.rank = g.lastTie === tieStart ? g.lastRank : g.count + 1;
    groups.set(groupOf(r), { count: g.count + 1, lastTie: tieStart, lastRank: r.rank });
    const place = perCategory ? `${categoryWords(groupOf(r))}第 ${r.rank} 名` : `第 ${r.rank} 名`;
    if (i >= firstLast) r.reasons.push(`因一票否决定为「${r.tier}」，排在未被一票否决定为该等次的人之后（${place}）`);
    else if (r.placedByVeto !== null && order.slice(0, i).some((x) => groupOf(x) === groupOf(r) && x.rankKey!.compare(r.rankKey!) < 0))
      r.reasons.push(`因一票否决改为「${r.tier}」，排在等次更高的人之后（${place}）`);
  });
  // 待定 with a figure: no 名次 until the committee gives the tier (those without a key were told why when judged).
  for (const r of results) if (r.tier === null && r.rankKey !== null && !r.flags.includes('不定等次')) r.reasons.push('等次待定，不参加排名');
  if (!perCategory) return whole;
  // Ranked per category while the roster leaves someone's category blank: ranked among the others without one, and said.
  const none = results.filter((r) => categoryKey(r) === '' && !r.flags.includes('不定等次'));
  for (const r of none) {
    r.reasons.push('名册中未填类别，与其他未填类别的人一起排名');
    findings.push(
      finding('CATEGORY_MISSING', `「${r.label}」在名册中没有填写类别（职务类别），方案按类别分别排名，暂与其他未填类别的人一起排名；请在名册的类别栏填写后重新计算`, {
        ...rosterFile(r),
        subject: r.name,
      }),
    );
  }
  return whole;
}

/** The rated subjects' categories, in roster order of first appearance ('' for those without one). */
function categoriesInRosterOrder(rated: SubjectResult[]): string[] {
  return [...new Set([...rated].sort((a, b) => a.index - b.index).map(categoryKey))];
}

/** A designation's list: those of some categories (all when null), counted with one share. */
interface DesignationPool {
  /** 「农村」类, 「社区、机关」类, 其他类别（社区、非公企业）; null for everyone (no categories: words as before them). */
  words: string | null;
  share: number | string;
  holds: (r: SubjectResult) => boolean;
}

/**
 * The lists a designation is counted in. Everyone, as before categories, unless it gives shares by category or the
 * ranking is per category. `byCategory` (seed 003 篇七 四、(三) 农村不低于10%、社区和其他基层党组织不低于5%): each
 * entry's categories together, and the categories no entry names together under `share` (社区和其他); a ranking
 * per category: each category with `share`. Categories with no share are returned apart, for DESIGNATION_NO_SHARE.
 */
function designationPools(scheme: Scheme, d: Designation, rated: SubjectResult[]): { pools: DesignationPool[]; unshared: string[] } {
  // A roster without categories: everyone is of the catch-all share, counted as before categories.
  const noCategories = !rated.some((r) => categoryKey(r) !== '');
  if (d.byCategory === undefined || (noCategories && d.share !== undefined)) {
    if (!ranksPerCategory(scheme, rated)) return { pools: [{ words: null, share: d.share!, holds: () => true }], unshared: [] };
    return { pools: categoriesInRosterOrder(rated).map((c) => ({ words: categoryWords(c), share: d.share!, holds: (r) => categoryKey(r) === c })), unshared: [] };
  }
  const entryOf = (category: string) => (category === '' ? -1 : d.byCategory!.findIndex((e) => e.categories.some((c) => normalizeLabel(c) === normalizeLabel(category))));
  const present = categoriesInRosterOrder(rated);
  // Named by the categories the roster has (「农村」类, not the spellings the scheme also accepts).
  const pools: DesignationPool[] = d.byCategory.map((e, k) => {
    const listed = present.filter((c) => entryOf(c) === k);
    return { words: `「${(listed.length > 0 ? listed : e.categories).join('、')}」类`, share: e.share, holds: (r) => entryOf(categoryKey(r)) === k };
  });
  const others = present.filter((c) => entryOf(c) < 0);
  if (d.share === undefined) return { pools, unshared: others };
  const named = others.map((c) => (c === '' ? '未填类别' : c));
  if (others.length > 0) pools.push({ words: `其他类别（${named.join('、')}）`, share: d.share, holds: (r) => entryOf(categoryKey(r)) < 0 });
  return { pools, unshared: [] };
}

/**
 * The lowest-ranked share (重点管理 不低于10%, 动态调整 按10%), ties at the boundary flagged, in each of the
 * designation's lists (designationPools): counted, rounded and ranked within the list. A category with no share (no
 * entry and no catch-all `share`) is designated nobody, and that is said for each of its subjects and in
 * DESIGNATION_NO_SHARE, naming them: never left out silently.
 */
function designate(j: Judging, d: Designation, rated: SubjectResult[], unrankedAll: SubjectResult[], order: Map<SubjectResult, number>, findings: Finding[]) {
  const { pools, unshared } = designationPools(j.scheme, d, rated);
  for (const pool of pools)
    designateWithin(j, d, pool, rated.filter((r) => r.rank !== null && pool.holds(r)), unrankedAll.filter(pool.holds), order, findings);
  for (const category of unshared) {
    const left = [...rated.filter((r) => r.rank !== null), ...unrankedAll].filter((r) => categoryKey(r) === category);
    if (left.length === 0) continue;
    const named = category === '' ? '名册中未填类别的' : `类别「${category}」`;
    for (const r of left) {
      r.flags.push(`${d.name}待定`);
      r.reasons.push(`「${d.name}」按类别确定比例，方案没有${named}的比例，本${j.scheme.subjectKind === 'person' ? '人' : '组织'}未参加认定，需评议委员会决定（${d.cite}）`);
    }
    findings.push(
      finding(
        'DESIGNATION_NO_SHARE',
        `「${d.name}」按类别确定比例，方案没有${named}的比例（也没有其他类别的比例）：${left.map((r) => r.label).join('、')} 未参加认定；请在方案中补上该类别的比例，或核实名册中的类别（${d.cite}）`,
        { file: '（汇总）' },
      ),
    );
  }
}

/**
 * One list's lowest-ranked share: everyone's (`category` null, as before categories) or one category's, its 名次
 * counted within it. The base is those ranked; a rated subject left unranked (待定, score or votes missing) could be
 * among the lowest or change the count, so the base is named and the list is left to the committee to check
 * (DESIGNATION_UNSETTLED). Not for one who could not: the count the same with everyone ranked, and every tier still
 * open to him better than the 末位's (a tie for 优秀).
 */
function designateWithin(
  j: Judging,
  d: Designation,
  pool: DesignationPool,
  members: SubjectResult[],
  unrankedAll: SubjectResult[],
  order: Map<SubjectResult, number>,
  findings: Finding[],
) {
  const { scheme } = j;
  // The 名次 within the list, from the whole order (rank): a list's ranking is the whole one with the others left out.
  const inOrder = (r: SubjectResult) => order.get(r)!;
  const placeOf = new Map<SubjectResult, number>();
  [...members]
    .sort((a, b) => inOrder(a) - inOrder(b))
    .forEach((r, i, list) => placeOf.set(r, i > 0 && inOrder(list[i - 1]) === inOrder(r) ? placeOf.get(list[i - 1])! : i + 1));
  const { share } = pool;
  const category = pool.words;
  const ranked = [...members].sort((a, b) => placeOf.get(b)! - placeOf.get(a)!);
  if (ranked.length === 0) return;
  const rounding = d.kind === 'at-least' ? 'ceil' : 'round';
  const countOf = (n: number) => roundCount(percent(share).mul(Fraction.of(n)), rounding);
  const exact = percent(share).mul(Fraction.of(ranked.length));
  const count = roundCount(exact, rounding);
  const unranked =
    countOf(ranked.length + unrankedAll.length) !== count
      ? unrankedAll
      : count === 0
        ? []
        : unrankedAll.filter((u) => worstTierPossible(j, u) >= tierIndex(scheme, ranked[count - 1].tier));
  const n = scheme.subjectKind === 'person' ? '人' : '个';
  const inList = category ?? '';
  const place = (r: SubjectResult) => `${category === null ? '' : '在该类'}排第 ${placeOf.get(r)} 名`;
  // 7 人的 10% 为 0.7，四舍五入为 1 人: how the share of those ranked became a count, as the quotas say it.
  const of = `${ranked.length} ${n}的 ${shareWords(share)}`;
  const counted = exact.equals(Fraction.of(count)) ? `${of} 为 ${count} ${n}` : `${of} 为 ${decimalWords(exact)}，${ROUNDING_WORDS[rounding]}为 ${count} ${n}`;
  const among = `${inList}${unranked.length > 0 ? '已排名的' : ''}共 ${ranked.length} ${n}`;
  const unsettled = unranked.length > 0 ? `；另有 ${unranked.length} ${n}等次待定、未排名，未计入，名单需评议委员会核实` : '';
  const designated: SubjectResult[] = [];
  if (count > 0) {
    const boundary = ranked[count - 1];
    const tied = ranked.filter((r) => placeOf.get(r) === placeOf.get(boundary));
    const crosses = ranked.indexOf(tied[tied.length - 1]) >= count;
    for (let i = 0; i < ranked.length; i++) {
      const r = ranked[i];
      const isTied = tied.includes(r);
      if (isTied && crosses) {
        r.flags.push(`${d.name}并列`);
        const others = tied.filter((x) => x !== r).map((x) => x.label).join('、');
        const at = `${category === null ? '' : `在${inList}中`}与${others}并列第 ${placeOf.get(r)} 名`;
        r.reasons.push(`「${d.name}」为${inList}排名末位 ${shareWords(share)}（${among}，${counted}），${itselfWord(j.roster.subjects[r.index])}${at}，需评议委员会决定（${d.cite}）`);
        findings.push(finding('QUOTA_TIE', `「${r.label}」在「${d.name}」名额边界处${at}，需评议委员会决定`, { file: '（汇总）', subject: r.name }));
      } else if (i < count) {
        designated.push(r);
        r.designations.push(d.name);
        r.flags.push(d.name);
        r.reasons.push(`列入「${d.name}」：${among}，${itselfWord(j.roster.subjects[r.index])}${place(r)}，在末位 ${shareWords(share)} 之内（${counted}）（${d.cite}）${unsettled}`);
      }
    }
  }
  if (unranked.length === 0) return;
  for (const r of unranked) {
    const itself = itselfWord(j.roster.subjects[r.index]);
    r.reasons.push(`「${d.name}」按${inList}已排名的 ${ranked.length} ${n}确定（末位 ${shareWords(share)}，${counted}），${itself}未排名、未计入；如${itself}参加排名在末位，需评议委员会决定（${d.cite}）`);
  }
  const names = (list: SubjectResult[]) => list.map((r) => r.label).join('、');
  // A place tied across the boundary is undecided, not "none": the tied are named.
  const tiedAtEdge = ranked.filter((r) => r.flags.includes(`${d.name}并列`));
  const undecidedAtEdge = tiedAtEdge.length > 0 ? `第 ${placeOf.get(tiedAtEdge[0])} 名${names(tiedAtEdge)}并列，尚未确定` : '';
  const who = [...(designated.length > 0 ? [names(designated)] : []), ...(undecidedAtEdge ? [undecidedAtEdge] : [])].join('；') || '无';
  findings.push(
    finding(
      'DESIGNATION_UNSETTLED',
      `「${d.name}」（${inList}末位 ${shareWords(share)}）按${inList}已排名的 ${ranked.length} ${n}确定为 ${count} ${n}（${who}）；${names(unranked)} 等次待定、未排名，未计入，如参加排名可能在末位，人数也可能不同，名单需评议委员会核实（${d.cite}）`,
      { file: '（汇总）' },
    ),
  );
}

/** What counting runs through 往年结果 has to say across subjects: findings, and names for the two summary findings. */
interface PastNotes {
  findings: Finding[];
  /** Subjects whose run decides a step and who have no past years: HISTORY_MISSING. */
  withoutHistory: string[];
  /** The year RESULTS_YEAR_DOUBT names (probably this campaign's own): no HISTORY_GAP for it alone. */
  doubtedYear: number | null;
}

/**
 * The subject's run in its tier back through its 往年结果 row (history.ts) and the consequences that follow
 * (seed 002 第五篇 三、5). What a person must decide is said in the reasons, flagged and reported: rows that
 * cannot be told apart (none is used), and a year without a result that stopped the run where that year in
 * the same tier would change the step (the fewest such years are named).
 */
function runAndConsequences(scheme: Scheme, roster: Roster, r: SubjectResult, match: PastMatch, resultsYear: ResultsYear, countsRuns: boolean, notes: PastNotes): Consequence[] {
  const subject = roster.subjects[r.index];
  const label = subjectLabel(roster, subject);
  const row = match.kind === 'found' && pastYears(match.row, resultsYear).length > 0 ? match.row : null;
  // A past year's word that is not one of this scheme's tiers cannot continue a run: said, not guessed at.
  if (countsRuns && row) for (const y of pastYears(row, resultsYear)) if (y.tier !== '' && !scheme.tiers.includes(y.tier)) notes.findings.push(unknownTierFinding(row, y, label, r.name, scheme.tiers));
  const past = r.tier === null ? null : row ? runOf(r.tier, row, resultsYear) : { run: 1, ifGapsCounted: [] };
  r.streak = past?.run ?? 0;
  const runDecides = countsRuns && r.tier !== null && scheme.consequences.some((c) => c.consecutive !== undefined && c.tiers?.includes(r.tier!));
  if (countsRuns && match.kind === 'unclear') {
    const text = unclearText(roster, subject, match.rows);
    const fromNow = runDecides ? `；本次被评为「${r.tier}」，连续次数按本次为第一次计，请评议委员会核实` : '';
    notes.findings.push(finding('HISTORY_MATCH_UNCLEAR', `${text}${fromNow}；请在往年结果中写明与名册一致的单位，或删去不是${itselfWord(subject)}的行`, { ...match.rows[0].row.at, subject: r.name }));
    if (runDecides) {
      r.reasons.push(`${text}，连续被评为「${r.tier}」的次数按本次为第一次计，请评议委员会核实`);
      r.flags.push(RUN_TO_CHECK);
    }
  } else if (runDecides && row === null) {
    // 连续 N 次 needs the years before this one: without them the run is counted from this year, and said.
    r.reasons.push(`未提供往年结果，连续被评为「${r.tier}」的次数按本次为第一次计；如往年也曾被评为「${r.tier}」，请导入往年结果后重新计算`);
    notes.withoutHistory.push(label);
  }
  const applied = consequencesFor(scheme, r);
  if (!runDecides || row === null || past === null) return applied;
  const stepsIf = (run: number) => consequencesFor(scheme, { ...r, streak: run });
  // A row matched on a unit written otherwise (荣兴社区居委会 for 荣兴社区) that changes the step: the committee confirms it is his.
  if (match.kind === 'found' && match.unitReadAs !== undefined && !sameConsequences(applied, stepsIf(1))) {
    r.reasons.push(`${match.unitReadAs}；连续被评为「${r.tier}」的次数据此按第 ${r.streak} 次计，请评议委员会核实`);
    r.flags.push(RUN_TO_CHECK);
  }
  const gapped = past.ifGapsCounted.find((c) => !sameConsequences(applied, stepsIf(c.run)));
  if (gapped) {
    const steps = (list: Consequence[]) => list.map((c) => saidOfSubject(c.action, subject)).join('；') || '无处理';
    const counted = r.streak >= 2 ? `按连续第 ${r.streak} 次计` : '按第一次计';
    const text = `往年结果中 ${gapsText(gapped.gaps, row.at.sheet)}没有结果，连续被评为「${r.tier}」的次数在此中断，${counted}（${steps(applied)}）；如 ${gapYears(gapped.gaps)} 年也被评为「${r.tier}」，则为连续第 ${gapped.run} 次（${steps(stepsIf(gapped.run))}），请评议委员会核实`;
    r.reasons.push(text);
    r.flags.push(RUN_TO_CHECK);
    const blank = gapped.gaps.find((g) => g.blankCell !== null);
    if (!gapped.gaps.every((g) => g.year === notes.doubtedYear && g.blankCell === null))
      notes.findings.push(finding('HISTORY_GAP', `「${label}」${text}`, { ...row.at, ...(blank ? { sheet: blank.sheet ?? row.at.sheet, cell: blank.blankCell } : {}), subject: r.name }));
  }
  return applied;
}

/**
 * 结果运用：连续第 3 次被评为「不合格」，按有关组织程序予以免职…（依据）. The run is said whenever it decides the step
 * (seed 002 第五篇); the days when the consequence is a rectification with a deadline.
 */
function consequenceReason(tier: string | null, c: SubjectResult['consequences'][number]): string {
  const run = c.run === null ? '' : c.run >= 2 ? `连续第 ${c.run} 次被评为「${tier}」，` : `被评为「${tier}」（按第一次计），`;
  const days = c.rectifyWithinDays === null ? '' : `（${c.rectifyWithinDays} 天内整改）`;
  return `结果运用：${run}${c.action}${days}（${c.cite}）`;
}

/** Consequences that apply; of an escalation ladder (连续 N 次) only the highest step reached. */
function consequencesFor(scheme: Scheme, r: SubjectResult): Consequence[] {
  const hits = scheme.consequences.filter((c) => {
    const byTier = c.tiers !== undefined && r.tier !== null && c.tiers.includes(r.tier);
    const byVeto = c.veto !== undefined && r.vetoes.some((v) => v.id === c.veto);
    if (!byTier && !byVeto) return false;
    if (c.unlessVetoed && r.vetoes.length > 0) return false;
    return c.consecutive === undefined || (byTier && r.streak >= c.consecutive);
  });
  return hits.filter(
    (c) =>
      c.consecutive === undefined ||
      !hits.some((o) => o !== c && o.consecutive !== undefined && o.consecutive > c.consecutive! && sameTiers(o, c)),
  );
}

function sameConsequences(a: readonly Consequence[], b: readonly Consequence[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

function sameTiers(a: Consequence, b: Consequence): boolean {
  return (a.tiers ?? []).join('|') === (b.tiers ?? []).join('|');
}

/** 应参评人数 of a group in a round: the round's own number where the scheme gives one, else the group's. */
function expectedFor(group: Scheme['raterGroups'][number], roundId: string): number | null {
  return group.expectedByRound?.[roundId] ?? group.expected ?? null;
}

/** A unit's 应参评人数 (raterGroups[].expectedByUnit), the unit written as the roster writes it or as unitKey equates. */
function expectedInUnit(group: Scheme['raterGroups'][number], unit: string): number | null {
  const counts = group.expectedByUnit;
  if (!counts) return null;
  const key = Object.keys(counts).find((k) => unitKey(k) === unitKey(unit));
  return key === undefined ? null : counts[key];
}

const rateOf = (returned: number, expected: number | null) => (expected ? formatPercent(Fraction.of(returned, expected)) : null);

function participation(scheme: Scheme, roster: Roster, tally: Tally, uncounted: readonly UncountedBallot[], findings: Finding[]): ParticipationRow[] {
  const rows: ParticipationRow[] = [];
  for (const form of scheme.forms) {
    // The units the form's ballots are split by (as the reader splits them): none unless every subject has one.
    const units = form.perUnit ? unitsToSplitBy(rosterFor(roster, form.subjectKind ?? scheme.subjectKind).subjects) : [];
    for (const round of scheme.rounds)
      for (const group of scheme.raterGroups) {
        if (form.raterGroups && !form.raterGroups.includes(group.id)) continue;
        if (form.rounds && !form.rounds.includes(round.id)) continue;
        const key = `${form.id}|${round.id}|${group.id}`;
        const setAside = uncounted.filter((u) => u.formId === form.id && u.groupId === group.id && (u.roundId === round.id || u.roundId === null) && u.reason !== 'duplicate');
        const valid = tally.ballotCount.get(key) ?? 0;
        const invalid = (tally.invalidBallotCount.get(key) ?? 0) + setAside.length;
        const returned = valid + invalid;
        let expected = expectedFor(group, round.id);
        let byUnit: UnitParticipation[] | undefined;
        if (units.length > 0 && heldPerUnit(form, round.id)) {
          byUnit = units.map((unit) => {
            const unitValid = tally.ballotCountByUnit.get(`${key}|${unit}`) ?? 0;
            const unitInvalid = (tally.invalidBallotCountByUnit.get(`${key}|${unit}`) ?? 0) + setAside.filter((u) => u.unit === unit).length;
            const unitExpected = expectedInUnit(group, unit);
            return { unit, expected: unitExpected, returned: unitValid + unitInvalid, valid: unitValid, invalid: unitInvalid, rate: rateOf(unitValid + unitInvalid, unitExpected) };
          });
          const inUnits = (of: (u: UnitParticipation) => number) => byUnit!.reduce((sum, u) => sum + of(u), 0);
          const unplaced = { valid: valid - inUnits((u) => u.valid), invalid: invalid - inUnits((u) => u.invalid) };
          if (unplaced.valid + unplaced.invalid > 0) byUnit.push({ unit: null, expected: null, returned: unplaced.valid + unplaced.invalid, ...unplaced, rate: null });
          // Every unit's number given: the campaign's is their sum, unless the scheme gives its own (then they must agree).
          const given = byUnit.filter((u) => u.unit !== null && u.expected !== null);
          if (given.length === units.length) {
            const sum = given.reduce((a, u) => a + u.expected!, 0);
            if (expected === null) expected = sum;
            else if (expected !== sum)
              findings.push(
                finding(
                  'EXPECTED_UNITS_DIFFER',
                  `${form.title}「${group.name}」${round.name}的应参评人数为 ${expected}，各单位的应参评人数相加为 ${sum}，两者不一致；回收率按 ${expected} 计算，请核对`,
                  { file: `方案「${scheme.name}」` },
                ),
              );
          }
        }
        rows.push({ group: group.name, round: round.name, form: form.title, expected, returned, valid, invalid, rate: rateOf(returned, expected), ...(byUnit ? { byUnit } : {}) });
      }
  }
  const unassigned = uncounted.filter((u) => u.groupId === null);
  if (unassigned.length > 0)
    rows.push({ group: '（类别不明）', round: '', form: '', expected: null, returned: unassigned.length, valid: 0, invalid: unassigned.length, rate: null });
  return rows;
}
