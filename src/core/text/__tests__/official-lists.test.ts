/**
 * 按姓氏笔画: published lists that say they are so ordered (tests/fixtures/official-lists: the first
 * line names the list, then its names one a line, as published, annotations and padding kept).
 * These are what a 公示表 is held against: the order here is the publisher's, not this module's.
 *
 * Names equal for ordering (two 王刚 of different provinces, told apart only by an annotation) may
 * stand in either order; every other adjacent pair must be in the published order.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { compareByStroke, sortByStroke, strokeKeyOf } from '../stroke-order';

const DIR = join(__dirname, '../../../../tests/fixtures/official-lists');

function readList(file: string): { heading: string; names: string[] } {
  const [first, ...rest] = readFileSync(join(DIR, file), 'utf8').split('\n');
  return { heading: first.replace(/^#\s*/, ''), names: rest.filter((l) => l.trim() !== '') };
}

/** What ordering compares of a name: its characters as compared (annotations, padding, dots gone). */
const compared = (name: string) => strokeKeyOf(name).chars.map((c) => c.char).join('');

const LISTS = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

describe('published lists ordered 按姓氏笔画', () => {
  it('has the lists, the 二十大代表名单 among them in full', () => {
    expect(LISTS.length).toBeGreaterThanOrEqual(11);
    const delegates = LISTS.map(readList).find((l) => l.heading.startsWith('中国共产党第二十次全国代表大会代表名单'));
    expect(delegates?.names).toHaveLength(2296);
  });

  it.each(LISTS)('%s: every adjacent pair in the published order', (file) => {
    const { names } = readList(file);
    const outOfOrder = names
      .slice(1)
      .map((b, i) => [names[i], b])
      .filter(([a, b]) => compareByStroke(a, b) > 0 && compared(a) !== compared(b))
      .map(([a, b]) => `${a} | ${b}`);
    expect(outOfOrder).toEqual([]);
  });

  it.each(LISTS)('%s: sorting the names, shuffled, gives the published list back', (file) => {
    const { names } = readList(file);
    const shuffled = names.map((n, i) => ({ n, k: (i * 7919) % names.length })).sort((x, y) => x.k - y.k).map((x) => x.n);
    expect(sortByStroke(shuffled, (n) => n).map(compared)).toEqual(names.map(compared));
  });

  it('has stroke data for every character of the mainland lists', () => {
    const unknown = new Set(LISTS.flatMap((f) => readList(f).names.flatMap((n) => strokeKeyOf(n).unknownChars)));
    expect([...unknown]).toEqual([]);
  });
});
