/** @jest-environment jsdom */
/**
 * Step 3 (校验): the sheets of this workbook offered for checking, findings grouped by file and sheet
 * and filtered by severity, a finding selecting its cell, many files imported at once (picked or
 * dropped) with a progress bar, copies and non-workbooks reported, and host errors shown.
 */
import { fireEvent, within } from '@testing-library/react';
import { describeTemplates } from '../../core/output/describe-templates';
import { CellValue } from '../../core/forms/grid';
import { getPreset } from '../../core/presets';
import {
  FakeHost,
  P4,
  ROSTER,
  ROSTER_ROWS,
  SLOW,
  blobBytes,
  deferred,
  hostWithCampaign,
  openApp,
  screen,
  scoreRows,
  sheet,
  textFile,
  validateWorkbook,
  waitFor,
  xlsxFile,
} from './pane-test-kit';
// After the kit: it fills in what jsdom lacks (TextDecoder) before the reader's module runs.
import { TEMPLATE_META_SHEET } from '../../hosts/files/read-workbook';
import { workbookSubmissions } from '../use-campaign';

/** The findings region, and the list of one sheet's findings in it. */
function findingsOf(label: string) {
  return screen.getByRole('list', { name: label });
}

describe('校验 step: this workbook', () => {
  it('offers the form sheets (not the add-in\'s result sheets), ticks none of the clerk\'s own, and reads the ones the clerk ticks', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host, { initialStep: 'validate' });
    const group = await screen.findByRole('group', { name: '要校验的工作表' });
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(6));
    expect(within(group).queryByRole('checkbox', { name: '排名表' })).toBeNull();
    expect(within(group).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toEqual([]);
    expect(screen.getByRole('button', { name: '校验所选工作表' })).toBeDisabled();
    // 员工2 left unticked is not read. (员工3 still counts: only its bad entries are left out.)
    for (const name of ['干部1', '干部2', '员工1', '员工3']) await user.click(within(group).getByRole('checkbox', { name }));
    await user.click(screen.getByRole('button', { name: '校验所选工作表' }));
    expect(await screen.findByText('共读取 4 张票，计入 4 张。')).toBeInTheDocument();
    expect(host.callsOf('readSheets')).toEqual([[['干部1', '干部2', '员工1', '员工3']]]);
  });

  it('reads a template inserted into this workbook by its metadata, for the 方案 in use', async () => {
    const host = hostWithCampaign('excel', getPreset('p5-party-members'));
    // The 员工 template of P4 as inserted (its mark's metadata), filled in, its 测评人类别 line wiped out.
    const template = describeTemplates(getPreset(P4), ROSTER).find((t) => t.meta?.groupId === 'staff')!;
    const rows = template.cells.map((row) => row.map((c) => c.value as CellValue));
    rows[1][0] = null;
    [90, 80, 70].forEach((score, i) => (rows[4 + i][2] = score));
    host.sheets = [{ name: template.name, rows, merges: [], ownedKind: 'template', templateMeta: template.meta }];
    const { user } = await openApp(host, { initialStep: 'validate' });
    await user.click(await screen.findByRole('button', { name: '校验所选工作表' }));
    expect(await screen.findByText(/是方案「中层干部述职考核（干部、员工加权）」中「干部岗位测评表」的模板，与当前方案「民主评议党员（附表1\/2\/3）」不符/, {}, SLOW)).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /方案/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: '预设方案' }), P4);
    await user.click(screen.getByRole('tab', { name: /校验/ }));
    expect(screen.getByText('共读取 1 张票，计入 1 张。')).toBeInTheDocument();
    expect(screen.queryByText(/选错了方案/)).toBeNull();
  });

  it('groups findings by file and sheet, filters by severity, and selects the cell of a finding', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host);
    await validateWorkbook(user);
    const region = screen.getByRole('region', { name: '校验结果' });
    expect(within(region).getByRole('heading', { name: '本工作簿' })).toBeInTheDocument();
    expect(within(region).getByRole('heading', { name: '工作表「员工3」' })).toBeInTheDocument();
    const list = findingsOf('本工作簿 工作表「员工3」的问题');
    // 150 is out of 0–100, 赵六 is not in the roster: errors naming their cells, as buttons.
    const outOfRange = within(list).getByRole('button', { name: /^B4：.*150/ });
    expect(within(list).getByRole('button', { name: /^A7：.*赵六/ })).toBeInTheDocument();
    expect(within(list).getAllByText('错误').length).toBeGreaterThanOrEqual(2);
    expect(within(region).getByRole('status')).toHaveTextContent(/错误 \d+ 条，提醒 \d+ 条/);

    await user.click(outOfRange);
    await waitFor(() => expect(host.callsOf('selectCell')).toEqual([['员工3', 'B4']]));

    // Keyboard: the next finding is reached with Tab and opened with Enter.
    within(list).getByRole('button', { name: /^A7：/ }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(host.callsOf('selectCell')).toEqual([['员工3', 'B4'], ['员工3', 'A7']]));

    await user.click(within(region).getByRole('radio', { name: /^提醒/ }));
    expect(screen.queryByRole('button', { name: /^B4：/ })).toBeNull();
    await user.click(within(region).getByRole('radio', { name: /^错误/ }));
    expect(screen.getByRole('button', { name: /^B4：/ })).toBeInTheDocument();
  });

  it('shows the host error when a cell cannot be selected (e.g. a cell is being edited)', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host);
    await validateWorkbook(user);
    host.failures.selectCell = 'Excel 正忙：单元格正在编辑，请先按 Enter 或 Esc 结束编辑后再试';
    await user.click(screen.getByRole('button', { name: /^B4：/ }));
    expect(await screen.findByText('无法定位到单元格')).toBeInTheDocument();
    expect(screen.getByText('Excel 正忙：单元格正在编辑，请先按 Enter 或 Esc 结束编辑后再试')).toBeInTheDocument();
    // The findings are still there.
    expect(screen.getByRole('button', { name: /^B4：/ })).toBeInTheDocument();
  });

  it('shows the host error when the sheets cannot be read, and keeps working', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host, { initialStep: 'validate' });
    const button = await screen.findByRole('button', { name: '校验所选工作表' });
    const group = screen.getByRole('group', { name: '要校验的工作表' });
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(6));
    for (const name of ['干部1', '干部2', '员工1', '员工2', '员工3']) await user.click(within(group).getByRole('checkbox', { name }));
    await waitFor(() => expect(button).toBeEnabled());
    host.failures.readSheets = '单元格正在编辑，无法读取工作表';
    await user.click(button);
    expect(await screen.findByText('读取工作表失败')).toBeInTheDocument();
    expect(screen.getByText('单元格正在编辑，无法读取工作表')).toBeInTheDocument();
    await user.click(button);
    expect(await screen.findByText('共读取 5 张票，计入 5 张。')).toBeInTheDocument();
    expect(screen.queryByText('读取工作表失败')).toBeNull();
  });

  it('reports findings the host itself made while reading', async () => {
    const host = hostWithCampaign();
    host.readFindings = [
      { code: 'ERROR_VALUE', severity: 'error', message: '「干部1」C5 是错误值 #N/A', file: 'Book1.xlsx', sheet: '干部1', cell: 'C5' },
    ];
    const { user } = await openApp(host);
    await validateWorkbook(user);
    const list = findingsOf('本工作簿 工作表「干部1」的问题');
    await user.click(within(list).getByRole('button', { name: 'C5：「干部1」C5 是错误值 #N/A' }));
    await waitFor(() => expect(host.callsOf('selectCell')).toEqual([['干部1', 'C5']]));
  });

  it('asks for the roster before names can be checked', async () => {
    const host = new FakeHost('excel');
    host.sheets = hostWithCampaign().sheets;
    await openApp(host, { initialStep: 'validate' });
    expect(await screen.findByText('尚未读取名册')).toBeInTheDocument();
  });
});

describe('校验 step: which sheets of this workbook are read', () => {
  // A clerk who keeps the whole campaign in one workbook (P3 社区“两委”, 合格/不合格; 不合格 when > 50%).
  const P3 = getPreset('p3-community-consecutive');
  const TITLE = '社区“两委”干部勤廉双述双评评议票';
  const form = (marks: (0 | 1 | null)[]): CellValue[][] => [
    [TITLE],
    ['测评人类别：与会人员'],
    ['序号', '姓名', '合格', '不合格'],
    ...['王芳', '李强', '张伟'].map((n, i) => [i + 1, n, marks[i] === 0 ? '√' : null, marks[i] === 1 ? '√' : null]),
  ];
  const clerksWorkbook = () => {
    const host = hostWithCampaign('excel', P3);
    host.sheets = [
      sheet('名册', ROSTER_ROWS),
      // Last year's tally, typed by hand: whole numbers under the tier headers read as a 计票汇总表 of 32 votes.
      sheet('统计表', [['2025年度投票统计（手工）'], ['姓名', '合格', '不合格'], ['王芳', 30, 2], ['李强', 28, 4], ['张伟', 10, 22]]),
      // A check list with √ under 合格 for everyone: reads as a ballot.
      sheet('资格预审', [['姓名', '合格', '不合格'], ['王芳', '√'], ['李强', '√'], ['张伟', '√']]),
      sheet('回收票1', form([0, 0, 1])),
      // The blank form the add-in inserted (模板 → 插入空白表到本工作簿), never filled in.
      sheet(`${TITLE}（与会人员）`, form([null, null, null]), 'template'),
      sheet('排名表', [['旧的排名表']], 'ranking'),
    ];
    return host;
  };
  const ticked = (group: HTMLElement) =>
    within(group)
      .getAllByRole('checkbox')
      .filter((c) => (c as HTMLInputElement).checked)
      .map((c) => (c as HTMLInputElement).labels?.[0]?.textContent);

  it('ticks only the forms the add-in inserted: the clerk\'s own sheets (a 统计表, a 资格预审 list, a pasted ballot) wait for the clerk\'s tick', async () => {
    const host = clerksWorkbook();
    const { user } = await openApp(host, { initialStep: 'validate' });
    const group = await screen.findByRole('group', { name: '要校验的工作表' });
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(5));
    expect(ticked(group)).toEqual([`${TITLE}（与会人员）`]);
    expect(screen.getByText(/只读取勾选的工作表/)).toBeInTheDocument();

    // The inserted form, still blank, is no returned ballot (old: 共读取 1 张票，计入 1 张, 8 弃权).
    await user.click(screen.getByRole('button', { name: '校验所选工作表' }));
    expect(await screen.findByText('共读取 0 张票，计入 0 张。')).toBeInTheDocument();
    expect(screen.getByText(/是本加载项插入的空白模板，尚未填写，不是收回的票，未计入/)).toBeInTheDocument();

    // The clerk ticks the ballot they pasted: it is read, the 统计表 and the 资格预审 list are not.
    await user.click(within(group).getByRole('checkbox', { name: '回收票1' }));
    await user.click(screen.getByRole('button', { name: '校验所选工作表' }));
    expect(await screen.findByText('共读取 1 张票，计入 1 张。')).toBeInTheDocument();
    expect(host.callsOf('readSheets')).toEqual([[[`${TITLE}（与会人员）`]], [['回收票1', `${TITLE}（与会人员）`]]]);
  });

  it('a count sheet of the clerk\'s is read only when ticked, and then said with its votes', async () => {
    const host = clerksWorkbook();
    const { user } = await openApp(host, { initialStep: 'validate' });
    const group = await screen.findByRole('group', { name: '要校验的工作表' });
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(5));
    await user.click(within(group).getByRole('checkbox', { name: '统计表' }));
    await user.click(screen.getByRole('button', { name: '校验所选工作表' }));
    expect(await screen.findByText('共读取 0 张票，计入 0 张；另计入计票汇总表 1 张，合 32 票。')).toBeInTheDocument();
    expect(screen.getByText(/工作表「统计表」是计票汇总表（等次栏填的是票数），按票数计入/)).toBeInTheDocument();
  });

  it('hands the sheets read to the engine each as a sheet of this workbook (not one rater\'s file), the inserted forms marked', () => {
    const grid = (name: string) => ({ name, rows: [], merges: [] });
    expect(
      workbookSubmissions(
        [grid('回收票1'), grid('评议票')],
        [
          { name: '回收票1', ownedKind: null, visible: true },
          { name: '评议票', ownedKind: 'template', visible: true },
        ],
      ),
    ).toEqual([
      { file: '本工作簿', sheets: [grid('回收票1')], workbookSheet: { insertedTemplate: false } },
      { file: '本工作簿', sheets: [grid('评议票')], workbookSheet: { insertedTemplate: true } },
    ]);
  });

  it('keeps the sheets read last time ticked on coming back, and the clerk\'s ticks on 刷新工作表列表; a form inserted since is ticked', async () => {
    const host = clerksWorkbook();
    const { user } = await openApp(host, { initialStep: 'validate' });
    let group = await screen.findByRole('group', { name: '要校验的工作表' });
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(5));
    await user.click(within(group).getByRole('checkbox', { name: '回收票1' }));
    await user.click(screen.getByRole('button', { name: '校验所选工作表' }));
    await screen.findByText('共读取 1 张票，计入 1 张。');

    await user.click(screen.getByRole('tab', { name: /写回/ }));
    await user.click(screen.getByRole('tab', { name: /校验/ }));
    group = await screen.findByRole('group', { name: '要校验的工作表' });
    await waitFor(() => expect(ticked(group)).toEqual(['回收票1', `${TITLE}（与会人员）`]));

    await user.click(within(group).getByRole('checkbox', { name: `${TITLE}（与会人员）` }));
    host.sheets.push(sheet('评议票(2)', form([null, null, null]), 'template'), sheet('回收票2', form([0, 0, 0])));
    await user.click(screen.getByRole('button', { name: '刷新工作表列表' }));
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(7));
    expect(ticked(group)).toEqual(['回收票1', '评议票(2)']);
  });
});

describe('校验 step: returned files', () => {
  const cadre = () => xlsxFile('干部-张三.xlsx', { 测评表: scoreRows('干部', [90, 75, 100]) });
  const staff = () => xlsxFile('员工-李四.xlsx', { 测评表: scoreRows('员工', [86, 120, 60]) });

  it('imports several files at once with a progress bar, then shows their findings by file', async () => {
    const host = hostWithCampaign('files');
    const { user } = await openApp(host, { initialStep: 'validate' });
    // Read by path, as the command line reads them: 员工 (U+5458) before 干部 (U+5E72) before 说明.
    const first = staff();
    const hold = deferred<ArrayBuffer>();
    const realBytes = (await blobBytes(first)).buffer as ArrayBuffer;
    // Hold the first read open to look at the progress bar.
    Object.defineProperty(first, 'arrayBuffer', { value: () => hold.promise });
    await user.upload(screen.getByLabelText('导入收回的文件'), [cadre(), textFile('说明.xlsx', '这不是工作簿，是一段文字说明。'), first]);

    const bar = await screen.findByRole('progressbar', {}, SLOW);
    expect(bar).toHaveAccessibleName('读取文件「员工-李四.xlsx」（1/3）');
    expect(screen.getByText('0/3')).toBeInTheDocument();
    hold.resolve(realBytes);

    expect(await screen.findByText('已导入 3 个文件。', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('共读取 2 张票，计入 2 张。')).toBeInTheDocument();
    // Files and ballots are told apart, and so are the findings listed here and those 校验结果 adds from 计算.
    expect(screen.getByText(/^方案：.*；已导入文件 3 个$/)).toBeInTheDocument();
    expect(screen.getByText('已导入的 3 个文件中，1 个没有读到测评票（如名册、通知、逐字节相同的副本），原因见下方校验结果。')).toBeInTheDocument();
    expect(screen.getByText('错误 2 条，提醒 0 条')).toBeInTheDocument();
    // The results' own (应参评人数 not given, …) are counted apart, and the sum is what 校验结果 will list.
    const later = /^另有 (\d+) 条关于计算结果的提醒（如收回的票多于应参评人数），见「计算」；写回的「校验结果」表列出全部 (\d+) 条。$/.exec(screen.getByText(/^另有 \d+ 条关于计算结果的提醒/).textContent!)!;
    expect(Number(later[1])).toBeGreaterThan(0);
    expect(Number(later[2])).toBe(2 + Number(later[1]));
    const region = screen.getByRole('region', { name: '校验结果' });
    expect(within(region).getByRole('heading', { name: '员工-李四.xlsx' })).toBeInTheDocument();
    const staffList = findingsOf('员工-李四.xlsx 工作表「测评表」的问题');
    expect(within(staffList).getByText(/120/)).toBeInTheDocument();
    // Not a cell of this workbook: shown as text, not as a button.
    expect(within(staffList).queryByRole('button')).toBeNull();
    expect(within(region).getByRole('heading', { name: '说明.xlsx' })).toBeInTheDocument();
    expect(within(region).getByText(/「说明.xlsx」不是工作簿/)).toBeInTheDocument();
    // The files host has no workbook to check.
    expect(screen.queryByRole('button', { name: '校验所选工作表' })).toBeNull();
  });

  it('takes files dropped on the drop zone and reports a copy of a file sent under another name', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host, { initialStep: 'validate' });
    const a = cadre();
    const copy = new File([a], '干部-张三（李四交）.xlsx', { type: a.type });
    // Dropped copy first: the files are read by name, so the copy is the one reported, as on the command line.
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [copy, a] } });
    expect(await screen.findByText('已导入 2 个文件。', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/与「干部-张三.xlsx」逐字节相同/)).toBeInTheDocument();
    expect(screen.getByText('共读取 1 张票，计入 1 张。')).toBeInTheDocument();

    // A later batch adds to the earlier one; the same name again replaces it.
    await user.upload(screen.getByLabelText('导入收回的文件'), [staff(), a]);
    expect(await screen.findByText('已导入 3 个文件。', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('共读取 2 张票，计入 2 张。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '清除已导入的文件' }));
    expect(screen.queryByText(/已导入 \d+ 个文件/)).toBeNull();
    expect(screen.getByText('尚未读取任何测评表。')).toBeInTheDocument();
  });

  it('removes one imported file; a copy left out in its favour says so and counts once imported again', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host, { initialStep: 'validate' });
    const a = cadre();
    const copy = new File([a], '干部-张三（李四交）.xlsx', { type: a.type });
    await user.upload(screen.getByLabelText('导入收回的文件'), [copy, a, staff()]);
    expect(await screen.findByText('已导入 3 个文件。', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('共读取 2 张票，计入 2 张。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '查看、移除文件' }));
    const list = screen.getByRole('list', { name: '已导入的文件' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '员工-李四.xlsx移除',
      '干部-张三.xlsx移除',
      '干部-张三（李四交）.xlsx移除',
    ]);

    await user.click(within(list).getByRole('button', { name: '移除「员工-李四.xlsx」' }));
    expect(screen.getByText('已导入 2 个文件。')).toBeInTheDocument();
    expect(screen.getByText('共读取 1 张票，计入 1 张。')).toBeInTheDocument();
    const region = screen.getByRole('region', { name: '校验结果' });
    expect(within(region).queryByRole('heading', { name: '员工-李四.xlsx' })).toBeNull();

    // The original goes: its copy was not counted, and is not counted now either, which its finding says.
    await user.click(within(list).getByRole('button', { name: '移除「干部-张三.xlsx」' }));
    expect(screen.getByText('已导入 1 个文件。')).toBeInTheDocument();
    expect(screen.getByText('与已移除的「干部-张三.xlsx」逐字节相同，未计入；如要计入本文件，请重新导入它')).toBeInTheDocument();
    expect(screen.queryByText(/共读取/)).toBeNull();

    await user.upload(screen.getByLabelText('导入收回的文件'), [copy]);
    expect(await screen.findByText('共读取 1 张票，计入 1 张。', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('已导入 1 个文件。')).toBeInTheDocument();
    expect(screen.queryByText(/逐字节相同/)).toBeNull();
  });

  it('imports a picked folder: workbooks in sub-folders named by their path, other files listed as not read', async () => {
    const host = hostWithCampaign('files');
    const { user } = await openApp(host, { initialStep: 'validate' });
    const inFolder = (file: File, path: string) => Object.defineProperty(file, 'webkitRelativePath', { value: path });
    const files = [
      inFolder(cadre(), '收回/一支部/评议票.xlsx'),
      inFolder(staff(), '收回/二支部/评议票.xlsx'),
      inFolder(textFile('.DS_Store', 'x'), '收回/.DS_Store'),
      inFolder(textFile('~$评议票.xlsx', 'lock'), '收回/一支部/~$评议票.xlsx'),
      inFolder(textFile('说明.docx', 'x'), '收回/说明.docx'),
    ];
    const picker = screen.getByLabelText('导入整个文件夹');
    expect(picker).toHaveAttribute('webkitdirectory');
    await user.upload(picker, files);

    expect(await screen.findByText('已导入 2 个文件。', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('共读取 2 张票，计入 2 张。')).toBeInTheDocument();
    // Same file name in two sub-folders: two files, told apart by their paths.
    const region = screen.getByRole('region', { name: '校验结果' });
    expect(within(region).getByRole('heading', { name: '收回/二支部/评议票.xlsx' })).toBeInTheDocument();
    expect(within(findingsOf('收回/二支部/评议票.xlsx 工作表「测评表」的问题')).getByText(/120/)).toBeInTheDocument();
    // Nothing left out silently: the computer's own files listed, the document a finding (submission-files.ts).
    expect(screen.getByText('文件夹中有 2 个系统文件（临时锁定文件、隐藏文件等），未读取')).toBeInTheDocument();
    for (const path of ['收回/.DS_Store', '收回/一支部/~$评议票.xlsx']) expect(screen.getByText(path)).toBeInTheDocument();
    expect(within(region).getByRole('heading', { name: '收回/说明.docx' })).toBeInTheDocument();
    expect(within(region).getByText(/不是工作簿，未读取/)).toBeInTheDocument();
  });

  it('walks a dropped folder (entries read in batches), reads the loose files dropped with it, and lists what it left out', async () => {
    const host = hostWithCampaign('files');
    await openApp(host, { initialStep: 'validate' });
    // The File and Directory Entries API as a browser hands it over on a drop (jsdom has none of it).
    type FakeEntry = { name: string; fullPath: string; isFile: boolean; isDirectory: boolean; file?(ok: (f: File) => void): void; createReader?(): unknown };
    const fileEntry = (path: string, file: File): FakeEntry => ({ name: path.split('/').pop()!, fullPath: `/${path}`, isFile: true, isDirectory: false, file: (ok) => ok(file) });
    const dirEntry = (path: string, children: FakeEntry[]): FakeEntry => ({
      name: path.split('/').pop()!,
      fullPath: `/${path}`,
      isFile: false,
      isDirectory: true,
      createReader: () => {
        // Two batches, then an empty one, as Chromium gives at most 100 entries a call.
        const batches = [children.slice(0, 1), children.slice(1), []];
        return { readEntries: (ok: (b: FakeEntry[]) => void) => ok(batches.shift() ?? []) };
      },
    });
    const tree = dirEntry('收回', [
      dirEntry('收回/一支部', [fileEntry('收回/一支部/评议票.xlsx', cadre()), fileEntry('收回/一支部/~$评议票.xlsx', textFile('~$评议票.xlsx', 'lock'))]),
      dirEntry('收回/.git', [fileEntry('收回/.git/评议票.xlsx', cadre())]),
      fileEntry('收回/说明.docx', textFile('说明.docx', 'x')),
    ]);
    const loose = staff();
    const item = (entry: FakeEntry, file: File | null) => ({ kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => file });
    fireEvent.drop(screen.getByTestId('drop-zone'), {
      dataTransfer: { items: [item(tree, null), item(fileEntry('员工-李四.xlsx', loose), loose)], files: [loose] },
    });

    expect(await screen.findByText('已导入 2 个文件。', {}, SLOW)).toBeInTheDocument();
    const region = screen.getByRole('region', { name: '校验结果' });
    expect(within(region).getByRole('heading', { name: '员工-李四.xlsx' })).toBeInTheDocument();
    // The file in the folder is named by its path; the hidden folder is not walked.
    expect(screen.getByText('共读取 2 张票，计入 2 张。')).toBeInTheDocument();
    expect(screen.getByText('文件夹中有 2 个系统文件（临时锁定文件、隐藏文件等），未读取')).toBeInTheDocument();
    for (const path of ['收回/.git/', '收回/一支部/~$评议票.xlsx']) expect(screen.getByText(path)).toBeInTheDocument();
    expect(within(region).getByRole('heading', { name: '收回/说明.docx' })).toBeInTheDocument();
  });
});

describe('校验 step: an import as the clerk lives it', () => {
  const staffFile = (name: string, scores: number[]) => xlsxFile(name, { 测评表: scoreRows('员工', scores) });
  const inFolder = (file: File, path: string) => Object.defineProperty(file, 'webkitRelativePath', { value: path });

  it('an import still running is shown after going to another step and back, and no second import can start meanwhile', async () => {
    const host = hostWithCampaign('files');
    const { user } = await openApp(host, { initialStep: 'validate' });
    const first = staffFile('员工-1.xlsx', [86, 75, 60]);
    const hold = deferred<ArrayBuffer>();
    const realBytes = (await blobBytes(first)).buffer as ArrayBuffer;
    Object.defineProperty(first, 'arrayBuffer', { value: () => hold.promise });
    await user.upload(screen.getByLabelText('导入收回的文件'), [first, staffFile('员工-2.xlsx', [84, 74, 70])]);
    await screen.findByRole('progressbar', {}, SLOW);

    await user.click(screen.getByRole('tab', { name: /计算/ }));
    await user.click(screen.getByRole('tab', { name: /校验/ }));
    expect(await screen.findByRole('progressbar')).toHaveAccessibleName('读取文件「员工-1.xlsx」（1/2）');
    expect(screen.getByRole('button', { name: '导入收回的文件' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: '导入整个文件夹' })).toHaveAttribute('aria-disabled', 'true');
    // A drop meanwhile is refused too: the same files again would otherwise be counted twice.
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [staffFile('员工-1.xlsx', [86, 75, 60])] } });

    hold.resolve(realBytes);
    expect(await screen.findByText('已导入 2 个文件。', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('共读取 2 张票，计入 2 张。')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: '导入收回的文件' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('lists findings by file path whatever order the browser hands the files in', async () => {
    const host = hostWithCampaign('files');
    const { user } = await openApp(host, { initialStep: 'validate' });
    await user.upload(screen.getByLabelText('导入收回的文件'), [staffFile('员工-2.xlsx', [120, 75, 60]), staffFile('员工-1.xlsx', [86, 130, 60])]);
    await screen.findByText('已导入 2 个文件。', {}, SLOW);
    const region = screen.getByRole('region', { name: '校验结果' });
    expect(within(region).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['员工-1.xlsx', '员工-2.xlsx']);
  });

  it('a corrected file picked by itself replaces the one of that name imported with its folder, and says so', async () => {
    const host = hostWithCampaign('files');
    const { user } = await openApp(host, { initialStep: 'validate' });
    await user.upload(screen.getByLabelText('导入整个文件夹'), [inFolder(staffFile('员工-1.xlsx', [86, 75, 60]), '收回/员工-1.xlsx'), inFolder(staffFile('员工-7.xlsx', [105, 74, 70]), '收回/员工-7.xlsx')]);
    await screen.findByText('已导入 2 个文件。', {}, SLOW);
    expect(screen.getByText(/105/)).toBeInTheDocument();

    await user.upload(screen.getByLabelText('导入收回的文件'), [staffFile('员工-7.xlsx', [95, 74, 70])]);
    expect(await screen.findByText('「员工-7.xlsx」：已替换之前导入的「收回/员工-7.xlsx」')).toBeInTheDocument();
    expect(screen.getByText('已导入 2 个文件。')).toBeInTheDocument();
    expect(screen.getByText('共读取 2 张票，计入 2 张。')).toBeInTheDocument();
    expect(screen.queryByText(/105/)).toBeNull();
  });

  it('keeps both files, with a warning, when it cannot tell which earlier file a same-named one corrects', async () => {
    const host = hostWithCampaign('files');
    const { user } = await openApp(host, { initialStep: 'validate' });
    await user.upload(screen.getByLabelText('导入整个文件夹'), [
      inFolder(staffFile('评议票.xlsx', [86, 75, 60]), '收回/一支部/评议票.xlsx'),
      inFolder(staffFile('评议票.xlsx', [84, 74, 70]), '收回/二支部/评议票.xlsx'),
    ]);
    await screen.findByText('已导入 2 个文件。', {}, SLOW);
    await user.upload(screen.getByLabelText('导入收回的文件'), [staffFile('评议票.xlsx', [80, 70, 70])]);
    expect(await screen.findByText('已导入 3 个文件。', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('共读取 3 张票，计入 3 张。')).toBeInTheDocument();
    expect(screen.getByText(/与之前导入的「收回\/一支部\/评议票.xlsx」、「收回\/二支部\/评议票.xlsx」同名，无法确定是否是更正后重交的同一份表，都已计入/)).toBeInTheDocument();
  });

  it('before a roster and on another 方案: says nothing was checked, names the 方案 the files were made for, and offers to switch to it', async () => {
    // A clerk who opens the page (the default preset P1) and imports P4's returned templates straight away.
    const host = new FakeHost('files');
    const { user } = await openApp(host, { initialStep: 'validate', defaultPresetId: 'p1-double-pledge' });
    const template = describeTemplates(getPreset(P4), ROSTER).find((t) => t.meta?.groupId === 'staff')!;
    const record = Object.entries(template.meta as Record<string, string>).map(([k, v]) => [template.name, k, v]);
    const filled = (score: number) => template.cells.map((row, r) => row.map((c, col) => (r === 4 && col === 2 ? score : (c.value as CellValue))));
    await user.upload(screen.getByLabelText('导入收回的文件'), [90, 80].map((score, i) => xlsxFile(`员工-${i + 1}.xlsx`, { [template.name]: filled(score), [TEMPLATE_META_SHEET]: record })));
    expect(await screen.findByText('已导入 2 个文件。', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/方案：党员“双诺双述双评”述诺测评.*；名册 0 人；已导入文件 2 个$/)).toBeInTheDocument();
    // Not 没有发现问题: nothing on the ballots was checked.
    expect(screen.queryByText('没有发现问题。')).toBeNull();
    expect(screen.getByText('读取文件时没有发现问题；测评表尚未校验（缺少名册）。')).toBeInTheDocument();
    expect(screen.getByText(/测评表还没有校验：姓名、等次和票数都要对照名册核对/)).toBeInTheDocument();
    expect(screen.getByText(/已导入的 2 张表是方案「中层干部述职考核（干部、员工加权）」的模板，与当前方案「党员“双诺双述双评”述诺测评.*」不符，不会计入。/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '改用方案「中层干部述职考核（干部、员工加权）」' }));
    expect(screen.getByText(/^方案：中层干部述职考核（干部、员工加权）；/)).toBeInTheDocument();
    expect(screen.queryByText(/不会计入/)).toBeNull();
  });

  it('reads a template by the 方案 in use, whichever was chosen when it was imported', async () => {
    const host = hostWithCampaign('files', getPreset('p5-party-members'));
    const { user } = await openApp(host, { initialStep: 'validate' });
    // The 员工 template of P4, its 测评人类别 line wiped out by the rater: only the template's record tells the group.
    const template = describeTemplates(getPreset(P4), ROSTER).find((t) => t.meta?.groupId === 'staff')!;
    template.cells[1][0] = { ...template.cells[1][0], value: null };
    [90, 80, 70].forEach((score, i) => (template.cells[4 + i][2] = { ...template.cells[4 + i][2], value: score }));
    // The template with its record (the hidden sheet the project's writer adds: sheet, key, value).
    const cells = template.cells.map((row) => row.map((c) => c.value as CellValue));
    const record = Object.entries(template.meta as Record<string, string>).map(([k, v]) => [template.name, k, v]);
    const file = xlsxFile('员工-100.xlsx', { [template.name]: cells, [TEMPLATE_META_SHEET]: record });
    await user.upload(screen.getByLabelText('导入收回的文件'), [file]);
    expect(await screen.findByText(/是方案「中层干部述职考核（干部、员工加权）」中「干部岗位测评表」的模板，与当前方案「民主评议党员（附表1\/2\/3）」不符，本表未计入；请检查是否选错了方案/, {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByText(/post-appraisal/)).toBeNull();

    await user.click(screen.getByRole('tab', { name: /方案/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: '预设方案' }), P4);
    await user.click(screen.getByRole('tab', { name: /校验/ }));
    expect(screen.getByText('共读取 1 张票，计入 1 张。')).toBeInTheDocument();
    expect(screen.queryByText(/测评人类别/)).toBeNull();
    expect(screen.queryByText(/选错了方案/)).toBeNull();
  });
});
