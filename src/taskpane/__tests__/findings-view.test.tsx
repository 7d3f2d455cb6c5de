/** @jest-environment jsdom */
/**
 * The findings list on a sheet wrong in every row: counts over every finding, a hundred of a kind
 * listed per sheet and one line counting the rest (as in 校验结果), so nothing is hidden and the page
 * stays usable.
 */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Finding, finding } from '../../core/findings/finding';
import { FindingsView } from '../findings-view';

it('lists 100 of 250 same findings on a sheet and counts the other 150; the status counts all 251', () => {
  const many: Finding[] = Array.from({ length: 250 }, (_, i) =>
    finding('SUBJECT_NOT_IN_ROSTER', `第 ${i + 4} 行的姓名不在名册中`, { file: '大表.xlsx', sheet: '测评表', cell: `A${i + 4}` }),
  );
  const other = finding('SCORE_OUT_OF_RANGE', '分数 150 超出 0–100', { file: '大表.xlsx', sheet: '测评表', cell: 'C9' });
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsView title="校验结果" findings={[...many, other]} canSelect={() => false} onSelect={() => undefined} />
    </FluentProvider>,
  );
  expect(screen.getByRole('status')).toHaveTextContent('错误 251 条，提醒 0 条');
  const items = within(screen.getByRole('list', { name: '大表.xlsx 工作表「测评表」的问题' })).getAllByRole('listitem');
  // 100 listed, 1 summary line, and the other kind's one finding.
  expect(items).toHaveLength(102);
  expect(items[99]).toHaveTextContent('A103：第 103 行的姓名不在名册中');
  expect(screen.getByText(/本工作表另有 150 条同类问题/)).toBeInTheDocument();
  expect(screen.getByText('C9：分数 150 超出 0–100')).toBeInTheDocument();
});
