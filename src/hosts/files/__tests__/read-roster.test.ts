/**
 * Reading the roster (名册): columns found by label in any order, traditional-character headers,
 * blank and note rows skipped, duplicates reported and kept, flags by header text.
 */
import { CellValue, Submission } from '../../../core/forms/grid';
import { buildRoster, hasFlag, matchName, rosterCategory, subjectLabel, tellApart } from '../../../core/roster/roster';
import { readRoster } from '../read-roster';
import { readWorkbook } from '../read-workbook';
import { book, write } from './fixtures';

function sub(rows: CellValue[][], name = '名册'): Submission {
  return { file: '名册.xlsx', sheets: [{ name, rows, merges: [] }] };
}

describe('readRoster', () => {
  it('reads the usual columns, with a title row above the header', () => {
    const { roster, findings } = readRoster(
      sub([
        ['2024年度民主评议党员名册'],
        ['序号', '姓名', '单位', '职务类别', '窗口岗位', '党风廉政问题', '类型'],
        [1, '王毅', '第一党支部', '正职', '是', null, '个人'],
        [2, ' 张三 ', '第二党支部', '副职', '否', '经查证属实的投诉', null],
        [3, '第一党支部', null, null, null, null, '组织'],
      ]),
    );
    expect(findings).toEqual([]);
    expect(roster).toEqual([
      { name: '王毅', unit: '第一党支部', category: '正职', window: true, kind: 'person' },
      { name: '张三', unit: '第二党支部', category: '副职', window: false, flags: { 党风廉政问题: '经查证属实的投诉' } },
      { name: '第一党支部', kind: 'organisation' },
    ]);
  });

  it('a column headed like a built-in property (__proto__, constructor) is a flag like any other', () => {
    const { roster } = readRoster(sub([['姓名', '__proto__', 'constructor'], ['王毅', '有', null], ['张三', null, null]]));
    expect(Object.keys(roster[0].flags ?? {})).toEqual(['__proto__']);
    expect(hasFlag(roster[0], '__proto__')).toBe(true);
    expect(hasFlag(roster[0], 'constructor')).toBe(false);
    expect(hasFlag(roster[1], 'constructor')).toBe(false);
    expect(hasFlag(roster[1], 'toString')).toBe(false);
  });

  it('finds columns in any order and under their other names', () => {
    const { roster, findings } = readRoster(
      sub([
        ['违法违纪', '部门', '是否窗口岗位', '姓 名', '职务', '重大失误', '被问责', '事故', '否决事项'],
        ['', '营业部', '√', '李四', '副行长', '', '', '分管网点发生责任事故', ''],
        ['有', '办公室', '', '王五', '主任', '是', '', '', ''],
      ]),
    );
    expect(findings).toEqual([]);
    expect(roster).toEqual([
      { name: '李四', unit: '营业部', category: '副行长', window: true, flags: { 事故: '分管网点发生责任事故' } },
      { name: '王五', unit: '办公室', category: '主任', flags: { 违法违纪: '有', 重大失误: '是' } },
    ]);
  });

  it('reads traditional-character headers as their simplified labels (flags keyed simplified)', () => {
    const { roster, findings } = readRoster(
      sub([
        ['姓名', '單位', '職務類別', '窗口崗位', '黨風廉政問題', '類型'],
        ['陳偉', '第三黨支部', '正職', '是', '屬實', '個人'],
      ]),
    );
    expect(findings).toEqual([]);
    expect(roster).toEqual([{ name: '陳偉', unit: '第三黨支部', category: '正職', window: true, kind: 'person', flags: { 党风廉政问题: '屬實' } }]);
    // and the engine's veto rules find the flag under the scheme's simplified field name
    expect(hasFlag(roster[0], '党风廉政问题')).toBe(true);
  });

  it('skips blank rows and note lines, trims and tidies names', () => {
    const { roster } = readRoster(
      sub([
        ['姓名', '单位'],
        [null, null],
        ['王　毅', '机关'],
        ['', '这一行没有姓名'],
        ['　', null],
        ['李  强 ', '机关'],
        ['阿依古丽  买买提 ', '机关'],
        ['注：窗口岗位填“是”或“否”', null],
        ['合计', null],
      ]),
    );
    expect(roster.map((r) => r.name)).toEqual(['王毅', '李强', '阿依古丽 买买提']);
  });

  it('skips totals, signature and date lines under the list, also when they begin left of the name column', () => {
    const { roster, findings } = readRoster(
      sub([
        ['机关党委2026年度民主评议党员名册'],
        ['序号', '姓名', '支部'],
        [1, '王毅', '一支部'],
        [2, '陈刚', '二支部'],
        ['合计', '2人', null],
        [null, '合计：2人', null],
        [null, '共2人', null],
        [null, '制表人：张三', '2026年11月20日'],
        [null, '审核：李四', null],
        [null, '填报日期：2026年11月20日', null],
      ]),
    );
    expect(roster.map((r) => r.name)).toEqual(['王毅', '陈刚']);
    expect(findings).toEqual([]);
  });

  it('reads a 党员花名册 as official lists head it: 党员姓名, 政治面貌, the header repeated on every printed page', () => {
    const header = ['序号', '党员姓名', '性别', '出生年月', '政治面貌', '职务', '违法违纪', '备注'];
    const { roster, findings } = readRoster(
      sub([
        ['第一党支部党员花名册'],
        header,
        [1, '王毅', '男', '1970.01', '中共党员', '支部书记', '／', null],
        [2, '李娜', '女', '1998.02', '中共预备党员', null, '—', '预备党员'],
        header,
        [3, '张伟', '男', '1980.03', '中共党员', null, '无', null],
        [4, '陈刚', '男', '1975.09', '中共党员', null, '受党内警告处分', null],
      ]),
    );
    expect(findings).toEqual([]);
    expect(roster.map((r) => [r.name, r.category ?? null, r.flags?.政治面貌])).toEqual([
      ['王毅', '支部书记', '中共党员'],
      ['李娜', null, '中共预备党员'],
      ['张伟', null, '中共党员'],
      ['陈刚', null, '中共党员'],
    ]);
    // A slash or dash is "none", as 无 is; only 陈刚's cell says something happened.
    expect(roster.map((r) => hasFlag(r, '违法违纪'))).toEqual([false, false, false, true]);
  });

  it('sets a footnote mark aside from the name (王毅*) and reads what the list says it means (带*者为预备党员)', () => {
    const { roster, findings } = readRoster(
      sub([
        ['序号', '姓名', '单位'],
        [1, '王毅', '机关'],
        [2, '李娜＊', '机关'],
        [3, '张伟※', '机关'],
        [null, '带*者为预备党员', null],
      ]),
    );
    expect(roster).toEqual([
      { name: '王毅', unit: '机关' },
      { name: '李娜', unit: '机关', flags: { 名册标注: '预备党员' } },
      { name: '张伟', unit: '机关' },
    ]);
    expect(findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['ROSTER_NAME_SUSPECT', 'B3', '名册中「李娜＊」按「李娜」读入，其标记「*」按名册中的说明「带*者为预备党员」读作「预备党员」'],
      ['ROSTER_NAME_SUSPECT', 'B4', '名册中「张伟※」带有标记「※」，已按「张伟」读入；名册中没有找到这个标记的说明，其含义未读取，如有需要请填在类别栏'],
    ]);
    // And the engine then treats her as the roster says (rosterCategory reads every column).
    expect(rosterCategory(roster[1], '预备党员')).toEqual({ says: 'yes', field: '名册标注', text: '预备党员' });
  });

  it('a name cell holding only a mark (*, ★) is nobody: not read in, and said', () => {
    const { roster, findings } = readRoster(sub([['姓名', '单位'], ['王毅', '机关'], ['*', '机关'], [' ★ ', null]]));
    expect(roster).toEqual([{ name: '王毅', unit: '机关' }]);
    expect(findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['ROSTER_NAME_SUSPECT', 'A3', '名册中「*」只有标记，没有姓名，此行未读入'],
      ['ROSTER_NAME_SUSPECT', 'A4', '名册中「★」只有标记，没有姓名，此行未读入'],
    ]);
  });

  it('takes 姓名 with who is listed before it, not someone else\'s (入党介绍人姓名, 联系人姓名)', () => {
    for (const label of ['党员姓名', '干部姓名', '被测评人姓名', '述职人姓名', '候选人姓名', '姓 名']) {
      const { roster } = readRoster(sub([['序号', label, '单位'], [1, '王毅', '机关']]));
      expect([label, roster.map((r) => r.name)]).toEqual([label, ['王毅']]);
    }
    for (const label of ['入党介绍人姓名', '联系人姓名', '配偶姓名']) {
      const { roster, findings } = readRoster(sub([['序号', label, '单位'], [1, '王毅', '机关']]));
      expect([label, roster, findings.map((f) => f.code)]).toEqual([label, [], ['ROSTER_EMPTY']]);
    }
  });

  it('reads 窗口岗位 written as a slash, a dash or 非窗口 as 否, without a finding', () => {
    const { roster, findings } = readRoster(sub([['姓名', '窗口岗位'], ['王毅', '/'], ['李娜', '—'], ['张伟', '√'], ['陈刚', '非窗口'], ['赵敏', '窗口']]));
    expect(roster.map((r) => r.window)).toEqual([false, false, true, false, true]);
    expect(findings).toEqual([]);
  });

  it('keeps a name with digits as written and says it does not look like a name (people only)', () => {
    const people = readRoster(sub([['姓名'], ['王毅'], ['王毅2'], ['3人']]));
    expect(people.roster.map((r) => r.name)).toEqual(['王毅', '王毅2', '3人']);
    expect(people.findings.map((f) => [f.code, f.cell, f.subject])).toEqual([
      ['ROSTER_NAME_SUSPECT', 'A3', '王毅2'],
      ['ROSTER_NAME_SUSPECT', 'A4', '3人'],
    ]);
    const organisations = readRoster(sub([['名称'], ['第1党支部'], ['第2党支部']]));
    expect(organisations.roster.map((r) => r.name)).toEqual(['第1党支部', '第2党支部']);
    expect(organisations.findings).toEqual([]);
  });

  it('reads a header over two rows (基本情况 merged over 单位 and 职务)', () => {
    const { roster } = readRoster({
      file: '名册.xlsx',
      sheets: [
        {
          name: '名册',
          rows: [
            ['序号', '姓名', '基本情况', null, '否决事项'],
            [null, null, '单位', '职务', null],
            [1, '王毅', '办公室', '主任', null],
            [2, '李娜', '财务部', '科员', '被问责'],
          ],
          merges: [
            { r1: 0, c1: 0, r2: 1, c2: 0 },
            { r1: 0, c1: 1, r2: 1, c2: 1 },
            { r1: 0, c1: 2, r2: 0, c2: 3 },
            { r1: 0, c1: 4, r2: 1, c2: 4 },
          ],
        },
      ],
    });
    expect(roster).toEqual([
      { name: '王毅', unit: '办公室', category: '主任' },
      { name: '李娜', unit: '财务部', category: '科员', flags: { 否决事项: '被问责' } },
    ]);
  });

  it('sets a note beside a name aside (李娜（女）, 丁宁 组织委员), keeps it as 名册备注, says so once per entry; real names stay whole', () => {
    const { roster, findings } = readRoster(
      sub([
        ['姓名', '单位'],
        ['李娜（女）', '机关'],
        ['王毅(女)', '机关'],
        ['张敏（支部书记）', '机关'],
        ['丁宁 组织委员', '机关'],
        ['陈刚\n宣传委员', '机关'],
        ['周丽（女，回族） 纪检委员', '机关'],
        ['买买提·艾力', '机关'],
        ['刘　洋', '机关'],
        ['阿依古丽 买买提', '机关'],
        ['吴芳 1985', '机关'], // digits: not a post, kept whole and reported as before
      ]),
    );
    expect(roster.map((r) => [r.name, r.flags?.名册备注])).toEqual([
      ['李娜', '女'],
      ['王毅', '女'],
      ['张敏', '支部书记'],
      ['丁宁', '组织委员'],
      ['陈刚', '宣传委员'],
      ['周丽', '女，回族，纪检委员'],
      ['买买提·艾力', undefined],
      ['刘洋', undefined],
      ['阿依古丽 买买提', undefined],
      ['吴芳 1985', undefined],
    ]);
    expect(findings.filter((f) => f.code === 'ROSTER_NAME_NOTE').map((f) => [f.cell, f.subject, f.severity])).toEqual([
      ['A2', '李娜', 'warning'],
      ['A3', '王毅', 'warning'],
      ['A4', '张敏', 'warning'],
      ['A5', '丁宁', 'warning'],
      ['A6', '陈刚', 'warning'],
      ['A7', '周丽', 'warning'],
    ]);
    expect(findings[0].message).toBe('名册中「李娜（女）」按「李娜」读入，「女」作为备注保留（不印在测评表和结果中）');
    expect(findings.filter((f) => f.code !== 'ROSTER_NAME_NOTE').map((f) => f.cell)).toEqual(['A11']);
    // A ballot's 李娜 is the roster's name exactly: no NAME_NORMALISED on every ballot.
    expect(matchName(buildRoster(roster), '李娜')).toEqual({ kind: 'exact', index: 0 });
    expect(matchName(buildRoster(roster), '丁宁')).toEqual({ kind: 'exact', index: 3 });
  });

  it('a 预备党员 written in brackets beside the name (陈刚（预备党员）) is read as one, from the note kept', () => {
    const { roster } = readRoster(sub([['姓名'], ['陈刚（预备党员）'], ['王毅']]));
    expect(rosterCategory(roster[0], '预备党员')).toEqual({ says: 'yes', field: '名册备注', text: '预备党员' });
    expect(rosterCategory(roster[1], '预备党员')).toBeNull();
  });

  it('people of one name told apart by the notes beside them (王伟（办公室）, 王伟（财务部）): the notes serve as units', () => {
    const { roster, findings } = readRoster(sub([['姓名'], ['王伟（办公室）'], ['王伟（财务部）']]));
    expect(roster.map((r) => r.name)).toEqual(['王伟', '王伟']);
    expect(findings.filter((f) => f.code === 'ROSTER_DUPLICATE_NAME').map((f) => f.message)).toEqual([
      '名册中「王伟」出现 2 次（名册!A2、名册!A3），均已保留；将按单位区分：生成的测评表写作「王伟（办公室）」等，回收的表上也须这样写明单位，或有单位栏',
    ]);
    const built = buildRoster(roster);
    expect(subjectLabel(built, built.all[1])).toBe('王伟（财务部）');
    expect(tellApart(built, [0, 1], '王伟（财务部）')).toEqual({ index: 1, by: 'unit' });
    expect(tellApart(built, [0, 1], '王伟')).toBeNull();
  });

  it('people of one name in units whose names contain one another (办公室 / 党委办公室): the unit written exactly wins, a short form decides only alone', () => {
    const built = buildRoster([
      { name: '王伟', unit: '办公室' },
      { name: '王伟', unit: '党委办公室' },
      { name: '王伟', unit: '荣兴社区' },
    ]);
    expect(tellApart(built, [0, 1, 2], '王伟（办公室）')).toEqual({ index: 0, by: 'unit' });
    expect(tellApart(built, [0, 1, 2], '王伟（党委办公室）')).toEqual({ index: 1, by: 'unit' });
    expect(tellApart(built, [0, 1, 2], '王伟', '党委办公室')).toEqual({ index: 1, by: 'unit' });
    // Short and long forms of one name: 党委办 is 党委办公室's, 荣兴社区居委会 is 荣兴社区's.
    expect(tellApart(built, [0, 1, 2], '王伟（党委办）')).toEqual({ index: 1, by: 'unit' });
    expect(tellApart(built, [0, 1, 2], '王伟（荣兴社区居委会）')).toEqual({ index: 2, by: 'unit' });
    // A name inside a longer one is another body: 东荣兴社区 is no one's here, 公室 neither.
    expect(tellApart(built, [0, 1, 2], '王伟（东荣兴社区）')).toBeNull();
    expect(tellApart(built, [0, 1, 2], '王伟（公室）')).toBeNull();
  });

  it('a total written in the name column (共计2人, 合计 2 人, 总计：2人) is no one', () => {
    const { roster, findings } = readRoster(sub([['序号', '姓名'], [1, '王毅'], [2, '丁宁'], ['', '共计2人'], [null, '合计 2 人'], [null, '总计：2人'], [null, '共 2 名']]));
    expect(roster.map((r) => r.name)).toEqual(['王毅', '丁宁']);
    expect(findings).toEqual([]);
  });

  it('reports a name twice (重名) and keeps both entries', () => {
    const { roster, findings } = readRoster(
      sub([
        ['姓名', '单位'],
        ['王毅', '第一党支部'],
        ['张三', '第二党支部'],
        ['王 毅', '第三党支部'],
      ]),
    );
    expect(roster).toHaveLength(3);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'ROSTER_DUPLICATE_NAME', file: '名册.xlsx', sheet: '名册', cell: 'A4', subject: '王毅' });
    expect(findings[0].message).toBe(
      '名册中「王毅」出现 2 次（名册!A2、名册!A4），均已保留；将按单位区分：生成的测评表写作「王毅（第一党支部）」等，回收的表上也须这样写明单位，或有单位栏',
    );
    // the engine sees the same: an ambiguous name on a ballot, told apart by the unit beside it
    expect(matchName(buildRoster(roster), '王毅').kind).toBe('ambiguous');
    expect(tellApart(buildRoster(roster), [0, 2], '王毅（第三党支部）')).toEqual({ index: 2, by: 'unit' });
  });

  it('says when people of one name cannot be told apart (no units, or the same unit)', () => {
    for (const rows of [
      [['姓名'], ['王毅'], ['王毅']],
      [['姓名', '单位'], ['王毅', '办公室'], ['王毅', '办公室']],
    ]) {
      const { findings } = readRoster(sub(rows));
      expect(findings.map((f) => f.message)).toEqual([
        '名册中「王毅」出现 2 次（名册!A2、名册!A3），均已保留；评议表上的这个姓名将无法确定是谁，请在名册中填写各人的单位（或在姓名后用括号注明）加以区分',
      ]);
    }
  });

  it('reports values it cannot read in 窗口岗位 and 类型', () => {
    const { roster, findings } = readRoster(
      sub([
        ['姓名', '窗口岗位', '类型'],
        ['王毅', '也许', '其他'],
      ]),
    );
    expect(roster).toEqual([{ name: '王毅', window: false }]);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['ROSTER_VALUE_UNRECOGNISED', 'B2'],
      ['ROSTER_VALUE_UNRECOGNISED', 'C2'],
    ]);
    expect(findings[0].message).toContain('「也许」');
  });

  it('an organisation roster named by 名称 when there is no 姓名 column', () => {
    const { roster } = readRoster(
      sub([
        ['序号', '党组织名称', '所属党委'],
        [1, '第一党支部', '机关党委'],
      ]),
    );
    expect(roster).toEqual([{ name: '第一党支部', flags: { 所属党委: '机关党委' } }]);
  });

  it('reads every sheet with a header; sheets without one are ignored', () => {
    const { roster } = readRoster({
      file: '名册.xlsx',
      sheets: [
        { name: '说明', rows: [['本名册用于2024年度述职评议']], merges: [] },
        { name: '正职', rows: [['姓名', '职务类别'], ['甲', '正职']], merges: [] },
        { name: '副职', rows: [['职务类别', '姓名'], ['副职', '乙']], merges: [] },
      ],
    });
    expect(roster).toEqual([
      { name: '甲', category: '正职' },
      { name: '乙', category: '副职' },
    ]);
  });

  it('no header: one finding, no entries', () => {
    const { roster, findings } = readRoster(sub([['张三', '李四']]));
    expect(roster).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0].code).toBe('ROSTER_EMPTY');
    expect(findings[0].message).toContain('「名册.xlsx」');
  });

  it('formula cells give their cached value; error cells are reported', () => {
    const { roster, findings } = readRoster(
      sub([
        ['姓名', '单位'],
        [{ formula: 'A9', value: '王毅' }, { error: '#N/A' }],
      ]),
    );
    expect(roster).toEqual([{ name: '王毅' }]);
    expect(findings.map((f) => f.code)).toEqual(['ERROR_VALUE']);
  });

  it('end to end: an .xls roster written by another program', async () => {
    const wb = book({
      name: 'Sheet1',
      aoa: [
        ['中层干部名册'],
        ['部门', '姓名', '职务类别', '案件或事故'],
        ['营业部', '张伟', '副职', '分管网点发生责任事故'],
        ['办公室', '刘洋', '正职', null],
      ],
    });
    const out = await readWorkbook('名册.xls', write(wb, 'biff8'));
    const { roster, findings } = readRoster(out.submission!);
    expect(findings).toEqual([]);
    expect(roster).toEqual([
      { name: '张伟', unit: '营业部', category: '副职', flags: { 案件或事故: '分管网点发生责任事故' } },
      { name: '刘洋', unit: '办公室', category: '正职' },
    ]);
  });

  it.each(['村', '社区', '村（社区）', '所在村', '所在社区', '村居', '所在村（社区）'])('「%s」 is the unit (P3: the village or community), so namesakes are told apart', (header) => {
    const { roster, findings } = readRoster(sub([['姓名', header], ['王伟', '东村'], ['王伟', '西村']]));
    expect(roster).toEqual([
      { name: '王伟', unit: '东村' },
      { name: '王伟', unit: '西村' },
    ]);
    expect(findings.map((f) => f.code)).toEqual(['ROSTER_DUPLICATE_NAME']);
    expect(findings[0].message).toContain('将按单位区分');
  });

  it.each([
    [['姓名', '职务', '职务类别'], ['王毅', '营业部总经理', '正职']],
    [['姓名', '职务类别', '职务'], ['王毅', '正职', '营业部总经理']],
  ])('职务类别 (正职/副职) is the category even with a 职务 column (a job title), whichever comes first', (header, row) => {
    const { roster, findings } = readRoster(sub([header, row]));
    expect(findings).toEqual([]);
    expect(roster).toEqual([{ name: '王毅', category: '正职', flags: { 职务: '营业部总经理' } }]);
  });

  it('职务 alone is still the category, as before', () => {
    expect(readRoster(sub([['姓名', '职务'], ['王毅', '正职']])).roster).toEqual([{ name: '王毅', category: '正职' }]);
  });

  it.each(['窗口岗位（是/否）', '是否为窗口服务岗位', '是否窗口岗位(填是或否)', '窗口服务岗位'])('「%s」 is the window-post column', (header) => {
    const { roster, findings } = readRoster(sub([['姓名', header], ['李娜', '是'], ['王毅', '否']]));
    expect(findings).toEqual([]);
    expect(roster).toEqual([
      { name: '李娜', window: true },
      { name: '王毅', window: false },
    ]);
  });

  it('岗位性质 reading 窗口 / 非窗口 is the window-post column; another post (管理岗) is simply not one', () => {
    const { roster, findings } = readRoster(sub([['姓名', '岗位性质'], ['李娜', '窗口'], ['王毅', '非窗口'], ['张敏', '管理岗']]));
    expect(findings).toEqual([]);
    expect(roster.map((e) => e.window)).toEqual([true, false, false]);
  });

  it('窗口岗位 wins over 岗位性质 when both are there', () => {
    const { roster } = readRoster(sub([['姓名', '岗位性质', '窗口岗位'], ['李娜', '管理岗', '是']]));
    expect(roster).toEqual([{ name: '李娜', window: true, flags: { 岗位性质: '管理岗' } }]);
  });
});

describe('a 花名册 file filtered to one 社区 (rows hidden by the filter)', () => {
  it('reads every row, and says which rows were hidden, as the Excel host says it of the open workbook', async () => {
    const XLSX = await import('@e965/xlsx');
    const ws = XLSX.utils.aoa_to_sheet([['姓名', '所在社区'], ['王芳', '霍尔奇社区'], ['马东', '河西社区'], ['牛西', '河西社区'], ['李强', '霍尔奇社区']]);
    ws['!rows'] = [];
    ws['!rows'][2] = { hidden: true };
    ws['!rows'][3] = { hidden: true };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '花名册');
    const out = await readWorkbook('花名册.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    const { roster, findings } = readRoster(out.submission!);
    expect(roster.map((r) => r.name)).toEqual(['王芳', '马东', '牛西', '李强']);
    // 马东 and 牛西 are on sheet rows 3–4 (0-based 2–3), names in column A.
    expect(findings.map((f) => [f.code, f.severity, f.sheet, f.cell, f.message])).toEqual([
      [
        'HIDDEN_ROWS',
        'warning',
        '花名册',
        'A3',
        '名册工作表「花名册」的第 3–4 行被隐藏或筛选掉，已照常读入名册。请核实这些人应否列入；如只应读取显示的行，请把筛选后的表格复制到新的工作表（Excel 只复制显示的行）后另存再用',
      ],
    ]);
  });
});
