import { Scheme } from '../scheme/scheme-schema';
import { COMPETENCE, DEFAULT_COUNTING } from './scales';

// The seed's own title (seed 000, its heading).
const SEED = '《市直机关工委关于在市直机关实行“双诺双述双评”制度实施方案》';

/**
 * P1 双诺双述双评 述诺测评 (seed 000, 二(五)三是述诺测评; 二(六)结果运用; 一票否决).
 * The seed has the two rater groups rate separately but says neither how they combine nor what
 * share makes a tier: both are defaults here, stated in the description and editable.
 */
export const P1_DOUBLE_PLEDGE: Scheme = {
  schemaVersion: 1,
  id: 'p1-double-pledge',
  name: '党员“双诺双述双评”述诺测评',
  process: '双诺双述双评',
  description:
    `述诺测评分优秀、称职、基本称职、不称职四个等次，由服务对象代表和党组织负责人分别测评（${SEED}二(五)）。` +
    '种子未规定两类评议人如何合并、各等次需多少得票率：本预设默认两类评议人的得票率各按 50% 加权，' +
    '“某等次及以上”加权得票率达到 50%（含）即定为该等次，否则为不称职；均可修改。' +
    '不称职：及时教育，责令限期整改；“百优服务标兵”申报人须为优秀（二(六)），优秀者注明满足这一测评条件（名册记有违法违纪被查处或投诉查实的不注明）。' +
    '一票否决（违法违纪被查处、群众投诉经查证属实）针对单位本项工作分值，在结果中注明。',
  seed: SEED,
  subjectKind: 'person',
  scales: [COMPETENCE],
  tiers: ['优秀', '称职', '基本称职', '不称职'],
  raterGroups: [
    { id: 'service', name: '服务对象代表', aliases: ['服务对象'], weight: 50 },
    { id: 'leader', name: '党组织负责人', weight: 50 },
  ],
  rounds: [{ id: 'main', name: '述诺测评' }],
  forms: [
    {
      id: 'pledge-appraisal',
      // The ballot of the 述诺测评 (二(五)三是 "述诺大会进行后随即对党员践诺情况进行测评……由参加会议的服务对象代表和党组织
      // 负责人分别进行测评"); the 党员践诺情况考评表（附件5） is where the 测评结果 are then recorded, not this form.
      // Its former title is kept as an alias: returned copies are recognised by their labels either way.
      title: '党员述诺测评表',
      aliases: ['述诺测评表', '党员践诺情况考评表'],
      subjects: 'rows',
      items: 'column-groups',
      itemLabels: ['践诺情况'],
      response: { kind: 'tier', scale: 'competence' },
      subjectLabels: ['姓名', '党员姓名', '被测评人'],
      commentLabels: ['意见或建议'],
      // 述诺大会 are held 以支部为单位 and the 测评 follows at once by those attending (二(五)二是、三是): each
      // 支部's meeting rates its own members, so a form per 支部.
      perUnit: { label: '所在支部' },
    },
  ],
  // The forms members fill before the 述诺测评 (二(三)–(五)); the seed names their fields but gives no layout.
  paperwork: [
    {
      kind: 'pledge',
      title: '认岗承诺书',
      annex: '附件2',
      commonPosts: ['政治严明先锋岗', '推动发展先锋岗', '创新有为先锋岗', '服务群众先锋岗'],
      cite: `${SEED} 二(一) 四个共性目标岗位；二(三) 制定履行岗位的具体措施、预期目标、完成时限，认真填写认岗承诺书（附件2）`,
    },
    {
      kind: 'progress',
      title: '党员践诺进度表',
      annex: '附件3',
      periods: ['第一季度', '第二季度', '第三季度', '第四季度'],
      cite: `${SEED} 二(四) 所在支部要每季度了解一次党员践诺进展情况、填写党员践诺进度表（附件3）`,
    },
    {
      kind: 'review',
      title: '年终述诺表',
      annex: '附件4',
      cite: `${SEED} 二(五) 一是述前准备：撰写“述诺践诺”总结、填写年终述诺表（附件4），并报分管领导审阅同意`,
    },
  ],
  scoring: { method: 'none', items: 'mean', places: 2 },
  classification: {
    rules: [
      { tier: '优秀', when: [{ kind: 'share', levels: ['优秀'], op: '>=', value: 50, groups: 'weighted' }], cite: `${SEED}；合并方式与比例为本预设默认` },
      { tier: '称职', when: [{ kind: 'share', levels: ['称职'], orBetter: true, op: '>=', value: 50, groups: 'weighted' }], cite: `${SEED}；合并方式与比例为本预设默认` },
      { tier: '基本称职', when: [{ kind: 'share', levels: ['基本称职'], orBetter: true, op: '>=', value: 50, groups: 'weighted' }], cite: `${SEED}；合并方式与比例为本预设默认` },
    ],
    otherwise: { kind: 'tier', tier: '不称职' },
  },
  ranking: { by: 'share', share: { levels: ['优秀'], groups: 'weighted' } },
  vetoes: [
    {
      id: 'pioneer-violation',
      name: '先锋岗党员违法违纪被查处或被群众投诉查实',
      when: [
        { kind: 'roster-flag', field: '违法违纪' },
        { kind: 'roster-flag', field: '投诉查实' },
      ],
      match: 'any',
      // The veto falls on the unit's score, not on the member's tier: the member's row is not flagged 一票否决.
      effect: { kind: 'note', text: '所在单位“双诺双述双评”工作一票否决，扣除本项工作全部分值', flag: '单位工作否决' },
      cite: `${SEED}，一票否决第1、2项`,
    },
  ],
  quotas: [],
  designations: [],
  consequences: [
    { tiers: ['不称职'], action: '及时加强教育，责令限期整改', rectifyWithinDays: 30, cite: `${SEED} 二(六)二是；整改期限为本预设默认 30 天` },
    // A condition the applicant must meet (必须为优秀), not leave to apply: not written for a member a veto names.
    { tiers: ['优秀'], action: '满足“百优服务标兵”申报的测评条件（申报人测评结果须为优秀）', rectifyWithinDays: null, unlessVetoed: true, cite: `${SEED} 二(六)一是` },
  ],
  counting: DEFAULT_COUNTING,
};
