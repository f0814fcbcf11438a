import type { Command } from 'commander';

// Placeholder until the command is built; see the issue that asks for it.
export function registerCases(_program: Command): void {}
