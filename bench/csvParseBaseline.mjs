// The bench baseline (issue 14): plain csv-parse reading the same export files and doing nothing else.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { parse } from 'csv-parse/sync';

let records = 0;
for (const path of process.argv.slice(2)) {
  records += parse(readFileSync(path), { delimiter: ';', bom: true, relax_column_count: true }).length;
}
process.stdout.write(`${records}\n`);
