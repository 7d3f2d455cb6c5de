/**
 * SHA-256 of a file's bytes, as lowercase hex: Node's crypto in Node, Web Crypto in browsers (in a
 * secure context such as an https add-in), else a small pure-JS implementation (FIPS 180-4), so the
 * same hash comes out everywhere and duplicate files can be found in the browser too.
 */
import { Submission } from '../../core/forms/grid';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** SHA-256 in plain JavaScript. */
export function sha256Js(data: Uint8Array): string {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const total = data.length;
  // The last one or two blocks: the tail of the data, 0x80, zeros, the bit length (big-endian).
  const tailStart = total - (total % 64);
  const tail = new Uint8Array(total % 64 < 56 ? 64 : 128);
  tail.set(data.subarray(tailStart));
  tail[total % 64] = 0x80;
  const bits = total * 8;
  const view = new DataView(tail.buffer);
  view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(tail.length - 4, bits >>> 0);

  const block = (b: Uint8Array, at: number) => {
    for (let i = 0; i < 16; i++) {
      const j = at + i * 4;
      w[i] = (b[j] << 24) | (b[j + 1] << 16) | (b[j + 2] << 8) | b[j + 3];
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15];
      const c = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((c >>> 17) | (c << 15)) ^ ((c >>> 19) | (c << 13)) ^ (c >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b1, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b1) ^ (a & c) ^ (b1 & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b1;
      b1 = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += b1;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  };

  for (let at = 0; at < tailStart; at += 64) block(data, at);
  for (let at = 0; at < tail.length; at += 64) block(tail, at);
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]);
  return hex(out);
}

/** Node's own hash, where the runtime hands out its built-in modules without an import (Node ≥ 20.16). */
type NodeCrypto = { createHash(algorithm: 'sha256'): { update(data: Uint8Array): { digest(encoding: 'hex'): string } } };

function nodeCrypto(): NodeCrypto | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const crypto = proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
    return typeof crypto?.createHash === 'function' ? crypto : null;
  } catch {
    return null;
  }
}

const NODE_CRYPTO = nodeCrypto();

/**
 * SHA-256 of the bytes, lowercase hex. In Node, `crypto.createHash`, synchronous: Web Crypto's digest
 * hands each file to a worker thread and back, which for a 13 KB workbook costs several times the
 * hashing itself (bench/files.bench.ts profiles: ~0.2 s over 1,000 files, against ~15 ms). In a
 * browser (no `process`), Web Crypto; the plain implementation where neither exists.
 */
export async function sha256(data: Uint8Array): Promise<string> {
  if (NODE_CRYPTO) {
    try {
      return NODE_CRYPTO.createHash('sha256').update(data).digest('hex');
    } catch {
      // fall through to Web Crypto
    }
  }
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle) {
    try {
      return hex(new Uint8Array(await subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)));
    } catch {
      // fall through to the plain implementation
    }
  }
  return sha256Js(data);
}

/**
 * What Windows, macOS, browsers and clerks add to a file's name when it is a copy or a re-sent file:
 * 「 - 副本」「 - 副本 (2)」「 副本 2」「 - Copy」, a browser's 「(1)」「（1）」, and 「修改」「更正」(修改版, 更正后). One
 * such ending, at the end of the name before its extension.
 */
const COPY_ENDING =
  /(?:\s*[-－—_]\s*|\s*)(?:的?副本|copy|拷贝|修改(?:版|稿|后)?|更正(?:版|稿|后)?)(?:\s*[(（]\s*\d{1,3}\s*[)）]|\s+\d{1,3})?$|\s*[(（]\s*(?:\d{1,3}|副本|修改|更正)\s*[)）]$/i;

/**
 * The name a file would have without its copy endings (附表2-党员3 - 副本.xlsx → 附表2-党员3.xlsx; 附表2(1).xlsx
 * → 附表2.xlsx), folder and extension kept; null when the name has none.
 */
export function copyOriginalName(file: string): string | null {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1;
  const dot = file.lastIndexOf('.');
  const extStart = dot > slash ? dot : file.length;
  let stem = file.slice(slash, extStart);
  const before = stem;
  for (let m = COPY_ENDING.exec(stem); m && m.index > 0; m = COPY_ENDING.exec(stem)) stem = stem.slice(0, m.index);
  return stem === before || stem.trim() === '' ? null : file.slice(0, slash) + stem + file.slice(extStart);
}

/** A file's folder and name without extension, lower case: 附表2.xlsx and 附表2.xls are one name sent twice. */
function stemKey(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1;
  const dot = file.lastIndexOf('.');
  return (dot > slash ? file.slice(0, dot) : file).toLowerCase();
}

/** A file read, by its name: its hash, when it was last changed (ms, if known), and whether it was counted in an earlier batch. */
export interface HashedFile {
  file: string;
  hash: string;
  modified?: number;
  /** Counted already (the page's earlier import): it stays the one counted. */
  settled?: boolean;
}

/**
 * Files with identical bytes under different names: each one not kept names the one kept. The kept one
 * is the original a clerk would name (the copy is blamed, not the original): one counted in an earlier
 * batch; else a name without a copy ending (「 - 副本」「(1)」); else the earlier modified time, when both
 * are known; else the one first in the order given (the command line gives files by name).
 * (The engine reports them as DUPLICATE_FILE and counts the ballot once.)
 */
/**
 * What a byte-identical file is told (DUPLICATE_FILE), by the command line and the task pane alike. Counted
 * once: nothing in the bytes tells two raters apart. But a filler that writes no save time (SheetJS-based
 * tools, some exporters; the template's own dates are fixed) turns two raters who agree into the same bytes,
 * so it is not asserted that one rater sent it twice, and the clerk is told how to have it counted.
 */
export function duplicateFileMessage(sameAs: string): string {
  return (
    `与「${sameAs}」逐字节相同：按同一文件重复提交处理，未重复计入。如确为不同测评人分别填写（有的填表软件保存时不记时间，` +
    '评价相同的票会存成相同的文件），请其中一位测评人填上评议时间或用 Excel、WPS 重新保存后再交，然后重新计算'
  );
}

export function findDuplicateFiles(outcomes: readonly HashedFile[]): { file: string; sameAs: string }[] {
  const groups = new Map<string, { o: HashedFile; at: number }[]>();
  outcomes.forEach((o, at) => {
    if (!o.hash) return;
    const group = groups.get(o.hash);
    if (group) group.push({ o, at });
    else groups.set(o.hash, [{ o, at }]);
  });
  const out: { file: string; sameAs: string; at: number }[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const rank = (x: { o: HashedFile }) => [x.o.settled ? 0 : 1, copyOriginalName(x.o.file) === null ? 0 : 1];
    const kept = group.reduce((best, x) => {
      const [a, b] = [rank(x), rank(best)];
      if (a[0] !== b[0]) return a[0] < b[0] ? x : best;
      if (a[1] !== b[1]) return a[1] < b[1] ? x : best;
      if (x.o.modified !== undefined && best.o.modified !== undefined && x.o.modified !== best.o.modified) return x.o.modified < best.o.modified ? x : best;
      return best;
    });
    for (const x of group) if (x !== kept) out.push({ file: x.o.file, sameAs: kept.o.file, at: x.at });
  }
  // In the order the files were given, as before.
  return out.sort((a, b) => a.at - b.at).map(({ file, sameAs }) => ({ file, sameAs }));
}

/**
 * Files whose name says they are a copy or a re-sent file (附表2(1).xlsx, 附表2-修改.xlsx) beside a file of the
 * original name in the same folder, with other bytes: most likely a corrected form sent again. Each names
 * that original (withResentOriginals passes it to the engine, which counts both unless the marks are the
 * same and says so); a byte-identical pair is findDuplicateFiles' instead.
 */
export function findResentCopies(outcomes: readonly HashedFile[]): { file: string; original: string }[] {
  // Only files counted: a byte copy left out is not "counted as well".
  const copies = new Set(findDuplicateFiles(outcomes).map((d) => d.file));
  const counted = outcomes.filter((o) => !copies.has(o.file));
  const byStem = new Map<string, HashedFile>();
  for (const o of counted) if (!byStem.has(stemKey(o.file))) byStem.set(stemKey(o.file), o);
  const out: { file: string; original: string }[] = [];
  for (const o of counted) {
    const name = copyOriginalName(o.file);
    const original = name === null ? undefined : byStem.get(stemKey(name));
    if (original && original !== o && !(o.hash && o.hash === original.hash)) out.push({ file: o.file, original: original.file });
  }
  return out;
}

/**
 * The submissions with each re-sent copy's original named (Submission.resentOf), for the engine: it counts
 * a ballot re-sent unchanged once and reports every pair (RESENT_FILE, core/ballots/repeated-ballots.ts), the
 * same on the page and the command line.
 */
export function withResentOriginals(submissions: readonly Submission[], copies: readonly { file: string; original: string }[]): Submission[] {
  const originals = new Map(copies.map((c) => [c.file, c.original]));
  return submissions.map((s) => (originals.has(s.file) ? { ...s, resentOf: originals.get(s.file)! } : s));
}
