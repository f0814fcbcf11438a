// Registers the data commands; each lives in its own file.
import type { Command } from 'commander';
import { registerAggregate } from './aggregate.js';
import { registerCases } from './cases.js';
import { registerInit } from './init.js';
import { registerPrep } from './prep.js';
import { registerStats } from './stats.js';
import { registerValidate } from './validate.js';

export function registerCommands(program: Command): void {
  registerInit(program);
  registerValidate(program);
  registerStats(program);
  registerCases(program);
  registerPrep(program);
  registerAggregate(program);
}
