/**
 * Ballots whose marks are identical, as read-ballots finds them (fingerprint, then in full), reported so a
 * person can check them without drowning in them:
 *
 * - **Identical ballots of different raters** (DUPLICATE_BALLOT, DOMAIN.md: suspect, counted unless the
 *   scheme's `counting.duplicates` excludes them). One finding per group of identical ballots, listing the
 *   others, not one per ballot: on a 合格/不合格 ballot most ballots are alike by nature (500 ballots gave 487
 *   such warnings, and the one that mattered was lost among them).
 * - **A ballot sent again** (RESENT_FILE): a file whose name says it is a copy or a correction (票03（更正）.xlsx
 *   beside 票03.xls; the host finds the pair by name and bytes, Submission.resentOf) with marks identical to
 *   the original's is the same rater's ballot twice: it is counted once, whatever `counting.duplicates` says,
 *   and said. Counted twice it gave one rater two votes and flipped a tier (8/15 不合格 instead of 7/14 合格)
 *   on a warning. A re-sent file whose marks differ is most likely a correction: both count, as before, and
 *   the clerk is told to delete the old one if so.
 */
import { Finding, finding } from '../findings/finding';
import { Submission } from '../forms/grid';
import type { Ballot } from './read-ballots';

type Where = { file: string; sheet: string };

/** How many other ballots a group's finding names before it only counts them (a 校验结果 cell holds 32,767 characters). */
const LISTED = 100;

const named = (w: Where) => `「${w.file}」的「${w.sheet}」`;

/** The warning on a re-sent file whose marks differ from the original's: both count. */
function resentMessage(original: string): string {
  return `可能是重新发送的更正件，与「${original}」同时计入；如是更正件，请删除旧的`;
}

export class RepeatedBallots {
  /** Identical ballots: the first counted of each group, then the others in reading order. */
  private readonly groups = new Map<Ballot, { ballot: Ballot; where: Where }[]>();
  /** Each file of a re-sent pair, with the files it pairs with (a copy's original, an original's copies). */
  private readonly partners = new Map<string, string[]>();
  /** A re-sent copy's original. */
  private readonly copyOf = new Map<string, string>();
  /** The ballots read so far of files in a re-sent pair. */
  private readonly byFile = new Map<string, Ballot[]>();
  /** The files whose ballot each ballot was found to be, once each: a ballot sent three times is one ballot, two identical sheets of one file are two. */
  private readonly pairedWith = new Map<Ballot, Set<string>>();
  /** Ballots counted once per copy file (key: the copy). */
  private readonly once = new Map<string, number>();

  constructor(
    submissions: readonly Submission[],
    private readonly same: (a: Ballot, b: Ballot) => boolean,
    private readonly duplicatesCounted: boolean,
  ) {
    const files = new Set(submissions.map((s) => s.file));
    for (const s of submissions) {
      if (s.resentOf === undefined || !files.has(s.resentOf) || s.resentOf === s.file) continue;
      this.copyOf.set(s.file, s.resentOf);
      this.partners.set(s.file, [...(this.partners.get(s.file) ?? []), s.resentOf]);
      this.partners.set(s.resentOf, [...(this.partners.get(s.resentOf) ?? []), s.file]);
    }
  }

  /**
   * Whether `ballot` repeats, mark for mark, a ballot of the file it was re-sent as (or of its re-sent copy,
   * whichever was read first): then it is the same ballot, not to be counted again. Asked before every ballot
   * is counted; files in no re-sent pair answer at once.
   */
  sentAgain(ballot: Ballot): boolean {
    const partners = this.partners.get(ballot.file);
    if (partners === undefined) return false;
    const mine = this.byFile.get(ballot.file) ?? [];
    mine.push(ballot);
    this.byFile.set(ballot.file, mine);
    for (const p of partners) {
      const twin = this.byFile.get(p)?.find((b) => !this.pairedWith.get(b)?.has(ballot.file) && this.same(b, ballot));
      if (!twin) continue;
      this.pairedWith.set(twin, new Set([...(this.pairedWith.get(twin) ?? []), ballot.file]));
      const copy = this.copyOf.get(ballot.file) === p ? ballot.file : p;
      this.once.set(copy, (this.once.get(copy) ?? 0) + 1);
      return true;
    }
    return false;
  }

  /** `ballot` (read at `where`) has the same marks as `first`, counted earlier, of another file or sheet. */
  repeats(first: Ballot, ballot: Ballot, where: Where): void {
    const group = this.groups.get(first);
    if (group) group.push({ ballot, where });
    else this.groups.set(first, [{ ballot, where }]);
  }

  /** Every finding, after the whole batch: one DUPLICATE_BALLOT per group, one RESENT_FILE per re-sent file. */
  findings(submissions: readonly Submission[]): Finding[] {
    const out: Finding[] = [];
    for (const [first, others] of this.groups) {
      const where = others[0].where;
      if (others.length === 1) {
        out.push(
          finding('DUPLICATE_BALLOT', `本票的评价与${named(first)}完全相同，可能是重复提交，请核实；${this.duplicatesCounted ? '已计入' : '按方案设置未重复计入'}`, {
            ...where,
            cell: 'A1',
          }),
        );
        continue;
      }
      const rest = [first, ...others.slice(1).map((o) => o.where)];
      const listed = rest.slice(0, LISTED).map(named).join('、') + (rest.length > LISTED ? ` 等 ${rest.length} 张` : '');
      const counted = this.duplicatesCounted ? '均已计入' : `按方案设置只计入${named(first)}，其余未重复计入`;
      out.push(
        finding('DUPLICATE_BALLOT', `本票与另外 ${rest.length} 张票的评价完全相同：${listed}；可能是重复提交，也可能是评价一致，请核实；${counted}`, {
          ...where,
          cell: 'A1',
        }),
      );
    }
    const files = new Set(submissions.map((s) => s.file));
    for (const s of submissions) {
      const original = s.resentOf;
      if (original === undefined || !files.has(original) || original === s.file) continue;
      const once = this.once.get(s.file) ?? 0;
      const all = once > 0 && once === this.byFile.get(s.file)?.length && once === this.byFile.get(original)?.length;
      const message = all
        ? `可能是重新发送的同一张票：评价与「${original}」完全相同，只计一次`
        : once > 0
          ? `${resentMessage(original)}（其中 ${once} 张票的评价与「${original}」中的完全相同，只计一次）`
          : resentMessage(original);
      out.push(finding('RESENT_FILE', message, { file: s.file }));
    }
    return out;
  }
}
