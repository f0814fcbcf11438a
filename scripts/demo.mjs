// npm run demo: runs the main job on the bundled demo data.
import { spawnSync } from 'node:child_process';

const steps = [['calendar', '--as-of', '2027-02-10']];
for (const args of steps) {
  process.stderr.write(`\n$ rehab ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, ['bin/rehab.js', ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
