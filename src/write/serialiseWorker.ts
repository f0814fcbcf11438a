// A worker thread of src/write/serialisePool.ts: serialises the documents it is sent, one after another in the order
// sent, and sends each one's bytes back.
import { parentPort } from 'node:worker_threads';
import type { PlannedDocument } from '../plan/types.js';
import { serialise } from './serialise.js';

export interface SerialiseRequest {
  index: number;
  document: PlannedDocument;
}

export type SerialiseResponse = { index: number; bytes: Uint8Array | string } | { index: number; error: string };

const port = parentPort!;
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: SerialiseRequest) => {
  queue = queue.then(async () => {
    try {
      const bytes = await serialise(request.document);
      port.postMessage({ index: request.index, bytes } satisfies SerialiseResponse);
    } catch (error) {
      port.postMessage({ index: request.index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies SerialiseResponse);
    }
  });
});
