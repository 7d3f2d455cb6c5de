import { Scheme } from '../scheme/scheme-schema';
import { DEFAULT_COUNTING, GOOD_FOUR_POINTS } from './scales';

const SEED2 = '《述职评议考核工作方案》篇二 五、(三)3(3) 现场述职专项评分表';
const SEED3 = '《述职评议考核工作方案》篇三 三、(四) 评定考核结果';

/**
 * P4 书记抓基层党建述职评议考核: the three 专项评分表 of 篇二 rated on a/b/c ballots with 好 90,
 * 较好 80, 一般 70, 差 60, the three specials' totals added and divided by 3; the 篇三 veto
 * (一般+差 票超过10%, 重大失误, 被问责 → 差) and the minimum share of 较好 or lower.
 */
export const P4_SECRETARY_APPRAISAL: Scheme = {
  schemaVersion: 1,
  id: 'p4-secretary-appraisal',
  name: '党组织书记抓基层党建述职评议考核',
  process: '书记抓基层党建述职评议',
  description:
    '三个专项（抓基层党建工作责任、落实党风廉政建设主体责任、落实意识形态责任制）分a、b、c三类票测评，' +
    '好90分、较好80分、一般70分、差60分，三个专项分别计算后相加除以3得出最后得分（《述职评议考核工作方案》篇二）。' +
    '种子未给a、b、c票的权重：本预设默认相等；未给由得分定等次的分数线：本预设默认好≥85、较好≥75、一般≥65、其余为差（可修改）。' +
    '现场测评“一般”“差”票超过10%、出现重大失误或被问责追责的，综合评价定为“差”（篇三）。' +
    '评价为“较好”或以下等次的应占一定比例：种子未给比例，本预设默认不少于10%，不足时提示。' +
    '未达到“好”的年度考核不得评为优秀；“一般”“差”约谈提醒、限期整改。',
  seed: `${SEED2}；${SEED3}`,
  subjectKind: 'person',
  scales: [GOOD_FOUR_POINTS],
  tiers: ['好', '较好', '一般', '差'],
  // Who fills each kind, printed in the templates' header (a票（场领导班子成员填写）): 篇二 五、(三)3(3) "分a、b、c三类，
  // a票由场领导班子成员填写，b票由党委委员、纪委委员填写，c票由与会的支部书记、党员代表填写".
  raterGroups: [
    { id: 'a', name: 'a票', aliases: ['场领导班子成员', 'A票'], weight: 1, filledBy: '场领导班子成员' },
    { id: 'b', name: 'b票', aliases: ['党委委员、纪委委员', 'B票'], weight: 1, filledBy: '党委委员、纪委委员' },
    { id: 'c', name: 'c票', aliases: ['支部书记、党员代表', 'C票'], weight: 1, filledBy: '与会的支部书记、党员代表' },
  ],
  rounds: [{ id: 'main', name: '现场述职' }],
  // One form. 篇二 五、(三)3(2) hands out a second, 《…落实主体责任情况民主评议测评表》, but it is the 第一阶段's
  // 民主测评 of the 场党委书记 (3、第一阶段议程(2)), not the 支部书记 this preset rates (第二阶段(3) 现场测评 on the
  // 专项评分表); and the seed gives it no items, levels or layout, nor says how its result would join the 专项
  // score. Offering it would be guessed. 篇三's 《党组织书记抓基层党建工作情况述职评议表》(附件1) is this form's alias.
  forms: [
    {
      id: 'special-scores',
      title: '现场述职专项评分表',
      aliases: ['专项评分表', '述职评议表'],
      subjects: 'rows',
      items: 'column-groups',
      itemLabels: ['抓基层党建工作责任', '落实党风廉政建设主体责任', '落实意识形态责任制'],
      response: { kind: 'tier', scale: 'good-four' },
      subjectLabels: ['姓名', '述职人', '党组织书记'],
      commentLabels: ['意见建议', '意见或建议'],
    },
  ],
  scoring: { method: 'points', items: 'mean', places: 2 },
  classification: {
    rules: [
      { tier: '好', when: [{ kind: 'score', op: '>=', value: 85 }], cite: `${SEED2}；分数线为本预设默认` },
      { tier: '较好', when: [{ kind: 'score', op: '>=', value: 75 }], cite: `${SEED2}；分数线为本预设默认` },
      { tier: '一般', when: [{ kind: 'score', op: '>=', value: 65 }], cite: `${SEED2}；分数线为本预设默认` },
    ],
    otherwise: { kind: 'tier', tier: '差' },
  },
  ranking: { by: 'score' },
  vetoes: [
    {
      id: 'poor-votes',
      name: '现场测评“一般”“差”票超过10%',
      when: [{ kind: 'share', levels: ['一般', '差'], op: '>', value: 10 }],
      effect: { kind: 'force', tier: '差' },
      cite: SEED3,
    },
    {
      id: 'major-failure',
      name: '年度基层党建工作出现重大失误或抓基层党建不力被问责追责',
      when: [
        { kind: 'roster-flag', field: '重大失误' },
        { kind: 'roster-flag', field: '被问责' },
      ],
      match: 'any',
      effect: { kind: 'force', tier: '差' },
      cite: SEED3,
    },
  ],
  quotas: [{ tiers: ['较好', '一般', '差'], kind: 'min', share: 10, rounding: 'ceil', cite: `${SEED3}：评价为“较好”或以下等次的应占一定比例；10%为本预设默认` }],
  designations: [],
  consequences: [
    { tiers: ['较好', '一般', '差'], action: '年度考核结果不得评定为“优秀”等次', rectifyWithinDays: null, cite: '《述职评议考核工作方案》篇三 三、(五)' },
    { tiers: ['一般', '差'], action: '约谈提醒、限期整改', rectifyWithinDays: 30, cite: '《述职评议考核工作方案》篇三 三、(五)；整改期限为本预设默认 30 天' },
  ],
  counting: DEFAULT_COUNTING,
};
