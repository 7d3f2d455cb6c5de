/**
 * The task pane: five steps in a tab list (方案, 模板, 校验, 计算, 写回) over one campaign store. The
 * host is a prop: the Excel workbook (src/hosts/excel) in the add-in, files and downloads on the
 * standalone page (host.kind === 'files'), where the workbook-only actions give way to file ones.
 */
import { Caption1, Spinner, Tab, TabList, Title3, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { WorkbookHost } from '../hosts/workbook-host';
import { Notice } from './parts';
import { StepCompute } from './step-compute';
import { StepScheme } from './step-scheme';
import { StepTemplates } from './step-templates';
import { StepValidate } from './step-validate';
import { StepWrite } from './step-write';
import { savedIn, useCampaign } from './use-campaign';

const useStyles = makeStyles({
  main: { padding: '12px', display: 'flex', flexDirection: 'column', rowGap: '8px', maxWidth: '720px' },
  tabs: { flexWrap: 'wrap' },
});

export const STEPS = [
  { id: 'scheme', label: '方案', Component: StepScheme },
  { id: 'templates', label: '模板', Component: StepTemplates },
  { id: 'validate', label: '校验', Component: StepValidate },
  { id: 'compute', label: '计算', Component: StepCompute },
  { id: 'write', label: '写回', Component: StepWrite },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

export interface AppProps {
  host: WorkbookHost;
  /** The step shown first (tests open a step directly). */
  initialStep?: StepId;
  /** The preset used until a saved campaign is found. */
  defaultPresetId?: string;
}

export function App({ host, initialStep = 'scheme', defaultPresetId }: AppProps) {
  const styles = useStyles();
  const campaign = useCampaign(host, defaultPresetId);
  const [step, setStep] = useState<StepId>(initialStep);
  const inWorkbook = host.kind === 'excel';
  const current = STEPS.find((s) => s.id === step)!;
  // Files and sheets, not ballots: a file may hold several ballots or none (校验 counts the ballots).
  const read = [inWorkbook ? `已读取本工作簿工作表 ${campaign.workbook.names.length} 张` : '', `已导入文件 ${campaign.files.names.length} 个`].filter(Boolean).join('、');

  return (
    <main className={styles.main}>
      <Title3 as="h1">评议通</Title3>
      {!campaign.ready ? (
        <Spinner size="small" label={`正在读取${savedIn(host.kind)}中保存的方案…`} />
      ) : (
        <>
          <Caption1>
            方案：{campaign.scheme.name}；名册 {campaign.roster.length} 人；{read}
          </Caption1>
          {campaign.startNotice ? <Notice intent={campaign.startNotice.intent}>{campaign.startNotice.text}</Notice> : null}
          <TabList
            className={styles.tabs}
            selectedValue={step}
            onTabSelect={(_e, d) => setStep(d.value as StepId)}
            aria-label="步骤"
          >
            {STEPS.map((s, i) => (
              <Tab key={s.id} value={s.id} id={`tab-${s.id}`} aria-controls={s.id === step ? `panel-${s.id}` : undefined}>
                {`${i + 1}. ${s.label}`}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`panel-${step}`} aria-labelledby={`tab-${step}`}>
            <current.Component campaign={campaign} host={host} inWorkbook={inWorkbook} />
          </div>
        </>
      )}
    </main>
  );
}
