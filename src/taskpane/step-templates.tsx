/**
 * Step 2, 模板: the blank forms of the scheme (one per form × rater group × round, with the roster's
 * names filled in), inserted as sheets of this workbook or downloaded as workbooks: one file per
 * template (to hand to each group of raters) or all of them in one workbook; the 计票汇总表 for a
 * meeting that votes on paper and reports its count; and the forms members fill and keep (认岗承诺书 …,
 * the scheme's paperwork), downloaded one workbook each with a sheet per member (too many sheets to
 * insert into the clerk's own workbook).
 */
import { Body1, Button, Subtitle2, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { PaperworkWorkbook, describePaperwork } from '../core/output/describe-paperwork';
import { describeTemplates, perUnitNotSplit } from '../core/output/describe-templates';
import { formsWithoutSubjects } from '../core/roster/forms-without-subjects';
import { SheetDescription } from '../core/output/sheet-description';
import { Progress, WriteOutcome } from '../hosts/workbook-host';
import { XLSX_MIME, downloadFile, loadWriter, safeFileName } from './browser-files';
import { ErrorBar, Notice, ProblemsBar, ProgressView, WriteOutcomeView, useAction, useStyles } from './parts';
import { StepProps } from './step-scheme';

export function StepTemplates({ campaign, host, inWorkbook }: StepProps) {
  const styles = useStyles();
  const action = useAction();
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const { scheme, roster } = campaign;
  const templates = useMemo(() => describeTemplates(scheme, roster), [scheme, roster]);
  // For meetings that vote on paper and report the count (seed 002 第四篇: 村评 results reported to the 镇).
  const countTemplates = useMemo(() => describeTemplates(scheme, roster, { counts: true }), [scheme, roster]);
  // Filled by each member and kept, not read back (seed 000 附件2–4).
  const paperwork = useMemo(() => describePaperwork(scheme, roster), [scheme, roster]);
  // Also a form held per unit that cannot be split by unit (someone without one): said before it goes out whole.
  const lacking = useMemo(() => [...formsWithoutSubjects(scheme, roster), ...perUnitNotSplit(scheme, roster)], [scheme, roster]);

  const insert = () =>
    action.run('插入模板失败', async () => {
      setOutcome(null);
      try {
        setOutcome(await host.writeSheets(templates, setProgress));
      } finally {
        setProgress(null);
      }
    });

  const download = (which: 'all' | SheetDescription) =>
    action.run('生成模板文件失败', async () => {
      const { writeWorkbook } = await loadWriter();
      // Named as the browser will save it (a / in the scheme's name becomes 、).
      if (which === 'all') {
        const name = safeFileName(`${scheme.name}-全部模板.xlsx`);
        downloadFile(name, await writeWorkbook(templates), XLSX_MIME);
        setDownloaded(`已生成「${name}」（${templates.length} 张表）`);
      } else {
        // In full (党支部开展创先争优活动情况测评表（…·党员）), not as the sheet's name cut to 31 characters.
        const name = safeFileName(`${which.fileName ?? which.name}.xlsx`);
        downloadFile(name, await writeWorkbook([which]), XLSX_MIME);
        setDownloaded(`已生成「${name}」`);
      }
    });
  const downloadPaperwork = (book: PaperworkWorkbook) =>
    action.run('生成模板文件失败', async () => {
      const { writeWorkbook } = await loadWriter();
      const name = safeFileName(`${book.name}.xlsx`);
      downloadFile(name, await writeWorkbook(book.sheets), XLSX_MIME);
      setDownloaded(`已生成「${name}」（${book.sheets.length} 张表）`);
    });
  const list = (sheets: SheetDescription[]) => (
    <ul className={styles.list}>
      {/* Each by its full name, as its file is named: cut to a sheet's 31 characters, a ballot and its 计票汇总表 read alike. */}
      {sheets.map((t) => (
        <li key={t.name}>
          <Text>{t.fileName ?? t.name}</Text>{' '}
          <Button size="small" appearance="subtle" disabled={action.busy} onClick={() => download(t)} aria-label={`下载「${t.fileName ?? t.name}」`}>
            下载
          </Button>
        </li>
      ))}
    </ul>
  );

  return (
    <section className={styles.step} aria-labelledby="step-templates-title">
      <Subtitle2 as="h2" id="step-templates-title">
        模板
      </Subtitle2>
      <Body1>
        方案「{scheme.name}」共有 {templates.length} 张空白表（每种表 × 每类评议人{scheme.rounds.length > 1 ? ' × 每轮' : ''}）。
      </Body1>
      {roster.length === 0 ? (
        <Notice intent="info">尚未读取名册：表中的姓名栏留空，由评议人填写。读取名册后，被评议人的姓名会预先填好。</Notice>
      ) : null}
      {/* Before the forms go out: a form about 党组织 with none in the roster would come back uncounted. */}
      <ProblemsBar intent="warning" title="名册与方案不符" problems={lacking} />
      <div className={styles.row}>
        {inWorkbook ? (
          <Button appearance="primary" disabled={action.busy} onClick={insert}>
            插入空白表到本工作簿
          </Button>
        ) : null}
        <Button appearance={inWorkbook ? 'secondary' : 'primary'} disabled={action.busy} onClick={() => download('all')}>
          下载全部模板（一个工作簿）
        </Button>
      </div>
      <ProgressView progress={progress} />
      <ErrorBar error={action.error} />
      <WriteOutcomeView outcome={outcome} what="空白表" />
      {downloaded ? <Notice intent="success">{downloaded}</Notice> : null}
      <Subtitle2 as="h3">逐份下载（分发给各类评议人）</Subtitle2>
      {list(templates)}
      {countTemplates.length > 0 ? (
        <>
          <Subtitle2 as="h3">计票汇总表（纸质投票、当场计票后填写）</Subtitle2>
          <Body1>会上用纸质测评票投票的，由计票人把各等次的票数和有效票数填入计票汇总表；收回后与测评表一起校验，按票数计入。</Body1>
          {list(countTemplates)}
        </>
      ) : null}
      {paperwork.length > 0 ? (
        <>
          <Subtitle2 as="h3">承诺书等（党员填写留存，不收回计票）</Subtitle2>
          <Body1>每种表一个工作簿，名册中每名党员一张表，已填好姓名和所在支部{roster.length === 0 ? '（未读取名册时为一张空白表）' : ''}。</Body1>
          <ul className={styles.list}>
            {paperwork.map((book) => (
              <li key={book.name}>
                <Text>
                  {book.paper.annex ? `${book.paper.annex} ` : ''}
                  {book.name}（{book.sheets.length} 张表）
                </Text>{' '}
                <Button size="small" appearance="subtle" disabled={action.busy} onClick={() => downloadPaperwork(book)} aria-label={`下载「${book.name}」`}>
                  下载
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
