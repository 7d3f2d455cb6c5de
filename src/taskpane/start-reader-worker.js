/*
 * Kept in JavaScript on purpose: webpack bundles a worker from `new Worker(new URL(..., import.meta.url))`,
 * and `import.meta` is not allowed under the CommonJS settings the type check and jest compile with.
 * Only loaded in a browser that has Worker (read-off-thread.ts).
 */
export function startReaderWorker() {
  return new Worker(new URL('./reader-worker.ts', import.meta.url), { name: 'pingyi-reader' });
}
