/** See start-reader-worker.js: the file reader's worker (src/taskpane/reader-worker.ts). */
export function startReaderWorker(): Worker;
