/**
 * The three annex forms of seed 004 (宁波市外办 民主评议党员实施方案, 附1 / 附2 / 附3), typed cell by
 * cell exactly as the seed prints them — its half-width colons, "满 意" with a space, "不满 意" split,
 * "优秀党员候 选 人 姓 名", "联系和服务 群众情况", "是否推荐为 优秀党员", 附3's typo "基本满意意",
 * the notes under the tables — with the merges a Word/Excel copy of them has: titles and free-text
 * rows across the table, 附2's item names over their four tier columns and its name and
 * recommendation headers over the two header rows, 附3's window-post name over its four item rows.
 * Written independently of the engine's template describer, then filled with √ by the tests.
 */
import { CellValue, MergeRange, SheetGrid } from '../../src/core/forms/grid';

/** Level indexes used to fill the forms: 0 满意, 1 比较满意, 2 基本满意, 3 不满意, -1 left blank. */
export const SATISFIED = 0;
export const FAIRLY_SATISFIED = 1;
export const BASICALLY_SATISFIED = 2;
export const DISSATISFIED = 3;
export const BLANK = -1;

/** One level index, several (two √ in one item), or blank. */
export type Mark = number | number[];

const MARK = '√';

function tierCells(mark: Mark): CellValue[] {
  const cells: CellValue[] = [null, null, null, null];
  for (const l of Array.isArray(mark) ? mark : [mark]) if (l >= 0) cells[l] = MARK;
  return cells;
}

/** The items of 附1, as printed (rows of the table). */
export const ANNEX1_ITEMS = [
  '组织开展创先争优活动情况',
  '推动中心工作和重点任务完成情况',
  '承诺践诺情况',
  '为群众办实事、做好事、解难事情况',
  '加强党组织和党员队伍建设情况',
] as const;

export interface Annex1Fill {
  /** What the 党小组 wrote over "机关/中心" (the printed text is kept when omitted). */
  branch?: string;
  /** The day written into "2011年12月 日" (the printed blank is kept when omitted). */
  day?: string;
  /** One mark per item, in the printed order. */
  marks: Mark[];
  opinion?: string;
  /** Filled into "支部 党小组" and "组长:". */
  group?: string;
  leader?: string;
}

/**
 * 附1 党支部开展创先争优活动群众评议表 (seed 004, lines after "附1:"): 5 columns — the item column with
 * no header, then 满 意 | 比较满意 | 基本满意 | 不满意.
 */
export function annex1Sheet(name: string, fill: Annex1Fill): SheetGrid {
  const width = 5;
  const rows: CellValue[][] = [];
  const merges: MergeRange[] = [];
  const across = (text: string) => {
    rows.push([text, null, null, null, null]);
    merges.push({ r1: rows.length - 1, c1: 0, r2: rows.length - 1, c2: width - 1 });
  };
  rows.push(['附1:']);
  across('党支部开展创先争优活动群众评议表');
  across(`所在支部名称:${fill.branch ?? '机关/中心'} 评议时间:2011年12月${fill.day ?? ' '}日`);
  rows.push([null, '满 意', '比较满意', '基本满意', '不满意']);
  ANNEX1_ITEMS.forEach((item, i) => rows.push([item, ...tierCells(fill.marks[i] ?? BLANK)]));
  across(`对开展创先争优活动的意见或建议:${fill.opinion ?? ''}`);
  rows.push(['注:请小组长根据多数党员意见在评价等次相应栏目中打“√”,']);
  rows.push(['对有其它意见的也请在意见或建议栏中录入。']);
  rows.push([fill.group ?? '支部 党小组']);
  rows.push([`组长:${fill.leader ?? ''}`]);
  return { name, rows, merges };
}

/** The four column groups of 附2, as printed (note the space in "联系和服务 群众情况"). */
export const ANNEX2_ITEMS = ['参加创先争优活动情况', '立足岗位履行职责情况', '承诺践诺情况', '联系和服务 群众情况'] as const;
/** 附2 prints "不满 意" split in every group. */
const ANNEX2_LEVELS = ['满意', '比较满意', '基本满意', '不满 意'];
/** Data rows printed under 附2's header: 216 empty cells of 18 columns. */
export const ANNEX2_ROWS = 12;

export interface Annex2Row {
  name: string;
  /** One mark per item group, in the printed order. */
  marks: Mark[];
  recommend?: boolean;
}

/**
 * 附2 优秀党员民主评议推荐表: 18 columns — 优秀党员候 选 人 姓 名 (merged over the two header rows),
 * four item groups each merged over 满意 | 比较满意 | 基本满意 | 不满 意, 是否推荐为 优秀党员 (merged
 * over the two header rows) — 12 data rows, then the note.
 */
export function annex2Sheet(name: string, fill: { branch?: string; day?: string; rows: Annex2Row[] }): SheetGrid {
  if (fill.rows.length > ANNEX2_ROWS) throw new Error(`附2 只印了 ${ANNEX2_ROWS} 行`);
  const width = 18;
  const rows: CellValue[][] = [];
  const merges: MergeRange[] = [];
  rows.push(['附2']);
  rows.push(['优秀党员民主评议推荐表', ...new Array(width - 1).fill(null)]);
  merges.push({ r1: 1, c1: 0, r2: 1, c2: width - 1 });
  rows.push([`支部名称:${fill.branch ?? '机关/中心'} 评议时间:2011年12月${fill.day ?? ' '}日`, ...new Array(width - 1).fill(null)]);
  merges.push({ r1: 2, c1: 0, r2: 2, c2: width - 1 });
  const top = rows.length;
  const headTop: CellValue[] = ['优秀党员候 选 人 姓 名'];
  ANNEX2_ITEMS.forEach((item, i) => {
    headTop.push(item, null, null, null);
    merges.push({ r1: top, c1: 1 + i * 4, r2: top, c2: 4 + i * 4 });
  });
  headTop.push('是否推荐为 优秀党员');
  rows.push(headTop);
  rows.push([null, ...ANNEX2_ITEMS.flatMap(() => ANNEX2_LEVELS), null]);
  merges.push({ r1: top, c1: 0, r2: top + 1, c2: 0 });
  merges.push({ r1: top, c1: width - 1, r2: top + 1, c2: width - 1 });
  for (let k = 0; k < ANNEX2_ROWS; k++) {
    const r = fill.rows[k];
    if (!r) {
      rows.push(new Array(width).fill(null));
      continue;
    }
    rows.push([r.name, ...ANNEX2_ITEMS.flatMap((_, i) => tierCells(r.marks[i] ?? BLANK)), r.recommend ? MARK : null]);
  }
  rows.push(['注:1、请在评价等次相应栏目中打“√”。 2、推荐优秀党员名额不能多于5名,超过名额则推荐无效。']);
  return { name, rows, merges };
}

/** The four item rows of each window post in 附3, as printed. */
export const ANNEX3_ITEMS = ['服务态度', '服务质量', '办事效率', '廉洁公正'] as const;
/** Blocks printed in 附3: three window posts. */
export const ANNEX3_BLOCKS = 3;

export interface Annex3Block {
  /** The window post's person, pre-filled by the 外办 before sending (blank block when omitted). */
  name?: string;
  /** One mark per item row, in the printed order; all BLANK for a post the unit has no dealings with. */
  marks: Mark[];
}

/**
 * 附3 市外办窗口服务岗位群众满意度测评调查 with its letter and the table 市外办“窗口”服务岗位群众满意度测评表:
 * 6 columns — 窗口岗位姓名 | 测评项目 | 满 意 | 比较满意 | 基本满意意 | 不满意 — three blocks of four
 * item rows, the name merged over its block; the feedback row, the contact row, the note and the
 * signature below.
 */
export function annex3Sheet(name: string, fill: { unit?: string; blocks: Annex3Block[]; feedback?: string }): SheetGrid {
  if (fill.blocks.length > ANNEX3_BLOCKS) throw new Error(`附3 只印了 ${ANNEX3_BLOCKS} 个窗口岗位`);
  const width = 6;
  const rows: CellValue[][] = [];
  const merges: MergeRange[] = [];
  const across = (text: string) => {
    rows.push([text, ...new Array(width - 1).fill(null)]);
    merges.push({ r1: rows.length - 1, c1: 0, r2: rows.length - 1, c2: width - 1 });
  };
  rows.push(['附3']);
  across('市外办窗口服务岗位群众满意度测评调查');
  across(`${fill.unit ?? '__________________'}(盖章):`);
  across('衷心感谢贵单位对市外办工作的支持和关心!');
  across(
    '根据市外办创先争优活动群众评议工作的总体部署,我们将对下列窗口服务岗位在2011年度就服务态度、服务质量、办事效率等方面征求贵单位意见,' +
      '并对我们的窗口服务岗位进行满意度测评,以改进我们的工作。敬请贵单位按测评表项目认真填写后将测评表于12月28日前反馈至市外办。谢谢!',
  );
  across('联系人:赵传裕 联系电话:0574—87186519 (传真87186518)');
  across('市外办“窗口”服务岗位群众满意度测评表');
  rows.push(['窗口岗位姓名', '测评项目', '满 意', '比较满意', '基本满意意', '不满意']);
  for (let b = 0; b < ANNEX3_BLOCKS; b++) {
    const block = fill.blocks[b] ?? { marks: [] };
    const start = rows.length;
    ANNEX3_ITEMS.forEach((item, i) => rows.push([i === 0 ? block.name ?? null : null, item, ...tierCells(block.marks[i] ?? BLANK)]));
    merges.push({ r1: start, c1: 0, r2: start + ANNEX3_ITEMS.length - 1, c2: 0 });
  }
  across(`党风廉政建设方面存在问题的反馈(请注明具体岗位):${fill.feedback ?? ''}`);
  across('贵单位联系人: 电话:');
  rows.push(['注:1、请在评价等次相应栏目中打“√”,2、对与本单位无关联的窗口服务岗位,可不填写,相应栏目为空。']);
  rows.push(['中共宁波市外事办公室直属机关委员会']);
  rows.push(['二〇一一年十二月二十日']);
  return { name, rows, merges };
}
