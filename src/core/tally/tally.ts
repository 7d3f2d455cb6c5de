/**
 * Counting: per subject × form × round × rater group × item, the votes for each level, abstentions,
 * invalid entries, not-applicable rows and score sums; per subject the recommendations; per group
 * the ballots returned and counted. Plain integer counts in one flat array: exact and fast.
 */
import * as entryStatus from '../ballots/read-ballots';
import { Ballot, ReadResult, SCORE_SCALE } from '../ballots/read-ballots';
import { CountedSheet } from '../ballots/read-counts';
import { Fraction } from '../common/fraction';
import { Scheme } from '../scheme/scheme-schema';

/** Slots after the level counts in each cell of the tally. */
const ABSTAIN = 0;
const INVALID = 1;
const NA = 2;
const SCORE_SUM = 3;
const SCORE_COUNT = 4;
const EXTRA = 5;

/** Entry status codes, copied into this module's own constants for the counting loop. */
const VALID = entryStatus.VALID;
const ABSTAINED = entryStatus.ABSTAIN;
const INVALIDATED = entryStatus.INVALID;
const NOT_APPLICABLE = entryStatus.NA;

export interface TallyCell {
  levels: number[];
  abstain: number;
  invalid: number;
  na: number;
  /** Sum of scores × SCORE_SCALE. */
  scoreSum: number;
  scoreCount: number;
}

export class Tally {
  readonly levelSlots: number;
  private readonly stride: number;
  private readonly data: Float64Array;
  readonly formIndex: Map<string, number>;
  readonly roundIndex: Map<string, number>;
  readonly groupIndex: Map<string, number>;
  readonly maxItems: number;
  /** Recommendations received, per subject and form. */
  readonly recommendations: Map<string, number> = new Map();
  /** Ballots whose recommendations counted (not void), per form. */
  readonly recommendationBallots: Map<string, number> = new Map();
  /** Counted ballots per form/round/group, for participation and denominators. */
  readonly ballotCount: Map<string, number> = new Map();
  /** Invalid ballots (废票) that count sheets report, per form/round/group; invalid sheets read here are in ReadResult.uncounted. */
  readonly invalidBallotCount: Map<string, number> = new Map();
  /** The same two counts per roster unit, for forms held per unit (key form|round|group|unit; 参评情况 per unit). */
  readonly ballotCountByUnit: Map<string, number> = new Map();
  readonly invalidBallotCountByUnit: Map<string, number> = new Map();

  constructor(
    readonly scheme: Scheme,
    readonly subjectCount: number,
  ) {
    this.formIndex = new Map(scheme.forms.map((f, i) => [f.id, i]));
    this.roundIndex = new Map(scheme.rounds.map((r, i) => [r.id, i]));
    this.groupIndex = new Map(scheme.raterGroups.map((g, i) => [g.id, i]));
    this.maxItems = Math.max(...scheme.forms.map((f) => f.itemLabels.length));
    this.levelSlots = Math.max(0, ...scheme.scales.map((s) => s.levels.length));
    this.stride = this.levelSlots + EXTRA;
    const cells = subjectCount * scheme.forms.length * scheme.rounds.length * scheme.raterGroups.length * this.maxItems;
    this.data = new Float64Array(cells * this.stride);
  }

  private offset(subject: number, form: number, round: number, group: number, item: number): number {
    return subject * this.subjectStride + this.partOffset(form, round, group) + item * this.stride;
  }

  /** Where a form × round × group starts within a subject's cells. */
  private partOffset(form: number, round: number, group: number): number {
    const s = this.scheme;
    return ((form * s.rounds.length + round) * s.raterGroups.length + group) * this.maxItems * this.stride;
  }

  private get subjectStride(): number {
    const s = this.scheme;
    return s.forms.length * s.rounds.length * s.raterGroups.length * this.maxItems * this.stride;
  }

  add(ballot: Ballot): void {
    const part = this.partOffset(this.formIndex.get(ballot.formId)!, this.roundIndex.get(ballot.roundId)!, this.groupIndex.get(ballot.groupId)!);
    const subjectStride = this.subjectStride;
    const stride = this.stride;
    const L = this.levelSlots;
    const data = this.data;
    const { subject, item, status, level, scaled } = ballot.packed;
    for (let i = ballot.start; i < ballot.end; i++) {
      const o = subject[i] * subjectStride + part + item[i] * stride;
      switch (status[i]) {
        case VALID:
          if (level[i] >= 0) data[o + level[i]]++;
          else {
            data[o + L + SCORE_SUM] += scaled?.[i] ?? 0;
            data[o + L + SCORE_COUNT]++;
          }
          break;
        case ABSTAINED:
          data[o + L + ABSTAIN]++;
          break;
        case INVALIDATED:
          data[o + L + INVALID]++;
          break;
        case NOT_APPLICABLE:
          data[o + L + NA]++;
          break;
      }
    }
    for (const s of ballot.recommended) {
      const key = `${s}|${ballot.formId}`;
      this.recommendations.set(key, (this.recommendations.get(key) ?? 0) + 1);
    }
    if (!ballot.recommendationsVoid) bump(this.recommendationBallots, ballot.formId);
    bump(this.ballotCount, `${ballot.formId}|${ballot.roundId}|${ballot.groupId}`);
    if (ballot.unit !== null) bump(this.ballotCountByUnit, `${ballot.formId}|${ballot.roundId}|${ballot.groupId}|${ballot.unit}`);
  }

  /** A 计票汇总表: its numbers added as the votes of its ballots (read-counts). */
  addCounts(sheet: CountedSheet): void {
    const form = this.formIndex.get(sheet.formId)!;
    const part = this.partOffset(form, this.roundIndex.get(sheet.roundId)!, this.groupIndex.get(sheet.groupId)!);
    const L = this.levelSlots;
    for (const row of sheet.rows) {
      const o = row.subject * this.subjectStride + part + row.item * this.stride;
      for (let l = 0; l < row.levels.length; l++) this.data[o + l] += row.levels[l];
      this.data[o + L + ABSTAIN] += row.abstain;
      this.data[o + L + INVALID] += row.invalid;
      this.data[o + L + NA] += row.na;
      if (row.recommended > 0) {
        const key = `${row.subject}|${sheet.formId}`;
        this.recommendations.set(key, (this.recommendations.get(key) ?? 0) + row.recommended);
      }
    }
    add(this.recommendationBallots, sheet.formId, sheet.ballots);
    const key = `${sheet.formId}|${sheet.roundId}|${sheet.groupId}`;
    add(this.ballotCount, key, sheet.ballots);
    add(this.invalidBallotCount, key, sheet.invalidBallots);
    if (sheet.unit !== undefined) {
      add(this.ballotCountByUnit, `${key}|${sheet.unit}`, sheet.ballots);
      add(this.invalidBallotCountByUnit, `${key}|${sheet.unit}`, sheet.invalidBallots);
    }
  }

  cell(subject: number, formId: string, roundId: string, groupId: string, item: number): TallyCell {
    const o = this.offset(subject, this.formIndex.get(formId)!, this.roundIndex.get(roundId)!, this.groupIndex.get(groupId)!, item);
    const L = this.levelSlots;
    const d = this.data;
    const levels = new Array<number>(L);
    for (let l = 0; l < L; l++) levels[l] = d[o + l];
    return {
      levels,
      abstain: d[o + L + ABSTAIN],
      invalid: d[o + L + INVALID],
      na: d[o + L + NA],
      scoreSum: d[o + L + SCORE_SUM],
      scoreCount: d[o + L + SCORE_COUNT],
    };
  }

  /** Sum of several cells. */
  sum(subject: number, formIds: string[], roundIds: string[], groupIds: string[], items: (formId: string) => number[]): TallyCell {
    const total: TallyCell = { levels: new Array(this.levelSlots).fill(0), abstain: 0, invalid: 0, na: 0, scoreSum: 0, scoreCount: 0 };
    const L = this.levelSlots;
    const d = this.data;
    // Straight from the flat array: no cell object per addend (the rules sum cells for every subject).
    for (const f of formIds) {
      const itemList = items(f);
      for (const r of roundIds)
        for (const g of groupIds)
          for (const i of itemList) {
            const o = this.offset(subject, this.formIndex.get(f)!, this.roundIndex.get(r)!, this.groupIndex.get(g)!, i);
            for (let l = 0; l < L; l++) total.levels[l] += d[o + l];
            total.abstain += d[o + L + ABSTAIN];
            total.invalid += d[o + L + INVALID];
            total.na += d[o + L + NA];
            total.scoreSum += d[o + L + SCORE_SUM];
            total.scoreCount += d[o + L + SCORE_COUNT];
          }
    }
    return total;
  }
}

function bump(map: Map<string, number>, key: string) {
  add(map, key, 1);
}

function add(map: Map<string, number>, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

export function tallyBallots(scheme: Scheme, subjectCount: number, read: ReadResult): Tally {
  const tally = new Tally(scheme, subjectCount);
  for (const b of read.ballots) tally.add(b);
  for (const c of read.counts) tally.addCounts(c);
  return tally;
}

/** Mean score of a tally cell as an exact fraction (null without valid scores). */
export function meanScore(cell: TallyCell): Fraction | null {
  return cell.scoreCount === 0 ? null : Fraction.of(cell.scoreSum, cell.scoreCount * SCORE_SCALE);
}
