import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ProgressBar, colourEnabled, paint, progressEnabled, progressLine } from '../../src/write/progress.js';
import { CLI_COMMAND, fixturePath } from '../helpers/runCli.js';

describe('when progress and colour are shown', () => {
  it('progress only on a TTY, without --quiet and outside CI', () => {
    expect(progressEnabled({ isTTY: true, quiet: false, env: {} })).toBe(true);
    expect(progressEnabled({ isTTY: false, quiet: false, env: {} })).toBe(false);
    expect(progressEnabled({ isTTY: true, quiet: true, env: {} })).toBe(false);
    expect(progressEnabled({ isTTY: true, quiet: false, env: { CI: 'true' } })).toBe(false);
    expect(progressEnabled({ isTTY: true, quiet: false, env: { CI: '1' } })).toBe(false);
    // CI=false or an empty CI is not CI.
    expect(progressEnabled({ isTTY: true, quiet: false, env: { CI: 'false' } })).toBe(true);
    expect(progressEnabled({ isTTY: true, quiet: false, env: { CI: '' } })).toBe(true);
  });

  it('colour only on a TTY and never with NO_COLOR (any non-empty value) or TERM=dumb', () => {
    expect(colourEnabled({ isTTY: true, env: {} })).toBe(true);
    expect(colourEnabled({ isTTY: false, env: {} })).toBe(false);
    expect(colourEnabled({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(colourEnabled({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
    expect(colourEnabled({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
    expect(paint('fel', 'red', true)).toBe('\x1b[31mfel\x1b[0m');
    expect(paint('fel', 'red', false)).toBe('fel');
  });
});

describe('progressLine', () => {
  it('shows the bar, percent, counts and seconds', () => {
    // 731 / 1400 = 0.522 → 52 %; 0.522 × 24 = 12.5 → 13 filled of 24.
    const line = progressLine({ label: 'Skriver dokument', done: 731, total: 1400, elapsedMs: 14_900 }, 120);
    expect(line).toBe(`Skriver dokument ${'█'.repeat(13)}${'░'.repeat(11)}  52 % (731/1\u00a0400)  14 s`);
  });

  it('without a total: the label and the time only', () => {
    expect(progressLine({ label: 'Läser exporterna', done: 0, total: null, elapsedMs: 2_300 }, 80)).toBe('Läser exporterna …  2 s');
  });

  it('never wider than the terminal (a wrapped line cannot be overwritten), colour codes not counted', () => {
    const state = { label: 'Skriver dokument', done: 5, total: 10, elapsedMs: 1_000 };
    // At most columns − 1 = 29 characters: the cursor never reaches the last column (some terminals wrap there).
    expect(progressLine(state, 30)).toHaveLength(29);
    expect(progressLine(state, 30).endsWith('…')).toBe(true);
    const coloured = progressLine(state, 120, true);
    expect(coloured).toContain('\x1b[36m');
    expect(stripVTControlCharacters(coloured)).toBe(progressLine(state, 120));
  });
});

describe('ProgressBar', () => {
  function fakeTerminal() {
    const writes: string[] = [];
    let clock = 0;
    return { writes, advance: (ms: number) => (clock += ms), now: () => clock, stream: { isTTY: true, columns: 100, write: (text: string) => writes.push(text) > 0 } };
  }

  it('shows nothing during the first second, then redraws the line; finish clears it', () => {
    const terminal = fakeTerminal();
    const bar = new ProgressBar(terminal.stream, { enabled: true, now: terminal.now });
    bar.phase('Läser exporterna');
    terminal.advance(900);
    bar.phase('Skriver dokument', 4);
    expect(terminal.writes).toEqual([]);
    terminal.advance(200);
    bar.tick();
    expect(terminal.writes).toHaveLength(1);
    expect(terminal.writes[0]).toBe(`\r\x1b[2KSkriver dokument ${'█'.repeat(6)}${'░'.repeat(18)}  25 % (1/4)  1 s`);
    // Within 100 ms no redraw, except for the last item.
    terminal.advance(10);
    bar.tick();
    bar.tick();
    expect(terminal.writes).toHaveLength(1);
    bar.tick();
    expect(terminal.writes).toHaveLength(2);
    expect(terminal.writes[1]).toContain('100 % (4/4)');
    bar.finish();
    expect(terminal.writes[2]).toBe('\r\x1b[2K');
  });

  it('disabled: writes nothing at all, not even when finishing', () => {
    const terminal = fakeTerminal();
    const bar = new ProgressBar(terminal.stream, { enabled: false, now: terminal.now });
    terminal.advance(5_000);
    bar.phase('Skriver dokument', 2);
    bar.tick();
    bar.finish();
    expect(terminal.writes).toEqual([]);
  });
});

describe('rehab prep on a terminal (a pseudo-terminal made by script(1))', () => {
  function prepOnTty(extraEnv: Record<string, string>, extraArgs: string[] = []) {
    const out = mkdtempSync(join(tmpdir(), 'rehab-tty-'));
    const command = [...CLI_COMMAND, 'prep', '--data', fixturePath('demo'),
      '--config', fixturePath('demo', 'rehab.config.json'), '--as-of', '2027-02-01', '--out', out, ...extraArgs].map((part) => `'${part}'`).join(' ');
    const env = { ...process.env, ...extraEnv };
    delete env.CI;
    if (extraEnv.CI) env.CI = extraEnv.CI;
    return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env });
  }

  it('shows a progress bar for writing the documents, without colour under NO_COLOR, then the summary', () => {
    const result = prepOnTty({ NO_COLOR: '1' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('\r\x1b[2KSkriver dokument ');
    expect(stripVTControlCharacters(result.stdout)).toMatch(/Skriver dokument [█░]{24} +\d+ % \(\d+\/86\)/);
    expect(result.stdout).toContain('100 % (86/86)');
    expect(result.stdout).not.toContain('\x1b[36m');
    expect(result.stdout).toContain('Underlag för 2027-vår');
  });

  it('nothing of the kind in CI or with --quiet', () => {
    for (const result of [prepOnTty({ CI: 'true' }), prepOnTty({}, ['--quiet'])]) {
      expect(result.status).toBe(0);
      expect(result.stdout).not.toContain('Skriver dokument');
      expect(result.stdout).not.toContain('\x1b[');
      expect(result.stdout).toContain('Underlag för 2027-vår');
    }
  });
});
