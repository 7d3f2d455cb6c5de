/**
 * 无记名 (seed 002; DOMAIN.md: outputs never show which rater gave which mark). The aggregate sheets
 * (排名表, 公示表, 整改清单, 统计表) hold totals and means over ballots only, in an order that does not
 * depend on the ballots' order, and nothing a rater wrote. One thing no total can hide: a rater group
 * (of one form and round) that returned a single valid ballot. Its per-group figures are that ballot,
 * and where a scheme weights groups, the weighted share or score together with the group sizes in
 * 参评情况 gives it away too. The rules need those figures, so they stay; 校验结果 says so, once per
 * such group, so that staff publish totals only.
 */
import { CampaignResult } from '../engine';
import { Finding, finding } from '../findings/finding';

export function anonymityFindings(result: CampaignResult): Finding[] {
  return result.participation
    .filter((p) => p.valid === 1)
    .map((p) =>
      finding(
        'SINGLE_BALLOT_GROUP',
        `${p.form}「${p.group}」${p.round}只有 1 张有效票：按测评人类别分列或加权计算的得票、得分就是这张票的评价。如该类别应无记名，公示、通报时只用合计，不要按类别列出`,
        { file: '（汇总）' },
      ),
    );
}
