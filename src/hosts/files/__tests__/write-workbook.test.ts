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
import { SheetBuilder } from '../../../core/output/sheet-builder';
import { cell } from '../../../core/output/sheet-description';
import { META_SHEET, writeWorkbook } from '../write-workbook';
import { readWorkbook } from '../read-workbook';

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
  const campaignInput = {
    scheme,
    roster,
    today: '2026-12-01',
    submissions: [
      { file: 'a.xlsx', sheets: [sheetGrid('表', [90, 70, 80])] },
      { file: 'b.xlsx', sheets: [{ ...sheetGrid('表', [88, 72, 78]), rows: [['测评人类别：员工'], ...sheetGrid('表', [88, 72, 78]).rows.slice(1)] }] },
    ],
  };
  const result = runCampaign(campaignInput);

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

  it('writes the 整改清单\'s 整改时限 as a real date (a number with the Chinese date format), read back as that date', async () => {
    // 李强 scored 60 by both groups (60 → 不称职) has the only row: 30 days from 2026-12-01 → 2026-12-31, serial 46387
    // (2026-01-01 is 46023, + 364).
    // The preset's 不称职 is the 党委's decision with no 整改 deadline (篇六 三、(六)); this campaign gives it 30 days.
    const withDeadline = getPreset('p4-middle-managers');
    withDeadline.consequences[0].rectifyWithinDays = 30;
    const failing = runCampaign({
      ...campaignInput,
      scheme: withDeadline,
      submissions: [
        { file: 'a.xlsx', sheets: [sheetGrid('表', [90, 80, 60])] },
        { file: 'b.xlsx', sheets: [{ ...sheetGrid('表', [88, 78, 60]), rows: [['测评人类别：员工'], ...sheetGrid('表', [88, 78, 60]).rows.slice(1)] }] },
      ],
    });
    expect(failing.rectification.map((r) => [r.subject, r.deadline])).toEqual([['李强', '2026-12-31']]);
    const bytes = await writeWorkbook(describeResultWorkbook(failing));
    const sheet = (await load(bytes)).getWorksheet('整改清单')!;
    const header = sheet.getRow(3).values as unknown[];
    const deadline = header.indexOf('整改时限');
    expect(deadline).toBeGreaterThan(0);
    const c = sheet.getCell(4, deadline);
    // exceljs gives a cell stored as a number with a date format as a Date: the file holds a date, not text.
    expect([c.value, c.numFmt]).toEqual([new Date(Date.UTC(2026, 11, 31)), 'yyyy"年"m"月"d"日"']);
    expect(c.type).toBe(ExcelJS.ValueType.Date);
    // Read back (the files host turns a date-formatted cell into its date), the cell is that date, not text.
    const back = await readWorkbook('结果.xlsx', bytes);
    const grid = back.submission!.sheets.find((s) => s.name === '整改清单')!;
    expect(grid.rows[3][deadline - 1]).toBe('2026-12-31');
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
    // The form and page numbers on every page of a ballot, so pages that come apart can be put back together.
    expect(xml).toContain(`<oddFooter>&amp;C${candidate.name}　第 &amp;P 页，共 &amp;N 页</oddFooter>`);
    // 附2's headers on two lines as the seed sets them, read back with their line breaks.
    expect(ws.getColumn(2).values).toContain('优秀党员\n候选人姓名');
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe('veryHidden');
    const pairs = meta.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(pairs).toContainEqual([candidate.name, 'formId', 'candidate-review']);
  });

  it('numbers the pages of each sheet from 1, and prints the 公示表 without a total that would count the whole workbook', async () => {
    const descriptions = describeResultWorkbook(result);
    const bytes = await writeWorkbook(descriptions);
    const wb = await load(bytes);
    for (const d of descriptions) {
      const ws = wb.getWorksheet(d.name)!;
      expect({ sheet: d.name, first: ws.pageSetup.firstPageNumber, fit: [ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight] }).toEqual({ sheet: d.name, first: 1, fit: [1, 0] });
    }
    const files = unzipSync(bytes);
    const sheetXml = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => strFromU8(files[f]));
    for (const xml of sheetXml.slice(0, descriptions.length)) expect(xml).toMatch(/<pageSetup[^>]*firstPageNumber="1"[^>]*useFirstPageNumber="1"/);
    expect(wb.getWorksheet('公示表')!.headerFooter.oddFooter).toBe('&C第 &P 页');
    // The other result sheets name themselves, without 共 N 页 either (printed together, &N counts every sheet's pages).
    expect(wb.getWorksheet('排名表')!.headerFooter.oddFooter).toBe('&C排名表　第 &P 页');
    for (const d of descriptions) expect(d.print.footer ?? '').not.toContain('&N');
  });

  it('writes the manual page breaks as Excel does: <rowBreaks> with one <brk> per page end, id the 1-based last row', async () => {
    const roster = Array.from({ length: 30 }, (_, i) => ({ name: `窗口${i + 1}`, window: true }));
    const t = describeTemplates(getPreset('p5-party-members'), roster).find((d) => d.meta?.formId === 'window-satisfaction')!;
    expect(t.rowBreaks!.length).toBeGreaterThan(0);
    const xml = strFromU8(unzipSync(await writeWorkbook([t]))['xl/worksheets/sheet1.xml']);
    const brks = t.rowBreaks!.map((r) => `<brk id="${r + 1}" max="16383" man="1"/>`).join('');
    expect(xml).toContain(`<rowBreaks count="${t.rowBreaks!.length}" manualBreakCount="${t.rowBreaks!.length}">${brks}</rowBreaks>`);
  });

  it('writes every column width, 9 included (exceljs would drop a width of exactly 9 as its default)', async () => {
    const b = new SheetBuilder(3);
    b.row([cell('甲', 'cell'), cell('乙', 'cell'), cell('丙', 'cell')]);
    const d = b.build({ name: '宽度', kind: 'findings', print: { orientation: 'portrait' }, bounds: [{ min: 9, max: 9 }, { min: 12, max: 12 }, { min: 9, max: 9 }] });
    expect(d.columns.map((c) => c.width)).toEqual([9, 12, 9]);
    const ws = (await load(await writeWorkbook([d]))).getWorksheet('宽度')!;
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([9.01, 12, 9.01]);
  });

  it('writes each validation as its own range, none overlapping another (exceljs#2820), counts as whole numbers', async () => {
    const p5 = getPreset('p5-party-members');
    const many = Array.from({ length: 120 }, (_, i) => ({ name: `党员${String(i + 1).padStart(3, '0')}` }));
    const sqrefs = (xml: string) => [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    const a1 = (r: { r1: number; c1: number; r2: number; c2: number }) => {
      const col = (c: number) => String.fromCharCode(65 + c); // the forms here are narrower than 26 columns
      return r.r1 === r.r2 && r.c1 === r.c2 ? `${col(r.c1)}${r.r1 + 1}` : `${col(r.c1)}${r.r1 + 1}:${col(r.c2)}${r.r2 + 1}`;
    };
    for (const counts of [false, true]) {
      for (const t of describeTemplates(p5, many, { counts })) {
        expect(t.columns.length).toBeLessThanOrEqual(26);
        const xml = strFromU8(unzipSync(await writeWorkbook([t]))['xl/worksheets/sheet1.xml']);
        expect({ sheet: t.name, sqref: sqrefs(xml) }).toEqual({ sheet: t.name, sqref: t.validations.map((v) => a1(v.range)) });
        const types = [...xml.matchAll(/<dataValidation [^>]*type="(\w+)"/g)].map((m) => m[1]);
        expect(types).toEqual(t.validations.map((v) => v.kind));
        if (counts) expect(types.every((k) => k === 'whole')).toBe(true);
      }
    }
  });

  it('wraps long 单位 on 排名表 and 公示表 and writes the estimated row heights', async () => {
    const long = '中共某某市和平区西关街道团结社区第三党支部委员会办公室'; // 26 characters: more than either column holds
    const r = runCampaign({ ...campaignInput, roster: roster.map((p, i) => ({ ...p, unit: i === 0 ? long : p.unit })) });
    const descriptions = describeResultWorkbook(r);
    const wb = await load(await writeWorkbook(descriptions));
    for (const name of ['排名表', '公示表']) {
      const d = descriptions.find((x) => x.name === name)!;
      const ws = wb.getWorksheet(name)!;
      const [row, col] = d.cells.flatMap((cells, i) => cells.flatMap((c, j) => (c.value === long ? [[i, j]] : [])))[0];
      expect({ name, wrap: ws.getCell(row + 1, col + 1).alignment?.wrapText }).toEqual({ name, wrap: true });
      // 26 × 2.15 = 55.9 units: more than the column less its margin, so two lines at least.
      expect(ws.getColumn(col + 1).width! - 1).toBeLessThan(26 * 2.15);
      expect(ws.getRow(row + 1).height).toBeGreaterThanOrEqual(Math.ceil(2 * 11 * 1.35 + 4));
      for (const h of d.rowHeights) expect(ws.getRow(h.row + 1).height).toBe(h.points);
    }
  });

  it('a 公示表 without 单位 is as wide as its 16 pt bold title', async () => {
    const r = runCampaign({ ...campaignInput, roster: roster.map(({ name }) => ({ name })) });
    const d = describeResultWorkbook(r).find((x) => x.name === '公示表')!;
    const ws = (await load(await writeWorkbook([d]))).getWorksheet('公示表')!;
    const title = String(ws.getCell(1, 1).value);
    expect(title).toBe('关于2026年度中层干部述职考核结果的公示');
    expect(d.columns).toHaveLength(3);
    const widths = d.columns.map((_, c) => ws.getColumn(c + 1).width!);
    // 17 Chinese characters at 2.15 units and 4 digits at 1.05, × 16/11 for the size, × 1.1 for bold.
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual((17 * 2.15 + 4 * 1.05) * (16 / 11) * 1.1);
    expect(ws.getCell(1, 1).font?.size).toBe(16);
  });

  describe('text that looks like Office\'s own escape (_x0041_ is "A" in an .xlsx) reads back as written', () => {
    // A 31-character sheet name (Excel's most) holding a literal _x0041_: escaped it is 37 characters in the file,
    // which exceljs's setter would cut to 31. A name, a dropdown value and the footer hold it too.
    const name = `_x0041_${'表'.repeat(24)}`;
    const people = [{ name: '_x0041_赵六' }, { name: '王芳' }];
    const template = () => {
      const d = describeTemplates(scheme, people)[0];
      const list = { kind: 'list' as const, range: { r1: 0, c1: 0, r2: 0, c2: 0 }, values: ['_x0041_', '√'], error: '请选择' };
      return { ...d, name, validations: [...d.validations, list], print: { ...d.print, footer: `${name}　第 &P 页` } };
    };

    it('the sheet name, the cells and the template metadata, read back by the reader (SheetJS)', async () => {
      expect(name).toHaveLength(31);
      const outcome = await readWorkbook('模板.xlsx', await writeWorkbook([template()]));
      const sheet = outcome.submission!.sheets[0];
      expect(sheet.name).toBe(name);
      expect(sheet.rows.flat()).toContain('_x0041_赵六');
      // The metadata names the sheet as the reader names it, so the returned form is known as the template.
      expect(outcome.templateMeta?.[name]?.formId).toBe(describeTemplates(scheme, people)[0].meta!.formId);
    });

    it('stores each as Office does, underscore escaped (_x005F_x0041_): sheet name, print titles, dropdown, footer', async () => {
      const files = unzipSync(await writeWorkbook([template()]));
      const escaped = `_x005F_x0041_${'表'.repeat(24)}`;
      const book = strFromU8(files['xl/workbook.xml']);
      expect(book).toContain(`name="${escaped}"`);
      expect(book.replace(/&apos;/g, "'")).toMatch(new RegExp(`<definedName name="_xlnm.Print_Titles"[^>]*>'${escaped}'!`));
      const xml = strFromU8(files['xl/worksheets/sheet1.xml']).replace(/&quot;/g, '"');
      expect(xml).toContain('<formula1>"_x005F_x0041_,√"</formula1>');
      expect(xml).toContain(`<oddFooter>&amp;C${escaped}　第 &amp;P 页</oddFooter>`);
      expect(strFromU8(files['xl/sharedStrings.xml'])).toContain('_x005F_x0041_赵六');
    });
  });

  it('is deterministic: the same description gives the same bytes', async () => {
    const d = describeResultWorkbook(result);
    expect(Buffer.from(await writeWorkbook(d)).equals(Buffer.from(await writeWorkbook(d)))).toBe(true);
  });
});
