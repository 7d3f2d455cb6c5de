/**
 * Validation findings: every problem the engine reports, with a stable code, a severity and a
 * Chinese message naming file, sheet and cell (DOMAIN.md, end of "Form layouts").
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  file: string;
  sheet: string | null;
  /** A1 address, or null for a whole-sheet or whole-file problem. */
  cell: string | null;
  subject?: string;
}

/** The catalogue: one entry per code, its severity and what it means. */
export const FINDING_CODES = {
  FILE_UNREADABLE: { severity: 'error', meaning: '文件无法读取' },
  FILE_EMPTY: { severity: 'error', meaning: '空文件（0 字节）' },
  FILE_TOO_LARGE: { severity: 'error', meaning: '文件超过大小上限，未读取' },
  FILE_NOT_WORKBOOK: { severity: 'error', meaning: '不是工作簿（如 Word 文档、图片或 PDF）' },
  // A folder's files not read (src/hosts/files/submission-files.ts): what may hold ballots is an error.
  FILE_ARCHIVE: { severity: 'error', meaning: '文件夹中的压缩包，未解压读取' },
  FILE_HIDDEN: { severity: 'error', meaning: '文件夹中文件名以「.」开头的隐藏工作簿，未读取' },
  FILE_NOT_READ: { severity: 'warning', meaning: '文件夹中不是工作簿的文件（如 Word 文档、图片或 PDF），未读取' },
  FILE_DAMAGED: { severity: 'error', meaning: '文件已损坏或不完整' },
  FILE_ENCRYPTED: { severity: 'error', meaning: '文件设有打开密码，无法读取' },
  FILE_TOO_COMPLEX: { severity: 'error', meaning: '文件解压后过大、单元格或工作表过多（疑似压缩炸弹），未读取' },
  CHECKBOXES_NOT_READ: { severity: 'error', meaning: '用插入的复选框打勾，勾选不在单元格中，未计入' },
  WORKBOOK_EMPTY: { severity: 'error', meaning: '工作簿中没有任何内容' },
  ROSTER_DUPLICATE_NAME: { severity: 'warning', meaning: '名册中有重名，测评表上须能区分' },
  ROSTER_VALUE_UNRECOGNISED: { severity: 'warning', meaning: '名册中某栏的内容无法识别' },
  ROSTER_NAME_SUSPECT: { severity: 'warning', meaning: '名册中的姓名含有数字或标记（如 *），已按名册读入，请核实' },
  ROSTER_NAME_NOTE: { severity: 'warning', meaning: '名册中姓名旁的注释（括号内的文字、姓名后的职务），已与姓名分开，作为备注保留' },
  ROSTER_CATEGORY_UNCLEAR: { severity: 'warning', meaning: '名册中提到预备党员等不定等次的类别，但写法不明确，未据此处理' },
  ROSTER_EMPTY: { severity: 'error', meaning: '名册中没有读到任何被评议对象' },
  ROSTER_OWN_OUTPUT: { severity: 'warning', meaning: '名册文件是本工具生成的结果文件：只读取其中的排名表作名册，其他工作表未读取' },
  OWN_OUTPUT_SHEET: { severity: 'warning', meaning: '本工具生成的结果表（排名表等，按隐藏的标记或标题认出）或不收回计票的表（认岗承诺书等），不是测评表，未读取' },
  SHEET_NOT_A_FORM: { severity: 'warning', meaning: '工作表不是测评表，未计入' },
  LEVELS_AS_TEXT: { severity: 'error', meaning: '等次写成文字而不是在等次栏打√，本表未计入' },
  FORM_AMBIGUOUS: { severity: 'warning', meaning: '工作表可对应多种表，按最吻合的一种读取' },
  TIER_COLUMN_MISSING: { severity: 'error', meaning: '缺少等次列（可能被改名或删除）' },
  TIER_COLUMN_UNREADABLE: { severity: 'error', meaning: '缺少等次列，且有√打在认不出的列中，本表未计入' },
  SCORE_COLUMN_UNCLEAR: { severity: 'error', meaning: '表中有几栏分数，无法确定按哪一栏计分，本表未计入' },
  SCORE_COLUMN_PASSED_OVER: { severity: 'warning', meaning: '表中另有其他分数栏，未计入' },
  TEMPLATE_NOT_RECOGNISED: { severity: 'error', meaning: '本方案模板的表头被改动，无法读取，本表未计入' },
  TEMPLATE_OF_OTHER_SCHEME: { severity: 'error', meaning: '本表是另一个方案的模板，与当前方案不符（可能选错了方案），未计入' },
  FORM_NOT_RECOGNISED: { severity: 'error', meaning: '工作表有√标记，但认不出是哪种表，未计入' },
  NOTHING_COUNTED: { severity: 'error', meaning: '本票没有一项计入（姓名都没能对应到名册，或找不到等次栏、评价项目），按废票计' },
  HIDDEN_SHEET: { severity: 'error', meaning: '隐藏的工作表像是测评表，未计入' },
  // The Excel host says it of every sheet it reads (read-grids.ts); from files, the ballot reader of a form's sheet
  // (unseen-on-sheet.ts) and the roster reader of a 花名册's (read-roster.ts).
  HIDDEN_ROWS: { severity: 'warning', meaning: '工作表中有隐藏或被筛选掉的行，已照常读取，请核实这些行应否计入' },
  HIDDEN_COLUMNS: { severity: 'warning', meaning: '测评表中有隐藏的列，已照常读取，请核实这些列应否计入' },
  DRAWINGS_NOT_COUNTED: { severity: 'warning', meaning: '测评表上有图形或图片（可能是画上去的√），图形不计票，请核对' },
  SECOND_TABLE: { severity: 'warning', meaning: '一个工作表中上下有两张表，各按一张票读取，请核对' },
  VETO_FEEDBACK: { severity: 'warning', meaning: '测评表中反馈了可能涉及一票否决的问题，请组织核实' },
  COUNT_OF_BALLOTS_BESIDE: { severity: 'warning', meaning: '汇总表是同一文件中测评票的汇总，未重复计入' },
  COUNT_BALLOTS_DIFFER: { severity: 'error', meaning: '汇总表与同一文件中的测评票计票不一致，汇总表未计入' },
  SCORE_AS_PERCENT: { severity: 'error', meaning: '分数像是按百分比格式输入的（如 0.95），该项未计入' },
  ITEM_MISSING: { severity: 'error', meaning: '缺少评价项目' },
  SUBJECT_COLUMN_MISSING: { severity: 'error', meaning: '找不到姓名列' },
  BLOCKS_IRREGULAR: { severity: 'error', meaning: '表格左右分栏，但各栏表头不一致，无法读取' },
  SUBJECT_NOT_IN_ROSTER: { severity: 'error', meaning: '被评议人不在名册中' },
  SUBJECT_AMBIGUOUS: { severity: 'error', meaning: '姓名在名册中有重名，无法确定是谁' },
  SUBJECT_MISSING: { severity: 'error', meaning: '名册中的被评议人在本票中缺失' },
  SUBJECT_REPEATED: { severity: 'error', meaning: '同一被评议人在本票中出现多次' },
  SUBJECT_UNKNOWN: { severity: 'error', meaning: '无法确定本表评议的是谁' },
  // Forms held per unit (scheme forms[].perUnit: 村评 in each village, 述诺测评 by 支部), read in read-ballots.ts.
  SUBJECT_OF_OTHER_UNIT: { severity: 'error', meaning: '按单位分别评议的表中评价了其他单位的人，该行未计入' },
  OTHER_UNIT_ROWS: { severity: 'warning', meaning: '按单位分别评议的表中列有其他单位的人（整行空白），不计为弃权' },
  UNIT_NOT_STATED: { severity: 'warning', meaning: '按单位分别评议的表没有写明单位（旧模板），按名册全部人员读取' },
  UNIT_READ_AS: { severity: 'warning', meaning: '表头所写单位与名册写法不同，已按名册中的单位计' },
  UNIT_FROM_TITLE: { severity: 'warning', meaning: '表中没有单位栏，按标题或工作表名确定单位' },
  UNIT_UNKNOWN: { severity: 'error', meaning: '无法确定按单位分别评议的表是哪个单位的，本表未计入' },
  NAME_NORMALISED: { severity: 'warning', meaning: '姓名写法与名册不同（空格、繁体等），已按名册计' },
  MULTIPLE_MARKS: { severity: 'error', meaning: '同一项目打了多个√，该项无效' },
  MARK_OUTSIDE_TIERS: { severity: 'error', meaning: '√打在等次栏以外' },
  MARK_UNRECOGNISED: { severity: 'error', meaning: '等次栏中的内容不是√' },
  MARK_STRUCK_OUT: { severity: 'warning', meaning: '等次栏中的「/」「—」「弃权」「不了解」等，或与√同项的「×」，按未选计' },
  MARK_ALTERNATIVE: { severity: 'warning', meaning: '使用了方案允许的其他标记' },
  MARK_WITHOUT_SUBJECT: { severity: 'error', meaning: '有√但没有姓名或项目' },
  COUNT_SHEET: { severity: 'warning', meaning: '计票汇总表（等次栏填票数），按票数计入' },
  COUNT_SHEET_EMPTY: { severity: 'warning', meaning: '未填写票数的计票汇总表，未计入' },
  COUNT_SHEET_UNSUPPORTED: { severity: 'error', meaning: '像是计票汇总表，但格式无法按票数读取，未计入' },
  COUNT_NOT_NUMBER: { severity: 'error', meaning: '计票汇总表中应填票数的格不是 0 或正整数，该行未计入' },
  COUNT_TOTAL_MISMATCH: { severity: 'error', meaning: '计票汇总表中各等次票数之和与本行合计不符，该行未计入' },
  COUNT_EXCEEDS_BALLOTS: { severity: 'error', meaning: '计票汇总表中某人的票数多于有效票数，该行未计入' },
  COUNT_FIELDS_INCONSISTENT: { severity: 'error', meaning: '计票汇总表的有效票、收回票、废票数互相矛盾，本表未计入' },
  COUNT_BALLOTS_INFERRED: { severity: 'warning', meaning: '计票汇总表没有写明有效票数，按票数最多的一行计' },
  COUNT_AND_BALLOTS: { severity: 'warning', meaning: '同一人同一轮次既有测评票又有计票汇总表，已相加，请核实' },
  COUNT_SUBJECT_TWICE: { severity: 'warning', meaning: '同一人的票数出现在两张计票汇总表中，已相加，请核实' },
  ABSTENTION: { severity: 'warning', meaning: '未打√（弃权）' },
  TOO_MANY_RECOMMENDATIONS: { severity: 'error', meaning: '推荐人数超过名额，本票推荐无效' },
  RECOMMENDATION_UNRECOGNISED: { severity: 'error', meaning: '“是否推荐”栏的内容无法识别' },
  SCORE_NOT_NUMBER: { severity: 'error', meaning: '分数不是数字' },
  SCORE_OUT_OF_RANGE: { severity: 'error', meaning: '分数超出范围' },
  FORMULA_IN_ENTRY: { severity: 'error', meaning: '应填写√或分数的单元格是公式' },
  ERROR_VALUE: { severity: 'error', meaning: '单元格是错误值（如 #N/A）' },
  GROUP_UNKNOWN: { severity: 'error', meaning: '无法确定测评人类别，本票未计入' },
  FIELD_READ_AS: { severity: 'warning', meaning: '测评人类别或轮次写得与方案不同，按其中写到的名称计' },
  GROUP_FROM_TITLE: { severity: 'warning', meaning: '表中没有测评人类别，按标题或工作表名中的“××用”确定' },
  ROUND_FROM_TITLE: { severity: 'warning', meaning: '表中没有轮次，按标题或工作表名中写到的轮次确定' },
  ROUND_UNKNOWN: { severity: 'error', meaning: '无法确定轮次，本票未计入' },
  BLANK_COPY: { severity: 'warning', meaning: '同一文件中另有已填写的表时，未填写的空白表（副本，或模板中未填写的其他表）不作为一张票计入' },
  BLANK_TEMPLATE: { severity: 'warning', meaning: '本加载项插入本工作簿的模板尚未填写，不是收回的票，未计入' },
  ITEM_SHEETS_IN_WORKBOOK: { severity: 'warning', meaning: '本工作簿中的几张专项评分表各按一张票计入（无法分辨哪几张是同一评议人的），实收、回收率可能偏高' },
  DUPLICATE_BALLOT: { severity: 'warning', meaning: '与另外一张或几张票的评价完全相同（可能是重复提交，也可能是评价一致；每组相同的票报一条），请核实' },
  DUPLICATE_FILE: { severity: 'error', meaning: '与另一个文件逐字节相同，按同一文件重复提交处理，未重复计入（不同测评人评价相同、填表软件不记保存时间时也会如此）' },
  RESENT_FILE: { severity: 'warning', meaning: '文件名像是重新发送的副本或更正件（(1)、副本、修改、更正）：评价与原名的文件完全相同的只计一次，不同的同时计入，请核实' },
  SAME_NAME_FILE: { severity: 'warning', meaning: '与之前导入的文件同名（可能是更正后重交的），两个都已计入，请核实' },
  UNIFORM_BALLOT: { severity: 'warning', meaning: '所有被评议人等次相同（雷同票），请核实' },
  MORE_BALLOTS_THAN_EXPECTED: { severity: 'warning', meaning: '收回票数多于应参评人数' },
  EXPECTED_UNITS_DIFFER: { severity: 'warning', meaning: '应参评人数与各单位应参评人数之和不一致' },
  EMPTY_BALLOT: { severity: 'warning', meaning: '整张票没有任何有效标记' },
  TIER_UNDECIDED: { severity: 'warning', meaning: '没有规则适用，等次需由评议委员会决定' },
  QUOTA_ZERO: { severity: 'error', meaning: '名额计算为 0 人，但有人符合条件' },
  QUOTA_TIE: { severity: 'warning', meaning: '名额边界处并列，需评议委员会决定' },
  DESIGNATION_UNSETTLED: { severity: 'warning', meaning: '末位名单（重点管理、动态调整等）未计入等次待定、未排名的人，需评议委员会核实' },
  DESIGNATION_NO_SHARE: { severity: 'warning', meaning: '末位名单按类别确定比例，方案没有某类别的比例（也没有其他类别的比例），该类别的人未参加认定，需评议委员会决定' },
  CATEGORY_MISSING: { severity: 'warning', meaning: '方案按类别分别排名，名册中有人未填类别，暂与其他未填类别的人一起排名' },
  QUOTA_UNSETTLED: { severity: 'warning', meaning: '名额按已定等次的人确定，另有等次待定的人可能定为该等次，名额内的人选可能变化，需评议委员会核实' },
  HISTORY_UNREADABLE: { severity: 'error', meaning: '往年结果表无法读取（缺少姓名列或年度列）或年度列重复' },
  HISTORY_YEAR_NOT_PAST: { severity: 'warning', meaning: '往年结果中有本次评议年度（或以后）的列，不是往年结果，未读取' },
  HISTORY_NOT_IN_ROSTER: { severity: 'warning', meaning: '往年结果中有名册以外的人（或单位与名册中同名的人都不同），未使用' },
  HISTORY_MATCH_UNCLEAR: { severity: 'warning', meaning: '往年结果中无法确定哪一行是名册中某人的（重名、单位不符或重复），均未使用，连续次数需核实' },
  HISTORY_GAP: { severity: 'warning', meaning: '连续次数遇到往年结果中没有结果的年度（无该年度列或空白）而中断，如该年度也是同一等次处理将不同，需评议委员会核实' },
  HISTORY_VALUE_UNKNOWN: { severity: 'warning', meaning: '往年结果中的等次不是本方案的等次，连续次数在此中断' },
  HISTORY_MISSING: { severity: 'warning', meaning: '方案有“连续N次”的处理，但缺少往年结果，按第一次计' },
  HISTORY_UNIT_READ_AS: { severity: 'warning', meaning: '往年结果中的单位是名册中单位的简称或全称（写法不同），按名册中的单位读入，请核实' },
  HISTORY_YEAR_READ_AS: { severity: 'warning', meaning: '往年结果的工作表没有年度列，其等次栏按工作表名或标题中的年度读取' },
  HISTORY_OWN_RESULT: { severity: 'warning', meaning: '往年结果是本工具生成的结果文件：只读取其公示表（年度见标题），其他工作表未读取' },
  HISTORY_NAME_NOTE: { severity: 'warning', meaning: '往年结果中姓名旁的注释（括号内的性别、职务等），已与姓名分开，不作为单位' },
  RESULTS_YEAR_DOUBT: { severity: 'error', meaning: '评议年度按结果日期或今天确定，但往年结果缺少上一年度：本次评议可能是上一年度的，请填写考核年度' },
  RECTIFICATION_DATE_UNREADABLE: { severity: 'warning', meaning: '上次整改清单中的整改时限或完成时间不是可识别的日期，原样保留，请改写为日期' },
  CAMPAIGN_YEAR_ASSUMED: { severity: 'warning', meaning: '方案未填写考核年度，结果日期（或今天）在1月至3月，考核年度按上一年计，请核实' },
  HISTORY_NOT_USED: { severity: 'warning', meaning: '方案没有“连续N次”的处理，给出的往年结果未使用' },
  // scheme-warnings.ts: legal values that are probably slips; the scheme is used as written, and the warning
  // stays with the campaign's findings (校验结果, --json) so the committee sees it beside the tiers.
  SCHEME_DOUBTFUL_VALUE: { severity: 'warning', meaning: '方案中可能写错的数值（仍按所写计算）' },
  QUOTA_BASE_ASSUMED: { severity: 'warning', meaning: '方案未填写党员（成员）人数，名额按名册人数计算' },
  QUOTA_SHORT: { severity: 'warning', meaning: '某等次所占比例（或人数）低于方案要求' },
  QUOTA_COUNT_MISSING: { severity: 'error', meaning: '名额按单位分配，方案未给名册中的某个单位分配名额，该单位未按名额核减' },
  NO_VALID_VOTES: { severity: 'warning', meaning: '被评议人没有有效票' },
  NAME_ORDER_UNCERTAIN: { severity: 'warning', meaning: '姓名含无笔画数据的字符，笔画排序可能不准' },
  SINGLE_BALLOT_GROUP: { severity: 'warning', meaning: '某测评人类别（或某一轮）只有一张有效票，按类别（轮次）分列或加权的结果即这张票的评价（无记名）' },
  SMALL_GROUP_DECIDES_TIER: { severity: 'warning', meaning: '按类别加权的得票率条件由只有一两张有效票的测评人类别单独决定（其余类别的得票率都在等次线另一侧）' },
  TWO_BALLOT_GROUP: { severity: 'warning', meaning: '某测评人类别（或某一轮）只有两张有效票，两位测评人各自能从按类别（轮次）分列或加权的结果得知另一位的评价（无记名）' },
  // Roster columns read by the scheme's rules (core/roster/flag-columns.ts, engine.ts).
  ROSTER_FLAG_COLUMN_READ_AS: { severity: 'warning', meaning: '名册中一票否决情况的栏名与方案不同，按方案的对应条件读取' },
  ROSTER_FLAG_COLUMN_AMBIGUOUS: { severity: 'error', meaning: '名册中有两栏都可能是方案一票否决所读的栏（或一栏可能是两种情况），无法确定，未读取' },
  ROSTER_FLAG_UNCLEAR: { severity: 'warning', meaning: '名册中一票否决情况栏的内容以“无”“未”开头但不能确定是“没有”，按有此情况处理，请核实' },
  ROSTER_NO_WINDOW_POSTS: { severity: 'warning', meaning: '方案有只测评窗口岗位的表，但名册中没有标为窗口岗位的人' },
  SUBJECT_NOT_WINDOW_POST: { severity: 'warning', meaning: '在只测评窗口岗位的表中被测评的人，名册中未标为窗口岗位' },
  ROSTER_FLAG_COLUMN_UNUSED: { severity: 'warning', meaning: '名册中像是一票否决情况的栏没有规则读取，请按方案的栏名改名' },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

export type FindingCode = keyof typeof FINDING_CODES;

export function finding(
  code: FindingCode,
  message: string,
  where: { file: string; sheet?: string | null; cell?: string | null; subject?: string },
): Finding {
  return {
    code,
    severity: FINDING_CODES[code].severity,
    message,
    file: where.file,
    sheet: where.sheet ?? null,
    cell: where.cell ?? null,
    ...(where.subject !== undefined ? { subject: where.subject } : {}),
  };
}

/**
 * "file!sheet!cell: message", the one-line form used by the command line and logs: a line break quoted
 * from a cell (陈刚⏎组织委员) is shown as ⏎, so one finding stays one line.
 */
export function formatFinding(f: Finding): string {
  const where = [f.file, f.sheet, f.cell].filter((x) => x !== null && x !== '').join('!');
  return `${where}: ${f.message}`.replace(/\r\n|\r|\n/g, '⏎');
}

/** How many findings the outputs list one by one (校验结果, the command line's text and JSON). */
export interface ListingLimits {
  /** Findings of one code on one sheet (or, without a sheet, in one file). */
  perSheetAndCode: number;
  /** Findings in all. */
  total: number;
}

export const DEFAULT_LISTING_LIMITS: Readonly<ListingLimits> = Object.freeze({ perSheetAndCode: 100, total: 5000 });

/**
 * The findings an output lists, so that a sheet of a million rows that are all wrong (every name
 * unknown, every cell a formula) gives a 校验结果 a clerk can read and a writer can write, not a
 * million rows: the first `perSheetAndCode` findings of a code on a sheet are listed, then one line of
 * the same code and severity says how many more there are; past `total` listed findings, one line per
 * code says how many were left out. Order is kept; every summary line follows the last listed finding
 * of its kind. Nothing is dropped silently: every finding is either listed or counted in a summary.
 */
export function listedFindings(findings: readonly Finding[], limits: ListingLimits = DEFAULT_LISTING_LIMITS): Finding[] {
  const out: Finding[] = [];
  const perKey = new Map<string, { seen: number; summary: Finding | null; omitted: number }>();
  const beyondTotal = new Map<FindingCode, number>();
  let listed = 0;
  for (const f of findings) {
    const key = `${f.code}\u0000${f.file}\u0000${f.sheet ?? ''}`;
    let k = perKey.get(key);
    if (!k) perKey.set(key, (k = { seen: 0, summary: null, omitted: 0 }));
    k.seen++;
    if (k.seen > limits.perSheetAndCode) {
      if (!k.summary) {
        k.summary = { ...finding(f.code, '', { file: f.file, sheet: f.sheet }) };
        out.push(k.summary);
      }
      k.omitted++;
    } else if (listed < limits.total) {
      out.push(f);
      listed++;
    } else beyondTotal.set(f.code, (beyondTotal.get(f.code) ?? 0) + 1);
  }
  for (const k of perKey.values())
    if (k.summary) {
      const where = k.summary.sheet === null ? '本文件' : '本工作表';
      k.summary.message = `${where}另有 ${k.omitted} 条同类问题（${FINDING_CODES[k.summary.code].meaning}）未逐条列出；同类问题每张工作表只列出前 ${limits.perSheetAndCode} 条`;
    }
  for (const [code, n] of beyondTotal)
    out.push(finding(code, `另有 ${n} 条「${FINDING_CODES[code].meaning}」未逐条列出（最多逐条列出 ${limits.total} 条）；请先处理已列出的问题后重新校验`, { file: '（汇总）' }));
  return out;
}
