/**
 * The worker that reads returned files off the page's main thread, so a batch of hundreds of workbooks
 * (or one large one) never freezes the pane: it receives a file's name and bytes, runs the file host's
 * reader (src/hosts/files/read-workbook.ts, which never throws on bad input) and posts the outcome back.
 * Started by start-reader-worker.js; used through read-off-thread.ts.
 */
import { readWorkbook } from '../hosts/files/read-workbook';

export interface ReadRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  const { id, name, bytes } = e.data;
  readWorkbook(name, bytes).then(
    (outcome) => scope.postMessage({ id, outcome }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
