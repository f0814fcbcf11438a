// The README is the user guide: it must name every command, use only flags that exist, and keep its first lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAG_ALIASES } from '../../src/cli/help.js';
import { buildProgram } from '../../src/cli/main.js';
import { PROJECT_ROOT } from '../helpers/runCli.js';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('opens with the two set-up commands and how long the tests take', () => {
    const lines = readme.split('\n');
    expect(lines[0]).toBe('# rehab');
    expect(lines[3]).toMatch(/^npm ci && npm run demo /);
    expect(lines[4]).toMatch(/^npm test .*ungefär \d+ minuter/);
  });

  it('names every command', () => {
    for (const command of buildProgram().commands) {
      if (command.name() !== 'help') expect(readme, command.name()).toContain(`rehab ${command.name()}`);
    }
  });

  it('uses only flags that exist (or their old names) on the lines that run rehab', () => {
    const program = buildProgram();
    const known = new Set([...program.options, ...program.commands.flatMap((command) => command.options)].map((option) => option.long));
    for (const flag of [...Object.keys(FLAG_ALIASES), '--help', '--version']) known.add(flag);
    const used = readme.split('\n').flatMap((line) => {
      const start = line.search(/rehab(\.exe)? [a-z]/);
      return start === -1 ? [] : [...line.slice(start).matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((match) => match[0]);
    });
    expect(used.length).toBeGreaterThan(30);
    expect([...new Set(used)].filter((flag) => !known.has(flag))).toEqual([]);
  });

  it('links only to files of the repository that exist', () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!).filter((link) => !/^https?:/.test(link));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(() => readFileSync(join(PROJECT_ROOT, link)), link).not.toThrow();
  });
});
