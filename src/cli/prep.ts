import type { Command } from 'commander';

// Placeholder until the command is built; see the issue that asks for it.
export function registerPrep(_program: Command): void {}
