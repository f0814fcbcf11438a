// The entry: the only place that sets the process exit code.
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2));
