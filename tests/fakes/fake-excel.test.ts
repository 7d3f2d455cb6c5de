/**
 * The fake itself must be strict where Excel is, or the host's tests prove nothing: these tests pin
 * the behaviours the host's tests rely on (see the module comment of fake-excel.ts).
 */
import { CLIENT_OBJECT_MEMBERS, excelApiSurface } from './excel-api-surface';
import { FakeExcel, FakeOfficeError, modelledMembers } from './fake-excel';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? `(no code) ${(e as Error).message}`;
  }
  return '(resolved)';
}

describe('the fake Excel object model', () => {
  it('models only members that exist in @types/office-js', () => {
    const surface = excelApiSurface();
    for (const [kind, members] of Object.entries(modelledMembers())) {
      const real = surface.get(kind);
      expect({ kind, exists: real !== undefined }).toEqual({ kind, exists: true });
      for (const m of members) expect({ kind, m, real: real!.has(m) || (CLIENT_OBJECT_MEMBERS as readonly string[]).includes(m) }).toEqual({ kind, m, real: true });
    }
  });

  it('throws on a member the real API does not have, and on a real one it does not model', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    await fx.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => (ws as unknown as Record<string, unknown>).cellz).toThrow(/has no member "cellz"/);
      expect(() => (ws as unknown as Record<string, unknown>).tables).toThrow(/does not model it|does not model/);
      await ctx.sync();
    });
  });

  it('queues until sync: a property is readable only after load and sync; isNullObject only after a sync', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1', [['a', 1]]);
    await fx.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const missing = ctx.workbook.worksheets.getItemOrNullObject('nope');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([['a', 1]]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(missing.isNullObject).toBe(true);
    });
    expect(fx.syncCount).toBe(1);
  });

  it('fails a run that leaves queued operations unsynced', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    await expect(
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
      }),
    ).rejects.toThrow(/never synced/);
  });

  it('fails members above the configured requirement set with ApiNotFound at sync', async () => {
    const fx = new FakeExcel({ excelApi: '1.7' });
    fx.addSheet('Sheet1');
    expect(fx.supports('ExcelApi', '1.7')).toBe(true);
    expect(fx.supports('ExcelApi', '1.8')).toBe(false);
    const code = await codeOf(
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
        await ctx.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });

  it('parses strings written through values like typed text unless the cell is text-formatted or quote-prefixed', async () => {
    const fx = new FakeExcel();
    const s = fx.addSheet('Sheet1');
    await fx.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:D1').values = [['001', '2026-12-31', '=1+1', "'=1+1"]];
      ws.getRange('A2:C2').numberFormat = [['@', '@', '@']];
      ws.getRange('A2:C2').values = [['001', '2026-12-31', "'=1+1"]];
      await ctx.sync();
    });
    expect([s.shown(0, 0), typeof s.shown(0, 1), s.cell(0, 2)?.formula, s.shown(0, 3)]).toEqual([1, 'number', '=1+1', '=1+1']);
    expect([s.shown(1, 0), s.shown(1, 1), s.shown(1, 2)]).toEqual(['001', '2026-12-31', '=1+1']);
  });

  it('measures requests and responses and fails those over 5 MB', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    const big = 'x'.repeat(30000);
    const code = await codeOf(
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A200').values = Array.from({ length: 200 }, () => [big]);
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fx.violations).toHaveLength(1);
    expect(fx.syncs[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('refuses reads of more than 5,000,000 cells', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    const code = await codeOf(
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A:E').load('values');
        await ctx.sync();
      }),
    );
    expect(code).toBe('RangeExceedsLimit');
  });

  it('fails every sync in cell-edit mode, and changes to a protected sheet or workbook', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1', [['x']], { protect: true });
    const write = () =>
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['y']];
        await ctx.sync();
      });
    expect(await codeOf(write())).toBe('AccessDenied');
    fx.editMode = true;
    expect(await codeOf(write())).toBe('InvalidOperationInCellEditMode');
    fx.editMode = false;
    fx.workbookProtected = true;
    expect(
      await codeOf(
        fx.run(async (ctx) => {
          ctx.workbook.worksheets.add('新表');
          await ctx.sync();
        }),
      ),
    ).toBe('AccessDenied');
    expect(new FakeOfficeError('AccessDenied', 'x').debugInfo.code).toBe('AccessDenied');
  });

  it('answers Range.rowHidden as documented: true all hidden, false none, null some; hidden rows still read', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1', [['a'], ['b'], ['c'], ['d']], { hiddenRows: [1, 2] });
    await fx.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const [all, none, some, whole] = ['A2:A3', 'A1', 'A1:B4', 'A1:A4'].map((a) => ws.getRange(a).load('rowHidden,values'));
      await ctx.sync();
      expect([all.rowHidden, none.rowHidden, some.rowHidden]).toEqual([true, false, null]);
      expect(whole.values).toEqual([['a'], ['b'], ['c'], ['d']]);
      ws.getRange('A4').rowHidden = true;
      ws.getRange('A2').rowHidden = false;
      await ctx.sync();
    });
    expect([...fx.sheet('Sheet1').hiddenRows].sort()).toEqual([2, 3]);
    const old = new FakeExcel({ excelApi: '1.1' });
    old.addSheet('Sheet1', [['a']]);
    expect(await codeOf(old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('rowHidden');
      await ctx.sync();
    }))).toBe('ApiNotFound');
  });

  it('rejects enum values the real API does not accept', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    await fx.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format;
      expect(() => ((f as unknown as Record<string, unknown>).horizontalAlignment = 'middle')).toThrow(/does not accept/);
      f.horizontalAlignment = 'Center';
      await ctx.sync();
    });
    expect(fx.sheet('Sheet1').format(0, 0).horizontal).toBe('Center');
  });
});
