/** @jest-environment jsdom */
/**
 * The pane as a whole: five steps reachable by keyboard, the placeholder host's message outside Excel,
 * and a saved campaign restored before any step is shown.
 */
import { createFilesHost } from '../../standalone/files-host';
import { createNotInExcelHost, NOT_IN_EXCEL } from './not-in-excel-host';
import { FakeHost, deferred, hostWithCampaign, openApp, renderApp, screen } from './pane-test-kit';

describe('task pane', () => {
  it('has the five steps as tabs, reachable with the keyboard alone', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host);
    const tabs = screen.getAllByRole('tab');
    expect(tabs).toHaveLength(5);
    ['1. 方案', '2. 模板', '3. 校验', '4. 计算', '5. 写回'].forEach((name, i) => expect(tabs[i]).toHaveAccessibleName(name));
    expect(screen.getByRole('heading', { name: '方案', level: 2 })).toBeInTheDocument();

    // Tabs are native buttons: Enter or Space on a focused tab selects it. (Arrow keys between tabs are
    // Tabster's, which needs a layout jsdom does not have, so focus is put on the tab directly.)
    screen.getByRole('tab', { name: '2. 模板' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: '2. 模板' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { name: '模板', level: 2 })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-templates');
    screen.getByRole('tab', { name: '3. 校验' }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('heading', { name: '校验', level: 2 })).toBeInTheDocument();
  });

  it('waits for the saved campaign before showing the steps', async () => {
    const host = new FakeHost('excel');
    const hold = deferred<null>();
    host.loadCampaign = () => hold.promise;
    renderApp(host);
    expect(screen.getByText('正在读取工作簿中保存的方案…')).toBeInTheDocument();
    expect(screen.queryByRole('tablist')).toBeNull();
    hold.resolve(null);
    expect(await screen.findByRole('tablist', { name: '步骤' })).toBeInTheDocument();
  });

  it('says plainly that it is not open in Excel when the Excel host is missing, without crashing', async () => {
    const { user } = await openApp(createNotInExcelHost());
    expect(screen.getByText(`读取工作簿中保存的方案失败：${NOT_IN_EXCEL}`)).toBeInTheDocument();
    expect(await screen.findByText(NOT_IN_EXCEL)).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /模板/ }));
    await user.click(screen.getByRole('button', { name: '插入空白表到本工作簿' }));
    expect(await screen.findByText('插入模板失败')).toBeInTheDocument();
  });

  it('works with files only on the standalone page', async () => {
    await openApp(createFilesHost(null));
    expect(screen.queryByText(/失败/)).toBeNull();
    expect(screen.getByRole('button', { name: '从文件读取名册' })).toBeInTheDocument();
  });
});
