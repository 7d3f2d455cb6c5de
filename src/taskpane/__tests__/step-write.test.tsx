/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (Node export conditions: exceljs's uuid otherwise resolves to its ES-module browser build, which jest cannot load.)
/**
 * Step 5 (写回): the result sheets written into this workbook, the host's outcome (renamed
 * sheets, features this Excel lacks) shown, host errors shown, and a download on the standalone page.
 */
import * as XLSX from '@e965/xlsx';
import { SheetDescription } from '../../core/output/sheet-description';
import { FakeHost, SLOW, blobBytes, captureDownloads, hostWithCampaign, openApp, screen, validateWorkbook, waitFor } from './pane-test-kit';

// The campaign is a P4 中层干部 one (score sheets): 得分情况, no 得票情况.
const RESULT_SHEETS = ['排名表', '公示表', '整改清单', '统计表', '得分情况', '校验结果'];

async function toWriteStep(host: FakeHost) {
  const r = await openApp(host);
  await validateWorkbook(r.user);
  await r.user.click(screen.getByRole('tab', { name: /写回/ }));
  return r;
}

describe('写回 step', () => {
  it('writes 排名表, 公示表, 整改清单, 统计表, 得分情况 and 校验结果 into the workbook and lists them', async () => {
    const host = hostWithCampaign();
    const { user } = await toWriteStep(host);
    expect(screen.getByText(/将写入：排名表、公示表、整改清单、统计表、得分情况、校验结果。/)).toBeInTheDocument();
    expect(screen.getByText('校验中仍有 2 条错误')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '写入本工作簿' }));
    expect(await screen.findByText('结果已写入工作簿')).toBeInTheDocument();
    expect(screen.getByText('写入的工作表：排名表、公示表、整改清单、统计表、得分情况、校验结果')).toBeInTheDocument();
    const [[sheets]] = host.callsOf('writeSheets') as [[SheetDescription[]]];
    expect(sheets.map((s) => s.name)).toEqual(RESULT_SHEETS);
    expect(sheets.map((s) => s.kind)).toEqual(['ranking', 'publication', 'rectification', 'statistics', 'statistics', 'findings']);
    // The ranking carries the tiers computed from this workbook's ballots.
    const ranking = sheets[0].cells.flat().map((c) => c.value);
    expect(ranking).toEqual(expect.arrayContaining(['王芳', '优秀', '不称职']));
  });

  it('shows sheets renamed to spare the user\'s own and features this Excel could not apply', async () => {
    const host = hostWithCampaign();
    host.writeOutcome = () => ({
      written: ['排名表 (2)', '公示表', '整改清单', '统计表', '校验结果'],
      renamed: [{ wanted: '排名表', used: '排名表 (2)' }],
      degraded: ['当前 Excel 不支持数据验证（需要 ExcelApi 1.8），整改清单的“状态”栏未设下拉列表'],
    });
    const { user } = await toWriteStep(host);
    await user.click(screen.getByRole('button', { name: '写入本工作簿' }));
    expect(await screen.findByText('部分工作表改名写入')).toBeInTheDocument();
    expect(screen.getByText('已有名为「排名表」的工作表（不是本加载项创建的，未改动），结果写入了「排名表 (2)」')).toBeInTheDocument();
    expect(screen.getByText('当前 Excel 版本不支持的功能（已略过）')).toBeInTheDocument();
    expect(screen.getByText('当前 Excel 不支持数据验证（需要 ExcelApi 1.8），整改清单的“状态”栏未设下拉列表')).toBeInTheDocument();
  });

  it('shows the host error (a cell being edited) instead of throwing, and can try again', async () => {
    const host = hostWithCampaign();
    host.failures.writeSheets = 'Excel 正忙：单元格正在编辑，请先按 Enter 或 Esc 结束编辑后再试';
    const { user } = await toWriteStep(host);
    await user.click(screen.getByRole('button', { name: '写入本工作簿' }));
    expect(await screen.findByText('写回工作簿失败')).toBeInTheDocument();
    expect(screen.getByText('Excel 正忙：单元格正在编辑，请先按 Enter 或 Esc 结束编辑后再试')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '写入本工作簿' }));
    expect(await screen.findByText('结果已写入工作簿')).toBeInTheDocument();
    expect(screen.queryByText('写回工作簿失败')).toBeNull();
  });

  it('says there is nothing to write before ballots are read', async () => {
    const host = hostWithCampaign();
    await openApp(host, { initialStep: 'write' });
    expect(screen.getByText('还没有结果')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '写入本工作簿' })).toBeNull();
  });

  it('downloads the result workbook on the standalone page (files host)', async () => {
    const downloads = captureDownloads();
    try {
      const host = hostWithCampaign('files');
      const { user } = await openApp(host, { initialStep: 'validate' });
      const { xlsxFile, scoreRows } = await import('./pane-test-kit');
      await user.upload(screen.getByLabelText('导入收回的文件'), [
        xlsxFile('c1.xlsx', { 表: scoreRows('干部', [90, 75, 100]) }),
        xlsxFile('s1.xlsx', { 表: scoreRows('员工', [80, 75, 60]) }),
      ]);
      await screen.findByText('已导入 2 个文件。', {}, SLOW);
      await user.click(screen.getByRole('tab', { name: /写回/ }));
      expect(screen.queryByRole('button', { name: '写入本工作簿' })).toBeNull();
      await user.click(screen.getByRole('button', { name: '下载结果工作簿' }));
      // Dated (today on this computer), so a second run is not 「…结果 (1).xlsx」.
      const now = new Date();
      const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      await waitFor(() => expect(screen.queryByText(`已生成「中层干部述职考核结果_${day}.xlsx」`) ?? screen.queryByText('生成结果工作簿失败')).not.toBeNull(), SLOW);
      expect(screen.queryByText('生成结果工作簿失败')).toBeNull();
      await waitFor(() => expect(downloads.names).toEqual([`中层干部述职考核结果_${day}.xlsx`]), SLOW);
      // What is true of a download: a new file, nothing replaced in the old one.
      expect(screen.getByText(/将生成一个新的结果工作簿（下载到本机）/)).toBeInTheDocument();
      expect(screen.queryByText(/同名结果表会被替换/)).toBeNull();
      const wb = XLSX.read(await blobBytes(downloads.blobs[0]), { type: 'array' });
      // (_pingyi is the writer's very hidden metadata sheet.)
      expect(wb.SheetNames.filter((n) => n !== '_pingyi')).toEqual(RESULT_SHEETS);
      expect(host.callsOf('writeSheets')).toHaveLength(0);
    } finally {
      downloads.restore();
    }
  });
});
