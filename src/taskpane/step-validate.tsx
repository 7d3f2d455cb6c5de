/**
 * Step 3, 校验: read the filled forms, from sheets of this workbook (the user's own sheets and the
 * blank forms the add-in inserted; never its result sheets) or from many returned files at once
 * (picked or dropped), with a progress bar while reading; then the findings of reading and checking
 * them, grouped by file and sheet. A finding in this workbook selects its cell when clicked.
 */
import { Body1, Button, Checkbox, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Finding } from '../core/findings/finding';
import { readSummary } from '../core/output/describe-findings';
import { Progress, SheetInfo } from '../hosts/workbook-host';
import { FindingsView } from './findings-view';
import { SUBMISSION_ACCEPT, isSubmissionInFolder, notReadTitle } from '../hosts/files/submission-files';
import { droppedFiles, keepSubmissions } from './browser-files';
import { ErrorBar, FilePicker, Notice, ProblemsBar, ProgressView, useAction, useStyles } from './parts';
import { StepProps } from './step-scheme';
import { THIS_WORKBOOK, otherSchemesOfSheets, workbookSubmissions } from './use-campaign';

const useLocal = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
    alignItems: 'flex-start',
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  sheets: { display: 'flex', flexDirection: 'column' },
  // A long import (hundreds of files) scrolls inside the pane instead of pushing the findings down.
  fileList: { margin: 0, paddingLeft: 0, listStyleType: 'none', maxHeight: '240px', overflowY: 'auto', width: '100%' },
  fileItem: { display: 'flex', alignItems: 'center', columnGap: '8px', justifyContent: 'space-between', wordBreak: 'break-all' },
});

/** Sheets that may hold filled forms: visible, and either the user's own or a template the add-in inserted. */
export function formSheets(sheets: readonly SheetInfo[]): SheetInfo[] {
  return sheets.filter((s) => s.visible && (s.ownedKind === null || s.ownedKind === 'template'));
}

/**
 * The sheets ticked when a sheet first appears in the list: those read last time (`lastRead`, the clerk's
 * own choice) that are still there; before any read, or when none of them is left, the forms the add-in
 * inserted. The clerk's own sheets are read only when the clerk ticks them: a workbook kept for the whole
 * campaign also holds the 名册, last year's tallies (姓名 合格 30 不合格 2 reads as a 计票汇总表 of 32 votes,
 * added to this year's) and check lists with √ (a 资格预审 sheet reads as a ballot), and nothing on them
 * tells them apart from this year's returned forms.
 */
export function initialTicks(candidates: readonly SheetInfo[], lastRead: readonly string[]): Set<string> {
  const read = new Set(lastRead);
  const kept = candidates.filter((s) => read.has(s.name));
  return new Set((kept.length > 0 ? kept : candidates.filter((s) => s.ownedKind === 'template')).map((s) => s.name));
}

export function StepValidate({ campaign, host, inWorkbook }: StepProps) {
  const styles = useStyles();
  const local = useLocal();
  const action = useAction();
  // Listing the sheets has its own state, so a slow list never blocks importing files.
  const listing = useAction();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [dragging, setDragging] = useState(false);
  /** What this Excel could not see while reading (the Excel host's readNotes, e.g. merged cells on old versions). */
  const [readNotes, setReadNotes] = useState<string[]>([]);
  const [showFiles, setShowFiles] = useState(false);
  const { run } = action;
  const listSheets = listing.run;
  /** The sheets read last time, when this step opens (not a dependency: a read must not reset the ticks). */
  const lastRead = useRef(campaign.workbook.names);
  /** The sheets listed so far: a refresh keeps the clerk's ticks on these. */
  const listed = useRef<Set<string> | null>(null);

  const refresh = useCallback(async () => {
    const list = await listSheets('无法列出工作表', () => host.listSheets());
    if (!list) return;
    const candidates = formSheets(list);
    const before = listed.current;
    listed.current = new Set(candidates.map((s) => s.name));
    setSheets(candidates);
    // A sheet new to the list since the last listing (a template just inserted) is ticked as initialTicks says of it alone.
    const start = before === null ? initialTicks(candidates, lastRead.current) : initialTicks(candidates.filter((s) => !before.has(s.name)), []);
    setPicked((prev) => new Set(candidates.map((s) => s.name).filter((n) => (before?.has(n) ? prev.has(n) : start.has(n)))));
  }, [host, listSheets]);

  useEffect(() => {
    if (inWorkbook) void refresh();
  }, [inWorkbook, refresh]);

  const readWorkbookSheets = () =>
    run('读取工作表失败', async () => {
      const names = sheets.map((s) => s.name).filter((n) => picked.has(n));
      try {
        const { sheets: grids, findings } = await host.readSheets(names, setProgress);
        const notes = (host as { readNotes?: unknown }).readNotes;
        setReadNotes(Array.isArray(notes) ? notes.filter((n): n is string => typeof n === 'string') : []);
        campaign.setWorkbookBallots({
          submissions: workbookSubmissions(grids, sheets),
          findings: findings.map((f) => ({ ...f, file: THIS_WORKBOOK })),
          names,
        });
      } finally {
        setProgress(null);
      }
    });

  // The import runs in the store: it goes on, and is shown, when the clerk goes to another step and back.
  const { fileImport } = campaign;
  const importing = fileImport.busy;
  const importFiles = (files: File[], skippedInFolders: string[] = []) => void campaign.importFiles(files, skippedInFolders);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (!e.dataTransfer || action.busy || importing) return;
    // Taken now: the browser empties the DataTransfer once the event is over.
    const asDropped = Array.from(e.dataTransfer.files);
    // Dropped folders are walked; loose files are all read. If walking fails, the files as dropped.
    void droppedFiles(e.dataTransfer, isSubmissionInFolder).then(
      (d) => {
        if (d.files.length > 0 || d.skipped.length > 0) importFiles(d.files, d.skipped);
      },
      () => importFiles(asDropped),
    );
  };

  const importFolder = (files: File[]) => {
    const kept = keepSubmissions(files, isSubmissionInFolder);
    importFiles(kept.files, kept.skipped);
  };

  const select = (f: Finding) => {
    if (f.sheet && f.cell) void run('无法定位到单元格', () => host.selectCell(f.sheet!, f.cell!));
  };

  const { skipped } = fileImport;
  const state = campaign.getResult();
  const findings = state.kind === 'ready' ? state.readFindings : [...campaign.workbook.findings, ...campaign.files.findings];
  const ballots = state.kind === 'ready' ? state.result.read : null;
  const noRoster = state.kind === 'missing' && state.what === 'roster';
  const otherSchemes = useMemo(() => otherSchemesOfSheets(campaign.scheme, campaign.workbook, campaign.files), [campaign.scheme, campaign.workbook, campaign.files]);
  // Files are counted apart from ballots: a file may hold several ballots, or none (the 名册, a 通知, a copy).
  const filesWithBallots = new Set(ballots ? [...ballots.ballots, ...ballots.uncounted].map((b) => b.file) : []);
  const filesWithoutBallots = ballots ? campaign.files.names.filter((n) => !filesWithBallots.has(n)).length : 0;
  // What 计算 says of the results (more ballots than expected, decisions): in 校验结果 when written, not listed here.
  const laterFindings = state.kind === 'ready' ? state.resultFindings.length : 0;

  return (
    <section className={styles.step} aria-labelledby="step-validate-title">
      <Subtitle2 as="h2" id="step-validate-title">
        校验
      </Subtitle2>
      {inWorkbook ? (
        <div className={styles.section}>
          <Subtitle2 as="h3">本工作簿中的测评表</Subtitle2>
          {sheets.length === 0 ? (
            <Body1>本工作簿中没有可校验的工作表。</Body1>
          ) : (
            <Text size={200}>只读取勾选的工作表。本加载项插入的模板会自动勾选；您自己的工作表（如贴入的测评票、本次的计票汇总表）请自己勾选，名册、往年的统计表等不要勾选。</Text>
          )}
          <div className={local.sheets} role="group" aria-label="要校验的工作表">
            {sheets.map((s) => (
              <Checkbox
                key={s.name}
                label={s.name}
                checked={picked.has(s.name)}
                onChange={(_e, d) =>
                  setPicked((prev) => {
                    const next = new Set(prev);
                    if (d.checked) next.add(s.name);
                    else next.delete(s.name);
                    return next;
                  })
                }
              />
            ))}
          </div>
          <div className={styles.row}>
            <Button appearance="primary" disabled={action.busy || importing || picked.size === 0} onClick={readWorkbookSheets}>
              校验所选工作表
            </Button>
            <Button disabled={listing.busy} onClick={refresh}>
              刷新工作表列表
            </Button>
          </div>
        </div>
      ) : null}
      <div className={styles.section}>
        <Subtitle2 as="h3">收回的文件</Subtitle2>
        <div
          className={mergeClasses(local.drop, dragging && local.dragging)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <Text>把收回的工作簿或整个文件夹拖到这里，或：</Text>
          <div className={styles.row}>
            <FilePicker label="导入收回的文件" multiple accept={SUBMISSION_ACCEPT} disabled={action.busy || importing} appearance={inWorkbook ? 'secondary' : 'primary'} onFiles={(f) => importFiles(f)} />
            <FilePicker label="导入整个文件夹" directory multiple disabled={action.busy || importing} onFiles={importFolder} />
          </div>
        </div>
        {skipped.length > 0 ? (
          <ProblemsBar intent="info" title={notReadTitle(skipped.length)} problems={skipped.length > 30 ? [...skipped.slice(0, 30), `……另有 ${skipped.length - 30} 个`] : skipped} />
        ) : null}
        <ProblemsBar intent="info" title="更正后重交的文件" problems={fileImport.notes} />
        {campaign.files.names.length > 0 ? (
          <div className={styles.row}>
            <Text>已导入 {campaign.files.names.length} 个文件。</Text>
            <Button size="small" aria-expanded={showFiles} aria-controls="imported-files" onClick={() => setShowFiles((v) => !v)}>
              {showFiles ? '收起文件列表' : '查看、移除文件'}
            </Button>
            <Button size="small" disabled={action.busy || importing} onClick={campaign.clearFiles}>
              清除已导入的文件
            </Button>
          </div>
        ) : null}
        {showFiles && campaign.files.names.length > 0 ? (
          // One file taken out (a form of another unit, the old copy of a corrected one) without importing the rest again.
          <ul id="imported-files" className={local.fileList} aria-label="已导入的文件">
            {campaign.files.names.map((name) => (
              <li key={name} className={local.fileItem}>
                <Text size={200}>{name}</Text>
                <Button size="small" appearance="subtle" aria-label={`移除「${name}」`} disabled={action.busy || importing} onClick={() => campaign.removeFile(name)}>
                  移除
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <ProgressView progress={progress ?? fileImport.progress} />
      <ProblemsBar intent="warning" title="读取工作表时的限制" problems={readNotes} />
      <ErrorBar error={listing.error} />
      <ErrorBar error={action.error} />
      <ErrorBar error={fileImport.error ? { title: '导入文件失败', text: fileImport.error } : null} />
      {otherSchemes.map((o) => (
        <Notice key={o.schemeId} intent="warning" title="测评表属于另一个方案">
          已导入的 {o.sheets} 张表是{o.preset ? `方案「${o.preset.name}」` : '另一个方案（不是预设方案）'}的模板，与当前方案「{campaign.scheme.name}」不符，不会计入。
          {o.preset ? (
            <>
              {' '}
              <Button size="small" disabled={action.busy || importing} onClick={() => campaign.choosePreset(o.preset!.id)}>
                改用方案「{o.preset.name}」
              </Button>
            </>
          ) : (
            '请在「方案」中导入制作这些模板时所用的方案文件。'
          )}
        </Notice>
      ))}
      {noRoster ? (
        <Notice intent="warning" title="尚未读取名册">
          测评表还没有校验：姓名、等次和票数都要对照名册核对，下方只列出读取文件时发现的问题。请先在「方案」中读取名册。
        </Notice>
      ) : null}
      {state.kind === 'error' ? <Notice intent="error">{state.message}</Notice> : null}
      {ballots ? (
        <Body1 role="status">
          {readSummary(ballots)}。
        </Body1>
      ) : null}
      {filesWithoutBallots > 0 ? (
        <Text>
          已导入的 {campaign.files.names.length} 个文件中，{filesWithoutBallots} 个没有读到测评票（如名册、通知、逐字节相同的副本），原因见下方校验结果。
        </Text>
      ) : null}
      {laterFindings > 0 ? (
        <Text>
          另有 {laterFindings} 条关于计算结果的提醒（如收回的票多于应参评人数），见「计算」；写回的「校验结果」表列出全部 {findings.length + laterFindings} 条。
        </Text>
      ) : null}
      {state.kind === 'missing' && state.what === 'ballots' && findings.length === 0 ? (
        <Body1>尚未读取任何测评表。</Body1>
      ) : (
        <FindingsView
          title="校验结果"
          findings={findings}
          emptyText={noRoster ? '读取文件时没有发现问题；测评表尚未校验（缺少名册）。' : undefined}
          canSelect={(f) => inWorkbook && f.file === THIS_WORKBOOK && f.sheet !== null && f.cell !== null}
          onSelect={select}
        />
      )}
    </section>
  );
}
