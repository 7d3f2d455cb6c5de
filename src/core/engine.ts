/**
 * The one door into the engine: a scheme, a roster and the submitted grids in; validated ballots,
 * findings, tallies, results, rectification rows out. Hosts (files, Excel) and front ends (command
 * line, task pane) call only this and the output describers.
 */
import { ReadResult, readBallots } from './ballots/read-ballots';
import { Finding } from './findings/finding';
import { anonymityFindings } from './output/anonymity';
import { Submission } from './forms/grid';
import { RectificationRow, rectificationRows } from './rectification/rectification';
import { Evaluation, History, ParticipationRow, SubjectResult, evaluate } from './results/evaluate';
import { RosterSource, resolveFlagColumns } from './roster/flag-columns';
import { Roster, RosterEntry, buildRoster } from './roster/roster';
import { Scheme } from './scheme/scheme-schema';
import { Tally, tallyBallots } from './tally/tally';

export interface CampaignInput {
  scheme: Scheme;
  roster: readonly RosterEntry[];
  /** Where a roster file's entries and flag columns are (readRoster gives it), so findings name their cells. */
  rosterSource?: RosterSource;
  submissions: readonly Submission[];
  history?: History;
  /** YYYY-MM-DD used for deadlines when the scheme has no resultsDate. */
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
  /** Every finding: reading and validation first, then those of the results (with rater groups of a single ballot, see output/anonymity). */
  findings: Finding[];
}

export function runCampaign(input: CampaignInput): CampaignResult {
  // The roster columns the scheme's roster-flag rules read, found here where scheme and roster meet.
  const flags = resolveFlagColumns(input.scheme, input.roster, input.rosterSource);
  const roster = buildRoster(flags.entries);
  const read = readBallots(input.scheme, roster, input.submissions);
  const tally = tallyBallots(input.scheme, roster.subjects.length, read);
  const evaluation: Evaluation = evaluate(input.scheme, roster, tally, read.uncounted, input.history);
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  return {
    scheme: input.scheme,
    roster,
    read,
    tally,
    subjects: evaluation.subjects,
    participation: evaluation.participation,
    rectification: rectificationRows(input.scheme, evaluation.subjects, today),
    findings: [...flags.findings, ...read.findings, ...evaluation.findings, ...anonymityFindings(evaluation.participation)],
  };
}
