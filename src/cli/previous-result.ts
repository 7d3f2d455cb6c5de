/**
 * `score --out` naming a file that already exists. Last run's result workbook is what a clerk re-scores
 * onto when a late ballot arrives, and its 整改清单 holds what staff typed since (整改措施, 责任人, 整改状态
 * 已销号, 完成时间: seed 002 第五篇 三、3 问题整改台帐 … 逐一解决销号): those are carried into the new one, as the
 * Excel add-in does on a re-run (mergeRectificationEdits). Any other file (a 往年结果, a template, a roster, a
 * result of another 方案, a file not ours) is never overwritten: the run is refused before a ballot is read.
 */
import { readFileSync } from 'fs';
import { basename } from 'path';
import { SheetGrid } from '../core/forms/grid';
import { gridRectificationLayout, isOtherYears, mergeRectificationEdits } from '../core/output/merge-rectification';
import { SheetDescription } from '../core/output/sheet-description';
import { Scheme } from '../core/scheme/scheme-schema';
import { readWorkbook } from '../hosts/files/read-workbook';
import { UsageError } from './usage-error';

/** What the project's own workbooks say they are (their `_pingyi` kind), as a clerk knows them. */
const OWN_KINDS: Record<string, string> = {
  history: '本工具生成的往年结果',
  template: '本工具生成的测评表模板',
  paperwork: '本工具生成的承诺书等表格',
  findings: '本工具生成的校验结果',
};

/** The kind every result workbook has (排名表); its other sheets are results too. */
const RESULT_KIND = 'ranking';
const RECTIFICATION_KIND = 'rectification';

/** The old 整改清单 of last run's result workbook (null: it has none left to carry over), and its year when it says. */
export interface PreviousResult {
  rectification: SheetGrid | null;
  /** The results year written with the 整改清单 (files written before it was recorded have none). */
  year: string | null;
}

/**
 * Reads the existing `path` (shown to the clerk as `shown`). Last run's result of this scheme: its 整改清单,
 * to merge into the new one. Anything else: a UsageError (exit 2) saying what the file is.
 */
export async function previousResult(path: string, shown: string, scheme: Scheme): Promise<PreviousResult> {
  const refuse = (what: string) =>
    new UsageError(`--out 指定的「${shown}」已存在，${what}；为免覆盖，未读取测评表，也未写入。请另指定 --out`);
  const outcome = await readWorkbook(basename(path), new Uint8Array(readFileSync(path)));
  const meta = outcome.templateMeta ?? {};
  const sheets = Object.entries(meta);
  const result = sheets.find(([, m]) => m.kind === RESULT_KIND);
  if (!outcome.submission || !result) {
    const own = sheets.map(([, m]) => OWN_KINDS[m.kind]).find((w) => w !== undefined);
    throw refuse(own ? `是${own}，不是结果文件` : '不是本工具生成的结果文件');
  }
  if (result[1].schemeId !== scheme.id) throw refuse(`是另一方案（${result[1].schemeId}）的结果文件，不是本方案（${scheme.id}）的`);
  const rectification = sheets.find(([, m]) => m.kind === RECTIFICATION_KIND);
  const name = rectification?.[0];
  const grid = outcome.submission.sheets.find((s) => s.name === name) ?? null;
  // A 整改清单 whose header staff changed cannot be matched row by row; overwriting it would lose the 销号 record.
  if (grid && grid.rows.length > 0 && !gridRectificationLayout(grid))
    throw refuse(`其中「${grid.name}」的表头已改动（找不到「被评议对象」「存在问题」列），无法核对已填写的整改记录`);
  return { rectification: grid && grid.rows.length > 0 ? grid : null, year: rectification?.[1].year ?? null };
}

/**
 * Last year's result under this year's name: its 整改 records (已销号 …) belong to last year's items and must not
 * be copied onto this year's rows of the same person and problem. Asked once this run's results year is known.
 */
export function refuseOtherYear(previous: PreviousResult, shown: string, campaignYear: number): void {
  const year = String(campaignYear);
  if (isOtherYears(previous.year, year))
    throw new UsageError(
      `--out 指定的「${shown}」是 ${previous.year} 年的结果文件，本次结果是 ${year} 年的：其中的整改记录不能沿用到另一年度；为免覆盖，未写入。请另指定 --out`,
    );
}

/** The new result's sheets with staff's 整改清单 entries carried over from the previous result. */
export function withPreviousEdits(sheets: readonly SheetDescription[], previous: PreviousResult): SheetDescription[] {
  const old = previous.rectification;
  return sheets.map((d) => (old && d.kind === RECTIFICATION_KIND ? mergeRectificationEdits(d, old) : d));
}

/** Said after writing: the clerk should know the file was not simply replaced. */
export function carriedOverNote(shown: string): string {
  return `「${shown}」是上次的结果文件：其中整改清单已填写的整改措施、责任人、整改状态、完成时间已沿用到新结果中（填写过的事项如本次结果中已没有，保留在表末并注明），其余各表按本次结果重写`;
}
