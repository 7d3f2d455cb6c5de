/** What a roster veto cell says (roster.ts flagCellSays): "none" as clerks write it, and denials that say more. */
import { flagCellSays, hasFlag } from '../roster';

describe('flagCellSays', () => {
  it.each(['无事故', '暂无', '无。', '没有', '没有发生', '未发生', '未发生责任事故', '0起', '0次', '正常', '―', '✕', '无此情况', '无', '否', '/', '—', '－－', '×', '没有被问责', ' 无 '])(
    '「%s」 is none',
    (text) => expect(flagCellSays(text, '事故')).toBe('none'),
  );

  it.each(['无证驾驶', '未按时完成整改', '未处理的事故', '无，但有群众投诉'])('「%s」 begins like none but says more: unclear', (text) => {
    expect(flagCellSays(text, '事故')).toBe('unclear');
  });

  it.each(['分管网点发生责任事故', '是', '有', '1起'])('「%s」 is set', (text) => expect(flagCellSays(text, '事故')).toBe('set'));

  it("the field's own word is a denial's word too (无处分 under a scheme's 处分)", () => {
    expect(flagCellSays('无处分', '处分')).toBe('none');
    expect(flagCellSays('无处分', '事故')).toBe('unclear');
  });

  it('an unclear cell keeps the veto: only none lifts it', () => {
    expect(hasFlag({ name: '甲', flags: { 事故: '无证驾驶' } }, '事故')).toBe(true);
    expect(hasFlag({ name: '甲', flags: { 事故: '无事故' } }, '事故')).toBe(false);
  });
});
