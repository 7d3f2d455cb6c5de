import { Scheme } from '../scheme/scheme-schema';
import { DEFAULT_COUNTING, PASS_FAIL } from './scales';

const SEED = '《霍尔奇社区“勤廉双述双评”活动工作方案》三、5';

/**
 * P3 社区“两委”干部勤廉双述双评 (seed 002 第五篇): 合格/不合格 with escalation by consecutive
 * 不合格 — once 警示谈话, twice 诫勉谈话 and pay at 80%, three times 免职/罢免. Needs last years'
 * results (history). The seed gives no vote threshold for 不合格: the default is stated.
 */
export const P3_COMMUNITY_CONSECUTIVE: Scheme = {
  schemaVersion: 1,
  id: 'p3-community-consecutive',
  name: '社区“两委”干部勤廉双述双评（连续不合格递进处理）',
  // The title of every sheet published (公示表, 排名表, 整改清单): the seed's own name for the campaign (第五篇).
  process: '社区“两委”干部勤廉双述双评',
  description:
    '与会的包村（社区）干部、党员、居民代表无记名投票评议“两委”干部（《霍尔奇社区“勤廉双述双评”活动工作方案》二、(三)）。' +
    '种子未规定不合格的票数标准：本预设默认“不合格”票超过 50% 定为不合格，否则合格（可修改）。' +
    '一次被评为不合格：警示谈话；连续两次：诫勉谈话，工资按原工资的 80% 发放；连续三次：免职或建议罢免（三、5）。' +
    '连续次数需输入往年结果。问题记入问题整改台帐，限期解决销号（三、3）；种子未规定整改期限：警示谈话、诫勉谈话、免职或罢免（台帐中的问题）的整改期限为本预设默认 30 天（可修改）。',
  seed: SEED,
  subjectKind: 'person',
  scales: [PASS_FAIL],
  tiers: ['合格', '不合格'],
  raterGroups: [{ id: 'participants', name: '与会人员', aliases: ['党员', '居民代表', '包村干部'], weight: 1 }],
  rounds: [{ id: 'main', name: '勤廉双述双评会议' }],
  forms: [
    {
      id: 'community-appraisal',
      title: '社区“两委”干部勤廉双述双评评议票',
      aliases: ['评议票', '测评表'],
      subjects: 'rows',
      items: 'column-groups',
      itemLabels: ['评议意见'],
      response: { kind: 'tier', scale: 'pass-fail' },
      subjectLabels: ['姓名', '被评议人'],
      commentLabels: ['意见或建议'],
    },
  ],
  scoring: { method: 'none', items: 'mean', places: 2 },
  classification: {
    rules: [{ tier: '不合格', when: [{ kind: 'share', levels: ['不合格'], op: '>', value: 50 }], cite: `${SEED}；“超过50%”为本预设默认标准` }],
    otherwise: { kind: 'tier', tier: '合格' },
  },
  ranking: { by: 'share', share: { levels: ['合格'] } },
  vetoes: [],
  quotas: [],
  designations: [],
  consequences: [
    { tiers: ['不合格'], consecutive: 1, action: '警示谈话', rectifyWithinDays: 30, cite: `${SEED}：一次被评为不合格的，予以警示谈话；整改期限为本预设默认 30 天` },
    { tiers: ['不合格'], consecutive: 2, action: '由街道予以诫勉谈话，工资按原工资的80%发放', rectifyWithinDays: 30, cite: `${SEED}：连续两次被评为不合格的；整改期限为本预设默认 30 天` },
    // 免职 too is a 台帐 item: 三、3 enters every question raised in the 评议 into the 问题整改台帐, to be settled by a date.
    {
      tiers: ['不合格'],
      consecutive: 3,
      action: '按有关组织程序予以免职或建议社区居民大会按程序予以罢免；评议中提出的问题记入问题整改台帐，限期解决销号',
      rectifyWithinDays: 30,
      cite: `${SEED}：连续三次被定为不合格的；三、3 问题整改台帐；整改期限为本预设默认 30 天`,
    },
  ],
  counting: DEFAULT_COUNTING,
};
