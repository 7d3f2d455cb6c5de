/**
 * The workbooks the project writes, as lists of sheet descriptions: the results (排名表, 公示表,
 * 整改清单, 统计表, 校验结果, in that order) and the blank templates (re-exported here so a host needs
 * one import for both).
 */
import { CampaignResult } from '../engine';
import { describeFindings } from './describe-findings';
import { describePublication, publicationFindings } from './describe-publication';
import { describeRanking } from './describe-ranking';
import { describeRectification } from './describe-rectification';
import { describeStatistics } from './describe-statistics';
import { SheetDescription } from './sheet-description';

export { describeTemplates, templateSubmissionMeta, withTemplateMeta } from './describe-templates';

/** The result workbook's sheets, in order, by name (what the 写回 step announces before it loads this module). */
export { RESULT_SHEET_NAMES } from './result-sheet-names';

export function describeResultWorkbook(result: CampaignResult): SheetDescription[] {
  const ordering = publicationFindings(result).filter(
    (f) => !result.findings.some((g) => g.code === f.code && g.subject === f.subject),
  );
  return [describeRanking(result), describePublication(result), describeRectification(result), describeStatistics(result), describeFindings(result, ordering)];
}
