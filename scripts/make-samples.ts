/**
 * Writes samples/*.json: a small campaign with the mistakes clerks really meet (a score out of range,
 * a score typed in words, a name in traditional characters, the same file sent twice, a ballot with no
 * 测评人类别). Deterministic, so the bundled data can be regenerated: `npx tsx scripts/make-samples.ts`.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { CellValue, Submission } from '../src/core/forms/grid';

let seed = 20261121;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const roster = [
  { name: '王建国', unit: '营业部', category: '正职' },
  { name: '李秀英', unit: '公司业务部', category: '正职' },
  { name: '张伟', unit: '个人金融部', category: '副职', flags: { 事故: '分管网点发生责任事故' } },
  { name: '刘洋', unit: '财务运营部', category: '副职' },
  { name: '陈刚', unit: '综合部', category: '正职' },
  { name: '杨丽', unit: '东湖支行', category: '副职' },
  { name: '赵敏', unit: '西城支行', category: '正职' },
  { name: '黄磊', unit: '南湖支行', category: '副职' },
  { name: '周晓燕', unit: '风险管理部', category: '副职' },
  { name: '吴涛', unit: '科技部', category: '正职' },
];
const ability = [88, 84, 82, 79, 76, 73, 70, 67, 64, 90];

function ballot(group: string, i: number): CellValue[][] {
  const rows: CellValue[][] = [['武昌支行干部岗位测评表'], [`测评人类别：${group}`], ['姓名', '单位', '测评得分']];
  roster.forEach((p, k) => rows.push([p.name, p.unit, Math.max(50, Math.min(100, Math.round(ability[k] + (random() - 0.5) * 12)))]));
  rows.push(['注：请按0～100分打分，“背靠背”填写。']);
  void i;
  return rows;
}

const submissions: Submission[] = [];
for (let i = 1; i <= 6; i++) submissions.push({ file: `干部-${i}.xlsx`, sheets: [{ name: '测评表', rows: ballot('干部', i), merges: [{ r1: 0, c1: 0, r2: 0, c2: 2 }] }] });
for (let i = 1; i <= 12; i++) submissions.push({ file: `员工-${String(i).padStart(2, '0')}.xlsx`, sheets: [{ name: '测评表', rows: ballot('员工', i), merges: [{ r1: 0, c1: 0, r2: 0, c2: 2 }] }] });

// Typical mistakes.
submissions[1].sheets[0].rows[5][2] = 105; // out of range
submissions[7].sheets[0].rows[4][2] = '八十五'; // not a number
submissions[8].sheets[0].rows[7][0] = '陳剛'; // traditional characters
submissions.push({ file: '员工-03（重发）.xlsx', sheets: structuredClone(submissions[8].sheets) }); // sent twice
submissions.push({ file: '未填类别.xlsx', sheets: [{ name: '测评表', rows: ballot('', 0).map((r, i) => (i === 1 ? ['测评人类别：'] : r)), merges: [] }] });

const campaign = { scheme: 'p4-middle-managers', today: '2026-12-10', roster, submissions };
writeFileSync(join(__dirname, '../samples/p4-middle-managers.json'), JSON.stringify(campaign, null, 1) + '\n');
console.log(`samples/p4-middle-managers.json: ${submissions.length} 份提交`);
