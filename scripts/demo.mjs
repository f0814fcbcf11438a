// npm run demo: the main job (rehab prep) on the bundled synthetic demo data, into out/.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const data = 'fixtures/demo';
const asOf = '2027-02-01';
const common = ['--data', data, '--config', `${data}/rehab.config.json`, '--as-of', asOf];
const steps = [
  ['calendar', '--as-of', asOf],
  ['validate', ...common],
  ['stats', ...common, '--level', 'verksamhet'],
  ['cases', ...common],
  ['prep', ...common, '--out', 'out', '--meetings', `${data}/moten.csv`],
];

// The demo always starts from an empty out/2027-vår so it can be run again.
rmSync('out/2027-vår', { recursive: true, force: true });
for (const args of steps) {
  process.stderr.write(`\n$ rehab ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, ['bin/rehab.js', ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`\nDemot stoppade: rehab ${args[0]} avslutades med kod ${result.status}.\n`);
    process.exit(result.status ?? 1);
  }
}
process.stderr.write('\nKlart. Öppna mappen out/2027-vår: arbetsböcker och bildspel per chef under Chefer/, bildspel till ledningsgrupp under Ledningsgrupp/, inbjudningar (.eml) och mötesbokningar (.ics).\n');
