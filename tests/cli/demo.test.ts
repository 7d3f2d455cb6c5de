/**
 * The README's main command: the demo writes sample submissions with typical mistakes, runs
 * `pingyi score` on them and writes a result workbook. Read it back with SheetJS (not the writer)
 * and check its sheets against figures computed here from the sample data by plain arithmetic.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as XLSX from '@e965/xlsx';
import { runDemo } from '../../src/cli/demo';
import { DemoSample, expectedDemoScores } from '../helpers/demo-sample';

const SAMPLE = join(__dirname, '../../samples/p4-middle-managers.json');

describe('npm run demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingyi-demo-'));
  let out = '';
  let code = -1;
  let book: XLSX.WorkBook;
  const rows = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name], { header: 1, defval: null });

  beforeAll(async () => {
    code = await runDemo(SAMPLE, dir, { stdout: (t) => (out += t), stderr: () => undefined, stdin: () => '', isTTY: false });
    book = XLSX.read(readFileSync(join(dir, '结果.xlsx')), { type: 'buffer' });
  });

  it('exits 1 (the sample has error-level findings) and prints a Chinese summary', () => {
    expect(code).toBe(1);
    expect(out).toContain('名次');
    expect(out).toContain('校验结果：错误');
  });

  it('writes the five result sheets', () => {
    expect(book.SheetNames.filter((n) => !n.startsWith('_'))).toEqual(['排名表', '公示表', '整改清单', '统计表', '得分情况', '校验结果']);
  });

  it('排名表 scores equal 干部平均×50% + 员工平均×50%, computed here from the sample', () => {
    const expected = expectedDemoScores(JSON.parse(readFileSync(SAMPLE, 'utf8')) as DemoSample);
    const table = rows('排名表');
    const header = table.findIndex((r) => r.includes('姓名'));
    const nameCol = table[header].indexOf('姓名');
    const scoreCol = table[header].findIndex((h) => typeof h === 'string' && h.includes('得分'));
    let checked = 0;
    for (const r of table.slice(header + 1)) {
      const want = expected.get(r[nameCol] as string);
      if (want === undefined) continue;
      expect(Number(r[scoreCol])).toBeCloseTo(want, 6);
      checked++;
    }
    expect(checked).toBe(10);
  });

  it('公示表 lists the names 按姓氏笔画 (checked by hand: 王4 刘6 李 杨 吴 张 陈 (7) 周8 赵9 黄11)', () => {
    const names = rows('公示表').flat().filter((v): v is string => typeof v === 'string' && /^[\u4e00-\u9fff]{2,3}$/.test(v));
    const listed = ['王建国', '刘洋', '李秀英', '杨丽', '吴涛', '张伟', '陈刚', '周晓燕', '赵敏', '黄磊'];
    expect(names.filter((n) => listed.includes(n))).toEqual(listed);
  });

  it('the two 不称职 (the incident veto and the lowest score) go to the 党委 (排名表 理由), not to the 整改清单 (seed 003 篇六 三、(六))', () => {
    const text = rows('整改清单').flat().join('|');
    expect(text).toContain('本次评议没有需要整改的事项。');
    expect(text).not.toContain('张伟');
    const ranking = rows('排名表');
    for (const name of ['张伟', '周晓燕']) expect(ranking.find((r) => r.includes(name))!.join('|')).toContain('结果运用：由支行党委合议决定缓聘、解聘或调整岗位');
    expect(ranking.find((r) => r.includes('王建国'))!.join('|')).not.toContain('结果运用');
  });

  it('统计表 and 校验结果 show participation and every kind of mistake', () => {
    const stats = rows('统计表');
    const cadre = stats.find((r) => r.includes('干部'))!;
    expect(cadre).toContain(6);
    const findings = rows('校验结果').flat().join('|');
    for (const code of ['DUPLICATE_FILE', 'FILE_NOT_WORKBOOK', 'SCORE_OUT_OF_RANGE', 'SCORE_NOT_NUMBER', 'GROUP_UNKNOWN', 'NAME_NORMALISED']) expect(findings).toContain(code);
  });
});
