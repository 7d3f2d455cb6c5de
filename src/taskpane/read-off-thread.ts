/**
 * Reads a returned file with the file host's reader in a worker where the browser allows it, on the
 * main thread otherwise (jsdom in the tests, a browser without workers, a worker that failed to start).
 * One worker serves the whole visit; files are read one at a time, in order. Both paths run the same
 * reader, so the outcome is the same either way.
 */
import type { ReadOutcome } from '../hosts/files/read-workbook';
import { loadReader } from './browser-files';

type Reply = { id: number; outcome: ReadOutcome } | { id: number; error: string };

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { ok(o: ReadOutcome): void; fail(e: Error): void }>();

async function getWorker(): Promise<Worker | null> {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const { startReaderWorker } = await import(/* webpackChunkName: "reader-worker-start" */ './start-reader-worker.js');
    const w = startReaderWorker();
    w.onmessage = (e: MessageEvent<Reply>) => {
      const pending = waiting.get(e.data.id);
      if (!pending) return;
      waiting.delete(e.data.id);
      if ('outcome' in e.data) pending.ok(e.data.outcome);
      else pending.fail(new Error(e.data.error));
    };
    // A worker that cannot run (its script refused, out of memory): what it was reading is read here.
    w.onerror = (e) => {
      e.preventDefault();
      worker = null;
      for (const p of waiting.values()) p.fail(new Error('worker failed'));
      waiting.clear();
      w.terminate();
    };
    return (worker = w);
  } catch {
    return (worker = null);
  }
}

/** The file host's readWorkbook, off the main thread when possible. */
export async function readWorkbookOffThread(name: string, bytes: Uint8Array): Promise<ReadOutcome> {
  const w = await getWorker();
  if (w) {
    const id = nextId++;
    try {
      return await new Promise<ReadOutcome>((ok, fail) => {
        waiting.set(id, { ok, fail });
        // Copied, not transferred: if the worker fails, the same bytes are read here.
        w.postMessage({ id, name, bytes });
      });
    } catch {
      // Fall through: read it here.
    }
  }
  const { readWorkbook } = await loadReader();
  return readWorkbook(name, bytes);
}
