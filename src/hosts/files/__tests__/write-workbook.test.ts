/**
 * The exceljs renderer, read back with exceljs's reader and the raw XML: what the description says
 * must be in the file (values, merges, validations, frozen rows, print titles, protection, metadata),
 * and text that looks like a formula must be stored as text.
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { runCampaign } from '../../../core/engine';
import { describeResultWorkbook, describeTemplates } from '../../../core/output/describe-workbooks';
import { getPreset } from '../../../core/presets';
import { META_SHEET, writeWorkbook } from '../write-workbook';

const scheme = getPreset('p4-middle-managers');
const roster = [{ name: '王芳', unit: '营业部' }, { name: '=1+1', unit: '@SUM(A1)' }, { name: '李强', unit: '科技部' }];

function sheetGrid(name: string, scores: number[]) {
  return { name, rows: [['测评人类别：干部'], ['姓名', '测评得分'], ...roster.map((p, i) => [p.name, scores[i]])], merges: [] };
}

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('writeWorkbook', () => {
  const result = runCampaign({
    scheme,
    roster,
    today: '2026-12-01',
    submissions: [
      { file: 'a.xlsx', sheets: [sheetGrid('表', [90, 70, 80])] },
      { file: 'b.xlsx', sheets: [{ ...sheetGrid('表', [88, 72, 78]), rows: [['测评人类别：员工'], ...sheetGrid('表', [88, 72, 78]).rows.slice(1)] }] },
    ],
  });

  it('writes the result sheets with their values, merges, frozen header and A4 print titles', async () => {
    const descriptions = describeResultWorkbook(result);
    const wb = await load(await writeWorkbook(descriptions));
    expect(wb.worksheets.map((w) => w.name).filter((n) => n !== META_SHEET)).toEqual(descriptions.map((d) => d.name));
    const ranking = wb.getWorksheet(descriptions[0].name)!;
    // Every described cell value is in the file.
    descriptions[0].cells.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c.value !== null && descriptions[0].merges.every((m) => !(r >= m.r1 && r <= m.r2 && col >= m.c1 && col <= m.c2) || (r === m.r1 && col === m.c1)))
          expect(ranking.getCell(r + 1, col + 1).value).toEqual(c.value);
      }),
    );
    expect(ranking.pageSetup.paperSize).toBe(9);
    const publication = wb.getWorksheet(descriptions[1].name)!;
    const d1 = descriptions[1];
    if (d1.print.repeatRows) expect(publication.pageSetup.printTitlesRow).toBe(`${d1.print.repeatRows.from + 1}:${d1.print.repeatRows.to + 1}`);
    if (descriptions[0].freeze) expect(ranking.views[0]).toMatchObject({ state: 'frozen', ySplit: descriptions[0].freeze.rows });
    for (const m of descriptions[0].merges) expect(ranking.getCell(m.r1 + 1, m.c1 + 1).isMerged).toBe(true);
  });

  it('stores text that looks like a formula as text, never as a formula', async () => {
    const bytes = await writeWorkbook(describeResultWorkbook(result));
    const files = unzipSync(bytes);
    const sheetXml = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => strFromU8(files[f]));
    for (const xml of sheetXml) expect(xml).not.toMatch(/<f>|<f /);
    const shared = strFromU8(files['xl/sharedStrings.xml']);
    expect(shared).toContain('=1+1');
  });

  it('a dropdown value with a double quote is written as a valid list (quote doubled inside the string)', async () => {
    const d = describeTemplates(scheme, roster)[0];
    const withQuote = { ...d, validations: [{ kind: 'list' as const, range: { r1: 0, c1: 0, r2: 0, c2: 0 }, values: ['好"甲"', '差'], error: '请选择' }] };
    const files = unzipSync(await writeWorkbook([withQuote]));
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']).replace(/&quot;/g, '"');
    expect(xml).toContain('<formula1>"好""甲"",差"</formula1>');
    const back = await load(await writeWorkbook([withQuote]));
    expect(back.getWorksheet(d.name)!.getCell('A1').dataValidation.formulae).toEqual(['"好""甲"",差"']);
  });

  it('writes templates with √ dropdowns, protection without password and hidden metadata', async () => {
    const p5 = getPreset('p5-party-members');
    const templates = describeTemplates(p5, [{ name: '王芳' }, { name: '李强', window: true }, { name: '机关', kind: 'organisation' }]);
    const candidate = templates.find((t) => t.meta?.formId === 'candidate-review')!;
    const wb = await load(await writeWorkbook([candidate]));
    const ws = wb.getWorksheet(candidate.name)!;
    const list = candidate.validations.find((v) => v.kind === 'list')!;
    const dv = ws.getCell(list.range.r1 + 1, list.range.c1 + 1).dataValidation;
    expect(dv.type).toBe('list');
    expect(dv.formulae[0]).toContain('√');
    expect(ws.getCell(list.range.r1 + 1, list.range.c1 + 1).protection?.locked).toBe(false);
    expect(ws.getCell(1, 1).protection?.locked ?? true).toBe(true);
    const xml = strFromU8(unzipSync(await writeWorkbook([candidate]))['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<sheetProtection[^>]*sheet="1"/);
    expect(xml).not.toMatch(/<sheetProtection[^>]*(password|hashValue)=/);
    // Page numbers on every page of a ballot, so pages that come apart can be put back together.
    expect(xml).toContain('<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>');
    // 附2's headers on two lines as the seed sets them, read back with their line breaks.
    expect(ws.getColumn(2).values).toContain('优秀党员\n候选人姓名');
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe('veryHidden');
    const pairs = meta.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(pairs).toContainEqual([candidate.name, 'formId', 'candidate-review']);
  });

  it('is deterministic: the same description gives the same bytes', async () => {
    const d = describeResultWorkbook(result);
    expect(Buffer.from(await writeWorkbook(d)).equals(Buffer.from(await writeWorkbook(d)))).toBe(true);
  });
});
