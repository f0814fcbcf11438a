import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// .ci/run asks for vitest's JSON report to count passed and failed tests.
const jsonReport = process.env.REHAB_VITEST_JSON;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests run dist/ (built once here), not the sources through tsx: a child process starts in a fraction of the time.
    globalSetup: ['tests/helpers/buildOnce.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // vitest leaves one core to itself by default (one worker on this 2-core machine); most test time is spent
    // waiting for a child process (the CLI, LibreOffice), so one worker per core runs the suite in about 60 % of the time.
    maxWorkers: availableParallelism(),
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
