// The entry: the only place that sets the process exit code.
import { run } from './main.js';

// A reader that stops early (`rehab stats … | head -1`) closes the pipe: the rest of the result is not wanted,
// which is no error. End quietly with the command's code so far (0), without Node's stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await run(process.argv.slice(2));
