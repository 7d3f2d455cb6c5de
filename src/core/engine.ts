/**
 * The one door into the engine: a scheme, a roster and the submitted grids in; validated ballots,
 * findings, tallies, results, rectification rows out. Hosts (files, Excel) and front ends (command
 * line, task pane) call only this and the output describers.
 */
import { ReadResult, readBallots } from './ballots/read-ballots';
import { Finding, finding } from './findings/finding';
import { anonymityFindings } from './output/anonymity';
import { decisiveGroupFindings } from './rules/decisive-groups';
import { Submission } from './forms/grid';
import { RectificationRow, rectificationRows } from './rectification/rectification';
import { Evaluation, ParticipationRow, SubjectResult, evaluate } from './results/evaluate';
import { campaignYear } from './results/campaign-year';
import { History, ResultsYear } from './results/history';
import { RosterSource, resolveFlagColumns } from './roster/flag-columns';
import { Roster, RosterEntry, buildRoster } from './roster/roster';
import { entriesOfSchemeKind } from './roster/forms-without-subjects';
import { SchemeError, expectedUnitProblems, memberCountUnitProblems, quotaCountUnitProblems } from './scheme/load-scheme';
import { Scheme } from './scheme/scheme-schema';
import { memberCountWarnings, schemeWarnings } from './scheme/scheme-warnings';
import { Tally, tallyBallots } from './tally/tally';

export interface CampaignInput {
  scheme: Scheme;
  roster: readonly RosterEntry[];
  /** Where a roster file's entries and flag columns are (readRoster gives it), so findings name their cells. */
  rosterSource?: RosterSource;
  submissions: readonly Submission[];
  /** 往年结果 (read-history.ts) for the 连续 N 次 rules. */
  history?: History;
  /** YYYY-MM-DD used when the scheme has no resultsDate: for deadlines, and for the 考核年度 when the scheme has no year (campaign-year.ts). */
  today?: string;
}

export interface CampaignResult {
  scheme: Scheme;
  roster: Roster;
  read: ReadResult;
  tally: Tally;
  subjects: SubjectResult[];
  participation: ParticipationRow[];
  rectification: RectificationRow[];
  /** The date the results are for (YYYY-MM-DD): the scheme's resultsDate, else the day they were computed. */
  date: string;
  /** 考核年度 (campaign-year.ts): the year every title names (关于2026年度…的公示) and 往年结果 are before. */
  year: number;
  /** Every finding: reading and validation first, then those of the results (with small rater groups: one that decides a tier alone, rules/decisive-groups; one whose ballots its figures show, output/anonymity). */
  findings: Finding[];
}

export function runCampaign(input: CampaignInput): CampaignResult {
  // The roster columns the scheme's roster-flag rules read, found here where scheme and roster meet.
  const flags = resolveFlagColumns(input.scheme, entriesOfSchemeKind(input.scheme, input.roster), input.rosterSource);
  const roster = buildRoster(flags.entries);
  const rosterUnitColumn = roster.subjects.map((s) => s.unit);
  const unitProblems = [
    ...memberCountUnitProblems(input.scheme, rosterUnitColumn),
    ...expectedUnitProblems(input.scheme, rosterUnitColumn),
    ...quotaCountUnitProblems(input.scheme, rosterUnitColumn),
  ];
  if (unitProblems.length > 0) throw new SchemeError(unitProblems);
  const read = readBallots(input.scheme, roster, input.submissions);
  const tally = tallyBallots(input.scheme, roster.subjects.length, read);
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  // The year these results are for (考核年度, campaign-year.ts): in the titles, and 往年结果 are the years before it.
  const year = campaignYear(input.scheme, today);
  const resultsYear: ResultsYear = year.results;
  const evaluation: Evaluation = evaluate(input.scheme, roster, tally, read.uncounted, input.history, resultsYear, input.rosterSource);
  return {
    scheme: input.scheme,
    roster,
    read,
    tally,
    subjects: evaluation.subjects,
    participation: evaluation.participation,
    rectification: rectificationRows(input.scheme, roster, evaluation.subjects, today),
    date: input.scheme.resultsDate ?? today,
    year: resultsYear.year,
    findings: [...schemeFindings(input.scheme, roster), ...(year.finding ? [year.finding] : []), ...flags.findings, ...windowPostFindings(input.scheme, roster, tally, input.rosterSource?.file ?? '名册'), ...read.findings, ...evaluation.findings, ...decisiveGroupFindings(input.scheme, roster, tally, evaluation.subjects), ...anonymityFindings(evaluation.participation)],
  };
}

/** The scheme's probable slips (scheme-warnings.ts), with those only the roster shows, among the findings the results are published with. */
function schemeFindings(scheme: Scheme, roster: Roster): Finding[] {
  const warnings = [...schemeWarnings(scheme), ...memberCountWarnings(scheme, roster.subjects)];
  return warnings.map((w) => finding('SCHEME_DOUBTFUL_VALUE', w, { file: `方案「${scheme.name}」` }));
}

/**
 * A form only window posts are rated on (seed 004 附表3; DOMAIN P5: window candidates must also pass
 * it) means nothing when the roster marks no window post, and the votes a person not marked as one
 * received on it are counted but no rule reads them ("非窗口岗位，不适用"). Both are said here, where
 * the roster and the counted votes meet; read-ballots matches 附表3's names against every person.
 */
function windowPostFindings(scheme: Scheme, roster: Roster, tally: Tally, file: string): Finding[] {
  const forms = scheme.forms.filter((f) => f.onlyWindowPosts);
  if (forms.length === 0) return [];
  const out: Finding[] = [];
  const rounds = scheme.rounds.map((r) => r.id);
  const groups = scheme.raterGroups.map((g) => g.id);
  const title = (f: (typeof forms)[number]) => `「${f.title}」`;
  if (!roster.subjects.some((s) => s.window))
    out.push(
      finding(
        'ROSTER_NO_WINDOW_POSTS',
        `方案的${forms.map(title).join('、')}只测评窗口岗位，但名册中没有一人标为窗口岗位，这张表的测评不会用于“窗口岗位须同时测评”的条件；请在名册中加「窗口岗位」栏，窗口岗位的人填“是”`,
        { file },
      ),
    );
  for (const form of forms)
    for (const s of roster.subjects) {
      if (s.window) continue;
      const c = tally.sum(s.index, [form.id], rounds, groups, () => form.itemLabels.map((_, i) => i));
      if (c.levels.reduce((a, b) => a + b, 0) + c.scoreCount === 0) continue;
      out.push(
        finding(
          'SUBJECT_NOT_WINDOW_POST',
          `「${s.name}」在${title(form)}中有测评，但名册中未标为窗口岗位，这些测评未用于“窗口岗位须同时测评”的条件；如是窗口岗位，请在名册窗口岗位栏填“是”后重新计算`,
          { file, subject: s.name },
        ),
      );
    }
  return out;
}
