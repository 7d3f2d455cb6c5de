/**
 * 无记名 (seed 002; DOMAIN.md: outputs never show which rater gave which mark). The aggregate sheets
 * (排名表, 公示表, 整改清单, 统计表) hold totals and means over ballots only, in an order that does not
 * depend on the ballots' order, and nothing a rater wrote. What no total can hide: a rater group (of one
 * form and round) that returned a single valid ballot, whose per-group figures are that ballot (and where
 * a scheme weights groups, the weighted share or score with the other groups' figures gives it away too);
 * and one that returned two, where each of the two takes his own ballot from the group's figures and reads
 * the other's (a mean of 62 from two, one of them 60: the other gave 64). The rules need those figures, so
 * they stay; the findings say so (in 校验结果, the command line's output and the task pane), once per such
 * group, naming the outputs that show it, so that staff know what may be handed out: 公示表 and 统计表's
 * 等次分布 only (tiers, no figures).
 */
import { Finding, FindingCode, finding } from '../findings/finding';
import { ParticipationRow } from '../results/evaluate';

/** A group this small shows its ballots: 1 to everyone, 2 to each other. */
const REVEALING: Record<number, FindingCode> = { 1: 'SINGLE_BALLOT_GROUP', 2: 'TWO_BALLOT_GROUP' };

export function anonymityFindings(participation: readonly ParticipationRow[]): Finding[] {
  const out: Finding[] = [];
  for (const p of participation) {
    const code = REVEALING[p.valid];
    if (!code) continue;
    const sameForm = participation.filter((o) => o.form === p.form);
    // Only where a total exists to publish instead, over other groups of the round (服务对象代表 beside one
    // 党组织负责人) or over other rounds (村评 beside one 镇评 ballot): with no other ballots on the form, the
    // totals are these ballots too, and no advice would help.
    const otherGroups = sameForm.some((o) => o !== p && o.round === p.round && o.valid > 0);
    const otherRounds = sameForm.some((o) => o.round !== p.round && o.valid > 0);
    if (!otherGroups && !otherRounds) continue;
    const by = otherGroups ? '测评人类别' : '轮次';
    // The row of 得票情况/得分情况 holding it: named by group and round where the form has several (as those sheets do).
    const manyGroups = new Set(sameForm.map((o) => o.group)).size > 1;
    const manyRounds = new Set(sameForm.map((o) => o.round)).size > 1;
    const row = [manyRounds ? p.round : '', manyGroups ? p.group : ''].filter(Boolean).join('·');
    const where = `${p.form}「${p.group}」${p.round}`;
    const what =
      p.valid === 1
        ? `${where}只有 1 张有效票：按${by}分列或加权计算的得票、得分就是这张票的评价`
        : `${where}只有 2 张有效票：这 2 位测评人各自从按${by}分列或加权计算的得票、得分中去掉自己的票，就能知道另一位的评价（如平均分、各等次票数）`;
    out.push(
      finding(
        code,
        `${what}。显示${p.valid === 1 ? '这张票' : '这两张票'}的有：排名表的理由和得票率、得分列，得票情况、得分情况中「${row}」的行${manyGroups ? '（及「按类别加权」的行，如有）' : ''}，` +
          '命令行 --json 的 figures。如应无记名，对外公示、通报只用公示表和统计表的「一、等次分布」',
        { file: '（汇总）' },
      ),
    );
  }
  return out;
}
