// npm run demo: the routine's two jobs on the bundled synthetic demo data, into out/: HR's preparation (rehab prep),
// then the workbooks filled in as HR would after the meetings (scripts/fill-workbooks.mjs) and the process leader's
// analysis (rehab aggregate). The demo export is from 2027-02-01, so the analysis uses that date too.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const data = 'fixtures/demo';
const asOf = '2027-02-01';
const common = ['--data', data, '--config', `${data}/rehab.config.json`, '--as-of', asOf];
// The first four only check that the data read cleanly; their tables are what the documents show, so the demo keeps
// its output to the two summaries (prep, aggregate) instead of some 280 lines of tables.
const quiet = new Set(['calendar', 'validate', 'stats', 'cases']);
const steps = [
  ['calendar', '--as-of', asOf],
  ['validate', ...common],
  ['stats', ...common, '--level', 'verksamhet'],
  ['cases', ...common],
  ['prep', ...common, '--out', 'out', '--meetings', `${data}/moten.csv`],
  { script: 'scripts/fill-workbooks.mjs', args: ['out/2027-vår'] },
  ['aggregate', ...common, '--workbooks', 'out/2027-vår', '--out', 'out', '--meetings', `${data}/analysmoten.csv`],
];

// The demo always starts from an empty out/2027-vår (and its analysis) so it can be run again.
rmSync('out/2027-vår', { recursive: true, force: true });
rmSync('out/2027-vår analys', { recursive: true, force: true });
for (const step of steps) {
  const [program, args, label] = Array.isArray(step) ? ['bin/rehab.js', step, `rehab ${step.join(' ')}`] : [step.script, step.args, `node ${step.script} ${step.args.join(' ')}`];
  const silent = Array.isArray(step) && quiet.has(step[0]);
  if (!silent) process.stderr.write(`\n$ ${label}\n`);
  const result = spawnSync(process.execPath, [program, ...args], { stdio: silent ? ['ignore', 'ignore', 'pipe'] : 'inherit', encoding: 'utf8' });
  // A quiet step that fails shows what it said.
  if (silent && result.status !== 0) process.stderr.write(`\n$ ${label}\n${result.stderr ?? ''}`);
  if (result.status !== 0) {
    process.stderr.write(`\nDemot stoppade: ${label.split(' ').slice(0, 2).join(' ')} avslutades med kod ${result.status}.\n`);
    process.exit(result.status ?? 1);
  }
}
process.stderr.write('\nKlart: HR:s underlag per chef finns i out/2027-vår/Chefer, analysen i out/2027-vår analys.\n');
