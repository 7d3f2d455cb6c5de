/**
 * The workbooks the project writes, as lists of sheet descriptions: the results (排名表, 公示表,
 * 整改清单, 统计表, 得票情况, 得分情况, 校验结果, in that order; 得票情况 and 得分情况 where the scheme has them) and the blank templates (re-exported here so a host needs
 * one import for both).
 */
import { CampaignResult } from '../engine';
import { describeFindings } from './describe-findings';
import { describePublication, publicationFindings } from './describe-publication';
import { describeRanking } from './describe-ranking';
import { describeRectification } from './describe-rectification';
import { describeScores, describeStatistics, describeVotes } from './describe-statistics';
import { SheetDescription } from './sheet-description';

export { describeTemplates, templateSubmissionMeta, withTemplateMeta } from './describe-templates';
export { describePaperwork } from './describe-paperwork';

/** The result workbook's sheets, in order, by name (all of them, and those a scheme's results have) (what the 写回 step announces before it loads this module). */
export { RESULT_SHEET_NAMES, resultSheetNames } from './result-sheet-names';

export function describeResultWorkbook(result: CampaignResult): SheetDescription[] {
  const ordering = publicationFindings(result).filter(
    (f) => !result.findings.some((g) => g.code === f.code && g.subject === f.subject),
  );
  const statistics = [describeStatistics(result), describeVotes(result), describeScores(result)].filter((s): s is SheetDescription => s !== null);
  return [describeRanking(result), describePublication(result), describeRectification(result), ...statistics, describeFindings(result, ordering)];
}
