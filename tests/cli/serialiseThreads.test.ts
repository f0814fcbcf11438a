// Documents serialised on two worker threads (src/write/serialisePool.ts; REHAB_TRADAR=2 forces them on a run this
// small) give the same documents as one thread, also the decks whose chart parts pptxgenjs numbers per process (each
// deck renumbers them from 1), and a signal while the threads work leaves nothing behind.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, zipXml } from '../helpers/documents.js';
import { fixturePath, runCli, startCli } from '../helpers/runCli.js';

const DATA = fixturePath('demo');
const ARGS = ['--data', DATA, '--config', join(DATA, 'rehab.config.json'), '--as-of', '2027-02-01'];
const PERIOD = '2027-vår';

/** The time a run was made at, wherever a document records it: the only thing two runs may differ in. */
function withoutTimes(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TID')
    .replace(/^(Date|Message-ID): .*$/gm, '$1')
    .replace(/--_NmP-[0-9a-f]+-Part_\d+/g, 'GRÄNS');
}

async function documentParts(folder: string): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  for (const file of listFiles(folder)) {
    if (file.endsWith('manifest.json')) continue;
    if (/\.(xlsx|pptx)$/.test(file)) for (const [name, xml] of await zipXml(join(folder, file))) parts.set(`${file}:${name}`, withoutTimes(xml));
    else parts.set(file, withoutTimes(readFileSync(join(folder, file), 'utf8')));
  }
  return parts;
}

describe('documents serialised on worker threads', () => {
  it('are the same documents as from one thread, charts included', async () => {
    const one = mkdtempSync(join(tmpdir(), 'rehab-one-'));
    const two = mkdtempSync(join(tmpdir(), 'rehab-two-'));
    // One verksamhet of the demo: 3 managers, so 4 decks with 2 charts each, one after the other.
    const operation = ['--verksamhet', 'Bostad med särskild service Öster'];
    expect(runCli(['prep', ...ARGS, ...operation, '--out', one], { env: { REHAB_TRADAR: '0' } }).status).toBe(0);
    expect(runCli(['prep', ...ARGS, ...operation, '--out', two], { env: { REHAB_TRADAR: '2' } }).status).toBe(0);
    const [single, threaded] = [await documentParts(join(one, PERIOD)), await documentParts(join(two, PERIOD))];
    // 3 workbooks, 3 + 1 decks and 3 mails; each deck numbers its 2 charts from 1, whichever thread wrote it.
    expect([...single.keys()].filter((key) => key.endsWith('.xlsx:[Content_Types].xml'))).toHaveLength(3);
    const charts = [...single.keys()].filter((key) => /\.pptx:ppt\/charts\/chart\d+\.xml$/.test(key)).map((key) => key.replace(/^.*\//, ''));
    expect(charts).toEqual(['chart1.xml', 'chart2.xml', 'chart1.xml', 'chart2.xml', 'chart1.xml', 'chart2.xml', 'chart1.xml', 'chart2.xml']);
    expect([...threaded.keys()]).toEqual([...single.keys()]);
    for (const [key, text] of single) expect(threaded.get(key), key).toBe(text);
    // The manifest lists the files in the same order, with the same sizes.
    const outputs = (folder: string) => (JSON.parse(readFileSync(join(folder, PERIOD, 'manifest.json'), 'utf8')) as { outputs: { key: string }[] }).outputs.map((output) => output.key);
    expect(outputs(two)).toEqual(outputs(one));
  });

  it('SIGINT while the threads write removes the staging folder and the lock and exits 130', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rehab-int-')), 'ut');
    const run = startCli(['prep', ...ARGS, '--out', out], { env: { REHAB_TRADAR: '2' } });
    // Wait until the first documents are staged, i.e. the threads are at work.
    let staged = 0;
    for (let waited = 0; waited < 120_000 && staged < 3 && run.child.exitCode === null; waited += 20) {
      const staging = existsSync(out) ? readdirSync(out).find((entry) => entry.startsWith(`.${PERIOD}.pagar-`)) : undefined;
      staged = staging ? readdirSync(join(out, staging), { recursive: true }).filter((entry) => String(entry).endsWith('.xlsx')).length : 0;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(staged, 'the run staged documents before it ended').toBeGreaterThanOrEqual(3);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.status).toBe(130);
    expect(readdirSync(out)).toEqual([]);
  });
});
