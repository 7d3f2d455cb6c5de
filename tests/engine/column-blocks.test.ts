/**
 * Tables printed in blocks side by side (姓名 and its tier columns, then 姓名 and the same columns
 * again), as offices lay out a long list to fit one page: read as one table in reading order, every
 * finding naming the cell of the sheet as the clerk sees it.
 */
import fc from 'fast-check';
import { parseAddress } from '../../src/core/common/cell';
import { runCampaign } from '../../src/core/engine';
import { CellValue, MergeRange, SheetGrid } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { matrixSheet, presetScoringPresentGroups, submission } from '../helpers/grids';

const p1 = getPreset('p1-double-pledge');
const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const NAMES = ['王毅', '李娜', '陈刚', '赵敏', '孙立', '周强'];
const roster = NAMES.map((name) => ({ name }));
const GROUP = '测评人类别：党组织负责人';

function run(sheet: SheetGrid, scheme = p1, names = roster) {
  return runCampaign({ scheme, roster: names, submissions: [submission('f.xlsx', sheet)], today: '2026-12-01' });
}
const votes = (r: ReturnType<typeof run>, name: string) => r.subjects.find((s) => s.name === name)!.overall.map((l) => l.votes);
const readFindings = (r: ReturnType<typeof run>) => r.read.findings.map((f) => `${f.code} ${f.cell}`);
const sheet = (rows: CellValue[][], merges: MergeRange[] = []): SheetGrid => ({ name: '表', rows, merges });
const V = '√';

describe('blocks side by side', () => {
  it('reads two blocks as one table', () => {
    const r = run(
      sheet([
        [GROUP],
        ['姓名', ...LEVELS, '姓名', ...LEVELS],
        ['王毅', V, null, null, null, '赵敏', null, V, null, null],
        ['李娜', null, V, null, null, '孙立', null, null, null, V],
        ['陈刚', null, null, V, null, '周强', V, null, null, null],
      ]),
    );
    expect(readFindings(r)).toEqual([]);
    expect(r.read.ballots).toHaveLength(1);
    expect(votes(r, '王毅')).toEqual([1, 0, 0, 0]);
    expect(votes(r, '李娜')).toEqual([0, 1, 0, 0]);
    expect(votes(r, '陈刚')).toEqual([0, 0, 1, 0]);
    expect(votes(r, '赵敏')).toEqual([0, 1, 0, 0]);
    expect(votes(r, '孙立')).toEqual([0, 0, 0, 1]);
    expect(votes(r, '周强')).toEqual([1, 0, 0, 0]);
  });

  it('names the cells of the sheet in its findings (checked by hand against the grid below)', () => {
    //        A     B  C  D  E  F(gap) G      H  I  J  K   L (right of the table)
    const r = run(
      sheet([
        [GROUP],
        ['姓名', ...LEVELS, null, '姓名', ...LEVELS],
        ['王毅', V, null, null, null, null, '赵敏', null, V, null, null],
        ['李娜', null, V, null, null, V, '孙立', V, null, null, V],
        ['陈刚', null, null, V, null, null, '王毅', null, V, null, null, V],
        ['张三', V, null, null, null, null, null, null, null, null, null],
      ]),
    );
    expect(readFindings(r)).toEqual([
      'MARK_OUTSIDE_TIERS F4', // the gap column between the blocks
      'SUBJECT_NOT_IN_ROSTER A6',
      'MULTIPLE_MARKS H4', // 孙立: H4 and K4
      'MARK_OUTSIDE_TIERS L5', // right of the last block (a row's stray marks are reported before its name)
      'SUBJECT_REPEATED G5', // 王毅 again (称职), first at A3 (优秀)
      'SUBJECT_MISSING A2', // 周强
    ]);
    const f = r.read.findings;
    expect(f.find((x) => x.code === 'MULTIPLE_MARKS')!.message).toContain('H4、K4');
    expect(f.find((x) => x.code === 'SUBJECT_REPEATED')!.message).toContain('另见 A3');
    expect(f.find((x) => x.code === 'SUBJECT_MISSING')!.message).toContain('周强');
    // Rated 优秀 at A3 and 称职 at G5: which the rater meant cannot be told, so neither counts.
    expect(f.find((x) => x.code === 'SUBJECT_REPEATED')!.message).toContain('两处评价不一致');
    expect(votes(r, '王毅')).toEqual([0, 0, 0, 0]);
    expect(votes(r, '赵敏')).toEqual([0, 1, 0, 0]);
    expect(votes(r, '孙立')).toEqual([0, 0, 0, 0]);
  });

  it('reads three blocks with 序号 columns, a blank column before the table and a two-row header', () => {
    // Row 1: 序号 and 姓名 merged over both header rows, 评议等次 merged over the four tier columns.
    const top: CellValue[] = [null];
    const second: CellValue[] = [null];
    const merges: MergeRange[] = [];
    for (let k = 0; k < 3; k++) {
      const c = 1 + k * 6;
      top.push('序号', '姓 名', '评议等次', null, null, null);
      second.push(null, null, ...LEVELS);
      merges.push({ r1: 1, c1: c, r2: 2, c2: c }, { r1: 1, c1: c + 1, r2: 2, c2: c + 1 }, { r1: 1, c1: c + 2, r2: 1, c2: c + 5 });
    }
    const row = (...blocks: [number, string, number][]): CellValue[] => {
      const cells: CellValue[] = [null];
      for (const [n, name, level] of blocks) cells.push(n, name, ...LEVELS.map((_, l) => (l === level ? '✓' : null)));
      return cells;
    };
    const r = run(
      sheet(
        [
          [null, GROUP],
          top,
          second,
          row([1, '王毅', 0], [3, '陈刚', 1], [5, '孙立', 2]),
          row([2, '李娜', 3], [4, '赵敏', 0], [6, '周强', 0]),
          [null, '注：每人只能打一个“√”。'],
        ],
        merges,
      ),
    );
    expect(readFindings(r)).toEqual([]);
    expect(NAMES.map((n) => votes(r, n).indexOf(1))).toEqual([0, 3, 1, 0, 2, 0]);
  });

  it('applies the recommendation limit to the whole ballot, across its blocks (P5 推荐表)', () => {
    const p5 = getPreset('p5-party-members');
    const form = p5.forms.find((f) => f.id === 'candidate-review')!;
    const items = form.itemLabels;
    const levels = p5.scales.find((s) => s.id === (form.response as { scale: string }).scale)!.levels.map((l) => l.label);
    const names = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七', '辛八'];
    const single = matrixSheet('推荐表', {
      fields: ['测评人类别：党员'],
      nameHeader: '候选人姓名',
      levels,
      items,
      recommendHeader: form.recommendation!.label,
      rows: names.map((name) => ({ name, marks: items.map(() => 0), recommend: '√' })),
    });
    const blocked = sideBySide(single, { headerRows: 2, firstDataRow: 3, blocks: 2, gap: 1 });
    const one = runCampaign({ scheme: p5, roster: names.map((name) => ({ name })), submissions: [submission('a.xlsx', single)], today: '2026-12-01' });
    const two = runCampaign({ scheme: p5, roster: names.map((name) => ({ name })), submissions: [submission('b.xlsx', blocked)], today: '2026-12-01' });
    expect(one.read.findings.map((f) => f.code)).toContain('TOO_MANY_RECOMMENDATIONS');
    expect(two.read.findings.map((f) => f.code)).toEqual(one.read.findings.map((f) => f.code));
    expect(two.read.ballots[0].recommendationsVoid).toBe(true);
    expect(two.tally).toEqual(one.tally);
  });

  it('does not count a sheet whose blocks have different headers, and says why', () => {
    // The second block has no 不称职 column: neither one block nor blocks side by side.
    const r = run(
      sheet([
        [GROUP],
        ['姓名', ...LEVELS, '姓名', '优秀', '称职', '基本称职'],
        ['王毅', V, null, null, null, '赵敏', null, V, null],
        ['李娜', null, V, null, null, '孙立', V, null, null],
      ]),
    );
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      [
        'BLOCKS_IRREGULAR',
        'F2',
        '表头在 F2 又有一栏姓名及等次列，像是左右分栏，但各栏的表头不一致（等次列不同），无法分栏读取，本表未计入；请使各栏表头一致，或改为一栏',
      ],
    ]);
    expect(r.read.ballots).toEqual([]);
    expect(r.read.uncounted.map((u) => u.reason)).toEqual(['unreadable']);
  });

  it('reads a name header with no tier columns after it (推荐人姓名) as part of one block', () => {
    const r = run(
      sheet([
        [GROUP],
        ['姓名', ...LEVELS, '推荐人姓名'],
        ['王毅', V, null, null, null, null],
        ['李娜', null, V, null, null, null],
        ['陈刚', V],
        ['赵敏', V],
        ['孙立', V],
        ['周强', V],
      ]),
    );
    expect(readFindings(r)).toEqual([]);
    expect(votes(r, '李娜')).toEqual([0, 1, 0, 0]);
  });
});

/**
 * The same sheet laid out in blocks: the data rows cut into `blocks` runs of equal length, placed side
 * by side, the header rows' table cells repeated over each block, `gap` blank columns between blocks.
 * Rows above the header stay as they are. Returns where each cell of the original went.
 */
function sideBySide(
  single: SheetGrid,
  o: { headerRows: number; firstDataRow: number; blocks: number; gap: number },
  moved?: Map<string, string>,
): SheetGrid {
  const width = Math.max(...single.rows.map((r) => r.length));
  const period = width + o.gap;
  const headerTop = o.firstDataRow - o.headerRows;
  const data = single.rows.slice(o.firstDataRow);
  const height = Math.ceil(data.length / o.blocks);
  const rows: CellValue[][] = single.rows.slice(0, headerTop).map((r) => [...r]);
  const merges: MergeRange[] = single.merges.filter((m) => m.r1 < headerTop).map((m) => ({ ...m }));
  for (let r = headerTop; r < o.firstDataRow; r++) {
    const row: CellValue[] = [];
    for (let k = 0; k < o.blocks; k++) for (let c = 0; c < period; c++) row.push(c < width ? single.rows[r][c] ?? null : null);
    rows.push(row);
  }
  for (const m of single.merges.filter((m) => m.r1 >= headerTop && m.r1 < o.firstDataRow))
    for (let k = 0; k < o.blocks; k++) merges.push({ r1: m.r1, c1: m.c1 + k * period, r2: m.r2, c2: m.c2 + k * period });
  for (let i = 0; i < height; i++) {
    const row: CellValue[] = [];
    for (let k = 0; k < o.blocks; k++) {
      const source = data[k * height + i] ?? [];
      for (let c = 0; c < period; c++) {
        row.push(c < width ? source[c] ?? null : null);
        moved?.set(`${o.firstDataRow + k * height + i},${c}`, `${o.firstDataRow + i},${c + k * period}`);
      }
    }
    rows.push(row);
  }
  return { name: single.name, rows, merges };
}

describe('blocks side by side, on random ballots', () => {
  const markArb = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: -1, max: 3 }) },
    { weight: 1, arbitrary: fc.constant([0, 2] as number[]) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>('V', '1', { error: '#N/A' }) },
  );
  const caseArb = fc.record({
    names: fc.shuffledSubarray([...NAMES, '张三', '王毅'], { minLength: 2 }),
    marks: fc.array(markArb, { minLength: 8, maxLength: 8 }),
    blocks: fc.integer({ min: 2, max: 4 }),
    gap: fc.integer({ min: 0, max: 2 }),
  });

  it('read the same as the table in one block, with every finding at the cell its content moved to', () => {
    fc.assert(
      fc.property(caseArb, ({ names, marks, blocks, gap }) => {
        // Equal runs of rows per block: the single table is padded with blank rows to a multiple of `blocks`.
        const rows = names.map((name, i) => ({ name, marks: [marks[i]] }));
        const single = matrixSheet('表', { fields: [GROUP], levels: LEVELS, rows });
        while ((single.rows.length - 2) % blocks !== 0) single.rows.push([]);
        const moved = new Map<string, string>();
        const blocked = sideBySide(single, { headerRows: 1, firstDataRow: 2, blocks, gap }, moved);
        const one = run(single);
        const two = run(blocked);
        expect(two.tally).toEqual(one.tally);
        expect(two.subjects.map((s) => s.tier)).toEqual(one.subjects.map((s) => s.tier));
        expect(two.read.findings.map((f) => f.code)).toEqual(one.read.findings.map((f) => f.code));
        one.read.findings.forEach((f, i) => {
          const at = parseAddress(f.cell!)!;
          const expected = moved.get(`${at.row},${at.col}`);
          // Header findings stay where they were; data findings follow their cell.
          if (expected === undefined) expect(two.read.findings[i].cell).toBe(f.cell);
          else expect(parseAddress(two.read.findings[i].cell!)).toEqual(parseAddress(addressOf(expected)));
        });
      }),
      { numRuns: 150 },
    );
  });
});

function addressOf(rowCol: string): string {
  const [row, col] = rowCol.split(',').map(Number);
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

describe('score sheets in blocks side by side (p4 测评得分)', () => {
  const p4 = presetScoringPresentGroups('p4-middle-managers');
  const names = [{ name: '王毅' }, { name: '李娜' }, { name: '陈刚' }, { name: '赵敏' }];
  const scoreOf = (r: ReturnType<typeof run>, name: string) => {
    const s = r.subjects.find((x) => x.name === name)!.score!;
    return Number(s.num) / Number(s.den);
  };

  /** 序号 姓名 测评得分 twice across; 陈刚's score given. */
  const twoBlocks = (chenGang: number) =>
    run(
      sheet([
        ['测评人类别：员工'],
        ['序号', '姓名', '测评得分', '序号', '姓名', '测评得分'],
        [1, '王毅', 90, 3, '陈刚', chenGang],
        [2, '李娜', 80, 4, '赵敏', 60],
      ]),
      p4,
      names,
    );

  it('reads both blocks, left block first', () => {
    const r = twoBlocks(70);
    expect(readFindings(r)).toEqual([]);
    expect(names.map((n) => scoreOf(r, n.name))).toEqual([90, 80, 70, 60]);
  });

  it('names the right block\'s cells as the sheet has them', () => {
    expect(readFindings(twoBlocks(170))).toEqual(['SCORE_OUT_OF_RANGE F3']);
  });
});
