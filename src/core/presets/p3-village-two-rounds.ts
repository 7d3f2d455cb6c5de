import { Scheme } from '../scheme/scheme-schema';
import { COMPETENCE, DEFAULT_COUNTING } from './scales';

const SEED = '《镇开展“双述双评”工作实施方案》五、3 镇党委审核';

/**
 * P3 村党组织书记双述双评, two rounds (村述村评, 村述镇评) combined by the 镇党委 (seed 002 第四篇).
 * 优秀/称职 need the share in each round; 基本称职/不称职 add the two rounds' votes together.
 * The seed lists the four tiers from best to worst (五、3 "一般定为“优秀”、“称职”、“基本称职”和“不称职”四个等次")
 * without saying whether a “称职”票 includes the “优秀”票: read as an ordered scale (the product owner's decision),
 * “称职”票 count 称职及以上 and “基本称职”票 基本称职及以上, so more 优秀 votes never lose 称职; “不称职”票 are
 * 不称职 votes alone. Counted so, with 弃权 out of the denominator, 基本称职及以上 or 不称职 reaches 50% once both
 * rounds have votes; where no rule matches (弃权 counted in) or two on different votes do (exactly 50% each),
 * the seed leaves it to the 镇党委: undecided and flagged.
 */
export const P3_VILLAGE_TWO_ROUNDS: Scheme = {
  schemaVersion: 1,
  id: 'p3-village-two-rounds',
  name: '村党组织书记“双述双评”（村评、镇评两轮）',
  // The title of every sheet published: the campaign as the seed's 县委组织部 notice names it (第四篇).
  process: '村党组织书记“双述双评”',
  description:
    '村述村评、村述镇评两轮测评（《镇开展“双述双评”工作实施方案》五、1-3）：两次测评“优秀”票均达到 70% 以上定为优秀；' +
    '两次测评“称职”票均达到 60% 以上定为称职；两次“基本称职”票相加后得票率达到 50% 以上定为基本称职；' +
    '两次“不称职”票相加后得票率达到 50% 以上定为不称职。种子未说明“称职”票是否包含“优秀”票：种子把四个等次由高到低排列，' +
    '本预设据此把“称职”票计为称职及以上（含“优秀”票），“基本称职”票计为基本称职及以上（含“优秀”“称职”票），“不称职”票只计“不称职”票，' +
    '票更好不会使等次变低（可修改）。' +
    '都不符合时种子未规定，由镇党委研定：工具标为“待定”，不猜测。不称职：诫勉谈话，责令限期改正。',
  seed: SEED,
  subjectKind: 'person',
  scales: [COMPETENCE],
  tiers: ['优秀', '称职', '基本称职', '不称职'],
  raterGroups: [{ id: 'participants', name: '参会人员', aliases: ['党员', '村民代表', '镇领导班子成员'], weight: 1 }],
  rounds: [
    { id: 'village', name: '村评', aliases: ['村述村评', '村级测评'] },
    { id: 'town', name: '镇评', aliases: ['村述镇评', '镇级测评'] },
  ],
  forms: [
    {
      id: 'secretary-appraisal',
      title: '村党组织书记“双述双评”测评表',
      aliases: ['勤廉测评表', '民主测评表'],
      subjects: 'rows',
      items: 'column-groups',
      itemLabels: ['综合评价'],
      response: { kind: 'tier', scale: 'competence' },
      subjectLabels: ['姓名', '被评议人', '村党组织书记'],
      commentLabels: ['意见或建议'],
      // One 综合评价 item; what raters weigh is said, not made items (seed 002 第四篇 四、2 "围绕村党组织书记的德、能、勤、绩、廉等五个方面对其进行评议").
      instructions: ['“综合评价”请围绕村党组织书记的德、能、勤、绩、廉五个方面（号召力、驾驭工作全局、为群众办实事办好事、发展经济的思路和措施、工作实绩、民主管理、群众满意等）作出评价。'],
      // 村述村评 is held in each village, its people rating their own secretary (五、1 「在村里召开述评会…参会人员
      // 对村党组织书记进行评议」); 村述镇评 rates all: a 村评 form per village, one 镇评 form.
      perUnit: { label: '所在村', rounds: ['village'] },
    },
  ],
  scoring: { method: 'none', items: 'mean', places: 2 },
  classification: {
    rules: [
      { tier: '优秀', when: [{ kind: 'share', levels: ['优秀'], op: '>=', value: 70, rounds: 'each' }], cite: `${SEED}：两次测评“优秀”票达到70%以上` },
      // 称职及以上 and 基本称职及以上: the four tiers read as an ordered scale (see above); the cite says so in every reason.
      { tier: '称职', when: [{ kind: 'share', levels: ['称职'], orBetter: true, op: '>=', value: 60, rounds: 'each' }], cite: `${SEED}：两次测评“称职”票均达到60%以上；“称职”票含“优秀”票为本预设的理解` },
      { tier: '基本称职', when: [{ kind: 'share', levels: ['基本称职'], orBetter: true, op: '>=', value: 50, rounds: 'pooled' }], cite: `${SEED}：两次测评“基本称职”票数相加后得票率达到50%以上；“基本称职”票含“优秀”“称职”票为本预设的理解` },
      { tier: '不称职', when: [{ kind: 'share', levels: ['不称职'], op: '>=', value: 50, rounds: 'pooled' }], cite: `${SEED}：两次测评“不称职”票数相加后得票率达到50%以上` },
    ],
    otherwise: { kind: 'flag' },
  },
  ranking: { by: 'share', share: { levels: ['优秀'], rounds: 'pooled' } },
  vetoes: [],
  quotas: [],
  designations: [],
  consequences: [
    { tiers: ['不称职'], action: '诫勉谈话，责令限期改正', rectifyWithinDays: 30, cite: '《镇开展“双述双评”工作实施方案》五、4 公开述评结果；整改期限为本预设默认 30 天' },
  ],
  counting: DEFAULT_COUNTING,
};
