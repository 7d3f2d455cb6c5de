/**
 * How the bytes are handed to the workbook library. In Node, a Buffer view over the same memory
 * (no copy): SheetJS reads a Buffer several times faster than a plain Uint8Array, most of all for
 * OLE2 (.xls) containers. In a browser there is no Buffer and the bytes go as they are.
 */
type BufferLike = { from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array };

export function parserInput(bytes: Uint8Array): { data: Uint8Array; type: 'buffer' | 'array' } {
  const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (NodeBuffer && typeof NodeBuffer.from === 'function') {
    return { data: NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length), type: 'buffer' };
  }
  return { data: bytes, type: 'array' };
}
