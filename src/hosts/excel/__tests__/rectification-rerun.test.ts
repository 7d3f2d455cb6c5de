/**
 * A re-run's 写回 into the open workbook (the fake) keeps what staff did to the 整改清单 in Excel: a 完成时间
 * typed as a real date, a 备注 column they added, and each 王伟's own edits (重名). The merge itself is
 * tested in core/output/__tests__/merge-rectification.test.ts; this is the host's read-merge-write path.
 */
import { runCampaign } from '../../../core/engine';
import { SheetGrid } from '../../../core/forms/grid';
import { GONE_MARK } from '../../../core/output/merge-rectification';
import { describeResultWorkbook } from '../../../core/output/describe-workbooks';
import { getPreset } from '../../../core/presets';
import { RosterEntry } from '../../../core/roster/roster';
import { FakeExcel } from '../../../../tests/fakes/fake-excel';
import { ExcelWorkbookHost } from '../excel-host';

const host = (fx: FakeExcel) => new ExcelWorkbookHost({ run: fx.run, supports: fx.supports });

/** P3: three ballots marking `failing` 不合格 (3/3 > 50% → 不合格 → 警示谈话 within 30 days of 2026-12-01). */
function results(roster: RosterEntry[], failing: (p: RosterEntry) => boolean, today = '2026-12-01') {
  const sheet: SheetGrid = {
    name: '评议票',
    rows: [
      ['社区“两委”干部勤廉双述双评评议票'],
      ['测评人类别：与会人员'],
      ['序号', '姓名', '单位', '合格', '不合格'],
      ...roster.map((p, i) => [i + 1, p.name, p.unit ?? null, failing(p) ? null : '√', failing(p) ? '√' : null]),
    ],
    merges: [],
  };
  const submissions = [1, 2, 3].map((n) => ({ file: `票${n}.xlsx`, sheets: [sheet] }));
  return describeResultWorkbook(runCampaign({ scheme: getPreset('p3-community-consecutive'), roster, submissions, today }));
}

async function type(fx: FakeExcel, address: string, value: string | number, numberFormat?: string) {
  await fx.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem('整改清单').getRange(address);
    if (numberFormat) range.numberFormat = [[numberFormat]];
    range.values = [[value]];
    await ctx.sync();
  });
}

describe('写回 again keeps the 整改清单 work done in Excel', () => {
  it('next year\'s 写回 does not close this year\'s item with last year\'s 已销号: last year\'s list is kept beside it', async () => {
    const roster = [{ name: '张伟', unit: '霍尔奇社区' }, { name: '李强', unit: '霍尔奇社区' }];
    const fx = new FakeExcel();
    const h = host(fx);
    await h.writeSheets(results(roster, (p) => p.name === '张伟'));
    await type(fx, 'G4', '签订整改承诺书');
    await type(fx, 'I4', '已销号');
    // 2027: 张伟 不合格 again, the same person and consequence.
    const next = await h.writeSheets(results(roster, (p) => p.name === '张伟', '2027-12-01'));
    expect(next.notes).toEqual(['原「整改清单」是 2026 年度的整改清单，未合并到本年度，原样保留；2027 年度的整改清单写入了「整改清单(2)」。']);
    expect([fx.sheet('整改清单').table()[3][6], fx.sheet('整改清单').table()[3][8]]).toEqual(['签订整改承诺书', '已销号']);
    const fresh = fx.sheet('整改清单(2)').table()[3];
    // 整改时限 2027-12-31 as a date: 46387 (2026-12-31) + 365.
    expect([fresh[1], fresh[6], fresh[7], fresh[8]]).toEqual(['张伟', null, 46752, '整改中']);
    // 2027 again: this year's list is replaced in place, last year's left alone, and nothing more is said.
    const again = await h.writeSheets(results(roster, (p) => p.name === '张伟', '2027-12-01'));
    expect(again.notes).toEqual([]);
    expect(fx.sheet('整改清单').table()[3][8]).toBe('已销号');
    expect(fx.sheet('整改清单(2)').table()[3][8]).toBe('整改中');
  });

  it('a 完成时间 typed as a date and a 备注 column the clerk added come back after the next 写回', async () => {
    const roster = [{ name: '张伟', unit: '霍尔奇社区' }, { name: '李强', unit: '霍尔奇社区' }];
    const fx = new FakeExcel();
    const h = host(fx);
    const sheets = results(roster, (p) => p.name === '张伟');
    await h.writeSheets(sheets);
    expect(fx.sheet('整改清单').table()[2]).toEqual(['序号', '被评议对象', '单位', '存在问题', '整改要求', '责任人', '整改措施', '整改时限', '整改状态', '完成时间', '依据']);
    await type(fx, 'G4', '签订整改承诺书');
    await type(fx, 'I4', '已销号');
    await type(fx, 'J4', 46371, 'yyyy"年"m"月"d"日"'); // 2026-12-15 as Excel keeps it
    await type(fx, 'L3', '备注');
    await type(fx, 'L4', '街道已核实');
    const outcome = await h.writeSheets(sheets);
    expect(outcome.degraded).toEqual([]);
    expect(outcome.notes).toEqual([]);
    const t = fx.sheet('整改清单').table();
    expect(t[2].slice(9)).toEqual(['完成时间', '依据', '备注']);
    // The date stays a date (46371 = 2026-12-15), with the Chinese date format.
    expect([t[3][1], t[3][6], t[3][8], t[3][9], t[3][11]]).toEqual(['张伟', '签订整改承诺书', '已销号', 46371, '街道已核实']);
    expect(fx.sheet('整改清单').format(3, 9).numberFormat).toBe('yyyy"年"m"月"d"日"');
  });

  it('the closed item of 王伟（科技部） stays his (kept, marked gone) when 王伟（办公室） fails next time', async () => {
    const keji = { name: '王伟', unit: '科技部' };
    const bangong = { name: '王伟', unit: '办公室' };
    const roster = [keji, bangong, { name: '李强', unit: '科技部' }];
    const fx = new FakeExcel();
    const h = host(fx);
    await h.writeSheets(results(roster, (p) => p === keji));
    await type(fx, 'G4', '科技部王伟：提交整改报告');
    await type(fx, 'F4', '科技部 部长');
    await type(fx, 'I4', '已销号');
    const outcome = await h.writeSheets(results(roster, (p) => p === bangong));
    // The kept row is said in the pane too, not only marked in the sheet.
    expect(outcome.notes).toEqual(['「整改清单」保留了 1 行已填写整改情况、但本次结果中已无的事项，依据栏注明「本次结果中已无此项」。']);
    const t = fx.sheet('整改清单').table();
    expect(t.slice(3).map((r) => [r[1], r[2], r[5], r[6], r[8], String(r[10]).startsWith(GONE_MARK)])).toEqual([
      ['王伟', '办公室', '王伟', null, '整改中', false],
      ['王伟', '科技部', '科技部 部长', '科技部王伟：提交整改报告', '已销号', true],
    ]);
  });
});
