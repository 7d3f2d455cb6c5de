/**
 * 无记名 (seed 002; DOMAIN.md: outputs never show which rater gave which mark). The aggregate sheets
 * (排名表, 公示表, 整改清单, 统计表) hold totals and means over ballots only, in an order that does not
 * depend on the ballots' order, and nothing a rater wrote. One thing no total can hide: a rater group
 * (of one form and round) that returned a single valid ballot. Its per-group figures are that ballot,
 * and where a scheme weights groups, the weighted share or score together with the group sizes in
 * 参评情况 gives it away too. The rules need those figures, so they stay; the findings say so (in
 * 校验结果, the command line's output and the task pane), once per such group, so that staff publish
 * totals only.
 */
import { Finding, finding } from '../findings/finding';
import { ParticipationRow } from '../results/evaluate';

export function anonymityFindings(participation: readonly ParticipationRow[]): Finding[] {
  // Only where a total over groups exists to publish instead: with no other group's ballots in the same
  // form and round, the totals are that one ballot too, and the advice below would not help.
  const pooled = (p: ParticipationRow) => participation.some((o) => o !== p && o.form === p.form && o.round === p.round && o.valid > 0);
  return participation
    .filter((p) => p.valid === 1 && pooled(p))
    .map((p) =>
      finding(
        'SINGLE_BALLOT_GROUP',
        `${p.form}「${p.group}」${p.round}只有 1 张有效票：按测评人类别分列或加权计算的得票、得分就是这张票的评价。如该类别应无记名，公示、通报时只用合计，不要按类别列出`,
        { file: '（汇总）' },
      ),
    );
}
