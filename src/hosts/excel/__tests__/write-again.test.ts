/**
 * Writing again into a workbook the clerk has been working in: an inserted template they filled in is
 * kept, a write that stops half-way says which result sheets are new and which old, a sheet left by an
 * interrupted write is recognised and cleared away, a free name is taken back, and a protection the
 * clerk set that the new sheet does not carry is said.
 */
import { runCampaign } from '../../../core/engine';
import { describeResultWorkbook } from '../../../core/output/describe-workbooks';
import { describeTemplates } from '../../../core/output/describe-templates';
import { SheetDescription } from '../../../core/output/sheet-description';
import { PRESETS, getPreset } from '../../../core/presets';
import { RosterEntry } from '../../../core/roster/roster';
import { FakeExcel, FakeOfficeError } from '../../../../tests/fakes/fake-excel';
import { ExcelHostError } from '../excel-errors';
import { ExcelWorkbookHost, INTERRUPTED_KIND } from '../excel-host';
import { MARK_NAME, MARK_PROPERTY, decodeMark, encodeMark, textFormula } from '../sheet-marks';
import { ROSTER, campaignWorkbook, rejection, scoreRows } from './fixtures';

const host = (fx: FakeExcel) => new ExcelWorkbookHost({ run: fx.run, supports: fx.supports });


// ---------------------------------------------------------------------------------------------
// Templates inserted again

const COMMUNITY: RosterEntry[] = ['王芳', '李强', '张伟', '丁宁'].map((name) => ({ name, unit: '霍尔奇社区' }));
const P3 = getPreset('p3-community-consecutive');

/** The clerk ticks 合格 for every listed person, in the cells the template leaves unlocked (as in Excel). */
function tickAll(fx: FakeExcel, sheet: string, names: string[]): number {
  const s = fx.sheet(sheet);
  const table = s.table();
  const header = table.findIndex((row) => row.includes('合格'));
  const column = table[header].indexOf('合格');
  let ticked = 0;
  for (let r = header + 1; r < table.length; r++)
    if (names.includes(String(table[r][1]))) {
      expect(s.format(r, column).locked).toBe(false);
      s.touch(r, column).value = '√';
      ticked++;
    }
  return ticked;
}

const ticks = (fx: FakeExcel, sheet: string) => fx.sheet(sheet).table().flat().filter((v) => v === '√').length;

describe('inserting the blank templates again', () => {
  it('replaces a template nobody has filled in, in place, saying nothing', async () => {
    const fx = new FakeExcel();
    fx.addSheet('名册');
    const h = host(fx);
    const [first] = await h.writeSheets(describeTemplates(P3, COMMUNITY)).then((o) => o.written);
    const again = await h.writeSheets(describeTemplates(P3, [...COMMUNITY, { name: '新来的', unit: '霍尔奇社区' }]));
    expect(again.written).toEqual([first]);
    expect(again.notes).toEqual([]);
    expect(fx.sheetNames()).toEqual(['名册', first]);
    expect(fx.sheet(first).table().flat()).toContain('新来的');
  });

  it('keeps a template the clerk filled in, writes the new one beside it and says so; a third insert replaces only the blank one', async () => {
    const fx = new FakeExcel();
    fx.addSheet('名册');
    const h = host(fx);
    const [form] = (await h.writeSheets(describeTemplates(P3, COMMUNITY))).written;
    expect(tickAll(fx, form, ['王芳', '李强', '张伟', '丁宁'])).toBe(4);
    const filled = fx.snapshot(form);

    const later = describeTemplates(P3, [...COMMUNITY, { name: '新来的', unit: '霍尔奇社区' }]);
    const second = await h.writeSheets(later);
    expect(fx.snapshot(form)).toBe(filled);
    expect(ticks(fx, form)).toBe(4);
    expect(second.written).toEqual([`${form}(2)`]);
    // Not a sheet of the clerk's in the way: the pane's 改名写入 would say so, wrongly.
    expect(second.renamed).toEqual([]);
    expect(second.notes).toEqual([`「${form}」中已有填写或改动的内容（与插入时不同），未替换，原样保留；新的空白表写入了「${form}(2)」。`]);
    expect(ticks(fx, `${form}(2)`)).toBe(0);
    expect((await h.listSheets()).map((s) => [s.name, s.ownedKind])).toEqual([
      ['名册', null],
      [form, 'template'],
      [`${form}(2)`, 'template'],
    ]);

    const third = await h.writeSheets(later);
    expect(third.written).toEqual([`${form}(2)`]);
    expect(fx.sheetNames()).toEqual(['名册', form, `${form}(2)`]);
    expect(fx.snapshot(form)).toBe(filled);
  });

  it('a retyped header alone is a change too (the form may already be in use)', async () => {
    const fx = new FakeExcel();
    fx.addSheet('名册');
    const h = host(fx);
    const [form] = (await h.writeSheets(describeTemplates(P3, COMMUNITY))).written;
    const s = fx.sheet(form);
    const table = s.table();
    const header = table.findIndex((row) => row.includes('合格'));
    s.touch(header, table[header].indexOf('合格')).value = '同意';
    expect((await h.writeSheets(describeTemplates(P3, COMMUNITY))).written).toEqual([`${form}(2)`]);
    expect(fx.sheet(form).table()[header]).toContain('同意');
  });

  it('a template inserted by an earlier version (no fingerprint in its mark) is kept, saying it cannot be told blank', async () => {
    const fx = new FakeExcel();
    fx.addSheet('名册');
    const h = host(fx);
    const [form] = (await h.writeSheets(describeTemplates(P3, COMMUNITY))).written;
    const s = fx.sheet(form);
    const mark = decodeMark(s.customProperties.get(MARK_PROPERTY)!.value)!;
    delete mark.blank;
    s.customProperties.set(MARK_PROPERTY, { key: MARK_PROPERTY, value: encodeMark(mark) });
    s.names.get(MARK_NAME.toLowerCase())!.formula = textFormula(encodeMark(mark));
    const outcome = await h.writeSheets(describeTemplates(P3, COMMUNITY));
    expect(outcome.written).toEqual([`${form}(2)`]);
    expect(outcome.notes).toEqual([`「${form}」由早先版本的评议通插入，无法确认其中是否已有填写，未替换，原样保留；新的空白表写入了「${form}(2)」。`]);
  });

  // The fingerprint of what is written must be what reads back, for every form of every preset: else
  // every insert would leave a copy behind.
  it.each(PRESETS.map((p) => [p.id]))('every template of %s reads back as written (inserted twice: replaced in place)', async (id) => {
    const fx = new FakeExcel();
    fx.addSheet('名册');
    const h = host(fx);
    const scheme = getPreset(id);
    const templates = describeTemplates(scheme, ROSTER);
    const first = await h.writeSheets(templates);
    const again = await h.writeSheets(templates);
    expect(again.written).toEqual(first.written);
    expect(again.notes).toEqual([]);
    expect(fx.sheetNames()).toEqual(['名册', ...first.written]);
  });
});

// ---------------------------------------------------------------------------------------------
// Result sheets

async function results(fx: FakeExcel, h: ExcelWorkbookHost): Promise<SheetDescription[]> {
  const { sheets } = await h.readSheets(fx.sheetNames().filter((n) => /^(干部|员工)\d$/.test(n)));
  return describeResultWorkbook(runCampaign({ scheme: getPreset('p4-middle-managers'), roster: ROSTER, submissions: [{ file: fx.workbookName, sheets }], today: '2026-12-01' }));
}

const OUTPUTS = ['排名表(2)', '公示表', '整改清单', '统计表', '得分情况', '校验结果'];

describe('a write that stops half-way', () => {
  /** Run 1, then a fourth ballot that changes the result, and run 2 failing at its sync number `at` (from its start). */
  async function failingRerun(at: number, failure: (fx: FakeExcel) => void) {
    const fx = campaignWorkbook();
    const h = host(fx);
    await h.writeSheets(await results(fx, h));
    const before = new Map(fx.sheetNames().map((n) => [n, fx.snapshot(n)]));
    fx.addSheet('干部3', scoreRows('干部', [90, 80, 80, 70, 90, null]));
    const descriptions = await results(fx, h);
    const start = fx.syncCount;
    fx.beforeSync = (n) => {
      if (n === start + at) failure(fx);
    };
    const e = await rejection(h.writeSheets(descriptions));
    fx.beforeSync = null;
    return { fx, h, e, before, descriptions };
  }
  const busy = () => {
    throw new FakeOfficeError('GeneralException', 'An internal error has occurred.');
  };

  it('names the sheets already replaced, those still from the previous write and what to do', async () => {
    // Syncs: 2 stock, then 排名表(2) 3-4, 公示表 5-6, then the read of the old 整改清单 (7 …).
    const { fx, e, before } = await failingRerun(7, busy);
    expect(e.code).toBe('GeneralException');
    expect(e.message).toBe(
      'Excel 暂时无法响应（可能正在计算、保存或同步），请稍候几秒再试。' +
        '写入在中途停止：本次已更新「排名表(2)」「公示表」。' +
        '仍是上一次写入的（未更新）：「整改清单」「统计表」「得分情况」「校验结果」。' +
        '这些工作表现在不是同一次计算的结果，请勿据此打印或公示；请再写入一次，使各表一致。',
    );
    // As it says: the two first are new, the others as they were.
    expect(fx.snapshot('排名表(2)')).not.toBe(before.get('排名表(2)'));
    expect(fx.snapshot('公示表')).not.toBe(before.get('公示表'));
    for (const n of ['整改清单', '统计表', '得分情况', '校验结果']) expect({ n, same: fx.snapshot(n) === before.get(n) }).toEqual({ n, same: true });
  });

  it('counts the sheet being swapped in as replaced when recovery put it in place', async () => {
    // The swap of 公示表 (sync 6): the old one is deleted by someone just before it fails.
    const { fx, e } = await failingRerun(6, (x) => {
      x.sheet('公示表').deleted = true;
      busy();
    });
    expect(e.message).toContain('本次已更新「排名表(2)」「公示表」。仍是上一次写入的（未更新）：「整改清单」「统计表」「得分情况」「校验结果」。');
    expect(fx.sheetNames().filter((n) => n.startsWith('评议通写入中'))).toEqual([]);
  });

  it('a first write that stops: the sheets not yet written are named as such', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = await results(fx, h);
    const start = fx.syncCount;
    fx.beforeSync = (n) => {
      if (n === start + 5) busy();
    };
    const e = await rejection(h.writeSheets(descriptions));
    fx.beforeSync = null;
    expect(e.message).toContain('本次已更新「排名表(2)」。尚未写入：「公示表」「整改清单」「统计表」「得分情况」「校验结果」。');
    expect(e.message).not.toContain('仍是上一次写入的');
  });

  it('before anything was replaced: says the workbook is as it was', async () => {
    const { e } = await failingRerun(3, busy);
    expect(e.message).toBe('Excel 暂时无法响应（可能正在计算、保存或同步），请稍候几秒再试。工作簿中原有的工作表都未改动。');
  });
});

describe('a sheet left by an interrupted write', () => {
  it('is named in the error, listed as left by an interrupted write (not as the clerk’s), and removed by the next write', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = await results(fx, h);
    await h.writeSheets(descriptions);
    const start = fx.syncCount;
    // The clerk starts typing in a cell while 公示表 is being swapped in, and stays in the cell: recovery cannot run.
    fx.beforeSync = (n) => {
      if (n === start + 6) fx.editMode = true;
    };
    const e = await rejection(h.writeSheets(descriptions));
    fx.beforeSync = null;
    fx.editMode = false;
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    expect(e.message).toContain('本次已更新「排名表(2)」。仍是上一次写入的（未更新）：「公示表」');
    expect(e.message).toMatch(/工作簿中可能留有未写完的工作表「评议通写入中2」，可以删除（下次写入成功时也会自动删除）。$/);
    expect(fx.sheetNames()).toContain('评议通写入中2');

    const listed = await h.listSheets();
    expect(listed.find((s) => s.name === '评议通写入中2')?.ownedKind).toBe(INTERRUPTED_KIND);

    const outcome = await h.writeSheets(descriptions);
    expect(outcome.written).toEqual(OUTPUTS);
    expect(outcome.notes).toEqual(['已删除早先一次写入中断时留下的未完成工作表「评议通写入中2」。']);
    expect(fx.sheetNames().filter((n) => n.startsWith('评议通写入中'))).toEqual([]);
  });

  it('a sheet of the clerk’s that only has such a name (no mark) is theirs and stays', async () => {
    const fx = campaignWorkbook();
    fx.addSheet('评议通写入中1', [['我的笔记']]);
    const h = host(fx);
    expect((await h.listSheets()).find((s) => s.name === '评议通写入中1')?.ownedKind).toBeNull();
    const outcome = await h.writeSheets(await results(fx, h));
    expect(outcome.notes).toEqual([]);
    expect(fx.sheet('评议通写入中1').shown(0, 0)).toBe('我的笔记');
  });
});

describe('the name of an output', () => {
  it('is taken back when the clerk deletes their sheet that held it, and no clerk sheet is said to be in the way', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = await results(fx, h);
    expect((await h.writeSheets(descriptions)).renamed).toEqual([{ wanted: '排名表', used: '排名表(2)' }]);
    const position = fx.sheetNames().indexOf('排名表(2)');
    fx.sheet('排名表').deleted = true;

    const outcome = await h.writeSheets(descriptions);
    expect(outcome.renamed).toEqual([]);
    expect(outcome.written[0]).toBe('排名表');
    expect(fx.sheetNames().filter((n) => n.startsWith('排名表'))).toEqual(['排名表']);
    expect(fx.sheetNames().indexOf('排名表')).toBe(position - 1);
    expect(decodeMark(fx.sheet('排名表').customProperties.get(MARK_PROPERTY)?.value)).toMatchObject({ kind: 'ranking', name: '排名表', wanted: '排名表' });
    // And it stays there.
    expect((await h.writeSheets(descriptions)).written[0]).toBe('排名表');
    expect(fx.sheetNames().filter((n) => n.startsWith('排名表'))).toEqual(['排名表']);
  });
});

describe('a protection the clerk set on a sheet the add-in replaces', () => {
  it('is said, since the new 整改清单 is not protected and no password is known', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = await results(fx, h);
    await h.writeSheets(descriptions);
    fx.sheet('整改清单').protection = { protected: true, options: {}, password: '1234' };
    const outcome = await h.writeSheets(descriptions);
    expect(fx.sheet('整改清单').protection.protected).toBe(false);
    expect(outcome.notes).toEqual(['原「整改清单」设有工作表保护；替换后的新表未设保护（评议通不知道原来的密码，也不自设密码）。如需保护，请在“审阅 → 保护工作表”中重新设置。']);
  });

  it('a template (written protected, as the add-in always does) says nothing', async () => {
    const fx = new FakeExcel();
    fx.addSheet('名册');
    const h = host(fx);
    await h.writeSheets(describeTemplates(P3, COMMUNITY));
    expect((await h.writeSheets(describeTemplates(P3, COMMUNITY))).notes).toEqual([]);
  });
});

