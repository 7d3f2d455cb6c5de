/**
 * Findings grouped by file and sheet, filterable by severity (错误 / 提醒), listed with the limits of
 * the 校验结果 sheet (listedFindings). A finding in a sheet of
 * this workbook with a cell is a button: it selects that cell (host.selectCell), so the clerk lands
 * on the problem.
 */
import { Badge, Link, Radio, RadioGroup, Subtitle2, Text, makeStyles } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { Finding, listedFindings } from '../core/findings/finding';
import { useStyles } from './parts';

const useLocal = makeStyles({
  item: { display: 'flex', columnGap: '6px', alignItems: 'baseline', marginBottom: '4px' },
  list: { listStyleType: 'none', margin: 0, paddingLeft: '4px' },
  group: { display: 'flex', flexDirection: 'column', rowGap: '4px' },
  // 错误 / 提醒 on one line however narrow the pane (at 360 px they broke into 错 over 误).
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

type Filter = 'all' | 'error' | 'warning';

export interface FindingsViewProps {
  findings: readonly Finding[];
  /** Whether a finding can be shown in place (a cell of this workbook). */
  canSelect(f: Finding): boolean;
  onSelect(f: Finding): void;
  /** Heading of the list, also the accessible name of its region. */
  title: string;
  /** Said when there are no findings (by default 没有发现问题; less when not everything could be checked). */
  emptyText?: string;
}

function groupFindings(findings: readonly Finding[]): Map<string, Map<string, Finding[]>> {
  const byFile = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const bySheet = byFile.get(f.file) ?? new Map<string, Finding[]>();
    byFile.set(f.file, bySheet);
    const key = f.sheet ?? '';
    const list = bySheet.get(key);
    if (list) list.push(f);
    else bySheet.set(key, [f]);
  }
  return byFile;
}

export function FindingsView({ findings, canSelect, onSelect, title, emptyText = '没有发现问题。' }: FindingsViewProps) {
  const styles = useStyles();
  const local = useLocal();
  const [filter, setFilter] = useState<Filter>('all');
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  // Listed as in 校验结果: a sheet wrong in every row gives a hundred of a kind and a line counting the rest,
  // not a list too long to read or render. The counts above cover every finding.
  const shown = useMemo(() => listedFindings(filter === 'all' ? findings : findings.filter((f) => f.severity === filter)), [findings, filter]);
  const grouped = useMemo(() => groupFindings(shown), [shown]);
  const titleId = `findings-${title}`;

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId}>
        {title}
      </Subtitle2>
      <Text role="status">{findings.length === 0 ? emptyText : `错误 ${errors} 条，提醒 ${warnings} 条`}</Text>
      {findings.length > 0 ? (
        <RadioGroup layout="horizontal" value={filter} onChange={(_e, d) => setFilter(d.value as Filter)} aria-label="按严重程度筛选">
          <Radio value="all" label={`全部（${findings.length}）`} />
          <Radio value="error" label={`错误（${errors}）`} />
          <Radio value="warning" label={`提醒（${warnings}）`} />
        </RadioGroup>
      ) : null}
      {[...grouped].map(([file, bySheet]) => (
        <section key={file} className={local.group} aria-label={`文件：${file}`}>
          <Text as="h4" weight="semibold">
            {file}
          </Text>
          {[...bySheet].map(([sheet, list]) => (
            <div key={sheet} className={local.group}>
              <Text as="h5" size={200} weight="semibold">
                {sheet ? `工作表「${sheet}」` : '（整个文件）'}
              </Text>
              <ul className={local.list} aria-label={`${file}${sheet ? ` 工作表「${sheet}」` : ''}的问题`}>
                {list.map((f, i) => (
                  <li key={i} className={local.item}>
                    <Badge className={local.badge} appearance="tint" color={f.severity === 'error' ? 'danger' : 'warning'}>
                      {f.severity === 'error' ? '错误' : '提醒'}
                    </Badge>
                    {canSelect(f) ? (
                      <Link as="button" onClick={() => onSelect(f)} title={`在工作表「${f.sheet}」中选中 ${f.cell}`}>
                        {f.cell}：{f.message}
                      </Link>
                    ) : (
                      <Text>
                        {f.cell ? `${f.cell}：` : ''}
                        {f.message}
                      </Text>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
