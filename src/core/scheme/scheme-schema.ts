/**
 * The scheme (方案) of one campaign, as data: every rule the engine applies is declared here with
 * its parameters, so a new rule set is a new scheme, not a code change (STYLE.md).
 * Validated with zod; unknown fields are rejected so a typo never silently disables a rule.
 */
import { z } from 'zod';

// Before any schema is built: zod's JIT compiles a parser per object shape with `new Function`, which pays
// only over many parses (a scheme is parsed once or twice a run: 12 ms instead of 4.5 ms cold) and which
// the pages' Content-Security-Policy (no 'unsafe-eval') would block and report. Same results either way.
z.config({ jitless: true });

const id = z.string().min(1).max(64);
const label = z.string().min(1).max(200);
const finiteNumber = z.number().finite().min(-1e9).max(1e9);
/** The text forms of a decimal ("85", "-5", "85.5"), a share ("70", "85.5" percent; "1/3") and a date; schema-problems explains each. */
export const DECIMAL_PATTERN = /^-?\d{1,9}(\.\d{1,9})?$/;
const PERCENT_TEXT = /^\d{1,3}(\.\d{1,9})?$/;
/** A share as a fraction of the whole ("1/3", "2/3"): 三分之一 has no exact percentage (fraction.ts `percent`). */
const FRACTION_TEXT = /^(\d{1,9})\/(\d{1,9})$/;
export const PERCENT_PATTERN = /^(\d{1,3}(\.\d{1,9})?|\d{1,9}\/\d{1,9})$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A decimal threshold, written as a number or a decimal string ("85", "85.5"). */
const decimal = z.union([finiteNumber, z.string().regex(DECIMAL_PATTERN)]);
/** "1/3" as its two numbers; null for a percentage. */
function fractionParts(text: string): { num: number; den: number } | null {
  const m = FRACTION_TEXT.exec(text);
  return m ? { num: Number(m[1]), den: Number(m[2]) } : null;
}

/**
 * A share of the whole: a percentage 0..100 (70 means 70%), as a number or as text, or a fraction as text ("1/3",
 * "2/3"), compared exactly; "170" is as much out of range as 170, "4/3" as "1/0".
 */
const percentage = z.union([
  z.number().finite().min(0).max(100),
  z
    .string()
    .regex(PERCENT_PATTERN)
    // Only text of the right form is compared ("70%" is reported once, as not a number).
    .refine((text) => !PERCENT_TEXT.test(text) || Number(text) <= 100, { error: '不能大于 100' })
    .refine((text) => fractionParts(text)?.den !== 0, { error: '分母不能为 0' })
    .refine((text) => {
      const f = fractionParts(text);
      return !f || f.den === 0 || f.num <= f.den;
    }, { error: '分数不能大于 1（"1/3" 表示三分之一）' }),
]);

/** 以上/以下 include the number, 超过/不满/低于 exclude it (DOMAIN.md, cross-cutting rules). */
export const comparison = z.enum(['>=', '>', '<=', '<']);

export const levelSchema = z
  .object({
    label,
    aliases: z.array(label).max(20).optional(),
    points: decimal.optional(),
  })
  .strict();

export const scaleSchema = z
  .object({ id, name: label, levels: z.array(levelSchema).min(2).max(10) })
  .strict();

export const raterGroupSchema = z
  .object({
    id,
    name: label,
    aliases: z.array(label).max(20).optional(),
    weight: z.number().finite().min(0).max(1000),
    /** 应参评人数, when known: the same number in every round. */
    expected: z.number().int().min(0).max(1e7).optional(),
    /**
     * 应参评人数 per round, by round id, where the rounds' meetings differ (seed 002 第四篇 五、1–2: 村述村评 the
     * village's representatives, 村述镇评 the town's leaders); a round given here takes its number, others `expected`.
     */
    expectedByRound: z.record(id, z.number().int().min(0).max(1e7)).optional(),
    /**
     * 应参评人数 per roster unit, for the forms and rounds this group rates held per unit (FormDef.perUnit): each
     * village's or 支部's meeting has its own raters (村民代表 32 in 张庄村, 18 in 李庄村; seed 002 第四篇 五、1
     * 村述村评). Units as the roster writes them; 参评情况 shows each unit's 回收率.
     */
    expectedByUnit: z
      .record(z.string().trim().min(1), z.number().int().min(0).max(1e7))
      .refine((counts) => Object.keys(counts).length > 0, { message: '按单位填写时至少写一个单位，如 {"张庄村": 32}' })
      .optional(),
    /**
     * Who fills this group's ballots, printed beside its name in the templates' header so a rater can see he was
     * handed the right kind (seed 003 篇二 五、(三)3(3): "a票由场领导班子成员填写"): 测评人类别：a票（场领导班子成员填写）.
     */
    filledBy: label.optional(),
  })
  .strict();

/** A rater group as the templates' header field gives it, and as the reader takes it back: a票（场领导班子成员填写）. */
export function raterGroupFieldValue(group: Pick<RaterGroup, 'name' | 'filledBy'>): string {
  return group.filledBy ? `${group.name}（${group.filledBy}填写）` : group.name;
}

export const roundSchema = z.object({ id, name: label, aliases: z.array(label).max(20).optional() }).strict();

export const formSchema = z
  .object({
    id,
    title: label,
    /** Other titles this form is known by (e.g. the annex number "附表2"). */
    aliases: z.array(label).max(20).optional(),
    /** rows: one row (or row block) per subject with a name column; single: the whole sheet rates one subject. */
    subjects: z.enum(['rows', 'single']),
    /** column-groups: each item is a group of tier columns (one item: plain tier columns); rows: items are rows. */
    items: z.enum(['column-groups', 'rows']),
    itemLabels: z.array(label).min(1).max(50),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('tier'), scale: id }).strict(),
      z.object({ kind: z.literal('score'), min: decimal, max: decimal }).strict(),
    ]),
    /** Header of the subject column (rows) or label of the header field naming the subject (single). */
    subjectLabels: z.array(label).min(1).max(20),
    recommendation: z
      .object({ label, maxPerBallot: z.number().int().min(1).max(10000) })
      .strict()
      .optional(),
    /** Blank item rows mean "not related to me" and are not counted (seed 004, 附表3 注2). */
    blankMeansNotApplicable: z.boolean().optional(),
    /** Which roster entries this form rates: persons or organisations (default: the scheme's subjectKind). */
    subjectKind: z.enum(['person', 'organisation']).optional(),
    /** Only roster subjects on a window post are rated on this form (seed 004, 附表3). */
    onlyWindowPosts: z.boolean().optional(),
    /** Free-text fields a rater may fill (意见或建议, 党风廉政建设方面存在问题的反馈). */
    commentLabels: z.array(label).max(20).optional(),
    /**
     * Filled by each rater without a name (the default: the template says 本表无记名填写). false for a form
     * filled and signed for a body (seed 004 附1: the 党小组's 组长 "根据多数党员意见"; 附3: a service-user unit).
     */
    anonymous: z.boolean().optional(),
    /** Who fills the form, as the template's 填表说明 says it (附1: 党小组组长根据多数党员意见). Default: the rater. */
    filledBy: label.optional(),
    /**
     * Lines under the table to sign or stamp, blanks as spaces (附1 「支部　　党小组　组长：」; 附3 「（盖章）」,
     * 「贵单位联系人：　电话：」). The reader passes them over, filled in or not.
     */
    signatureLines: z.array(label).max(10).optional(),
    /** Header fields the rater fills besides 评议时间 (附2 「支部名称」). */
    headerFields: z.array(label).max(10).optional(),
    /** Lines the template's 填表说明 adds to its own, what the seed asks raters to weigh (seed 002 第四篇 四、2: 德、能、勤、绩、廉). */
    instructions: z.array(label).max(10).optional(),
    raterGroups: z.array(id).max(20).optional(),
    rounds: z.array(id).max(20).optional(),
    /**
     * Handed out per roster unit, each unit's ballot listing only its own subjects, where the meeting is held
     * in each unit (seed 002 第四篇 五、1 村述村评; seed 000 二(五) 以支部为单位; seed 004 四、2 在本支部范围内):
     * `label` is the header field that names the unit (村, 所在支部, 支部名称); `rounds`, the rounds held so when
     * not all (村评 per village, 镇评 over everyone). Only for forms with a row per subject.
     */
    perUnit: z.object({ label, rounds: z.array(id).min(1).max(20).optional() }).strict().optional(),
  })
  .strict();

/** A choice offered in a drop-down list: Excel keeps the list as one comma-separated text. */
const listChoice = z.string().min(1).max(40).regex(/^[^,，]+$/, '不能含逗号');

/**
 * A form a campaign hands out that is not read back (seed 000 二(三)–(五): 认岗承诺书, 党员践诺进度表,
 * 年终述诺表): `pingyi template` writes one sheet per person of the roster; a returned copy is passed over.
 */
export const paperSchema = z.discriminatedUnion('kind', [
  /** 认岗承诺书: 共性目标岗位 chosen from `commonPosts`, 个性目标岗位, 具体措施, 预期目标, 完成时限, 承诺人签名. */
  z.object({ kind: z.literal('pledge'), title: label, annex: label.optional(), commonPosts: z.array(listChoice).min(1).max(6), cite: label }).strict(),
  /** 践诺进度表: 承诺事项, 进展情况 per period (季度), 完成时限. */
  z.object({ kind: z.literal('progress'), title: label, annex: label.optional(), periods: z.array(label).min(1).max(12), cite: label }).strict(),
  /** 年终述诺表: 承诺事项 and 完成情况, 存在不足, 今后努力方向. */
  z.object({ kind: z.literal('review'), title: label, annex: label.optional(), cite: label }).strict(),
]);

const shareScope = {
  /** Which levels are counted, by label. */
  levels: z.array(label).min(1).max(10),
  /** Also count every level better than those named (称职票 including 优秀票: a scheme setting, seed 002 第四篇). */
  orBetter: z.boolean().optional(),
  /** Item labels counted; default all. */
  items: z.array(label).min(1).optional(),
  forms: z.array(id).min(1).optional(),
  /** pooled: all rounds' votes added together; each: every round on its own must pass. */
  rounds: z.union([z.enum(['pooled', 'each']), z.array(id).min(1)]).optional(),
  /** pooled: votes of all groups together; weighted: group shares combined by group weight; each: every group must pass. */
  groups: z.enum(['pooled', 'weighted', 'each']).optional(),
  /** window: the condition applies to window posts only and holds for everyone else (seed 004: 窗口岗位须同时测评). */
  appliesTo: z.literal('window').optional(),
};

export const conditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('score'), op: comparison, value: decimal }).strict(),
  z.object({ kind: z.literal('share'), op: comparison, value: percentage, ...shareScope }).strict(),
  z.object({ kind: z.literal('roster-flag'), field: label }).strict(),
]);

export const tierRuleSchema = z
  .object({
    tier: label,
    /** All must hold. An empty list always holds (the catch-all lowest tier). */
    when: z.array(conditionSchema).max(20),
    cite: label,
  })
  .strict();

export const vetoSchema = z
  .object({
    id,
    name: label,
    when: z.array(conditionSchema).min(1).max(10),
    /** any: one condition suffices (the usual 一票否决 list); all: every one must hold. */
    match: z.enum(['any', 'all']).optional(),
    effect: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('force'), tier: label }).strict(),
      z.object({ kind: z.literal('cap'), tier: label }).strict(),
      z.object({ kind: z.literal('exclude'), tiers: z.array(label).min(1) }).strict(),
      /**
       * note: the tier is not changed, only the action recorded (seed 004 五、3 满意度低 → 限期整改). Such a rule
       * is not called 一票否决 (it vetoes nothing); `flag` is the short word shown beside the tier (default 需关注).
       */
      z.object({ kind: z.literal('note'), text: label, flag: z.string().min(1).max(12).optional() }).strict(),
    ]),
    cite: label,
  })
  .strict();

/** 党员（成员）人数: a whole number of people, at least 1. */
const memberCountValue = z.number().int().min(1).max(1e7);

/** 名额 N 名: a whole number of places; 0 only in a count per unit (上级没有给该单位分配名额). */
const placeCount = z.number().int().min(0).max(1e7);

/**
 * A quota is a share of a base (优秀党员的评选比例为本支部党员人数的20%, seed 004 四、2(1)) or a number of places
 * given from above (分配优秀党员名额 3 名; 上级按支部分配名额 {"第一支部": 2, "第二支部": 1}): exactly one of the two.
 */
export const quotaSchema = z
  .object({
    /** The tiers the quota counts together (e.g. 较好 and below). */
    tiers: z.array(label).min(1),
    kind: z.enum(['max', 'min']),
    /** A share of `of`, rounded by `rounding`; or else `count`. */
    share: percentage.optional(),
    /**
     * A number of places: one number (over everyone, or the same in each unit with per 'unit'), or one per roster
     * unit ({"第一支部": 2, "第二支部": 1}, with per 'unit'). Not with share, of or rounding: nothing is rounded.
     */
    count: z
      .union([
        placeCount,
        z
          .record(z.string().trim().min(1), placeCount)
          .refine((counts) => Object.keys(counts).length > 0, { message: '按单位分配名额时至少写一个单位，如 {"第一支部": 2}' }),
      ])
      .optional(),
    /** Of how many: the subjects rated, the scheme's memberCount (党员人数), or a given number. */
    of: z.union([z.enum(['subjects', 'members']), z.number().int().min(1).max(1e7)]).optional(),
    rounding: z.enum(['floor', 'ceil', 'round']).optional(),
    /** unit: within each roster unit (本支部党员人数的20%, seed 004 四、2(1)) when the roster holds several; default: over everyone. */
    per: z.literal('unit').optional(),
    cite: label,
  })
  .strict()
  .superRefine((q, ctx) => {
    const problem = (message: string, path: PropertyKey[] = []) => ctx.addIssue({ code: 'custom', message, path, input: undefined });
    if (q.share === undefined && q.count === undefined)
      return problem('名额要按比例或按名数给出其一：按比例写 "share"（如 20，表示 20%），按名数写 "count"（如 3，表示 3 名）');
    if (q.share !== undefined && q.count !== undefined)
      return problem('比例（share）和名数（count）只能写一个：按比例的删去 "count"，按名数的删去 "share"');
    if (q.share !== undefined) {
      if (q.rounding === undefined) problem('按比例的名额要写取整方式："floor"（向下取整）、"ceil"（向上取整）或 "round"（四舍五入）', ['rounding']);
      return;
    }
    // A count is not rounded nor taken of anyone: a share's settings left beside it would be read as if they were.
    if (q.rounding !== undefined) problem('按名数给出的名额不用取整，请删去 "rounding"', ['rounding']);
    if (q.of !== undefined) problem('按名数给出的名额不按人数计算，请删去 "of"', ['of']);
    if (typeof q.count === 'object' && q.per !== 'unit')
      problem('按单位分配的名额（如 {"第一支部": 2}）各单位分别计算，请同时写 "per": "unit"', ['per']);
    // 0 places for everyone: nobody could be given the tier, or (a minimum) no rule at all. A clerk who writes 0
    // most often means 不限; a unit given no places is written in a count per unit.
    if (q.count === 0)
      problem('名数不能为 0（名额 0 名即谁也不能评为该等次）；不限名额的，请删去这条名额规定；某个单位没有分到名额的，请按单位分配，如 {"第一支部": 2, "第三支部": 0}', ['count']);
  });

/**
 * A designation's share for some roster categories (职务类别 / 类别 column): seed 003 篇七 四、(三) 农村不低于10%、
 * 社区和其他基层党组织不低于5%. `categories` are the category texts as the roster writes them (农村, 村).
 */
export const categoryShareSchema = z.object({ categories: z.array(label).min(1).max(20), share: percentage }).strict();

export const designationSchema = z
  .object({
    /** The lowest-ranked share of subjects is designated (e.g. 重点管理, 动态调整). */
    name: label,
    /**
     * The share of everyone; with `byCategory`, the share of each category no entry names (其他, the catch-all).
     * One of `share` and `byCategory` is required (load-scheme).
     */
    share: percentage.optional(),
    /**
     * Counted within each roster category, each its own share: the lowest of EACH category are designated, counted
     * and rounded within it (seed 003 篇七 四、(三)). A category no entry names takes `share`; without it, its
     * subjects are not designated and a finding names them (DESIGNATION_NO_SHARE).
     */
    byCategory: z.array(categoryShareSchema).min(1).max(10).optional(),
    /** at-least: 不低于 (round up); about: 按…比例 (round half up). */
    kind: z.enum(['at-least', 'about']),
    cite: label,
  })
  .strict();

export const consequenceSchema = z
  .object({
    tiers: z.array(label).optional(),
    veto: id.optional(),
    /** Consecutive years in this tier (including this one) from which the action applies (seed 002 第五篇). */
    consecutive: z.number().int().min(1).max(50).optional(),
    /**
     * Not for a subject any veto fired on, a note included: a title one may apply for (百优服务标兵, seed 000 二(六)一是)
     * is not written beside a member the roster records as 违法违纪被查处.
     */
    unlessVetoed: z.boolean().optional(),
    action: label,
    /** Days after the results for the rectification deadline; null: no rectification item. */
    rectifyWithinDays: z.number().int().min(1).max(3650).nullable(),
    cite: label,
  })
  .strict();

export const scoringSchema = z
  .object({
    /** none: tiers from votes only; points: mean of the points of the levels marked; score: mean of numeric scores. */
    method: z.enum(['none', 'points', 'score']),
    /** How items (专项) combine into a score: their mean ("相加除以3") or their sum. */
    items: z.enum(['mean', 'sum']),
    /** Decimal places shown (the exact value is compared). */
    places: z.number().int().min(0).max(6),
  })
  .strict();

export const countingSchema = z
  .object({
    /** Whether blank rows (弃权) count in the denominator of a share. Default: they do not. */
    abstentionsInDenominator: z.boolean(),
    /** Whether invalid entries (two marks in one item) count in the denominator. Default: they do not. */
    invalidInDenominator: z.boolean(),
    /** Mark symbols accepted besides √ ✓ ✔ ☑ (e.g. "V", "1", "○"); reported when met. */
    extraMarks: z.array(z.string().min(1).max(4)).max(20),
    /**
     * A ballot whose marks equal another's is suspect, not invalid (DOMAIN.md): count (default) reports it
     * and counts it; exclude counts only the first. Byte-identical files are the hosts' concern (DUPLICATE_FILE).
     */
    duplicates: z.enum(['exclude', 'count']),
    /**
     * A rater group or an item with no valid votes for someone, where the rule combines them (干部×50% + 员工×50%,
     * 三个专项相加除以3): the seeds do not say. pending (default): no score or weighted share, the tier is left to the
     * committee; rescale: the remaining weights (or items) are used, and the reason says so.
     */
    missingGroup: z.enum(['pending', 'rescale']).optional(),
  })
  .strict();

/** The 公示表 (what is posted for staff): which tiers it lists, and the notice's own lines. Every field optional. */
export const publicationSchema = z
  .object({
    /** The tiers listed (民主评议党员: 优秀党员 only, those selected); default every tier. */
    tiers: z.array(label).min(1).max(10).optional(),
    /** What the title says is published, 关于2026年度<subject>的公示; default 「<process>结果」. */
    subject: label.optional(),
    /** 落款 (the issuing body, e.g. 中共某某委员会组织部), also the body objections go to; a blank to fill when absent. */
    issuer: label.optional(),
    /** 联系电话 for objections; a blank to fill when absent. */
    telephone: z.string().min(1).max(100).optional(),
    /** 公示期, as written on the notice ("2026年12月21日至12月27日", "5个工作日"); blanks to fill when absent. */
    period: z.string().min(1).max(200).optional(),
    /** The notice's date under the 落款 (YYYY-MM-DD); a blank date to fill when absent. */
    date: z.string().regex(DATE_PATTERN).optional(),
  })
  .strict();

export const rosterEntrySchema = z
  .object({
    name: label,
    kind: z.enum(['person', 'organisation']).optional(),
    unit: z.string().max(200).optional(),
    category: z.string().max(100).optional(),
    window: z.boolean().optional(),
    flags: z.record(z.string().max(100), z.string().max(1000)).optional(),
  })
  .strict();

export const schemeSchema = z
  .object({
    schemaVersion: z.literal(1),
    id,
    name: label,
    process: label,
    description: z.string().max(4000),
    seed: label,
    subjectKind: z.enum(['person', 'organisation']),
    scales: z.array(scaleSchema).max(10),
    tiers: z.array(label).min(1).max(10),
    raterGroups: z.array(raterGroupSchema).min(1).max(20),
    rounds: z.array(roundSchema).min(1).max(10),
    forms: z.array(formSchema).min(1).max(20),
    /** Forms handed out besides the ballots, not read back (seed 000: 承诺书 and 述诺 forms). */
    paperwork: z.array(paperSchema).max(10).optional(),
    scoring: scoringSchema,
    classification: z
      .object({
        rules: z.array(tierRuleSchema).max(20),
        /** Only subjects of this kind receive a tier (e.g. persons, while the branch is only measured). */
        appliesTo: z.enum(['person', 'organisation']).optional(),
        /** flag: leave the tier undecided and say so (seed 002 第四篇: 镇党委 decides). */
        otherwise: z.union([z.object({ kind: z.literal('flag') }).strict(), z.object({ kind: z.literal('tier'), tier: label }).strict()]),
      })
      .strict(),
    ranking: z
      .object({
        by: z.enum(['score', 'share', 'none']),
        share: z.object(shareScope).strict().optional(),
        /**
         * category: 名次 counted within each roster category (职务类别), the 排名表 grouped by category (seed 003 篇六 二、
         * 考核类别 单位负责人、副职); every designation is then counted within each category. Default: one list.
         */
        per: z.literal('category').optional(),
      })
      .strict(),
    vetoes: z.array(vetoSchema).max(20),
    quotas: z.array(quotaSchema).max(10),
    designations: z.array(designationSchema).max(5),
    consequences: z.array(consequenceSchema).max(30),
    counting: countingSchema,
    /** Roster categories that take part but receive no tier (预备党员, DOMAIN.md). */
    noTierCategories: z.array(label).max(10).optional(),
    /**
     * How many members the unit has (本支部党员人数), for quotas "of members"; the roster may list only candidates.
     * One number, or one per roster unit ({"第一支部": 12, "第二支部": 15}) for a quota counted per unit over several.
     */
    memberCount: z
      .union([
        memberCountValue,
        z
          .record(z.string().trim().min(1), memberCountValue)
          .refine((counts) => Object.keys(counts).length > 0, { message: '按单位填写时至少写一个单位，如 {"第一支部": 12}' }),
      ])
      .optional(),
    /** The campaign's roster, when the scheme carries it (a roster file given separately takes precedence). */
    roster: z.array(rosterEntrySchema).max(100000).optional(),
    /** Base date (YYYY-MM-DD) from which rectification deadlines count; default: the day results are computed. */
    resultsDate: z.string().regex(DATE_PATTERN).optional(),
    /**
     * 考核年度: the year the campaign is for (2026 for a 2026年度 campaign held in January 2027). Printed in the
     * titles (关于2026年度…的公示) and the year 往年结果 are before; default from resultsDate or the day (campaign-year.ts).
     */
    year: z.number().int().min(2000).max(2100).optional(),
    publication: publicationSchema.optional(),
  })
  .strict();

export type Scheme = z.infer<typeof schemeSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type Level = z.infer<typeof levelSchema>;
export type RaterGroup = z.infer<typeof raterGroupSchema>;
export type Round = z.infer<typeof roundSchema>;
export type FormDef = z.infer<typeof formSchema>;
export type PaperDef = z.infer<typeof paperSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type ShareCondition = Extract<Condition, { kind: 'share' }>;
export type ShareScope = Omit<ShareCondition, 'kind' | 'op' | 'value'>;
export type TierRule = z.infer<typeof tierRuleSchema>;
export type Veto = z.infer<typeof vetoSchema>;
export type Quota = z.infer<typeof quotaSchema>;
/** A quota as a share of a base (the schema requires its rounding). */
export type ShareQuota = Quota & { share: NonNullable<Quota['share']>; rounding: NonNullable<Quota['rounding']>; count?: undefined };
/** A quota as a number of places (名额 N 名), one number or one per unit. */
export type CountQuota = Quota & { count: NonNullable<Quota['count']>; share?: undefined };
export function isCountQuota(q: Quota): q is CountQuota {
  return q.count !== undefined;
}
export function isShareQuota(q: Quota): q is ShareQuota {
  return q.share !== undefined;
}
export type Designation = z.infer<typeof designationSchema>;
export type CategoryShare = z.infer<typeof categoryShareSchema>;
export type Consequence = z.infer<typeof consequenceSchema>;
export type Comparison = z.infer<typeof comparison>;
export type Publication = z.infer<typeof publicationSchema>;
