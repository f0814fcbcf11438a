// Registers the data commands (validate, stats, cases, prep, aggregate) as they are built.
import type { Command } from 'commander';

export function registerCommands(_program: Command): void {
  // Filled in by the commands' own files.
}
