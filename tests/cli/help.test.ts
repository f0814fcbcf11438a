import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_EXAMPLES, FLAG_ALIASES, canonicalFlags, suggestionText } from '../../src/cli/help.js';
import { buildProgram, run } from '../../src/cli/main.js';
import { PROJECT_ROOT, runCli } from '../helpers/runCli.js';

/** Runs the CLI in this process and returns what it printed on stdout (help and version go there). */
async function stdoutOf(argv: string[]): Promise<{ code: number; stdout: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    const code = await run(argv);
    return { code, stdout: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('help in Swedish, with examples', () => {
  const commands = buildProgram().commands.map((command) => command.name()).filter((name) => name !== 'help');

  it('every command has examples', () => {
    expect(commands).toEqual(expect.arrayContaining(['init', 'calendar', 'validate', 'stats', 'cases', 'prep', 'aggregate']));
    for (const name of commands) expect(COMMAND_EXAMPLES[name], name).toBeDefined();
  });

  it.each(['init', 'calendar', 'validate', 'stats', 'cases', 'prep', 'aggregate'])('rehab %s --help: Swedish, examples that only use flags the command has', async (name) => {
    const { code, stdout } = await stdoutOf([name, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Användning: rehab ${name}`);
    expect(stdout).toContain('Flaggor:');
    expect(stdout).toContain('Exempel:');
    expect(stdout).not.toMatch(/Usage:|Options:|display help/);
    // The flags listed under Flaggor (an independent reading of the help text) must cover every example's flags.
    const flagsSection = stdout.slice(stdout.indexOf('Flaggor:'), stdout.indexOf('Exempel:'));
    const declared = new Set(flagsSection.match(/--[a-z-]+/g));
    for (const [line] of COMMAND_EXAMPLES[name]!) {
      expect(line.startsWith(`rehab ${name}`), line).toBe(true);
      for (const flag of line.match(/(?<=\s)--[a-z-]+/g) ?? []) expect(declared.has(flag), `${line}: ${flag}`).toBe(true);
    }
  });

  it('the usage line names the arguments of a command', async () => {
    expect((await stdoutOf(['init', '--help'])).stdout).toContain('Användning: rehab init [flaggor] [mapp]');
  });

  it('rehab --help shows how to start, the exit codes and the old flag names', async () => {
    const { stdout } = await stdoutOf(['--help']);
    expect(stdout).toContain('Kommandon:');
    expect(stdout).toContain('rehab init');
    expect(stdout).toContain('3 ogiltiga indata');
    expect(stdout).toContain('--ersatt = --replace');
  });

  it('--version prints the version of package.json', async () => {
    const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(await stdoutOf(['--version'])).toEqual({ code: 0, stdout: `${version}\n` });
  });
});

describe('mistakes', () => {
  it('a mistyped command suggests the nearest, in Swedish, exit 2', () => {
    const result = runCli(['prpe']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('rehab: okänt kommando prpe – menade du prep?\n');
  });

  it('a mistyped flag suggests the nearest; something far off points to the help', () => {
    const flag = runCli(['prep', '--jsno']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe('rehab: okänd flagga --jsno – menade du --json?\n');
    const far = runCli(['xyzzy']);
    expect(far.stderr).toBe('rehab: okänt kommando xyzzy. Se rehab --help.\n');
  });

  it('commander suggestions are translated; nothing else is', () => {
    expect(suggestionText("error: unknown command 'prpe'\n(Did you mean prep?)")).toBe(' – menade du prep?');
    expect(suggestionText("error: unknown option '--x'")).toBe('');
  });
});

describe('flags in one language (English), old Swedish names kept', () => {
  it('rewrites the old names, also with =value, but nothing after --', () => {
    expect(canonicalFlags(['prep', '--ersatt', '--chef=a@exempel.se', '--verksamhet', 'Boende', '--', '--chef'])).toEqual(
      ['prep', '--replace', '--manager=a@exempel.se', '--operation', 'Boende', '--', '--chef'],
    );
    expect(Object.values(FLAG_ALIASES)).toEqual(['--replace', '--operation', '--manager', '--previous']);
  });

  it('an old flag still works end to end and the message names the new one', () => {
    const result = runCli(['prep', '--data', `${PROJECT_ROOT}fixtures/demo`, '--out', '/nonexistent-never-written', '--as-of', '2027-02-01', '--verksamhet', 'Finns inte']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--operation: ingen verksamhet heter "Finns inte"');
  });
});
