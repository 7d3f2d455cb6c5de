/**
 * Quotas in words on the 方案 step: a share as before, a number of places as a committee says it (优秀不超过 3 名),
 * 个 for organisations (seed 003 篇三: 评为较好及以下的不少于 1 个).
 */
import { getPreset } from '../../core/presets';
import { Quota } from '../../core/scheme/scheme-schema';
import { quotaWords } from '../scheme-words';

describe('quotaWords', () => {
  const p4 = getPreset('p4-secretary-appraisal');
  const cite = '测试';

  it('a share as before: 「较好」「一般」「差」不少于参评人数的 10%（向上取整）', () => {
    expect(quotaWords(p4.quotas[0], p4)).toBe('「较好」「一般」「差」不少于参评人数的 10%（向上取整）');
  });

  it('a count: 「好」不超过 3 名; the same in each unit; one per unit', () => {
    const max: Quota = { tiers: ['好'], kind: 'max', count: 3, cite };
    expect(quotaWords(max, p4)).toBe('「好」不超过 3 名');
    expect(quotaWords({ ...max, per: 'unit' }, p4)).toBe('每个单位「好」不超过 3 名');
    expect(quotaWords({ ...max, count: { 第一支部: 2, 第二支部: 1 }, per: 'unit' }, p4)).toBe('「好」按单位分配名额，各单位不超过：第一支部 2 名、第二支部 1 名');
  });

  it('organisations are counted 个: 「较好」「一般」「差」不少于 1 个', () => {
    const branches = { ...p4, subjectKind: 'organisation' as const };
    expect(quotaWords({ tiers: ['较好', '一般', '差'], kind: 'min', count: 1, cite }, branches)).toBe('「较好」「一般」「差」不少于 1 个');
  });
});
