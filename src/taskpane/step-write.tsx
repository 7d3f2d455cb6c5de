/**
 * Step 5, 写回: the result sheets (排名表, 公示表, 整改清单, 统计表, 得票情况 and/or 得分情况, and 校验结果) written into this
 * workbook, with what the host had to do differently (a sheet renamed to spare a user's sheet, a
 * feature this Excel cannot apply); on the standalone page, the same sheets as a downloaded workbook.
 * The chart of the tier distribution in the 统计表 is the Excel host's job.
 */
import { Body1, Button, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { resultSheetNames } from '../core/output/result-sheet-names';
import { Progress, WriteOutcome } from '../hosts/workbook-host';
import { XLSX_MIME, downloadFile, loadResultDescriber, loadWriter, localDate, safeFileName } from './browser-files';
import { ErrorBar, Notice, ProgressView, WriteOutcomeView, useAction, useStyles } from './parts';
import { StepProps } from './step-scheme';

export function StepWrite({ campaign, host, inWorkbook }: StepProps) {
  const styles = useStyles();
  const action = useAction();
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const state = campaign.getResult();

  const heading = (
    <Subtitle2 as="h2" id="step-write-title">
      写回
    </Subtitle2>
  );
  if (state.kind !== 'ready') {
    return (
      <section className={styles.step} aria-labelledby="step-write-title">
        {heading}
        <Notice intent="info" title="还没有结果">
          {state.kind === 'error' ? state.message : '请先读取名册和测评表（「方案」「校验」），再在「计算」中查看结果。'}
        </Notice>
      </section>
    );
  }

  const errors = state.readFindings.filter((f) => f.severity === 'error').length;
  const sheets = async () => (await loadResultDescriber()).describeResultWorkbook(state.result);

  const write = () =>
    action.run('写回工作簿失败', async () => {
      setOutcome(null);
      try {
        setOutcome(await host.writeSheets(await sheets(), setProgress));
      } finally {
        setProgress(null);
      }
    });

  const download = () =>
    action.run('生成结果工作簿失败', async () => {
      const { writeWorkbook } = await loadWriter();
      // Dated, so a second run is told apart from the first (not 「…结果 (1).xlsx」).
      const name = safeFileName(`${state.result.scheme.process}结果_${localDate()}.xlsx`);
      downloadFile(name, await writeWorkbook(await sheets()), XLSX_MIME);
      setDownloaded(`已生成「${name}」`);
    });

  return (
    <section className={styles.step} aria-labelledby="step-write-title">
      {heading}
      {inWorkbook ? (
        <Body1>将写入：{resultSheetNames(state.result.scheme).join('、')}。本加载项以前写入的同名结果表会被替换；您自己的工作表不会被改动。整改清单中已填写的措施、责任人、状态会保留。</Body1>
      ) : (
        <Body1>将生成一个新的结果工作簿（下载到本机），包含：{resultSheetNames(state.result.scheme).join('、')}。以前下载的结果文件不会被改动；其中整改清单已填写的措施、责任人、状态不会带入新文件。</Body1>
      )}
      {errors > 0 ? (
        <Notice intent="warning" title={`校验中仍有 ${errors} 条错误`}>
          有错误的票或项目未计入。可以先写回，结果表中的「校验结果」会列出这些错误。
        </Notice>
      ) : null}
      <div className={styles.row}>
        {inWorkbook ? (
          <Button appearance="primary" disabled={action.busy} onClick={write}>
            写入本工作簿
          </Button>
        ) : null}
        {!inWorkbook ? (
          <Button appearance="primary" disabled={action.busy} onClick={download}>
            下载结果工作簿
          </Button>
        ) : null}
      </div>
      <ProgressView progress={progress} />
      <ErrorBar error={action.error} />
      <WriteOutcomeView outcome={outcome} what="结果" />
      {downloaded ? <Notice intent="success">{downloaded}</Notice> : null}
    </section>
  );
}
