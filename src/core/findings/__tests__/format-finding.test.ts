/** formatFinding: the command line's one line per finding. */
import { finding, formatFinding } from '../finding';

describe('formatFinding', () => {
  it('writes file!sheet!cell: message', () => {
    expect(formatFinding(finding('ABSTENTION', '此项未打√，按弃权计', { file: 'a.xlsx', sheet: '表', cell: 'C3' }))).toBe('a.xlsx!表!C3: 此项未打√，按弃权计');
    expect(formatFinding(finding('FILE_DAMAGED', '文件已损坏', { file: 'b.xlsx' }))).toBe('b.xlsx: 文件已损坏');
  });

  it('keeps one finding on one line when it quotes a cell with line breaks (陈刚⏎组织委员)', () => {
    const f = finding('SUBJECT_NOT_IN_ROSTER', '「签证\n窗口\r\n李娜」不在名册中，此行未计入', { file: 'a.xlsx', sheet: '附3', cell: 'A5' });
    expect(formatFinding(f)).toBe('a.xlsx!附3!A5: 「签证⏎窗口⏎李娜」不在名册中，此行未计入');
  });
});
