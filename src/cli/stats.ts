import type { Command } from 'commander';

// Placeholder until the command is built; see the issue that asks for it.
export function registerStats(_program: Command): void {}
