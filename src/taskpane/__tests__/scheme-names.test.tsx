/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (Node export conditions: exceljs's uuid otherwise resolves to its ES-module browser build, which jest cannot load.)
/**
 * The 方案 step in words (scheme-names.tsx): a clerk renames the campaign, a rater group and a round, rewrites a
 * 结果运用, and gives 党员人数 per 支部, without JSON; each edit is refused beside its field when it cannot be, saved
 * with the workbook, carried by the exported 方案, and printed on the templates.
 */
import { fireEvent } from '@testing-library/react';
import { getPreset } from '../../core/presets';
import { SheetDescription } from '../../core/output/sheet-description';
import { EDITED_DESCRIPTION_NOTE } from '../scheme-description';
import { P4, ROSTER, blobText, captureDownloads, hostWithCampaign, openApp, screen, textFile, waitFor } from './pane-test-kit';

// The pane revokes a download's URL 30 s after the click (browser-files.ts), when captureDownloads has put back
// jsdom's URL, which has no revokeObjectURL: on a busy machine that lands in a later test of this file.
const url = URL as unknown as { revokeObjectURL?: (u: string) => void };
if (typeof url.revokeObjectURL !== 'function') url.revokeObjectURL = () => {};

/** Waits for the debounced save: generous, as the machine may be busy with other jobs (this only catches a save that never comes). */
const SAVED = { timeout: 10_000 };

/** What the 方案说明 says (the P4 preset's text begins 集中述职测评得分). */
const said = () => screen.getByText((_t, el) => el?.tagName === 'P' && el.textContent!.includes('集中述职测评得分')).textContent;

/** Types into a text setting and leaves it (it is applied on leaving, not at every keystroke). */
async function retype(user: Awaited<ReturnType<typeof openApp>>['user'], label: string, text: string) {
  const box = screen.getByRole('textbox', { name: label });
  await user.clear(box);
  if (text) await user.type(box, text);
  fireEvent.blur(box);
}

describe('方案 step: names in the clerk\'s words', () => {
  it('renames the rater groups, keeping the old names readable, and says beside the field why a name is refused', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host);
    const original = getPreset(P4).description;
    expect(said()).toBe(original);

    await retype(user, '评议人类别 1 的名称', '中层干部');
    await waitFor(() => expect(host.lastSaved().scheme.raterGroups[0]).toMatchObject({ id: 'cadre', name: '中层干部', aliases: ['干部打分', '干部'] }), SAVED);
    // The fields that name the group follow it, and the preset's text (干部打分×50%) is marked as its original.
    expect(screen.getByRole('textbox', { name: '「中层干部」权重' })).toBeInTheDocument();
    expect(screen.getByText('表上写作「干部打分」「干部」的，也按此类别读取')).toBeInTheDocument();
    expect(said()).toBe(`${EDITED_DESCRIPTION_NOTE}${original}`);

    // 干部 is now the first group's old name: ballots saying it are read as 中层干部, so it cannot be the second's.
    await retype(user, '评议人类别 2 的名称', '干部');
    expect(screen.getByText('「干部」是评议人类别「中层干部」的别名（表上写「干部」的票按「中层干部」读取），请换一个名称')).toBeInTheDocument();
    await retype(user, '评议人类别 2 的名称', '中层干部');
    expect(screen.getByText('已有名为「中层干部」的评议人类别，两个评议人类别不能同名（表上的评议人类别就分不出来了）')).toBeInTheDocument();
    await retype(user, '评议人类别 2 的名称', '');
    expect(screen.getByText('名称不能为空')).toBeInTheDocument();
    expect(host.lastSaved().scheme.raterGroups[1].name).toBe('员工');

    // 员工代表 was one of its own aliases: taken, and 员工 kept in its place.
    await retype(user, '评议人类别 2 的名称', '员工代表');
    await waitFor(() => expect(host.lastSaved().scheme.raterGroups[1]).toMatchObject({ name: '员工代表', aliases: ['员工打分', '部分员工', '员工'] }), SAVED);
    expect(screen.queryByText('名称不能为空')).toBeNull();
  });

  it('renames a round (p3 村评), its old name kept', async () => {
    const host = hostWithCampaign('excel', getPreset('p3-village-two-rounds'));
    const { user } = await openApp(host);
    await retype(user, '轮次 1 的名称', '村级评议');
    await waitFor(() => expect(host.lastSaved().scheme.rounds[0]).toEqual({ id: 'village', name: '村级评议', aliases: ['村述村评', '村级测评', '村评'] }), SAVED);
    expect(screen.getByRole('textbox', { name: '「参会人员」村级评议应参评人数' })).toBeInTheDocument();
    await retype(user, '轮次 2 的名称', '村述村评');
    expect(screen.getByText('「村述村评」是轮次「村级评议」的别名（表上写「村述村评」的票按「村级评议」读取），请换一个名称')).toBeInTheDocument();
  });

  it('carries the campaign\'s names, a renamed group and a rewritten action in the exported 方案, which imports back the same', async () => {
    const downloads = captureDownloads();
    try {
      const host = hostWithCampaign();
      const { user } = await openApp(host);
      const title = '2026年度XX支行中层干部述职考核';
      await retype(user, '方案名称', title);
      await retype(user, '评议名称（结果表标题用）', title);
      await retype(user, '评议人类别 1 的名称', '中层干部');
      await retype(user, '结果运用（被评为「不称职」）', '约谈提醒');
      await waitFor(() => expect(host.lastSaved().scheme).toMatchObject({ name: title, process: title }), SAVED);
      await user.click(screen.getByRole('button', { name: '导出方案（JSON）' }));
      expect(downloads.names).toEqual([`${title}.json`]);
      const text = await blobText(downloads.blobs[0]);
      const exported = JSON.parse(text);
      expect(exported).toMatchObject({ id: P4, name: title, process: title, raterGroups: [{ name: '中层干部', aliases: ['干部打分', '干部'] }, { name: '员工' }] });
      // The preset's 不称职 consequence is the 党委's decision, with no 整改 deadline (篇六 三、(六)): only the words changed.
      expect(exported.consequences[0]).toMatchObject({ action: '约谈提醒', rectifyWithinDays: null });

      // Another preset, then the file back: the same campaign, exported again byte for byte.
      await user.selectOptions(screen.getByRole('combobox', { name: '预设方案' }), 'p5-party-members');
      await user.upload(screen.getByLabelText('导入方案（JSON）'), textFile(`${title}.json`, text, 'application/json'));
      expect(await screen.findByText(`已导入方案「${title}」（${title}.json）`)).toBeInTheDocument();
      expect(screen.getByRole('textbox', { name: '评议人类别 1 的名称' })).toHaveValue('中层干部');
      await user.click(screen.getByRole('button', { name: '导出方案（JSON）' }));
      expect(await blobText(downloads.blobs[1])).toBe(text);
    } finally {
      downloads.restore();
    }
  });

  it('a name only: the preset\'s description is not marked', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host);
    await retype(user, '评议名称（结果表标题用）', 'XX支行中层干部述职考核');
    await waitFor(() => expect(host.lastSaved().scheme.process).toBe('XX支行中层干部述职考核'), SAVED);
    expect(said()).toBe(getPreset(P4).description);
    await retype(user, '方案名称', 'a'.repeat(201));
    expect(screen.getByText('方案名称最多 200 个字（现为 201 个字）')).toBeInTheDocument();
  });

  it('prints a renamed group on the templates (测评人类别：中层干部)', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host);
    await retype(user, '评议人类别 1 的名称', '中层干部');
    await waitFor(() => expect(host.lastSaved().scheme.raterGroups[0].name).toBe('中层干部'), SAVED);
    await user.click(screen.getByRole('tab', { name: /模板/ }));
    await user.click(await screen.findByRole('button', { name: '插入空白表到本工作簿' }));
    expect(await screen.findByText('空白表已写入工作簿')).toBeInTheDocument();
    const [[written]] = host.callsOf('writeSheets') as [[SheetDescription[]]];
    const texts = (d: SheetDescription) => d.cells.flat().map((c) => c.value);
    expect(written.map((d) => d.meta?.groupId)).toEqual(['cadre', 'staff']);
    expect(texts(written[0])).toContain('测评人类别：中层干部');
    expect(texts(written[0])).not.toContain('测评人类别：干部');
  });
});

describe('方案 step: 结果运用', () => {
  it('rewrites the action, keeping its deadline, and clears the deadline separately', async () => {
    // P4 中层's 不称职 has no deadline in the preset (a 党委 decision); this campaign gave it 30 days.
    const withDeadline = getPreset(P4);
    withDeadline.consequences[0].rectifyWithinDays = 30;
    const host = hostWithCampaign('excel', withDeadline);
    const { user } = await openApp(host);
    await retype(user, '结果运用（被评为「不称职」）', '约谈提醒');
    await waitFor(() => expect(host.lastSaved().scheme.consequences[0]).toMatchObject({ action: '约谈提醒', rectifyWithinDays: 30 }), SAVED);
    const days = screen.getByRole('textbox', { name: '整改期限（天）：「不称职」约谈提醒' });
    expect(days).toHaveValue('30');
    await user.clear(days);
    await waitFor(() => expect(host.lastSaved().scheme.consequences[0]).toMatchObject({ action: '约谈提醒', rectifyWithinDays: null }), SAVED);
    expect(screen.getByText('不列入整改清单（填写天数后列入）')).toBeInTheDocument();
    await retype(user, '结果运用（被评为「不称职」）', ' ');
    expect(screen.getByText('结果运用不能为空')).toBeInTheDocument();
    expect(host.lastSaved().scheme.consequences[0].action).toBe('约谈提醒');
  });

  it('names a consequence of a veto by the veto, and a step of a 连续 N 次 ladder by its run (p3 社区)', async () => {
    const host = hostWithCampaign('excel', getPreset('p5-party-members'));
    const p5 = await openApp(host);
    expect(screen.getByRole('textbox', { name: '结果运用（「群众满意度低」）' })).toHaveValue('深入查找原因，责成本人及时落实整改责任，限期整改');
    p5.unmount();
    const ladder = hostWithCampaign('excel', getPreset('p3-community-consecutive'));
    await openApp(ladder);
    expect(screen.getByRole('textbox', { name: '结果运用（被评为「不合格」）' })).toHaveValue('警示谈话');
    expect(screen.getByRole('textbox', { name: '结果运用（连续 2 次被评为「不合格」）' })).toHaveValue('由街道予以诫勉谈话，工资按原工资的80%发放');
  });
});

describe('方案 step: 党员（成员）人数 per 支部', () => {
  const roster = [
    { name: '王芳', unit: '第一支部' },
    { name: '李强', unit: '第一支部' },
    { name: '张伟', unit: '第二支部' },
  ];

  it('offers one number per roster unit for p5\'s per-支部 quota, saved as the scheme\'s per-unit memberCount', async () => {
    const host = hostWithCampaign('excel', getPreset('p5-party-members'));
    host.saved!.roster = roster;
    const { user } = await openApp(host);
    expect(screen.queryByRole('textbox', { name: '党员（成员）人数' })).toBeNull();
    const first = screen.getByRole('textbox', { name: '党员（成员）人数：第一支部' });
    expect(screen.getByText('不填则按名册中该单位的 2 人计算')).toBeInTheDocument();
    await user.type(first, '12');
    await waitFor(() => expect(host.lastSaved().scheme.memberCount).toEqual({ 第一支部: 12 }), SAVED);
    await user.type(screen.getByRole('textbox', { name: '党员（成员）人数：第二支部' }), '15');
    await waitFor(() => expect(host.lastSaved().scheme.memberCount).toEqual({ 第一支部: 12, 第二支部: 15 }), SAVED);
    // The quota's words say the counts.
    expect(screen.getByText(/第一支部 12 人、第二支部 15 人/)).toBeInTheDocument();
    await user.clear(first);
    await waitFor(() => expect(host.lastSaved().scheme.memberCount).toEqual({ 第二支部: 15 }), SAVED);
    await user.type(first, '0');
    expect(screen.getByText('不能小于 1')).toBeInTheDocument();
  });

  it('shows a unit the roster does not have, to be cleared, and says one number cannot be every 支部\'s', async () => {
    const withStale = getPreset('p5-party-members');
    withStale.memberCount = { 第一支部: 12, 第三支部: 9 };
    const host = hostWithCampaign('excel', withStale);
    host.saved!.roster = roster;
    const { user, unmount } = await openApp(host);
    const stale = screen.getByRole('textbox', { name: '党员（成员）人数：第三支部（名册中没有这个单位）' });
    expect(stale).toHaveValue('9');
    await user.clear(stale);
    await waitFor(() => expect(host.lastSaved().scheme.memberCount).toEqual({ 第一支部: 12 }), SAVED);
    expect(screen.queryByRole('textbox', { name: /第三支部/ })).toBeNull();
    unmount();

    const one = getPreset('p5-party-members');
    one.memberCount = 20;
    const host2 = hostWithCampaign('excel', one);
    host2.saved!.roster = roster;
    await openApp(host2);
    expect(screen.getAllByText(/方案中的党员人数 20 只有一个，不能作为各单位的人数/).length).toBeGreaterThan(0);
  });

  it('keeps the one number where the roster has one unit or none (P4 roster, no units of 支部)', async () => {
    const host = hostWithCampaign('excel', getPreset('p5-party-members'));
    host.saved!.roster = ROSTER.map(({ name }) => ({ name }));
    const { user } = await openApp(host);
    await user.type(screen.getByRole('textbox', { name: '党员（成员）人数' }), '20');
    await waitFor(() => expect(host.lastSaved().scheme.memberCount).toBe(20), SAVED);
  });
});
