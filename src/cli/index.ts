// The entry: the only place that sets the process exit code.
// A reader that stops early (`rehab stats … | head -1`) closes the pipe: the rest of the result is not wanted,
// which is no error. End quietly with the command's code so far (0), without Node's stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const argv = process.argv.slice(2);
// `rehab --version` alone (what a scheduled job or an installer asks first) loads nothing but the version.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { run } = await import('./main.js');
  process.exitCode = await run(argv);
}
