/** How a roster header fits a scheme's roster-flag field (flag-columns.ts flagFit), worked out by hand. */
import { flagFit } from '../flag-columns';

describe('flagFit', () => {
  it.each([
    ['事故', '事故', 1],
    ['事故', '责任事故', 2],
    ['案件或事故', '是否发生案件或事故（是/否）', 2],
    ['被问责', '是否被问责', 2],
    ['被问责', '问责情况', 2],
    ['重大失误', '出现重大失误', 2],
    ['党风廉政问题', '党风廉政', 2],
    ['投诉查实', '群众投诉', 3],
    ['案件或事故', '责任事故', 3],
    ['处分', '受到处分', 2],
    // 问题 alone does not name the field's event; 否决事项 names none; unrelated events do not fit.
    ['党风廉政问题', '问题', 0],
    ['事故', '否决事项', 0],
    ['重大失误', '被问责追责', 0],
    ['事故', '情况', 0],
  ])('%s ← %s: %d', (field, header, level) => {
    expect(flagFit(field, header)).toBe(level);
  });
});
