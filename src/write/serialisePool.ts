// Serialises a plan's documents on two worker threads when that pays (issue 14): every deck in one thread, in plan
// order, so pptxgenjs numbers the embedded chart workbooks exactly as a single thread would (the bytes are the same
// either way), and workbooks and mails in the other. The caller gets every document in plan order.
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

/** Documents a thread has been sent and not yet returned. */
const DOCUMENTS_AHEAD = 3;
/** A thread is not sent a document further than this ahead of the next one to write (bounds what waits in memory). */
const WRITE_WINDOW = 64;

type Lane = 'decks' | 'other';

function laneOf(document: PlannedDocument): Lane | null {
  if (document.kind === 'pptx') return 'decks';
  if (document.kind === 'xlsx' || document.kind === 'eml') return 'other';
  return null;
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
  const workers = new Map<Lane, Worker>();
  const ready = new Map<number, Buffer | string>();
  let next = 0;
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  let topUp = (): void => undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    settle?.reject(failure);
  };
  // Documents no thread takes (ics, json, txt: small) are serialised here as their turn comes.
  const flush = async (): Promise<void> => {
    for (;;) {
      if (failure) throw failure;
      if (next === documents.length) return;
      const document = documents[next]!;
      if (laneOf(document) === null) {
        visit(document, await serialise(document));
        next += 1;
        topUp();
        continue;
      }
      const bytes = ready.get(next);
      if (bytes === undefined) {
        await new Promise<void>((resolve, reject) => {
          settle = { resolve, reject };
        });
        settle = null;
        continue;
      }
      ready.delete(next);
      visit(document, bytes);
      next += 1;
      topUp();
    }
  };
  try {
    // Each thread gets a few documents ahead, not the whole plan at once (each message is a copy of its model).
    const queues = new Map<Lane, number[]>([
      ['decks', []],
      ['other', []],
    ]);
    documents.forEach((document, index) => {
      const lane = laneOf(document);
      if (lane !== null) queues.get(lane)!.push(index);
    });
    const inFlight = new Map<Lane, number>([
      ['decks', 0],
      ['other', 0],
    ]);
    topUp = (): void => {
      for (const [lane, queue] of queues) {
        while (inFlight.get(lane)! < DOCUMENTS_AHEAD && queue.length > 0 && queue[0]! < next + WRITE_WINDOW) {
          const index = queue.shift()!;
          inFlight.set(lane, inFlight.get(lane)! + 1);
          workers.get(lane)!.postMessage({ index, document: documents[index]! } satisfies SerialiseRequest);
        }
      }
    };
    for (const lane of ['decks', 'other'] as const) {
      const worker = new Worker(file);
      worker.on('message', (response: SerialiseResponse) => {
        if ('error' in response) return fail(new Error(`dokument ${response.index + 1} kunde inte skrivas: ${response.error}`));
        const { bytes } = response;
        ready.set(response.index, typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        inFlight.set(lane, inFlight.get(lane)! - 1);
        topUp();
        if (response.index === next) settle?.resolve();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`en skrivtråd slutade med kod ${code}`));
      });
      workers.set(lane, worker);
    }
    topUp();
    await flush();
  } finally {
    await Promise.all([...workers.values()].map((worker) => worker.terminate()));
  }
}
