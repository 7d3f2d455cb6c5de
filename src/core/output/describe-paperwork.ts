/**
 * The forms a campaign hands out besides its ballots, which are filled and kept, not read back (the
 * scheme's `paperwork`; seed 000 二(三)–(五): 附件2 认岗承诺书, 附件3 党员践诺进度表, 附件4 年终述诺表).
 *
 * The seed names their fields but prints no layout, so they are kept plain: the title, 姓名 and 所在支部,
 * then the fields the seed names as rows or columns to fill, a 填表说明 quoting the seed. One workbook per
 * form, one sheet per person of the roster (named by the person, 姓名 and 所在支部 filled in), as a clerk
 * hands each member his own; with nobody in the roster, one blank sheet. Not protected: nothing is read
 * back, and a member may need more room than the rows given.
 *
 * `meta.kind` is 'paperwork': a copy returned among the ballots is passed over with a warning
 * (templateSubmissionMeta), not read as a form.
 */
import { Subject, RosterEntry, buildRoster, rosterFor, subjectLabel } from '../roster/roster';
import { PaperDef, Scheme } from '../scheme/scheme-schema';
import { SheetBuilder, WidthBounds } from './sheet-builder';
import { SheetDescription, cell, countCell, pageFooter, uniqueSheetName } from './sheet-description';

/** What `meta.kind` says of these sheets. */
export const PAPERWORK_KIND = 'paperwork';
/** Rows given for 承诺事项 (a member writes more in a row, or inserts rows: the sheet is not protected). */
const ITEM_ROWS = 5;

export interface PaperworkWorkbook {
  /** The form's title (认岗承诺书), the workbook's name. */
  name: string;
  paper: PaperDef;
  sheets: SheetDescription[];
}

export function describePaperwork(scheme: Scheme, roster: readonly RosterEntry[]): PaperworkWorkbook[] {
  const all = buildRoster(roster);
  const people = rosterFor(all, 'person').subjects;
  return (scheme.paperwork ?? []).map((paper) => {
    const taken = new Set<string>();
    const sheets = (people.length > 0 ? people : [null]).map((person) => describePaper(scheme, paper, person, person ? subjectLabel(all, person) : '', taken));
    return { name: paper.title, paper, sheets };
  });
}

function describePaper(scheme: Scheme, paper: PaperDef, person: Subject | null, name: string, taken: Set<string>): SheetDescription {
  const layout = LAYOUTS[paper.kind];
  const bounds = layout.bounds(paper as never);
  const b = new SheetBuilder(bounds.length);
  b.band(paper.title, 'title', 32);
  personFields(b, name, person?.unit ?? '');
  layout.body(b, paper as never);
  b.band(`填表说明：\n${layout.notes(paper as never).map((l, i) => `${i + 1}、${l}`).join('\n')}`, 'note');
  const meta: Record<string, string> = { kind: PAPERWORK_KIND, schemeId: scheme.id, paper: paper.kind, title: paper.title };
  if (person) meta.subject = name;
  return b.build({
    name: uniqueSheetName(person ? name : paper.title, taken),
    kind: 'template',
    bounds,
    // The form and member with the page number, without 共 N 页: the workbook holds every member's sheet,
    // and printed at once &N would count them all (第 1 页，共 40 页 on one member's 承诺书).
    print: { orientation: 'portrait', footer: pageFooter(person ? `${paper.title}（${name}）` : paper.title, { ofPages: false }) },
    meta,
  });
}

/** 姓名 and 所在支部 side by side over the table's two halves; a blank one is left for the member. */
function personFields(b: SheetBuilder, name: string, unit: string) {
  const half = Math.ceil(b.width / 2);
  const r = b.row([], 'field');
  b.put(r, 0, cell(`姓名：${name}`, 'field'));
  b.merge(r, 0, r, half - 1);
  b.put(r, half, cell(`所在支部：${unit}`, 'field'));
  b.merge(r, half, r, b.width - 1);
}

/** A label on the left, the rest of the row one cell to write in. */
function labelledRow(b: SheetBuilder, label: string, points?: number): number {
  const r = b.row([cell(label, 'header'), cell(null, 'wrap')], 'wrap');
  b.merge(r, 1, r, b.width - 1);
  if (points !== undefined) b.height(r, points);
  return r;
}

/** Rows of 承诺事项 with a 序号: text cells to write in. */
function itemRows(b: SheetBuilder, points: number) {
  for (let i = 1; i <= ITEM_ROWS; i++) {
    const r = b.row([countCell(i, 'center')], 'wrap');
    b.height(r, points);
  }
}

interface Layout<K extends PaperDef['kind']> {
  bounds: (paper: Extract<PaperDef, { kind: K }>) => WidthBounds[];
  body: (b: SheetBuilder, paper: Extract<PaperDef, { kind: K }>) => void;
  notes: (paper: Extract<PaperDef, { kind: K }>) => string[];
}

const LAYOUTS: { [K in PaperDef['kind']]: Layout<K> } = {
  // 附件2 认岗承诺书: 共性目标岗位 (a drop-down of the four 先锋岗), 个性目标岗位, 具体措施, 预期目标, 完成时限.
  pledge: {
    bounds: () => [{ min: 16, max: 16 }, { min: 24, max: 24 }, { min: 16, max: 16 }, { min: 24, max: 24 }],
    body: (b, paper) => {
      const post = labelledRow(b, '共性目标岗位', 24);
      b.validate({
        kind: 'list',
        range: { r1: post, c1: 1, r2: post, c2: 1 },
        values: paper.commonPosts,
        prompt: `从下拉列表中选择一个共性目标岗位：${paper.commonPosts.join('、')}`,
        error: `请从下拉列表中选择：${paper.commonPosts.join('、')}`,
      });
      labelledRow(b, '个性目标岗位', 24);
      labelledRow(b, '具体措施', 120);
      labelledRow(b, '预期目标', 80);
      labelledRow(b, '完成时限', 24);
      b.band('承诺人签名：　　　　　　　　　　　　日期：　　　　年　　月　　日', 'field', 32);
    },
    notes: (paper) => [
      `共性目标岗位从下拉列表中选择一个（${paper.commonPosts.join('、')}）；个性目标岗位按本单位党组织设置的岗位填写。`,
      '根据岗位职责要求，填写履行岗位的具体措施、预期目标和完成时限。',
      '认岗承诺书一式两份，一份由党支部存档备案，一份由党支部统一张贴公示。',
    ],
  },
  // 附件3 党员践诺进度表: 承诺事项, 进展情况 per 季度, 完成时限.
  progress: {
    bounds: (paper) => [{ min: 6, max: 6 }, { min: 24, max: 30 }, ...paper.periods.map(() => ({ min: 14, max: 18 })), { min: 12, max: 12 }],
    body: (b, paper) => {
      const periods = paper.periods;
      const top = b.row([cell('序号', 'header'), cell('承诺事项', 'header'), cell('进展情况', 'header')], 'header');
      b.put(top, 2 + periods.length, cell('完成时限', 'header'));
      const sub = b.row([cell(null, 'header'), cell(null, 'header'), ...periods.map((p) => cell(p, 'header'))], 'header');
      b.merge(top, 0, sub, 0);
      b.merge(top, 1, sub, 1);
      b.merge(top, 2, top, 1 + periods.length);
      b.merge(top, 2 + periods.length, sub, 2 + periods.length);
      itemRows(b, 48);
    },
    notes: () => ['承诺事项按本人认岗承诺书填写；所在党支部每季度了解一次党员践诺进展情况，填入该季度栏。'],
  },
  // 附件4 年终述诺表: 承诺事项 and 完成情况, then 存在不足 and 今后努力方向; the 分管领导's 审阅意见 and signature,
  // since the form goes to him (二(五)一是 "填写年终述诺表（附件4），并报分管领导审阅同意").
  review: {
    bounds: () => [{ min: 6, max: 6 }, { min: 28, max: 28 }, { min: 40, max: 40 }],
    body: (b) => {
      b.row([cell('序号', 'header'), cell('承诺事项', 'header'), cell('完成情况', 'header')], 'header');
      itemRows(b, 48);
      for (const label of ['存在不足', '今后努力方向']) b.band(`${label}：`, 'wrap', 90);
      b.band('分管领导审阅意见：', 'wrap', 60);
      b.band('分管领导签名：　　　　　　　　　　　　日期：　　　　年　　月　　日', 'field', 32);
    },
    notes: () => ['对照认岗承诺书，逐项填写承诺事项的完成情况，并写明存在的不足和今后努力方向。', '填好后报分管领导审阅同意，分管领导填写审阅意见并签名。'],
  },
};
