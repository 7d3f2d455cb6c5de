/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (Node export conditions: exceljs's uuid otherwise resolves to its ES-module browser build, which jest cannot load.)
/**
 * Step 2 (模板): blank forms inserted into this workbook (with the host's outcome shown), a host
 * error shown, and templates downloaded as real workbooks the file reader recognises as ours.
 */
// The kit first: it fills jsdom's gaps (TextDecoder) before the file reader is loaded.
import { FakeHost, SLOW, blobBytes, captureDownloads, hostWithCampaign, openApp, screen, waitFor } from './pane-test-kit';
import { SheetDescription } from '../../core/output/sheet-description';
import { readWorkbook } from '../../hosts/files/read-workbook';
import { getPreset } from '../../core/presets';
import * as browserFiles from '../browser-files';

describe('模板 step', () => {
  it('inserts one blank form per rater group into the workbook, with the roster\'s names', async () => {
    const host = hostWithCampaign();
    const { user } = await openApp(host, { initialStep: 'templates' });
    expect(screen.getByText(/共有 2 张空白表/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '插入空白表到本工作簿' }));
    expect(await screen.findByText('空白表已写入工作簿')).toBeInTheDocument();
    const [[written]] = host.callsOf('writeSheets') as [[SheetDescription[]]];
    expect(written.map((d) => d.kind)).toEqual(['template', 'template']);
    expect(written.map((d) => d.meta?.groupId)).toEqual(['cadre', 'staff']);
    const names = written[0].cells.flat().map((c) => c.value);
    expect(names).toEqual(expect.arrayContaining(['王芳', '李强', '张伟']));
    expect(screen.getByText(`写入的工作表：${written.map((d) => d.name).join('、')}`)).toBeInTheDocument();
  });

  it('says which template names were taken by the user\'s own sheets', async () => {
    const host = hostWithCampaign();
    host.writeOutcome = (d) => ({
      written: [`${d[0].name} (2)`, d[1].name],
      renamed: [{ wanted: d[0].name, used: `${d[0].name} (2)` }],
      degraded: [],
    });
    const { user } = await openApp(host, { initialStep: 'templates' });
    await user.click(screen.getByRole('button', { name: '插入空白表到本工作簿' }));
    expect(await screen.findByText('部分工作表改名写入')).toBeInTheDocument();
    expect(screen.getByText(/结果写入了「.* \(2\)」/)).toBeInTheDocument();
  });

  it('says which filled-in template was kept and where the new blank one went', async () => {
    const host = hostWithCampaign();
    const note = (d: SheetDescription[]) => `「${d[0].name}」中已有填写或改动的内容（与插入时不同），未替换，原样保留；新的空白表写入了「${d[0].name}(2)」。`;
    host.writeOutcome = (d) => ({ written: [`${d[0].name}(2)`, d[1].name], renamed: [], degraded: [], notes: [note(d)] });
    const { user } = await openApp(host, { initialStep: 'templates' });
    await user.click(screen.getByRole('button', { name: '插入空白表到本工作簿' }));
    expect(await screen.findByText('请注意')).toBeInTheDocument();
    const [[written]] = host.callsOf('writeSheets') as [[SheetDescription[]]];
    expect(screen.getByText(note(written))).toBeInTheDocument();
    expect(screen.queryByText('部分工作表改名写入')).toBeNull();
  });

  it('shows the host error when the workbook refuses (protected structure)', async () => {
    const host = hostWithCampaign();
    host.failures.writeSheets = '工作簿结构受保护，无法插入工作表；请先在“审阅”中撤销工作簿保护';
    const { user } = await openApp(host, { initialStep: 'templates' });
    await user.click(screen.getByRole('button', { name: '插入空白表到本工作簿' }));
    expect(await screen.findByText('插入模板失败')).toBeInTheDocument();
    expect(screen.getByText('工作簿结构受保护，无法插入工作表；请先在“审阅”中撤销工作簿保护')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '插入空白表到本工作簿' })).toBeEnabled();
  });

  it('downloads one template as a workbook that comes back recognised as ours', async () => {
    const downloads = captureDownloads();
    try {
      const host = hostWithCampaign();
      const { user } = await openApp(host, { initialStep: 'templates' });
      const buttons = screen.getAllByRole('button', { name: /^下载「/ });
      expect(buttons).toHaveLength(2);
      await user.click(buttons[1]);
      expect(await screen.findByText(/^已生成「.*\.xlsx」$/, {}, SLOW)).toBeInTheDocument();
      expect(downloads.names).toHaveLength(1);
      expect(downloads.names[0]).toMatch(/\.xlsx$/);
      const back = await readWorkbook(downloads.names[0], await blobBytes(downloads.blobs[0]));
      expect(back.submission?.sheets).toHaveLength(1);
      expect(Object.values(back.templateMeta ?? {})[0]).toMatchObject({ kind: 'template', schemeId: 'p4-middle-managers', groupId: 'staff' });
      // Nothing was written into the workbook.
      expect(host.callsOf('writeSheets')).toHaveLength(0);
    } finally {
      downloads.restore();
    }
  });

  it('says, before the forms go out, that a form held per unit is given whole when someone in the roster has no unit', async () => {
    const host = hostWithCampaign('files', getPreset('p3-village-two-rounds'));
    host.saved = { ...host.saved!, roster: [...host.saved!.roster, { name: '新书记' }] };
    await openApp(host, { initialStep: 'templates' });
    expect(
      screen.getByText(
        '「村党组织书记“双述双评”测评表」按村分别发放，但名册中 新书记没有填写单位，只生成了一张列出全部人员的表，表头「所在村」一栏留空由填表人填写；请在名册的单位（所在村）栏填齐后重新生成模板，每个村一张',
      ),
    ).toBeInTheDocument();
  });

  it('offers a 计票汇总表 per round for a scheme of 打√ forms, downloaded as a count template', async () => {
    const downloads = captureDownloads();
    try {
      const host = hostWithCampaign('files', getPreset('p3-village-two-rounds'));
      const { user } = await openApp(host, { initialStep: 'templates' });
      expect(screen.getByRole('heading', { name: '计票汇总表（纸质投票、当场计票后填写）' })).toBeInTheDocument();
      // 村评 is held per village: one count sheet per unit of the roster (营业部, 零售部 here), named by it.
      const button = screen.getByRole('button', { name: /^下载「村党组织书记“双述双评”测评表计票汇总表（营业部·村评）」$/ });
      await user.click(button);
      expect(await screen.findByText(/^已生成「.*计票汇总表.*\.xlsx」$/, {}, SLOW)).toBeInTheDocument();
      const back = await readWorkbook(downloads.names[0], await blobBytes(downloads.blobs[0]));
      expect(Object.values(back.templateMeta ?? {})[0]).toMatchObject({ kind: 'template', schemeId: 'p3-village-two-rounds', roundId: 'village', counts: 'yes', unit: '营业部' });
    } finally {
      downloads.restore();
    }
  });

  it('downloads a template under its full name, not its sheet name cut to 31 characters', async () => {
    const downloads = captureDownloads();
    try {
      const branch = '中共某某市某某区某某街道幸福里社区第一党支部委员会';
      const host = hostWithCampaign('files', getPreset('p5-party-members'));
      host.saved = { ...host.saved!, roster: [{ name: branch, kind: 'organisation' }, { name: '王芳' }] };
      const { user } = await openApp(host, { initialStep: 'templates' });
      // Listed by the full name: cut to 31 characters the ballot and its 计票汇总表 both read 「党支部开展创先争（党员·…第一」.
      expect(screen.getByText(`党支部开展创先争优活动群众评议表计票汇总表（党员·${branch}）`)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: `下载「党支部开展创先争优活动群众评议表（党员·${branch}）」` }));
      const file = `党支部开展创先争优活动群众评议表（党员·${branch}）.xlsx`;
      expect(await screen.findByText(`已生成「${file}」`, {}, SLOW)).toBeInTheDocument();
      expect(downloads.names).toEqual([file]);
    } finally {
      downloads.restore();
    }
  });

  it('offers the 承诺书 and 述诺 forms of p1 (seed 000 附件2–4), one workbook each with a sheet per member, kept out of the ballots', async () => {
    const downloads = captureDownloads();
    try {
      const host = hostWithCampaign('files', getPreset('p1-double-pledge'));
      const { user } = await openApp(host, { initialStep: 'templates' });
      expect(screen.getByRole('heading', { name: '承诺书等（党员填写留存，不收回计票）' })).toBeInTheDocument();
      for (const text of ['附件2 认岗承诺书（3 张表）', '附件3 党员践诺进度表（3 张表）', '附件4 年终述诺表（3 张表）']) expect(screen.getByText(text)).toBeInTheDocument();
      // The ballots are still those of the 述诺测评: 2 测评人类别 × 2 支部 of the roster (营业部, 零售部), held per 支部.
      expect(screen.getByText(/共有 4 张空白表/)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: '下载「认岗承诺书」' }));
      expect(await screen.findByText('已生成「认岗承诺书.xlsx」（3 张表）', {}, SLOW)).toBeInTheDocument();
      expect(downloads.names).toEqual(['认岗承诺书.xlsx']);
      const back = await readWorkbook(downloads.names[0], await blobBytes(downloads.blobs[0]));
      expect(back.submission?.sheets.map((x) => x.name)).toEqual(['王芳', '李强', '张伟']);
      expect(back.templateMeta?.['李强']).toMatchObject({ kind: 'paperwork', paper: 'pledge', subject: '李强' });
    } finally {
      downloads.restore();
    }
  });

  it('no 计票汇总表 for a scheme of score forms', async () => {
    await openApp(hostWithCampaign('files'), { initialStep: 'templates' });
    expect(screen.getByRole('heading', { name: '逐份下载（分发给各类评议人）' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /计票汇总表/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /承诺书/ })).toBeNull();
  });

  it('offers downloads only on the standalone page (files host)', async () => {
    const downloads = captureDownloads();
    try {
      const host = new FakeHost('files');
      const { user } = await openApp(host, { initialStep: 'templates' });
      expect(screen.queryByRole('button', { name: '插入空白表到本工作簿' })).toBeNull();
      expect(screen.getByText(/尚未读取名册：表中的姓名栏留空/)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: '下载全部模板（一个工作簿）' }));
      await waitFor(() => expect(downloads.names).toEqual(['中层干部述职考核（干部、员工加权）-全部模板.xlsx']), SLOW);
      expect(await screen.findByText('已生成「中层干部述职考核（干部、员工加权）-全部模板.xlsx」（2 张表）')).toBeInTheDocument();
      const back = await readWorkbook('all.xlsx', await blobBytes(downloads.blobs[0]));
      expect(back.submission?.sheets).toHaveLength(2);
    } finally {
      downloads.restore();
    }
  });

  it('says in Chinese what to do when a part of the pane (the workbook writer) cannot be loaded', async () => {
    // What webpack throws when a chunk cannot be fetched (a damaged or half-copied add-in folder).
    const chunkError = Object.assign(new Error('Loading chunk 974 failed.\n(error: /974.js)'), { name: 'ChunkLoadError' });
    const load = jest.spyOn(browserFiles, 'loadWriter').mockRejectedValue(chunkError);
    try {
      const { user } = await openApp(hostWithCampaign('files'), { initialStep: 'templates' });
      await user.click(screen.getByRole('button', { name: '下载全部模板（一个工作簿）' }));
      expect(await screen.findByText('生成模板文件失败')).toBeInTheDocument();
      expect(screen.getByText('加载项的部分文件未能载入：请关闭任务窗格（或网页）后重新打开；仍然不行时，请检查加载项文件是否完整。')).toBeInTheDocument();
      expect(screen.queryByText(/Loading chunk/)).toBeNull();
      expect(screen.getByRole('button', { name: '下载全部模板（一个工作簿）' })).toBeEnabled();
    } finally {
      load.mockRestore();
    }
  });
});
