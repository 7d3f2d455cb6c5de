import { Scheme } from '../scheme/scheme-schema';
import { DEFAULT_COUNTING, SATISFACTION } from './scales';

const SEED = '《民主评议党员实施方案》';

/**
 * P5 民主评议党员 (seed 004), the most fully specified forms: 附表1 群众评议表 of the branch (one
 * sheet per 党小组, items in rows), 附表2 优秀党员民主评议推荐表 (candidates in rows, four item groups,
 * 是否推荐 with at most 5 per ballot), 附表3 窗口服务岗位群众满意度测评表 (four item rows per window
 * person, blank rows not counted). 优秀党员 needs (满意+比较满意) ≥ 90% (含) on 附表2 and, for window
 * posts, on 附表3; a verified 党风廉政 problem cancels it; at most 20% of the branch's members.
 */
export const P5_PARTY_MEMBERS: Scheme = {
  schemaVersion: 1,
  id: 'p5-party-members',
  name: '民主评议党员（附表1/2/3）',
  process: '民主评议党员',
  description:
    '附表1 评议党支部（按党小组填写，满意/比较满意/基本满意/不满意）；附表2 优秀党员候选人民主测评，' +
    '推荐优秀党员名额不能多于5名，超过名额则推荐无效；附表3 窗口服务岗位群众满意度测评，与本单位无关的岗位可不填。' +
    '优秀党员：满意率（满意＋比较满意）在90%以上（含），窗口岗位候选人附表3也须达到；' +
    '经组织核实存在党风廉政问题的，取消优秀党员资格；评选比例为本支部党员人数的20%（请在方案中填写党员人数；未填写时按名册人数计算并提示）。' +
    '预备党员参加评议但不确定等次。种子未规定“满意度低”的标准：本预设默认附表1、附表2、附表3 任一表的满意率（各表分别计算）低于60%时提示查找原因、限期整改。',
  seed: SEED,
  subjectKind: 'person',
  scales: [SATISFACTION],
  tiers: ['优秀党员', '未评为优秀党员'],
  raterGroups: [
    { id: 'members', name: '党员', aliases: ['支部党员', '党小组'], weight: 1 },
    { id: 'service-users', name: '服务对象', aliases: ['服务对象单位', '社会群众'], weight: 1 },
  ],
  rounds: [{ id: 'main', name: '年度民主评议' }],
  forms: [
    {
      id: 'branch-review',
      title: '党支部开展创先争优活动群众评议表',
      aliases: ['附表1', '附1'],
      subjects: 'single',
      subjectKind: 'organisation',
      items: 'rows',
      itemLabels: [
        '组织开展创先争优活动情况',
        '推动中心工作和重点任务完成情况',
        '承诺践诺情况',
        '为群众办实事、做好事、解难事情况',
        '加强党组织和党员队伍建设情况',
      ],
      response: { kind: 'tier', scale: 'satisfaction' },
      subjectLabels: ['所在支部名称', '支部名称'],
      commentLabels: ['对开展创先争优活动的意见或建议', '意见或建议'],
      // 附1 注 "请小组长根据多数党员意见在评价等次相应栏目中打√", signed 「支部　　党小组　组长：」: one sheet per 党小组, not anonymous.
      anonymous: false,
      filledBy: '党小组组长根据多数党员意见',
      signatureLines: ['支部　　　　　　党小组　　　　　　组长：'],
      raterGroups: ['members'],
    },
    {
      id: 'candidate-review',
      title: '优秀党员民主评议推荐表',
      aliases: ['附表2', '附2'],
      subjects: 'rows',
      items: 'column-groups',
      itemLabels: ['参加创先争优活动情况', '立足岗位履行职责情况', '承诺践诺情况', '联系和服务群众情况'],
      response: { kind: 'tier', scale: 'satisfaction' },
      subjectLabels: ['优秀党员候选人姓名', '候选人姓名', '姓名'],
      recommendation: { label: '是否推荐', maxPerBallot: 5 },
      // 附2's header: 「支部名称：　评议时间：」.
      headerFields: ['支部名称'],
      // 四、2 「在本支部范围内组织党员对优秀党员候选人进行民主测评」: each 支部's members rate its own candidates, so
      // a form per 支部, its 支部名称 filled in.
      perUnit: { label: '支部名称' },
      raterGroups: ['members'],
    },
    {
      id: 'window-satisfaction',
      title: '窗口服务岗位群众满意度测评表',
      aliases: ['附表3', '附3'],
      subjects: 'rows',
      items: 'rows',
      itemLabels: ['服务态度', '服务质量', '办事效率', '廉洁公正'],
      response: { kind: 'tier', scale: 'satisfaction' },
      subjectLabels: ['窗口岗位姓名', '姓名'],
      blankMeansNotApplicable: true,
      onlyWindowPosts: true,
      // 附3 as the seed prints it, and without its hint (forms returned before the hint was added).
      commentLabels: ['党风廉政建设方面存在问题的反馈（请注明具体岗位）', '党风廉政建设方面存在问题的反馈'],
      // 附3 is sent to service-user units: 「__________(盖章)」 and 「贵单位联系人：　电话：」.
      anonymous: false,
      filledBy: '服务对象单位',
      signatureLines: ['填表单位（盖章）：', '贵单位联系人：　　　　　　　　电话：'],
      raterGroups: ['service-users'],
    },
  ],
  scoring: { method: 'none', items: 'mean', places: 2 },
  classification: {
    appliesTo: 'person',
    rules: [
      {
        tier: '优秀党员',
        when: [
          { kind: 'share', levels: ['满意', '比较满意'], op: '>=', value: 90, forms: ['candidate-review'] },
          { kind: 'share', levels: ['满意', '比较满意'], op: '>=', value: 90, forms: ['window-satisfaction'], appliesTo: 'window' },
        ],
        cite: `${SEED} 四、2(2) 满意率和比较满意率汇总必须在90%以上（含）；一、2 窗口岗位须同时测评`,
      },
    ],
    otherwise: { kind: 'tier', tier: '未评为优秀党员' },
  },
  ranking: { by: 'share', share: { levels: ['满意', '比较满意'], forms: ['candidate-review'] } },
  vetoes: [
    {
      id: 'integrity',
      name: '经组织核实存在党风廉政问题',
      when: [{ kind: 'roster-flag', field: '党风廉政问题' }],
      effect: { kind: 'exclude', tiers: ['优秀党员'] },
      cite: `${SEED} 四、2(3) 一票否决`,
    },
    {
      id: 'low-satisfaction',
      name: '群众满意度低',
      // Each form on its own (附表1 the branch, 附表2 members on a candidate, 附表3 service users on a window post):
      // pooled, a window post at 0% on 附表3 would hide behind 100% on 附表2.
      when: (['branch-review', 'candidate-review', 'window-satisfaction'] as const).map((form) => ({
        kind: 'share' as const,
        levels: ['满意', '比较满意'],
        op: '<' as const,
        value: 60,
        forms: [form],
      })),
      match: 'any',
      effect: { kind: 'note', text: '查找原因，责成本人落实整改责任，限期整改', flag: '需整改' },
      cite: `${SEED} 五、3 满意度低的岗位和个人；“低于60%”（各表分别计算）为本预设默认标准`,
    },
  ],
  quotas: [{ tiers: ['优秀党员'], kind: 'max', share: 20, of: 'members', rounding: 'floor', per: 'unit', cite: `${SEED} 四、2(1) 优秀党员的评选比例为本支部党员人数的20%` }],
  designations: [],
  consequences: [{ veto: 'low-satisfaction', action: '深入查找原因，责成本人及时落实整改责任，限期整改', rectifyWithinDays: 30, cite: `${SEED} 五、3；整改期限为本预设默认 30 天` }],
  counting: DEFAULT_COUNTING,
  noTierCategories: ['预备党员'],
  // The 公示 lists those selected, not the 未评为优秀党员 (the otherwise tier means "not selected"):
  // 五、3 机关党委将根据本次评议结果对各支部推荐的2011度优秀党员进行表彰.
  publication: { tiers: ['优秀党员'], subject: '优秀党员' },
};
