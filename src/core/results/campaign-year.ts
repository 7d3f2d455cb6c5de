/**
 * 考核年度: the year a campaign is for, printed in every title that names a year (关于2026年度…的公示,
 * 2026年度…排名表) and the year 往年结果 are before. It is not always the year of the day the results are
 * computed: campaigns for year N are often held and counted in year N+1 —
 * - seed 001 (群众评议): 「第二次测评要于次年1月5日前完成」;
 * - seed 002 第五篇 (民主评议党员): 「时间安排在2018的12月份至2019年的元月份」;
 * - seed 003 (述职评议): 「20__年度落实主体责任工作任务清单。20__年3月底前…」, its forms 「20__年度…测评表」.
 *
 * So: the scheme's `year` when set; else the year of the results date (the scheme's `resultsDate`, else the
 * day of the run). A date from January to March is the season of last year's campaign (the seeds' 次年1月5日前,
 * 元月, 3月底前): its year minus one is taken, and said (CAMPAIGN_YEAR_ASSUMED) with how to set it otherwise,
 * because a campaign for the new year itself held that early cannot be told apart — the clerk confirms.
 * `resultsDate` stays the base of rectification deadlines (rectification.ts).
 */
import { Finding, finding } from '../findings/finding';
import { Scheme } from '../scheme/scheme-schema';
import { ResultsYear } from './history';

/** The last month whose results are taken as the previous year's campaign (January–March: 次年1月5日前, 元月, 3月底前). */
export const LAST_MONTH_OF_PREVIOUS_YEARS_CAMPAIGN = 3;

export interface CampaignYear {
  results: ResultsYear;
  /** CAMPAIGN_YEAR_ASSUMED when the year was taken as the date's year minus one; null otherwise. */
  finding: Finding | null;
}

/** The campaign's year from the scheme, else from the results date or `today` (YYYY-MM-DD), as described above. */
export function campaignYear(scheme: Scheme, today: string): CampaignYear {
  if (scheme.year !== undefined) return { results: { year: scheme.year, from: `方案的考核年度 ${scheme.year}` }, finding: null };
  const date = scheme.resultsDate ?? today;
  const dateWords = scheme.resultsDate !== undefined ? `方案的结果日期 ${date}` : `今天 ${date}`;
  const dateYear = Number(date.slice(0, 4));
  if (Number(date.slice(5, 7)) > LAST_MONTH_OF_PREVIOUS_YEARS_CAMPAIGN)
    return { results: { year: dateYear, from: scheme.resultsDate !== undefined ? dateWords : `按${dateWords}`, today: date }, finding: null };
  const year = dateYear - 1;
  return {
    results: { year, from: `${dateWords} 在1月至3月，按上一年计` },
    finding: finding(
      'CAMPAIGN_YEAR_ASSUMED',
      `方案未填写考核年度，${dateWords} 在1月至3月，考核年度按 ${year} 年计（年底评议、次年计算结果），公示表等标题写作“${year}年度”，往年结果读 ${year} 年以前的；如为 ${dateYear} 年度，请在方案中填写考核年度 ${dateYear}（命令行：--year ${dateYear}）后重新计算`,
      { file: `方案「${scheme.name}」` },
    ),
  };
}
