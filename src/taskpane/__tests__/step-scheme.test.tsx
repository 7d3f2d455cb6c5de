/** @jest-environment jsdom */
/**
 * Step 1 (方案): restoring and saving the campaign, presets, thresholds in words, weights, vetoes,
 * the roster from a sheet or a file, importing (good and bad) and exporting the scheme as JSON, and
 * host errors shown rather than thrown.
 */
import { fireEvent, within } from '@testing-library/react';
import { getPreset } from '../../core/presets';
import { Scheme } from '../../core/scheme/scheme-schema';
import { SavedCampaign } from '../../hosts/workbook-host';
import {
  FakeHost,
  P4,
  ROSTER,
  SLOW,
  ROSTER_ROWS,
  blobText,
  captureDownloads,
  hostWithCampaign,
  openApp,
  p4Scheme,
  p4Workbook,
  screen,
  textFile,
  waitFor,
  xlsxFile,
} from './pane-test-kit';

function freshHost(kind: 'excel' | 'files' = 'excel') {
  const host = new FakeHost(kind);
  host.sheets = p4Workbook();
  return host;
}

describe('方案 step', () => {
  it('starts from the default preset when the workbook has no saved campaign, and does not save until something changes', async () => {
    const host = freshHost();
    await openApp(host);
    expect(screen.getByRole('combobox', { name: '预设方案' })).toHaveValue(P4);
    expect(screen.getByText('尚未读取名册。')).toBeInTheDocument();
    expect(host.callsOf('loadCampaign')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 400));
    expect(host.callsOf('saveCampaign')).toHaveLength(0);
  });

  it('heads the rules that only note something (p5 满意度低 → 限期整改) apart from 一票否决', async () => {
    const host = freshHost();
    host.saved = { version: 1, scheme: getPreset('p5-party-members'), roster: ROSTER };
    await openApp(host);
    // p5: 党风廉政 (exclude) and 满意度低 (note).
    expect(screen.getByRole('heading', { name: '一票否决与需注明的情形', level: 3 })).toBeInTheDocument();
  });

  it('names the form of each share threshold (p5: 附表1, 附表2, 附表3), so no two fields have the same label', async () => {
    const host = freshHost();
    host.saved = { version: 1, scheme: getPreset('p5-party-members'), roster: ROSTER };
    await openApp(host);
    expect(
      screen.getByText('优秀党员：附表2 「满意」「比较满意」票得票率 90%以上（含），且附表3 「满意」「比较满意」票得票率 90%以上（含）（只对窗口岗位）'),
    ).toBeInTheDocument();
    for (const form of ['附表1', '附表2', '附表3'])
      expect(screen.getByRole('textbox', { name: `「群众满意度低」的${form} 「满意」「比较满意」票得票率（%）` })).toBeInTheDocument();
    // The tier said as a tier, then what is measured, each condition numbered.
    expect(screen.getByRole('textbox', { name: '「优秀党员」等次条件1的附表2 「满意」「比较满意」票得票率（%）' })).toBeInTheDocument();
    // No p5 rule weighs 党员 against 服务对象 (shares of all groups together): no weights to fill in.
    expect(screen.queryByRole('textbox', { name: /权重/ })).toBeNull();
    expect(screen.getByText('本方案的规则不按类别加权，各类别不需要权重。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '「党员」应参评人数' })).toBeInTheDocument();
  });

  it('p1 says its tier before the level counted: 「优秀」等次的「优秀」票得票率, not 「优秀」「优秀」票得票率', async () => {
    const host = freshHost();
    host.saved = { version: 1, scheme: getPreset('p1-double-pledge'), roster: ROSTER };
    await openApp(host);
    expect(screen.getByRole('combobox', { name: '「优秀」等次的「优秀」票得票率的比较方式' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /「优秀」「优秀」/ })).toBeNull();
  });

  it('restores the scheme and roster saved with the workbook', async () => {
    const host = freshHost();
    host.saved = { version: 1, scheme: p4Scheme((s) => (s.raterGroups[0].weight = 70)), roster: ROSTER };
    await openApp(host, { defaultPresetId: 'p5-party-members' });
    expect(screen.getByText(/已恢复本工作簿保存的方案「中层干部述职考核/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '预设方案' })).toHaveValue(P4);
    expect(screen.getByText('名册：3 人（工作簿中保存的名册）')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '「干部」权重' })).toHaveValue('70');
  });

  it('says so when the saved scheme is broken, and falls back to the preset', async () => {
    const host = freshHost();
    const broken = { ...p4Scheme(), tiers: [] } as unknown as Scheme;
    host.saved = { version: 1, scheme: broken, roster: [] };
    await openApp(host);
    expect(screen.getByText(/工作簿中保存的方案无法使用，已改用预设方案：等次（tiers）：至少要有一项/)).toBeInTheDocument();
  });

  it('shows the host error when the saved campaign cannot be read, and still works', async () => {
    const host = freshHost();
    host.failures.loadCampaign = 'Excel 正忙（单元格正在编辑），请先按 Enter 或 Esc 结束编辑';
    await openApp(host);
    expect(screen.getByText('读取工作簿中保存的方案失败：Excel 正忙（单元格正在编辑），请先按 Enter 或 Esc 结束编辑')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '预设方案' })).toBeInTheDocument();
  });

  it('switches preset and saves the new scheme to the workbook', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    await user.selectOptions(screen.getByRole('combobox', { name: '预设方案' }), 'p4-secretary-appraisal');
    expect(screen.getByText(/方案说明：/)).toHaveTextContent(getPreset('p4-secretary-appraisal').name);
    await waitFor(() => expect(host.callsOf('saveCampaign').length).toBeGreaterThan(0));
    expect(host.lastSaved().scheme.id).toBe('p4-secretary-appraisal');
    // Its veto threshold is said in words: 超过 excludes the number.
    expect(screen.getAllByText(/「一般」「差」票得票率超过 10%/).length).toBeGreaterThan(0);
  });

  it('shows the tier thresholds in words and changes 以上（含） to 超过', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    expect(screen.getByText('优秀：得分 85 分以上（含）')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: '「优秀」等次的分数线的比较方式' }), '>');
    expect(screen.getByText('优秀：得分超过 85 分')).toBeInTheDocument();
    await waitFor(() => expect(host.lastSaved().scheme.classification.rules[0].when[0]).toEqual({ kind: 'score', op: '>', value: 85 }));
  });

  it('changes a threshold value and a weight, showing each group\'s share', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    const threshold = screen.getByRole('textbox', { name: '「优秀」等次的分数线（分）' });
    await user.clear(threshold);
    await user.type(threshold, '87.5');
    expect(screen.getByText('优秀：得分 87.5 分以上（含）')).toBeInTheDocument();

    const weight = screen.getByRole('textbox', { name: '「干部」权重' });
    await user.clear(weight);
    await user.type(weight, '60');
    expect(screen.getByText('占 54.5%')).toBeInTheDocument();
    // 60 and 50 are legal, but probably not meant: said beside the scheme, and the scheme is used as written.
    const warning = screen.getByText('方案中有可能写错的数值（仍按所写计算）').closest('.fui-MessageBar') as HTMLElement;
    expect(within(warning).getByText('评议人类别（raterGroups）的权重为 干部 60、员工 50，合计 110，不是 100：将按比例折算为 干部 54.55%、员工 45.45%；如不是本意，请改正权重')).toBeInTheDocument();
    await waitFor(() => {
      const saved = host.lastSaved().scheme;
      expect(saved.raterGroups[0].weight).toBe(60);
      expect(saved.classification.rules[0].when[0]).toMatchObject({ value: '87.5' });
    });
  });

  it('two rounds (p3 村评, 镇评): 应参评人数 per round, saved in the scheme and used for 回收率 per round', async () => {
    const host = freshHost();
    host.saved = { version: 1, scheme: getPreset('p3-village-two-rounds'), roster: ROSTER };
    const { user } = await openApp(host);
    const town = screen.getByRole('textbox', { name: '「参会人员」镇评应参评人数' });
    await user.type(town, '20');
    await waitFor(() => expect(host.lastSaved().scheme.raterGroups[0].expectedByRound).toEqual({ town: 20 }));
    await user.clear(town);
    await waitFor(() => expect(host.lastSaved().scheme.raterGroups[0].expectedByRound).toBeUndefined());
  });

  it('refuses an edit that breaks the scheme and says why (all weights 0)', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    const cadre = screen.getByRole('textbox', { name: '「干部」权重' });
    const staff = screen.getByRole('textbox', { name: '「员工」权重' });
    await user.clear(cadre);
    await user.type(cadre, '0');
    await user.clear(staff);
    await user.type(staff, '0');
    expect(screen.getByText(/未生效：评议人类别（raterGroups）：各类别权重不能全为 0/)).toBeInTheDocument();
    await user.clear(staff);
    await user.type(staff, 'abc');
    expect(screen.getByText('请输入数字')).toBeInTheDocument();
    await waitFor(() => expect(host.lastSaved().scheme.raterGroups.map((g) => g.weight)).toEqual([0, 50]));
  });

  it('switches a veto off and on again', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    const veto = screen.getByRole('switch', { name: '分管战线发生经济、刑事案件或责任事故' });
    expect(veto).toBeChecked();
    expect(screen.getByText(/名册「案件或事故」栏有内容，或名册「事故」栏有内容：一律定为「不称职」/)).toBeInTheDocument();
    await user.click(veto);
    expect(screen.getByRole('switch', { name: '分管战线发生经济、刑事案件或责任事故' })).not.toBeChecked();
    expect(screen.getByText(/（已停用）/)).toBeInTheDocument();
    await waitFor(() => expect(host.lastSaved().scheme.vetoes).toEqual([]));
    await user.click(screen.getByRole('switch', { name: '分管战线发生经济、刑事案件或责任事故' }));
    await waitFor(() => expect(host.lastSaved().scheme.vetoes.map((v) => v.id)).toEqual(['incident']));
  });

  it('shows a veto switched off in a saved campaign as off (known from its preset)', async () => {
    const host = freshHost();
    host.saved = { version: 1, scheme: p4Scheme((s) => (s.vetoes = [])), roster: [] };
    await openApp(host);
    expect(screen.getByRole('switch', { name: '分管战线发生经济、刑事案件或责任事故' })).not.toBeChecked();
  });

  it('edits quotas, rectification days and the results date', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    const share = screen.getByRole('textbox', { name: '「动态调整」比例' });
    await user.clear(share);
    await user.type(share, '5');
    expect(screen.getByText('排名末位约 5% 列入「动态调整」')).toBeInTheDocument();
    const days = screen.getByRole('textbox', { name: /整改期限（天）：「不称职」/ });
    await user.clear(days);
    await user.type(days, '15');
    expect(screen.getByText('结果公布后 15 天内完成整改')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('结果公布日期（整改期限从此日起算）'), { target: { value: '2026-12-20' } });
    await waitFor(() => {
      const s = host.lastSaved().scheme;
      expect(s.designations[0].share).toBe(5);
      expect(s.consequences[0].rectifyWithinDays).toBe(15);
      expect(s.resultsDate).toBe('2026-12-20');
    });
    // A third as the exact fraction (不超过三分之一: 33.33% of 9 would round down to 2 places, not 3).
    await user.clear(share);
    await user.type(share, '1/3');
    expect(screen.getByText('排名末位约 1/3 列入「动态调整」')).toBeInTheDocument();
    await waitFor(() => expect(host.lastSaved().scheme.designations[0].share).toBe('1/3'));
    await user.clear(share);
    await user.type(share, '三分之一');
    expect(screen.getByText('请输入数字（百分数，如 20），或分数（如 1/3）')).toBeInTheDocument();
    await user.clear(share);
    await user.type(share, '5');
    // A date before today is taken, and said: every deadline counted from it may have passed.
    fireEvent.change(screen.getByLabelText('结果公布日期（整改期限从此日起算）'), { target: { value: '2019-01-01' } });
    expect(await screen.findByText('2019-01-01 早于今天：整改期限从这一天起算，可能已经过期；如是今年的评议，请改正日期')).toBeInTheDocument();
  });

  it('sets the 考核年度 beside 结果公布日期: a January date is taken as last year\'s campaign and said; a year typed is saved, cleared is gone', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    fireEvent.change(screen.getByLabelText('结果公布日期（整改期限从此日起算）'), { target: { value: '2027-01-08' } });
    // By hand: 2027-01-08 is in January–March, so the campaign is taken as 2026年度 (seed 001: 次年1月5日前).
    expect(await screen.findByText('不填则按 2026 年度（方案的结果日期 2027-01-08 在1月至3月，按上一年计）；如为 2027 年度，请填写 2027')).toBeInTheDocument();
    const year = screen.getByRole('textbox', { name: /考核年度/ });
    await user.type(year, '2027');
    await waitFor(() => expect(host.lastSaved().scheme.year).toBe(2027));
    expect(screen.getByText('标题写作“2027年度”，往年结果读 2027 年以前的')).toBeInTheDocument();
    await user.clear(year);
    await user.type(year, '27');
    expect(screen.getByText('不能小于 2000')).toBeInTheDocument();
    await user.clear(year);
    await waitFor(() => expect(host.lastSaved().scheme.year).toBeUndefined());
  });

  it('switches a quota between a share and a number of places, one number or one per unit (上级按支部分配名额)', async () => {
    const host = freshHost();
    // p5: 优秀党员 at most 20% of each 支部's members; ROSTER has two units, 营业部 and 零售部.
    host.saved = { version: 1, scheme: getPreset('p5-party-members'), roster: ROSTER };
    const { user } = await openApp(host);
    expect(screen.getByRole('textbox', { name: '「优秀党员」名额比例' })).toHaveValue('20');
    await user.click(within(screen.getByRole('radiogroup', { name: '「优秀党员」名额按' })).getByRole('radio', { name: /名数/ }));
    const count = screen.getByRole('textbox', { name: '「优秀党员」名额（名数）' });
    await user.clear(count);
    await user.type(count, '3');
    expect(screen.getByText('每个单位「优秀党员」不超过 3 名；名额边界处并列的，由评议委员会决定')).toBeInTheDocument();
    await waitFor(() => {
      const q = host.lastSaved().scheme.quotas[0];
      expect(q).toEqual({ tiers: ['优秀党员'], kind: 'max', count: 3, per: 'unit', cite: getPreset('p5-party-members').quotas[0].cite });
    });
    // The share's 党员人数 is not asked for a number of places.
    expect(screen.queryByRole('textbox', { name: '党员（成员）人数' })).toBeNull();
    // 0 for everyone is refused (most often meant as 不限); a unit may be given 0.
    await user.clear(count);
    await user.type(count, '0');
    expect(screen.getByText('不能小于 1')).toBeInTheDocument();
    await user.clear(count);
    await user.type(count, '2');
    await user.click(screen.getByRole('checkbox', { name: '按单位分配（各单位名额不同）' }));
    const retail = screen.getByRole('textbox', { name: '零售部：「优秀党员」名额' });
    expect(screen.getByRole('textbox', { name: '营业部：「优秀党员」名额' })).toHaveValue('2');
    await user.clear(retail);
    await user.type(retail, '0');
    expect(screen.getByText('「优秀党员」按单位分配名额，各单位不超过：营业部 2 名、零售部 0 名；名额边界处并列的，由评议委员会决定')).toBeInTheDocument();
    await waitFor(() => expect(host.lastSaved().scheme.quotas[0].count).toEqual({ 营业部: 2, 零售部: 0 }));
    // Back to a share: the preset's 20% of members, rounded down, per unit.
    await user.click(within(screen.getByRole('radiogroup', { name: '「优秀党员」名额按' })).getByRole('radio', { name: '比例' }));
    await waitFor(() => expect(host.lastSaved().scheme.quotas[0]).toEqual(getPreset('p5-party-members').quotas[0]));
  });

  it('shows and edits a designation\'s shares per category, and switches ranking per category (seed 003 篇七 四、(三), 篇六 二、)', async () => {
    const host = freshHost();
    const scheme = p4Scheme();
    scheme.designations = [{ name: '重点管理', kind: 'at-least', byCategory: [{ categories: ['正职'], share: 10 }], share: 5, cite: '篇七' }];
    host.saved = { version: 1, scheme, roster: ROSTER };
    const { user } = await openApp(host);
    expect(screen.getByText('按类别分别计算，排名末位正职不低于 10%，其他类别不低于 5% 列入「重点管理」')).toBeInTheDocument();
    const own = screen.getByRole('textbox', { name: '「重点管理」正职比例' });
    await user.clear(own);
    await user.type(own, '20');
    await waitFor(() => expect(host.lastSaved().scheme.designations[0].byCategory![0].share).toBe(20));
    // Left empty, the other categories have no share: said in words, and saved without it.
    await user.clear(screen.getByRole('textbox', { name: '「重点管理」其他类别比例' }));
    await user.tab();
    expect(await screen.findByText('按类别分别计算，排名末位正职不低于 20%，其他类别无比例（不参加认定） 列入「重点管理」')).toBeInTheDocument();
    await waitFor(() => expect(host.lastSaved().scheme.designations[0].share).toBeUndefined());
    // The roster has 正职 and 副职: ranking per category is offered.
    await user.click(screen.getByRole('switch', { name: '按类别（职务类别）分别排名' }));
    await waitFor(() => expect(host.lastSaved().scheme.ranking.per).toBe('category'));
    await user.click(screen.getByRole('switch', { name: '按类别（职务类别）分别排名' }));
    await waitFor(() => expect(host.lastSaved().scheme.ranking.per).toBeUndefined());
  });

  it('sets how votes are counted: denominators, marks agreed besides √, identical ballots', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    // P4 篇六 has only score sheets: no marks to agree on, no shares to divide; but 干部×50% + 员工×50% may lack a half.
    expect(screen.queryByRole('textbox', { name: /另行约定的记号/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /缺少某一类别.*折算/ }));
    await waitFor(() => expect(host.lastSaved().scheme.counting.missingGroup).toBe('rescale'));
    await user.selectOptions(screen.getByRole('combobox', { name: '预设方案' }), 'p5-party-members');
    const marks = screen.getByRole('textbox', { name: /另行约定的记号/ });
    await user.type(marks, 'V、○ V{Enter}');
    expect(await screen.findByText('已认可：「V」「○」；遇到时在校验结果中提醒')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /弃权.*计入得票率的分母/ }));
    await user.click(screen.getByRole('radio', { name: /只计入第一张/ }));
    await waitFor(() => {
      const { counting } = host.lastSaved().scheme;
      expect(counting).toEqual({ abstentionsInDenominator: true, invalidInDenominator: false, extraMarks: ['V', '○'], duplicates: 'exclude' });
    });
    // p5 combines no groups by weight and gives no score: nothing to rescale.
    expect(screen.queryByRole('checkbox', { name: /缺少某一类别/ })).toBeNull();
    // A mark too long to be one is refused, and the scheme keeps the marks it had.
    await user.clear(marks);
    await user.type(marks, 'V 打勾的都算{Enter}');
    expect(screen.getByText(/「打勾的都算」太长/)).toBeInTheDocument();
    expect(host.lastSaved().scheme.counting.extraMarks).toEqual(['V', '○']);
  });

  it('fills the 落款, telephone and 公示期 of the 公示表, and clears one back to a blank to fill by hand', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    await user.type(screen.getByRole('textbox', { name: /发布单位/ }), '中共某某委员会组织部{Enter}');
    await user.type(screen.getByRole('textbox', { name: '联系电话' }), '0574-87654321{Enter}');
    await waitFor(() => expect(host.lastSaved().scheme.publication).toEqual({ issuer: '中共某某委员会组织部', telephone: '0574-87654321' }));
    await user.clear(screen.getByRole('textbox', { name: '联系电话' }));
    await user.tab();
    await waitFor(() => expect(host.lastSaved().scheme.publication).toEqual({ issuer: '中共某某委员会组织部' }));
  });

  it('reads the roster from a sheet of this workbook', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    const select = screen.getByRole('combobox', { name: '名册所在工作表' });
    await waitFor(() => expect(select).toHaveValue('名册'));
    // The add-in's own result sheet is not offered.
    expect(within(select).queryByRole('option', { name: '排名表' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '从工作表读取名册' }));
    expect(await screen.findByText('名册：3 人（工作表「名册」）')).toBeInTheDocument();
    expect(host.callsOf('readSheets')).toEqual([[['名册']]]);
    await waitFor(() => expect(host.lastSaved().roster.map((r) => r.name)).toEqual(['王芳', '李强', '张伟']));
    expect(host.lastSaved().roster[2].flags).toEqual({ 事故: '分管网点发生责任事故' });
  });

  it('shows a host error while reading the roster sheet, without crashing', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    await waitFor(() => expect(screen.getByRole('combobox', { name: '名册所在工作表' })).toHaveValue('名册'));
    host.failures.readSheets = '工作表「名册」受保护，无法读取';
    await user.click(screen.getByRole('button', { name: '从工作表读取名册' }));
    expect(await screen.findByText('读取名册失败')).toBeInTheDocument();
    expect(screen.getByText('工作表「名册」受保护，无法读取')).toBeInTheDocument();
    expect(screen.getByText('尚未读取名册。')).toBeInTheDocument();
  });

  it('reads the roster from a file', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    await user.upload(screen.getByLabelText('从文件读取名册'), xlsxFile('名册.xlsx', { 名册: ROSTER_ROWS }));
    expect(await screen.findByText('名册：3 人（文件「名册.xlsx」）', {}, SLOW)).toBeInTheDocument();
    await user.click(screen.getByText('查看名册'));
    // Its flags too, so the clerk can check what the vetoes will see.
    expect(screen.getByText('张伟（零售部） 副职 · 事故：分管网点发生责任事故')).toBeInTheDocument();
    expect(screen.getByText('王芳（营业部） 正职')).toBeInTheDocument();
  });

  it('keeps the roster in use when a new file yields no one, and says why', async () => {
    const host = hostWithCampaign('files');
    const { user } = await openApp(host);
    expect(screen.getByText('名册：3 人（浏览器中保存的名册）')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('从文件读取名册'), xlsxFile('无姓名列.xlsx', { 名册: [['单位', '职务类别'], ['营业部', '正职']] }));
    expect(await screen.findByText('文件「无姓名列.xlsx」中没有读到任何人，仍使用原来的名册', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('名册：3 人（浏览器中保存的名册）')).toBeInTheDocument();
  });

  it('warns, before the forms go out, that 附表1 rates 党支部 and the roster has none (名册 and 模板)', async () => {
    const host = hostWithCampaign('files', getPreset('p5-party-members'));
    const { user } = await openApp(host);
    const text = '「附表1」评议的是党组织，名册中没有任何党组织；请在名册中加一行，姓名栏写党组织的名称，类型栏写「组织」；否则收回的「附表1」都无法计入';
    expect(screen.getByText(text)).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /模板/ }));
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it('reports a roster file that is not a workbook', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    await user.upload(screen.getByLabelText('从文件读取名册'), textFile('名册.xlsx', ''));
    expect(await screen.findByText(/「名册.xlsx」是空文件/, {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('尚未读取名册。')).toBeInTheDocument();
  });

  it('reads 往年结果 from a file for a 连续 N 次 scheme, and lists each row with its years', async () => {
    const host = freshHost();
    host.saved = { version: 1, scheme: getPreset('p3-community-consecutive'), roster: [{ name: '王伟', unit: '荣兴社区' }, { name: '李强', unit: '荣兴社区' }] };
    const { user } = await openApp(host);
    const rows = [
      ['姓名', '所在社区', '2025年', '2024年'],
      ['王伟', '荣兴社区', '不合格', null],
      ['李强', '荣兴社区', '合格', '合格'],
    ];
    await user.upload(screen.getByLabelText('从文件读取往年结果'), xlsxFile('往年结果.xlsx', { 往年结果: rows }));
    expect(await screen.findByText('往年结果：2 人（文件「往年结果.xlsx」）', {}, SLOW)).toBeInTheDocument();
    await user.click(screen.getByText('查看往年结果'));
    expect(screen.getByText('王伟（荣兴社区）：2025年 不合格、2024年 （空）')).toBeInTheDocument();
    // Saved with the workbook as read: each year with its cell, so the engine can tell a blank year.
    await waitFor(() => expect(host.lastSaved().history?.rows[0].years).toEqual([{ year: 2025, tier: '不合格', cell: 'C2' }, { year: 2024, tier: '', cell: 'D2' }]));
  });

  it('does not restore 往年结果 saved by an earlier version (names and tiers, no years), and says to read it again', async () => {
    const host = freshHost();
    const old = { 王伟: ['不合格', '不合格'] } as unknown as NonNullable<SavedCampaign['history']>;
    host.saved = { version: 1, scheme: getPreset('p3-community-consecutive'), roster: [{ name: '王伟' }], history: old };
    await openApp(host);
    expect(screen.getByText(/保存的往年结果是旧版本的格式（没有年度列的位置），未恢复，请重新读取往年结果。/)).toBeInTheDocument();
    expect(screen.getByText(/本方案有“连续被评为某等次”的处理，需要往年结果/)).toBeInTheDocument();
  });

  it('imports a scheme JSON and shows every field problem of a bad one', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    const bad = { ...p4Scheme(), raterGroups: [{ id: 'a', name: '干部', weight: -1 }], unknownField: 1 };
    await user.upload(screen.getByLabelText('导入方案（JSON）'), textFile('坏方案.json', JSON.stringify(bad), 'application/json'));
    const alert = await screen.findByText('方案文件「坏方案.json」有误，未导入');
    const bar = alert.closest('[role="group"], .fui-MessageBar') as HTMLElement;
    expect(within(bar).getByText('评议人类别「干部」的权重（raterGroups[0].weight）：不能是负数（现为 -1）')).toBeInTheDocument();
    expect(within(bar).getByText('方案中有未知的项「unknownField」：方案中没有这一项，请删去或改正拼写')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '预设方案' })).toHaveValue(P4);

    await user.upload(screen.getByLabelText('导入方案（JSON）'), textFile('不是JSON.json', '{ 方案', 'application/json'));
    expect(await screen.findByText('JSON 格式错误：第 1 行第 3 列附近：项目名须加英文双引号，如 "weight": 50。该行为：{ 方案')).toBeInTheDocument();
    expect(screen.getByText('方案文件「不是JSON.json」有误，未导入')).toBeInTheDocument();

    const good = p4Scheme((s) => {
      s.id = 'my-scheme';
      s.name = '本行自定方案';
    });
    await user.upload(screen.getByLabelText('导入方案（JSON）'), textFile('好方案.json', JSON.stringify(good), 'application/json'));
    expect(await screen.findByText('已导入方案「本行自定方案」（好方案.json）')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '预设方案' })).toHaveValue('my-scheme');
    expect(screen.queryByText(/有误，未导入/)).toBeNull();
    await waitFor(() => expect(host.lastSaved().scheme.id).toBe('my-scheme'));
  });

  it('imports a scheme with a value that is probably a slip (0.85 for 85): imported, and the value is pointed out', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    expect(screen.queryByText('方案中有可能写错的数值（仍按所写计算）')).toBeNull();
    const slip = p4Scheme((s) => {
      s.id = 'my-scheme';
      s.name = '本行自定方案';
      s.classification.rules[0].when[0] = { kind: 'score', op: '>=', value: 0.85 };
    });
    await user.upload(screen.getByLabelText('导入方案（JSON）'), textFile('本行方案.json', JSON.stringify(slip), 'application/json'));
    expect(await screen.findByText('已导入方案「本行自定方案」（本行方案.json）')).toBeInTheDocument();
    expect(screen.getByText('方案中有可能写错的数值（仍按所写计算）')).toBeInTheDocument();
    expect(
      screen.getByText('第 1 条等次规则（优秀）的第 1 个条件的分数线（classification.rules[0].when[0].value）是 0.85，而得分在 0 到 100 分之间：是否应为 85？按 0.85 分计，几乎所有人都在分数线的同一边'),
    ).toBeInTheDocument();
    // Back to a preset: nothing to point out.
    await user.selectOptions(screen.getByRole('combobox', { name: '预设方案' }), P4);
    expect(screen.queryByText('方案中有可能写错的数值（仍按所写计算）')).toBeNull();
  });

  it('exports the scheme as a JSON download', async () => {
    const downloads = captureDownloads();
    try {
      const host = freshHost();
      const { user } = await openApp(host);
      await user.click(screen.getByRole('button', { name: '导出方案（JSON）' }));
      // By its Chinese name, as saved.
      expect(downloads.names).toEqual(['中层干部述职考核（干部、员工加权）.json']);
      const exported = JSON.parse(await blobText(downloads.blobs[0]));
      expect(exported).toEqual(getPreset(P4));
      // A / in the name (附表1/2/3), which Windows refuses in a file name, becomes 、 as a clerk would write it.
      await user.selectOptions(screen.getByRole('combobox', { name: '预设方案' }), 'p5-party-members');
      await user.click(screen.getByRole('button', { name: '导出方案（JSON）' }));
      expect(downloads.names[1]).toBe('民主评议党员（附表1、2、3）.json');
    } finally {
      downloads.restore();
    }
  });

  it('marks the preset\'s 方案说明 as its original text once a rule it states is edited, on the step and in the exported file', async () => {
    const downloads = captureDownloads();
    try {
      const host = freshHost();
      const { user } = await openApp(host);
      const original = getPreset(P4).description;
      expect(original).toContain('干部打分×50%＋员工打分×50%');
      const said = () => screen.getByText((_t, el) => el?.tagName === 'P' && el.textContent!.includes('集中述职测评得分')).textContent;
      // 应参评人数 is the campaign's own fact, stated in no description: the text stays the preset's.
      const expected = screen.getByRole('textbox', { name: '「员工」应参评人数' });
      await user.type(expected, '20');
      await user.tab();
      await waitFor(() => expect(host.lastSaved().scheme.raterGroups[1].expected).toBe(20));
      expect(said()).toBe(original);

      for (const [label, value] of [['「干部」权重', '60'], ['「员工」权重', '40']]) {
        const field = screen.getByRole('textbox', { name: label });
        await user.clear(field);
        await user.type(field, value);
        await user.tab();
      }
      expect(said()).toBe(`（以下是预设方案的原文。本方案的权重、等次标准等设置已修改，与原文不一致之处以本方案的设置为准。）${original}`);
      await user.click(screen.getByRole('button', { name: '导出方案（JSON）' }));
      const exported = JSON.parse(await blobText(downloads.blobs[0]));
      expect(exported.raterGroups.map((g: { weight: number }) => g.weight)).toEqual([60, 40]);
      expect(exported.description).toBe(said());

      // Back to the preset's 50/50: its own text again, unmarked.
      for (const label of ['「干部」权重', '「员工」权重']) {
        const field = screen.getByRole('textbox', { name: label });
        await user.clear(field);
        await user.type(field, '50');
        await user.tab();
      }
      expect(said()).toBe(original);
    } finally {
      downloads.restore();
    }
  });

  it('shows why the campaign could not be saved', async () => {
    const host = freshHost();
    const { user } = await openApp(host);
    host.failures.saveCampaign = '当前 Excel 版本过旧，不支持保存设置（需要 ExcelApi 1.4）';
    await user.selectOptions(screen.getByRole('combobox', { name: '预设方案' }), 'p5-party-members');
    expect(await screen.findByText('当前 Excel 版本过旧，不支持保存设置（需要 ExcelApi 1.4）')).toBeInTheDocument();
    expect(screen.getByText('方案未能保存到工作簿')).toBeInTheDocument();
  });

  it('offers no sheet actions outside Excel (files host)', async () => {
    const host = freshHost('files');
    await openApp(host);
    expect(screen.queryByRole('button', { name: '从工作表读取名册' })).toBeNull();
    expect(screen.getByRole('button', { name: '从文件读取名册' })).toBeInTheDocument();
    expect(host.callsOf('listSheets')).toHaveLength(0);
  });
});
