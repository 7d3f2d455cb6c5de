import * as OpenCC from 'opencc-js/t2cn';
import { Converter } from 'opencc-js/t2cn';
import { displayName, normalizeLabel, normalizeName, simplify } from '../normalize';

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
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽.买买提', '阿依古丽·买买提'],
    ['阿依古丽．买买提', '阿依古丽·买买提'],
    ['阿依古丽‧买买提', '阿依古丽·买买提'],
  ])('%s → %s', (raw, expected) => expect(normalizeName(raw)).toBe(expected));

  it('keeps a padded two-character name readable for display', () => {
    expect(displayName('王　毅')).toBe('王毅');
    expect(displayName(' 欧阳 修文 ')).toBe('欧阳 修文');
  });
});

describe('simplify', () => {
  // simplify skips OpenCC for texts in which no character begins one of its keys: check that this
  // changes nothing, character by character and on random mixes, against OpenCC itself.
  const opencc = Converter({ from: 'tw', to: 'cn' });

  it('gives what OpenCC gives for every character', () => {
    const differ: string[] = [];
    for (let c = 0x20; c < 0x30000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCodePoint(c);
      if (simplify(ch) !== opencc(ch)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('gives what OpenCC gives for mixed texts', () => {
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      for (let j = 1 + next(6); j > 0; j--) text += String.fromCodePoint(next(4) === 0 ? 0x20 + next(0x60) : 0x3000 + next(0x7000));
      expect(simplify(text)).toBe(opencc(text));
    }
    expect(simplify('票号：123')).toBe('票号：123');
    expect(simplify('稱職 滿意 豈')).toBe('称职 满意 岂');
  });

  // Every key of every table in the bundle, gathered here independently of normalize.ts: the keys
  // themselves, in other text, cut short, and pieces of several keys run together.
  const allKeys = (): string[] => {
    const found = new Set<string>();
    const visit = (x: unknown): void => {
      if (typeof x === 'string') for (const entry of x.split('|')) found.add(entry.split(' ')[0]);
      else if (typeof x === 'object' && x !== null) Object.values(x).forEach(visit);
    };
    visit((OpenCC as unknown as { Locale: unknown }).Locale);
    found.delete('');
    return [...found];
  };

  it('gives what OpenCC gives for its keys, alone, in names and cut short', () => {
    const keys = allKeys();
    expect(keys.filter((k) => [...k].length > 1).length).toBeGreaterThan(1000); // the phrase tables were found
    const differ: string[] = [];
    for (const key of keys)
      for (const text of [key, `王${key}`, `${key}秀英`, `李${key}国`, key.slice(0, -1), key.slice(1), `${key.slice(0, -1)}王`])
        if (simplify(text) !== opencc(text)) differ.push(text);
    expect(differ).toEqual([]);
  });

  it('gives what OpenCC gives for pieces of several keys run together', () => {
    const keys = allKeys();
    let seed = 5;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const differ: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      for (let j = 1 + next(3); j > 0; j--) {
        const key = keys[next(keys.length)];
        const from = next(key.length);
        text += key.slice(from, from + 1 + next(key.length));
      }
      if (simplify(text) !== opencc(text)) differ.push(text);
    }
    expect(differ).toEqual([]);
  });
});
