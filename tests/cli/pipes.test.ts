// `rehab stats … | head -1`: a reader that stops early ends the run quietly, exit 0, no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_COMMAND, PROJECT_ROOT, fixturePath } from '../helpers/runCli.js';

const STATS = ['stats', '--data', fixturePath('demo'), '--as-of', '2027-02-01', '--format', 'json'];

describe('output into a pipe that closes early', () => {
  it('head -1 in a shell pipeline: exit 0 (pipefail), one line out, nothing on stderr', () => {
    // The JSON (about 180 kB) is larger than a pipe's buffer (64 kB), so the CLI is still writing when head exits.
    const command = [...CLI_COMMAND, ...STATS].map((part) => `'${part}'`).join(' ');
    const result = spawnSync('/bin/bash', ['-c', `set -o pipefail; ${command} | head -1`], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(result.stdout).toBe('{\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('a reader that closes before the first byte: exit 0, no stack trace', async () => {
    const [command, ...prefix] = CLI_COMMAND;
    const child = spawn(command!, [...prefix, ...STATS], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
