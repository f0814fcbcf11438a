// Runs the real CLI, as built into dist/ (tests/helpers/buildOnce.ts), in a child process, as a user or a
// scheduled job would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** node and its arguments before the CLI's own: what bin/rehab.js runs. */
export const CLI_COMMAND: readonly string[] = [process.execPath, `${PROJECT_ROOT}dist/cli/index.js`];

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
}

function environment(options: CliOptions): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', ...options.env };
}

export function runCli(args: string[], options: CliOptions = {}): CliResult {
  const [command, ...prefix] = CLI_COMMAND;
  const result = spawnSync(command!, [...prefix, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    encoding: 'utf8',
    env: environment(options),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves when the process has ended; `signal` is set when a signal ended it without a handler. */
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Starts the CLI without waiting for it: for runs that a test interrupts, or runs side by side. */
export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  const [command, ...prefix] = CLI_COMMAND;
  const child = spawn(command!, [...prefix, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env: environment(options) });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}

export function fixturePath(...parts: string[]): string {
  return `${PROJECT_ROOT}fixtures/${parts.join('/')}`;
}
