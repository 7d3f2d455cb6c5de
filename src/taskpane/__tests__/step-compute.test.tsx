/** @jest-environment jsdom */
/**
 * Step 4 (计算): tiers, scores and ranks in a table, the reasons behind a tier on demand, ties at a
 * quota boundary highlighted for the committee, and what is missing said plainly.
 */
import { within } from '@testing-library/react';
import { BASICALLY_SATISFIED, FAIRLY_SATISFIED, SATISFIED, annex2Sheet } from '../../../tests/helpers/annex-forms';
import { getPreset } from '../../core/presets';
import * as browserFiles from '../browser-files';
import { FakeHost, ROSTER_ROWS, SLOW, hostWithCampaign, openApp, p4Scheme, screen, scoreRows, sheet, validateWorkbook, xlsxFile } from './pane-test-kit';

/** The cells of a person's row. (`hidden: true`: no style check of every ancestor, which in jsdom takes seconds a call.) */
function cells(name: string): string[] {
  return within(screen.getByRole('row', { name, hidden: true })).getAllByRole('cell', { hidden: true }).map((c) => c.textContent ?? '');
}

/** The P4 workbook without the bad ballot: 王芳 85.00 优秀, 李强 74.75 基本称职, 张伟 82.50 vetoed to 不称职. */
function cleanHost(): FakeHost {
  const host = hostWithCampaign();
  host.sheets = host.sheets.filter((s) => s.name !== '员工3');
  return host;
}

describe('计算 step', () => {
  it('shows tier, score, rank and flags per person, in rank order', async () => {
    const host = cleanHost();
    const { user } = await openApp(host);
    await validateWorkbook(user);
    await user.click(screen.getByRole('tab', { name: /计算/ }));
    const table = screen.getByRole('table', { name: '评议结果' });
    const header = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    // The unit under the name (one column fewer in a narrow pane); then the figure the rank comes from.
    expect(header).toEqual(['姓名', '等次', '得分', '名次', '标记']);
    expect(cells('王芳')).toEqual(['▸ 王芳营业部', '优秀', '85.00', '1', '']);
    // A veto puts 张伟 below those it did not touch (the engine ranks vetoed subjects last).
    expect(cells('张伟').slice(0, 4)).toEqual(['▸ 张伟零售部', '不称职', '82.50', '3']);
    expect(cells('张伟')[4]).toContain('一票否决');
    expect(cells('李强').slice(0, 4)).toEqual(['▸ 李强营业部', '基本称职', '74.75', '2']);
    const names = within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('aria-label'));
    expect(names).toEqual(['王芳', '李强', '张伟']);
    expect(screen.getByText(/计入 4 张票；优秀 1 人，称职 0 人，基本称职 1 人，不称职 1 人。/)).toBeInTheDocument();
    expect(screen.queryByText(/需评议委员会决定/)).toBeNull();
  });

  it('for a scheme that ranks by a share of votes (p5), shows that share and the 推荐票, not an empty 得分', async () => {
    // Two 附表2 ballots. 王磊: 满意 ×7, 比较满意 ×1 → 8/8 = 100.00%, recommended on both (2/2).
    // 李娜: ballot 1 two 基本满意, ballot 2 one → (2 + 3)/8 = 5/8 = 62.50%, recommended on neither (0/2).
    const S = SATISFIED, F = FAIRLY_SATISFIED, B = BASICALLY_SATISFIED;
    const host = new FakeHost('excel');
    host.saved = { version: 1, scheme: getPreset('p5-party-members'), roster: [{ name: '王磊' }, { name: '李娜' }] };
    host.sheets = [
      annex2Sheet('推荐表1', { rows: [{ name: '王磊', marks: [S, S, S, S], recommend: true }, { name: '李娜', marks: [S, S, B, B] }] }),
      annex2Sheet('推荐表2', { rows: [{ name: '王磊', marks: [S, F, S, S], recommend: true }, { name: '李娜', marks: [S, S, S, B] }] }),
    ];
    const { user } = await openApp(host);
    await validateWorkbook(user);
    await user.click(screen.getByRole('tab', { name: /计算/ }));
    const table = await screen.findByRole('table', { name: '评议结果' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['姓名', '等次', '附表2满意+比较满意得票率', '推荐票', '名次', '标记']);
    expect(cells('王磊').slice(2, 5)).toEqual(['100.00%', '2/2', '1']);
    expect(cells('李娜').slice(2, 5)).toEqual(['62.50%', '0/2', '2']);
  });

  it('says so in Chinese when the part of the pane that orders the results cannot be loaded', async () => {
    const chunkError = Object.assign(new Error('Loading chunk ranking-order failed.'), { name: 'ChunkLoadError' });
    const load = jest.spyOn(browserFiles, 'loadRankingOrder').mockRejectedValue(chunkError);
    try {
      const { user } = await openApp(cleanHost());
      await validateWorkbook(user);
      await user.click(screen.getByRole('tab', { name: /计算/ }));
      expect(await screen.findByText('无法显示结果表')).toBeInTheDocument();
      expect(screen.getByText(/加载项的部分文件未能载入/)).toBeInTheDocument();
      expect(screen.queryByRole('table', { name: '评议结果' })).toBeNull();
      // The summary above the table does not need it.
      expect(screen.getByText(/计入 4 张票/)).toBeInTheDocument();
    } finally {
      load.mockRestore();
    }
  });

  it('shows the reasons behind a tier when a name is opened (and hides them again)', async () => {
    const host = cleanHost();
    const { user } = await openApp(host);
    await validateWorkbook(user);
    await user.click(screen.getByRole('tab', { name: /计算/ }));
    const toggle = within(screen.getByRole('row', { name: '张伟' })).getByRole('button', { name: /张伟/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const reasons = screen.getByRole('list', { name: '「张伟」的等次依据' });
    // 称职 by the score, 不称职 by the veto: the first reason says the tier that stands, then what the score met.
    expect(within(reasons).getByText(/^因一票否决定为「不称职」；符合「称职」的条件：得分 82\.50/)).toBeInTheDocument();
    expect(within(reasons).getByText(/一票否决「分管战线发生经济、刑事案件或责任事故」：名册「事故」：分管网点发生责任事故，等次由「称职」改为「不称职」/)).toBeInTheDocument();
    // The 党委's decision on the post (seed 003 篇六 三、(六)), said without a 整改 deadline.
    expect(within(reasons).getByText(/^结果运用：由支行党委合议决定缓聘、解聘或调整岗位（《述职评议考核工作方案》篇六 三、\(六\)/)).toBeInTheDocument();
    // Keyboard: Enter on the focused name closes it.
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('list', { name: '「张伟」的等次依据' })).toBeNull();
  });

  it('names the roster cells of findings on a roster read from a file, and lists no finding of the reading there', async () => {
    // The bad ballot 员工3 stays: its findings belong to 校验, not to 其他提醒.
    const host = hostWithCampaign();
    const { user } = await openApp(host);
    // The veto column headed 责任事故 instead of the scheme's 事故 (D2 of the file's sheet 名册), and
    // 李强's cell (D4) saying something that starts like "none" but may not be.
    const rows = ROSTER_ROWS.map((r) => r.slice());
    rows[1][3] = '责任事故';
    rows[3][3] = '无证驾驶';
    await user.upload(screen.getByLabelText('从文件读取名册'), xlsxFile('名册.xlsx', { 名册: rows }));
    expect(await screen.findByText('名册：3 人（文件「名册.xlsx」）', {}, SLOW)).toBeInTheDocument();
    await validateWorkbook(user);
    await user.click(screen.getByRole('tab', { name: /计算/ }));
    const others = screen.getByText('其他提醒').closest('[role="group"], div, section') as HTMLElement;
    const items = within(others).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items.filter((t) => t.startsWith('名册「责任事故」栏（名册!D2）作为方案'))).toHaveLength(1);
    expect(items.filter((t) => t.startsWith('名册.xlsx 工作表「名册」 D4：名册「责任事故」栏中「李强」的「无证驾驶」'))).toHaveLength(1);
    // The read-as column still carries the veto: 张伟 is 不称职.
    expect(cells('张伟')[1]).toBe('不称职');
    // 员工3's score 150 and 赵六 are the reading's findings, shown in 校验 only.
    expect(items.some((t) => /150|赵六/.test(t))).toBe(false);
  });

  it('lists a 末位 designation decided without someone left unranked among what the committee must decide', async () => {
    // 李强 has no 员工 score: his score is pending, he is not ranked, and 动态调整 is taken among 王芳 and 张伟 only.
    // At 50% that is round(50% × 2) = 1 of the 2 ranked, 2 of 3 were he ranked: the list is the committee's to check
    // (at the preset's 10% it is 0 either way, and nothing is left to check).
    const host = new FakeHost('excel');
    host.saved = { version: 1, scheme: p4Scheme((s) => (s.designations[0].share = 50)), roster: hostWithCampaign().saved!.roster };
    host.sheets = [sheet('干部1', scoreRows('干部', [90, 80, 80])), sheet('员工1', scoreRows('员工', [86, null, 84]))];
    const { user } = await openApp(host);
    await validateWorkbook(user);
    await user.click(screen.getByRole('tab', { name: /计算/ }));
    const bar = screen.getByText(/^需评议委员会决定（\d+ 项）$/).closest('.fui-MessageBar') as HTMLElement;
    expect(within(bar).getByText(/「动态调整」（末位 50%）按已排名的 2 人确定为 1 人.*李强 等次待定、未排名，未计入/)).toBeInTheDocument();
  });

  it('highlights a tie at the quota boundary for the committee', async () => {
    // At most 34% (of 3 → 1) may be 优秀; 王芳 and 李强 both score 85.00.
    const scheme = p4Scheme((s) => {
      s.quotas = [{ tiers: ['优秀'], kind: 'max', share: 34, rounding: 'floor', cite: '测试：优秀不超过 34%' }];
    });
    const host = new FakeHost('excel');
    host.saved = { version: 1, scheme, roster: hostWithCampaign().saved!.roster };
    host.sheets = [
      sheet('干部1', scoreRows('干部', [90, 90, 100])),
      sheet('干部2', scoreRows('干部', [80, 80, 100])),
      sheet('员工1', scoreRows('员工', [86, 86, 60])),
      sheet('员工2', scoreRows('员工', [84, 84, 70])),
    ];
    const { user } = await openApp(host);
    await validateWorkbook(user);
    await user.click(screen.getByRole('tab', { name: /计算/ }));

    const bar = screen.getByText('需评议委员会决定（2 项）').closest('.fui-MessageBar') as HTMLElement;
    // Both 85.00 (干部 (90 + 80)/2 × 50% + 员工 (86 + 84)/2 × 50%) for the 1 place (floor(34% × 3)): each is told who and what.
    expect(within(bar).getByText(/「王芳」在「优秀」名额边界处与李强并列（得分均为 85\.00），争 1 个名额，需评议委员会决定/)).toBeInTheDocument();
    expect(within(bar).getByText(/「李强」在「优秀」名额边界处与王芳并列（得分均为 85\.00），争 1 个名额，需评议委员会决定/)).toBeInTheDocument();
    for (const name of ['王芳', '李强']) {
      const row = screen.getByRole('row', { name });
      expect(cells(name)[1]).toBe('待定');
      expect(within(row).getByText('需决定')).toBeInTheDocument();
      expect(within(row).getByText('名额并列')).toBeInTheDocument();
    }
    expect(within(screen.getByRole('row', { name: '张伟' })).queryByText('需决定')).toBeNull();
    expect(screen.getByText(/待定 2 人/)).toBeInTheDocument();

    await user.click(within(screen.getByRole('row', { name: '王芳' })).getByRole('button', { name: /王芳/ }));
    expect(within(screen.getByRole('list', { name: '「王芳」的等次依据' })).getByText(/不超过 3 人的 34%（向下取整为 1 人）/)).toBeInTheDocument();
    // (Its many role queries take long in jsdom on a busy machine: a longer limit, still one that catches a hang.)
  }, 180_000);

  it('warns when ballots had errors, and says what is missing before anything can be computed', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host, { initialStep: 'compute' });
    expect(screen.getByText('还没有测评表')).toBeInTheDocument();
    await validateWorkbook(user);
    await user.click(screen.getByRole('tab', { name: /计算/ }));
    expect(screen.getByText('校验中有 2 条错误')).toBeInTheDocument();
  });

  it('asks for the roster first', async () => {
    const host = new FakeHost('excel');
    host.sheets = hostWithCampaign().sheets;
    await openApp(host, { initialStep: 'compute' });
    expect(screen.getByText('请先在「方案」中读取名册。')).toBeInTheDocument();
  });
});
