import { displayName, normalizeLabel, normalizeName } from '../normalize';

describe('normalizeLabel', () => {
  it.each([
    ['满 意', '满意'],
    ['不满 意', '不满意'],
    ['滿意', '满意'],
    ['稱職', '称职'],
    ['基本稱職', '基本称职'],
    ['基本满意意', '基本满意'],
    ['　优　秀　', '优秀'],
    ['姓名：', '姓名'],
    ['ＡＢＣ', 'ABC'],
    ['优秀党员候 选 人 姓 名', '优秀党员候选人姓名'],
  ])('%s → %s', (raw, expected) => expect(normalizeLabel(raw)).toBe(expected));

  it('is empty for non-text', () => {
    expect(normalizeLabel(null)).toBe('');
    expect(normalizeLabel(undefined)).toBe('');
  });
});

describe('normalizeName', () => {
  it.each([
    ['王　毅', '王毅'],
    [' 王 毅 ', '王毅'],
    ['陳剛', '陈刚'],
    ['张三（女，回族）', '张三'],
    ['李四(回族)', '李四'],
  ])('%s → %s', (raw, expected) => expect(normalizeName(raw)).toBe(expected));

  it('keeps a padded two-character name readable for display', () => {
    expect(displayName('王　毅')).toBe('王毅');
    expect(displayName(' 欧阳 修文 ')).toBe('欧阳 修文');
  });
});
