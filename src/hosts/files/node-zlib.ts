/**
 * Node's zlib, where the runtime hands out its built-in modules without an import (Node ≥ 20.16;
 * content-hash.ts reaches node:crypto the same way), so that bundling for the browser pulls in no
 * zlib shim and the browser keeps the pure-JavaScript paths (fflate in the zip guard, exceljs's own
 * deflate in the writer). Null in a browser, or in a Node without zlib.crc32 (before 20.15).
 */

/** The parts of Node's zlib used here. */
export interface NodeZlib {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number; chunkSize: number }): Uint8Array;
  deflateRawSync(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array, value?: number): number;
}

function nodeZlib(): NodeZlib | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const zlib = proc?.getBuiltinModule?.('node:zlib') as Partial<NodeZlib> | undefined;
    return typeof zlib?.inflateRawSync === 'function' && typeof zlib.deflateRawSync === 'function' && typeof zlib.crc32 === 'function'
      ? (zlib as NodeZlib)
      : null;
  } catch {
    return null;
  }
}

export const NODE_ZLIB: NodeZlib | null = nodeZlib();
