// Serialises a plan's documents on two worker threads when that pays (issue 14): workbooks, decks and mails go to
// whichever thread is free, in plan order, and the caller gets every document in plan order. A document's bytes do
// not depend on the thread: decks number their chart parts from 1 (renumberCharts in pptxPostProcess.ts).
// One thread (the caller's) when the run is small, the machine has one core, REHAB_TRADAR=0, or the code runs from a
// bundle or from sources (the worker file is the built src/write/serialiseWorker.js).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlannedDocument } from '../plan/types.js';
import { serialise } from './serialise.js';
import type { SerialiseRequest, SerialiseResponse } from './serialiseWorker.js';

/** Below this many workbooks and decks, starting two threads (each loads exceljs and pptxgenjs) costs more than it saves. */
const MIN_DOCUMENTS_FOR_THREADS = 100;
const THREADS = 2;
/** Documents a thread has been sent and not yet returned. */
const DOCUMENTS_AHEAD = 3;
/** No document further than this ahead of the next one to write is sent (bounds what waits in memory). */
const WRITE_WINDOW = 64;

/** Workbooks, decks and mails go to the threads; the small rest (ics, json, txt) is written by the caller. */
function threaded(document: PlannedDocument): boolean {
  return document.kind === 'pptx' || document.kind === 'xlsx' || document.kind === 'eml';
}

/** The built worker file, or null where there is none (a bundle defines import.meta.url away; sources end in .ts). */
function workerFile(): URL | null {
  const here = import.meta.url as string | undefined;
  if (!here?.endsWith('.js')) return null;
  const url = new URL('./serialiseWorker.js', here);
  return existsSync(fileURLToPath(url)) ? url : null;
}

export function threadsFor(documents: readonly PlannedDocument[], environment: NodeJS.ProcessEnv = process.env): boolean {
  const setting = environment['REHAB_TRADAR'];
  if (setting === '0') return false;
  if (workerFile() === null) return false;
  if (setting === '2') return true;
  const heavy = documents.filter((document) => document.kind === 'pptx' || document.kind === 'xlsx').length;
  return availableParallelism() >= 2 && heavy >= MIN_DOCUMENTS_FOR_THREADS;
}

/** Calls `visit` with each document's bytes, in the documents' order. */
export async function serialiseInOrder(documents: readonly PlannedDocument[], visit: (document: PlannedDocument, bytes: Buffer | string) => void): Promise<void> {
  if (!threadsFor(documents)) {
    for (const document of documents) visit(document, await serialise(document));
    return;
  }
  const file = workerFile()!;
  const workers: { worker: Worker; inFlight: number }[] = [];
  const ready = new Map<number, Buffer | string>();
  const queue = documents.flatMap((document, index) => (threaded(document) ? [index] : []));
  let next = 0;
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  const fail = (error: Error): void => {
    failure ??= error;
    settle?.reject(failure);
  };
  // The next documents in plan order to the thread with the fewest in hand.
  const topUp = (): void => {
    for (;;) {
      const index = queue[0];
      if (index === undefined || index >= next + WRITE_WINDOW) return;
      const free = workers.filter((entry) => entry.inFlight < DOCUMENTS_AHEAD).sort((a, b) => a.inFlight - b.inFlight)[0];
      if (!free) return;
      queue.shift();
      free.inFlight += 1;
      free.worker.postMessage({ index, document: documents[index]! } satisfies SerialiseRequest);
    }
  };
  try {
    for (let count = 0; count < THREADS; count += 1) {
      const entry = { worker: new Worker(file), inFlight: 0 };
      entry.worker.on('message', (response: SerialiseResponse) => {
        entry.inFlight -= 1;
        if ('error' in response) return fail(new Error(`dokument ${response.index + 1} kunde inte skrivas: ${response.error}`));
        const { bytes } = response;
        ready.set(response.index, typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        topUp();
        if (response.index === next) settle?.resolve();
      });
      entry.worker.on('error', fail);
      entry.worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`en skrivtråd slutade med kod ${code}`));
      });
      workers.push(entry);
    }
    topUp();
    while (next < documents.length) {
      if (failure) throw failure;
      const document = documents[next]!;
      let bytes: Buffer | string | undefined;
      if (!threaded(document)) bytes = await serialise(document);
      else {
        bytes = ready.get(next);
        if (bytes === undefined) {
          await new Promise<void>((resolve, reject) => {
            settle = { resolve, reject };
          });
          settle = null;
          continue;
        }
        ready.delete(next);
      }
      visit(document, bytes);
      next += 1;
      topUp();
    }
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((entry) => entry.worker.terminate()));
  }
}
