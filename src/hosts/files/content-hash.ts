/**
 * SHA-256 of a file's bytes, as lowercase hex: Node's crypto in Node, Web Crypto in browsers (in a
 * secure context such as an https add-in), else a small pure-JS implementation (FIPS 180-4), so the
 * same hash comes out everywhere and duplicate files can be found in the browser too.
 */

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
 * Files with identical bytes under different names: each later one names the first one seen.
 * (The engine reports them as DUPLICATE_FILE and counts the ballot once.)
 */
export function findDuplicateFiles(outcomes: { file: string; hash: string }[]): { file: string; sameAs: string }[] {
  const first = new Map<string, string>();
  const out: { file: string; sameAs: string }[] = [];
  for (const o of outcomes) {
    if (!o.hash) continue;
    const seen = first.get(o.hash);
    if (seen === undefined) first.set(o.hash, o.file);
    else out.push({ file: o.file, sameAs: seen });
  }
  return out;
}
