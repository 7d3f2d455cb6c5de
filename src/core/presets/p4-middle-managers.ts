import { Scheme } from '../scheme/scheme-schema';
import { DEFAULT_COUNTING } from './scales';

const SEED = '《述职评议考核工作方案》篇六 四、考核计算方法；五、考核评价';

/**
 * P4 篇六, a bank branch's 中层干部述职考核: 集中述职测评得分 = 干部打分×50% + 员工打分×50%;
 * 优秀 ≥85, 称职 ≥75, 基本称职 ≥65 (all 含), 不称职 below 65; an 经济/刑事案件或责任事故 in the
 * person's line bars every tier above 不称职; about 10% of posts adjusted each year (bottom of the ranking).
 * Ranked as one list: 二、's two 考核类别 (单位负责人、副职) set the 述职 order (三、(三)), while the tiers (五) are the
 * same for both and the 10% is of 现有中层干部 (the opening); the seed says no 分别排名. `ranking.per: 'category'` is
 * the clerk's switch where the bank ranks each 考核类别 apart.
 */
export const P4_MIDDLE_MANAGERS: Scheme = {
  schemaVersion: 1,
  id: 'p4-middle-managers',
  // The weights are not in the name: a clerk who edits them would keep a name (and file names) that says 50%/50%.
  name: '中层干部述职考核（干部、员工加权）',
  process: '中层干部述职考核',
  description:
    '集中述职测评得分＝干部打分×50%＋员工打分×50%（《述职评议考核工作方案》篇六 四）；85分以上（含85分）为优秀，' +
    '75分以上（含）为称职，65分以上（含）为基本称职，65分以下为不称职；分管战线发生经济、刑事案件或责任事故的，' +
    '不能评为优秀、称职、基本称职（五）。每年按10%的比例动态调整（排名末位）。不称职的，由支行党委合议决定缓聘、解聘或调整岗位（三、(六)），' +
    '是党委的任用决定，不列入整改清单。' +
    '考核类别分单位负责人（正职）、副职（二）；述职顺序先正职后副职，分别按姓氏笔划（三、(三)）。' +
    '篇六的等次标准两类相同，10%的动态调整是对“现有中层干部”而言，未规定按类别分别排名，故本预设全行中层干部一并排名、一并按10%确定；' +
    '如按考核类别分别排名、各类别分别按10%确定，可在方案步骤中打开“按类别（职务类别）分别排名”。打分范围默认 0～100 分。',
  seed: SEED,
  subjectKind: 'person',
  scales: [],
  tiers: ['优秀', '称职', '基本称职', '不称职'],
  raterGroups: [
    { id: 'cadre', name: '干部', aliases: ['中层干部', '干部打分'], weight: 50 },
    { id: 'staff', name: '员工', aliases: ['员工代表', '员工打分', '部分员工'], weight: 50 },
  ],
  rounds: [{ id: 'main', name: '集中述职' }],
  forms: [
    {
      id: 'post-appraisal',
      title: '干部岗位测评表',
      aliases: ['民主测评表'],
      subjects: 'rows',
      items: 'column-groups',
      itemLabels: ['测评得分'],
      response: { kind: 'score', min: 0, max: 100 },
      subjectLabels: ['姓名', '被测评人', '述职人'],
    },
  ],
  scoring: { method: 'score', items: 'mean', places: 2 },
  classification: {
    rules: [
      { tier: '优秀', when: [{ kind: 'score', op: '>=', value: 85 }], cite: `${SEED}（一）85分以上（含85分）` },
      { tier: '称职', when: [{ kind: 'score', op: '>=', value: 75 }], cite: `${SEED}（二）75分以上（含75分）` },
      { tier: '基本称职', when: [{ kind: 'score', op: '>=', value: 65 }], cite: `${SEED}（三）65分以上（含65分）` },
    ],
    otherwise: { kind: 'tier', tier: '不称职' },
  },
  ranking: { by: 'score' },
  vetoes: [
    {
      id: 'incident',
      name: '分管战线发生经济、刑事案件或责任事故',
      when: [
        { kind: 'roster-flag', field: '案件或事故' },
        { kind: 'roster-flag', field: '事故' },
      ],
      match: 'any',
      effect: { kind: 'force', tier: '不称职' },
      cite: `${SEED}（一）至（四）`,
    },
  ],
  quotas: [],
  designations: [{ name: '动态调整', share: 10, kind: 'about', cite: '《述职评议考核工作方案》篇六：每年按10%的比例建立动态调整机制' }],
  // No 整改清单 row: 篇六 三、(六) "由支行党委……集体讨论决定拟聘人员的升聘、缓聘、解聘及岗位去向" is the 党委's
  // decision on the post, not a rectification the person makes by a date, and 篇六 sets no 整改 at all (五 only
  // grades). The consequence is said with the tier in the reasons and on the 排名表.
  consequences: [
    { tiers: ['不称职'], action: '由支行党委合议决定缓聘、解聘或调整岗位', rectifyWithinDays: null, cite: '《述职评议考核工作方案》篇六 三、(六) 党委合议决定拟聘人选及岗位；用于「不称职」为本预设的理解' },
  ],
  counting: DEFAULT_COUNTING,
};
