// The one applier: serialises every planned document with its writer, stages the run folder, records each file's
// bytes and sha256 in the manifest, writes the manifest last and commits the folder as a transaction
// (src/write/outputFolder.ts: lock, staging, hash check, rename; a failure or a signal leaves nothing).
// Document libraries are imported on first use, so commands that write no document never load them.
import { manifestJson, type ManifestOutput } from '../render/runManifest.js';
import { MANIFEST_FILE, type Plan } from '../plan/types.js';
import { StagedFolder } from './outputFolder.js';
import { serialiseInOrder } from './serialisePool.js';

export interface ApplyOptions {
  /** --ersatt: an existing run folder may be replaced. */
  replace: boolean;
  /** Called after each document is written (the progress bar). */
  onDocument?: () => void;
}

export interface ApplyResult {
  /** Absolute path of the committed run folder. */
  folder: string;
  /** Every file written, the manifest last. */
  outputs: ManifestOutput[];
}

export async function applyPlan(plan: Plan<unknown>, outDir: string, options: ApplyOptions): Promise<ApplyResult> {
  const folder = StagedFolder.create(outDir, plan.folder, { replace: options.replace });
  try {
    const keyOf = new Map<string, string>();
    await serialiseInOrder(plan.documents, (document, bytes) => {
      folder.write(document.path, bytes);
      keyOf.set(document.path, document.manifestKey ?? document.path);
      options.onDocument?.();
    });
    // Keys, not paths: paths carry managers' names (src/render/prepFiles.ts).
    const outputsOf = (): ManifestOutput[] => folder.written.map(({ path, bytes, sha256 }) => ({ key: keyOf.get(path) ?? path, bytes, sha256 }));
    const manifest = { ...plan.manifest, outputs: outputsOf() };
    folder.write(MANIFEST_FILE, manifestJson(manifest));
    const outputs = outputsOf();
    await testPause();
    return { folder: folder.commit(), outputs };
  } catch (error) {
    folder.discard();
    throw error;
  }
}

/**
 * TEST ONLY: REHAB_TEST_PAUSE_BEFORE_COMMIT holds the run with every file staged, so tests can start a second run,
 * create the target folder, delete the staging folder or send a signal at the worst moment. `<ms>` waits that long;
 * `until:<file>` waits until that file exists (at most 10 minutes), so a test on a busy machine need not guess.
 */
async function testPause(): Promise<void> {
  const setting = process.env['REHAB_TEST_PAUSE_BEFORE_COMMIT'];
  if (!setting) return;
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  if (setting.startsWith('until:')) {
    const { existsSync } = await import('node:fs');
    for (let waited = 0; waited < 600_000 && !existsSync(setting.slice('until:'.length)); waited += 50) await sleep(50);
    return;
  }
  const pause = Number(setting);
  if (pause > 0) await sleep(pause);
}
