import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_COMMAND, runCli } from '../helpers/runCli.js';

/** `rehab ARGS` on a pseudo-terminal made by script(1); its output (stdout and stderr together) comes back on stdout. */
function onTerminal(args: string[], env: Record<string, string | undefined>) {
  const command = [...CLI_COMMAND, ...args]
    .map((part) => `'${part}'`).join(' ');
  const environment = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete environment[key];
  return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: environment });
}

describe('errors in red, only on a terminal and never with NO_COLOR', () => {
  it('on a terminal the "rehab:" prefix is red', () => {
    const result = onTerminal(['prpe'], { NO_COLOR: undefined, TERM: 'xterm' });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('\x1b[31mrehab:\x1b[0m okänt kommando prpe – menade du prep?');
  });

  it('with NO_COLOR, or off a terminal, the same text without colour', () => {
    const noColour = onTerminal(['prpe'], { NO_COLOR: '1', TERM: 'xterm' });
    expect(noColour.stdout).toContain('rehab: okänt kommando prpe');
    expect(noColour.stdout).not.toContain('\x1b[');
    const pipe = runCli(['prpe'], { env: { NO_COLOR: '' } });
    expect(pipe.stderr).toBe('rehab: okänt kommando prpe – menade du prep?\n');
  });
});
