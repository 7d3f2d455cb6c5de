/**
 * Returned ballots as clerks really get them: rows or columns hidden, and √ drawn as text boxes or pictures
 * over the cells (WPS). The workbooks are written by SheetJS and, for the drawings SheetJS cannot write,
 * patched part by part as Excel and WPS store them (a drawing part reached through the sheet's rels).
 * Every count below is worked out by hand from the rows written.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { runCampaign } from '../../../core/engine';
import { getPreset } from '../../../core/presets';
import { readWorkbook } from '../read-workbook';

const p5 = getPreset('p5-party-members');
const LEVELS = ['满意', '比较满意', '基本满意', '不满意'];
const ITEMS = ['参加创先争优活动情况', '立足岗位履行职责情况', '承诺践诺情况', '联系和服务群众情况'];
const roster = [{ name: '王伟' }, { name: '李娜' }, { name: '张强' }];
const V = '√';
/** A row of 附表2: the level chosen per item (-1 none), no recommendation. */
const row = (name: string, levels: number[]) => [name, ...levels.flatMap((l) => LEVELS.map((_, i) => (i === l ? V : null))), null];
/** 附表2 as a rater returns it: title (row 1), 身份 (row 2), two header rows (3–4), then 王伟, 李娜, 张强 on rows 5–7. */
function ballotSheet(rows: unknown[][]): XLSX.WorkSheet {
  return XLSX.utils.aoa_to_sheet([
    ['优秀党员民主评议推荐表'],
    ['身份：党员'],
    ['姓名', ...ITEMS.flatMap((item) => [item, null, null, null]), '是否推荐'],
    [null, ...ITEMS.flatMap(() => LEVELS), null],
    ...rows,
  ]);
}
function xlsx(ws: XLSX.WorkSheet, name = '推荐表'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
async function score(file: string, bytes: Uint8Array) {
  const out = await readWorkbook(file, bytes);
  expect(out.findings).toEqual([]);
  return { sheet: out.submission!.sheets[0], result: runCampaign({ scheme: p5, roster, submissions: [out.submission!], today: '2026-12-01' }) };
}
const itemVotes = (r: ReturnType<typeof runCampaign>, name: string, item: number) =>
  r.subjects.find((s) => s.name === name)!.figures.find((f) => f.form === '优秀党员民主评议推荐表' && f.item === ITEMS[item])!.levels.map((l) => l.votes);

describe('rows and columns hidden in a returned ballot', () => {
  it('are read as the cells say, and the clerk is told which rows and how many √ they hold', async () => {
    // 李娜 (row 6) and 张强 (row 7) hidden; 李娜 has 4 √, 张强 2: six √ in hidden rows.
    const ws = ballotSheet([row('王伟', [0, 0, 0, 0]), row('李娜', [1, 1, 1, 1]), row('张强', [2, 2, -1, -1])]);
    ws['!rows'] = [];
    ws['!rows'][5] = { hidden: true };
    ws['!rows'][6] = { hidden: true };
    const { sheet, result } = await score('隐藏行.xlsx', xlsx(ws));
    expect(sheet.hiddenRows).toEqual([5, 6]);
    expect(sheet.hiddenColumns).toBeUndefined();
    const hidden = result.read.findings.filter((f) => f.code === 'HIDDEN_ROWS');
    expect(hidden.map((f) => [f.severity, f.file, f.sheet, f.cell, f.message])).toEqual([
      ['warning', '隐藏行.xlsx', '推荐表', 'A6', '工作表「推荐表」的第 6–7 行被隐藏（或被筛选掉），其中的 6 个√已照常计入，请核对这些行是否应计入'],
    ]);
    // Counted as the cells say: 李娜's 比较满意 in item 1, 张强's 基本满意.
    expect(itemVotes(result, '李娜', 0)).toEqual([0, 1, 0, 0]);
    expect(itemVotes(result, '张强', 0)).toEqual([0, 0, 1, 0]);
  });

  it('a hidden tier column (不满意 of the first item, column E) is read and named with its √', async () => {
    const ws = ballotSheet([row('王伟', [3, 0, 0, 0]), row('李娜', [3, 1, 1, 1]), row('张强', [0, 2, 2, 2])]);
    ws['!cols'] = [];
    ws['!cols'][4] = { hidden: true };
    const { sheet, result } = await score('隐藏列.xlsx', xlsx(ws));
    expect(sheet.hiddenColumns).toEqual([4]);
    expect(result.read.findings.filter((f) => f.code === 'HIDDEN_COLUMNS').map((f) => [f.cell, f.message])).toEqual([
      ['E4', '工作表「推荐表」的第 E 列被隐藏，其中的 2 个√已照常计入，请核对这些列是否应计入'],
    ]);
    expect(itemVotes(result, '王伟', 0)).toEqual([0, 0, 0, 1]);
  });

  it('nothing hidden: nothing said, and no hidden fields on the grid', async () => {
    const { sheet, result } = await score('正常.xlsx', xlsx(ballotSheet([row('王伟', [0, 0, 0, 0]), row('李娜', [1, 1, 1, 1]), row('张强', [0, 0, 0, 0])])));
    expect(sheet.hiddenRows).toBeUndefined();
    expect(sheet.drawings).toBeUndefined();
    expect(result.read.findings.filter((f) => /HIDDEN|DRAWINGS/.test(f.code))).toEqual([]);
  });
});

const DRAWING_NS = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
/** A text box holding `text`, anchored at (row, col), 0-based, as Excel and WPS write it. */
const textBox = (row: number, col: number, text: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>9525</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${row * 100 + col + 2}" name="文本框 ${col}"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>`;
/** A picture anchored at (row, col), its image part xl/media/image1.png. */
const picture = (row: number, col: number) =>
  `<xdr:oneCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="190500" cy="190500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="9" name="图片 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/></xdr:blipFill><xdr:spPr/></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`;

/** The workbook with a drawing part holding `anchors` on its sheet, linked as Excel links it. */
function withDrawing(bytes: Uint8Array, anchors: string[]): Uint8Array {
  const files = unzipSync(bytes);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  files['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('</worksheet>', '<drawing r:id="rId7"/></worksheet>'));
  files['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
  );
  files['xl/drawings/drawing1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr ${DRAWING_NS}>${anchors.join('')}</xdr:wsDr>`);
  files['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>',
  );
  files['xl/media/image1.png'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const types = strFromU8(files['[Content_Types].xml']);
  files['[Content_Types].xml'] = strToU8(
    types.replace('</Types>', '<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>'),
  );
  return zipSync(files);
}

describe('√ drawn as text boxes or pictures over the cells', () => {
  it('are not counted (the rows read as the cells say) and the clerk is told how many, and on which rows', async () => {
    // 李娜 (row 6) got her four 满意 as text boxes over B6, F6, J6, N6; 张强 (row 7) a picture over B7; the cells are empty.
    const ws = ballotSheet([row('王伟', [0, 0, 0, 0]), row('李娜', [-1, -1, -1, -1]), row('张强', [-1, 1, 1, 1])]);
    const bytes = withDrawing(xlsx(ws), [textBox(5, 1, '√'), textBox(5, 5, '√'), textBox(5, 9, '√'), textBox(5, 13, ' √ '), picture(6, 1)]);
    const { sheet, result } = await score('画的勾.xlsx', bytes);
    expect(sheet.drawings).toEqual([
      { row: 5, col: 1, kind: 'shape', text: '√' },
      { row: 5, col: 5, kind: 'shape', text: '√' },
      { row: 5, col: 9, kind: 'shape', text: '√' },
      { row: 5, col: 13, kind: 'shape', text: '√' },
      { row: 6, col: 1, kind: 'picture', text: '' },
    ]);
    expect(result.read.findings.filter((f) => f.code === 'DRAWINGS_NOT_COUNTED').map((f) => [f.severity, f.file, f.sheet, f.cell, f.message])).toEqual([
      [
        'warning',
        '画的勾.xlsx',
        '推荐表',
        'B6',
        '工作表「推荐表」中有 5 个图形/图片（可能是画上去的√，其中 4 个是写着“√”的文本框或图形），图形不计票，本表按单元格中的内容读取，请核对第 6–7 行；如是打的√，请在相应单元格中直接输入√后重新提交',
      ],
    ]);
    // Read as the cells say: 李娜 gave nothing (no vote in item 1), 张强's item 1 is blank too.
    expect(itemVotes(result, '李娜', 0)).toEqual([0, 0, 0, 0]);
    expect(itemVotes(result, '张强', 0)).toEqual([0, 0, 0, 0]);
    expect(itemVotes(result, '张强', 1)).toEqual([0, 1, 0, 0]);
    expect(result.read.ballots).toHaveLength(1);
  });
});

describe('the parts inflated again when the guard could not keep them (a zip with data descriptors)', () => {
  it('finds the same hidden rows and drawings from the file itself', async () => {
    const { readZipDirectory } = await import('../zip-directory');
    const { partsReader, xlsxSheetExtras } = await import('../sheet-extras');
    const ws = ballotSheet([row('王伟', [0, 0, 0, 0])]);
    ws['!rows'] = [];
    ws['!rows'][4] = { hidden: true };
    const bytes = withDrawing(xlsx(ws), [picture(2, 3)]);
    const zip = readZipDirectory(bytes);
    if (!zip.ok) throw new Error('zip');
    expect(xlsxSheetExtras(zip.entries, partsReader(bytes, zip.entries, undefined))).toEqual(
      new Map([[0, { hiddenRows: [4], hiddenColumns: [], drawings: [{ row: 2, col: 3, kind: 'picture', text: '' }] }]]),
    );
  });
});

describe('a photo of the paper ballot pasted into an empty sheet', () => {
  it('is no content to read, and the message says there is only a picture', async () => {
    const ws = XLSX.utils.aoa_to_sheet([]);
    const bytes = withDrawing(xlsx(ws, 'Sheet1'), [picture(0, 0)]);
    const out = await readWorkbook('拍照.xlsx', bytes);
    expect(out.submission).toBeNull();
    expect(out.findings.map((f) => [f.code, f.message])).toEqual([
      ['WORKBOOK_EMPTY', '「拍照.xlsx」的单元格中没有任何内容，只有 1 个图片或图形（可能是拍照、扫描的测评票或画上去的√）；本工具只读取单元格，无法读取图片，请按模板在单元格中填写后重新提交'],
    ]);
  });
});
