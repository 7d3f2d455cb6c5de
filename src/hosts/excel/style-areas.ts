/**
 * Cells grouped into rectangles by a key (a style name), so formatting takes one range per
 * rectangle — or one RangeAreas per style — instead of one proxy per cell. Runs of equal keys in a
 * row are found first, then identical runs in consecutive rows are stacked: a table body of N rows
 * and K columns of one style is one rectangle, not N×K cells.
 */
import { CellRange } from '../../core/output/sheet-description';

export function groupRectangles<K>(rows: number, cols: number, keyAt: (r: number, c: number) => K | undefined): Map<K, CellRange[]> {
  const out = new Map<K, CellRange[]>();
  /** Rectangles still growing downwards, by "c1:c2" of their run. */
  let open = new Map<string, { key: K; rect: CellRange }>();
  const close = (x: { key: K; rect: CellRange }) => {
    const list = out.get(x.key) ?? [];
    list.push(x.rect);
    out.set(x.key, list);
  };
  for (let r = 0; r < rows; r++) {
    const next = new Map<string, { key: K; rect: CellRange }>();
    let c = 0;
    while (c < cols) {
      const key = keyAt(r, c);
      let end = c;
      while (end + 1 < cols && keyAt(r, end + 1) === key) end++;
      if (key !== undefined) {
        const id = `${c}:${end}`;
        const prev = open.get(id);
        if (prev && prev.key === key && prev.rect.r2 === r - 1) {
          prev.rect.r2 = r;
          next.set(id, prev);
          open.delete(id);
        } else next.set(id, { key, rect: { r1: r, c1: c, r2: r, c2: end } });
      }
      c = end + 1;
    }
    for (const x of open.values()) close(x);
    open = next;
  }
  for (const x of open.values()) close(x);
  return out;
}

/** Runs of equal values along one axis: [start, end, value] with `end` inclusive. */
export function runs<V>(values: readonly V[]): [number, number, V][] {
  const out: [number, number, V][] = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  });
  return out;
}
