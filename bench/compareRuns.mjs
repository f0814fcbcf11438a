// node bench/compareRuns.mjs A B: two run folders (prep or aggregate output) compared document by document and part
// by part — every zip part, the parts of embedded chart workbooks, mails with their base64 attachments decoded — with
// only the times of the run blanked (dcterms dates, Date, Message-ID, MIME boundaries, DTSTAMP, createdAt, hashes).
// How issue 14 shows that a faster path writes the same documents.
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import process from 'node:process';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
const [a, b] = process.argv.slice(2);
const list = (root, prefix = '') => readdirSync(join(root, prefix)).flatMap((n) => { const r = prefix ? `${prefix}/${n}` : n; return statSync(join(root, r)).isDirectory() ? list(root, r) : [r]; });
const fa = list(a).sort(), fb = list(b).sort();
if (JSON.stringify(fa) !== JSON.stringify(fb)) { process.stdout.write('file lists differ\n'); process.exit(1); }
let parts = 0, diffs = 0;
const norm = (t) => t.replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1>T<').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TS');
for (const f of fa) {
  const x = readFileSync(join(a, f)), y = readFileSync(join(b, f));
  if (/\.(xlsx|pptx)$/.test(f)) {
    const zx = unzipSync(x), zy = unzipSync(y);
    const nx = Object.keys(zx), ny = Object.keys(zy);
    if (JSON.stringify(nx) !== JSON.stringify(ny)) { process.stdout.write(`part names differ ${f}\n`); diffs++; continue; }
    for (const n of nx) { parts++; const tx = Buffer.from(zx[n]), ty = Buffer.from(zy[n]);
      if (n.endsWith('.xlsx')) { const ix = unzipSync(tx), iy = unzipSync(ty); for (const m of Object.keys(ix)) { parts++; if (norm(Buffer.from(ix[m]).toString('latin1')) !== norm(Buffer.from(iy[m] ?? []).toString('latin1'))) { process.stdout.write(`differs ${f} ${n} ${m}\n`); diffs++; } } continue; }
      if (norm(tx.toString('latin1')) !== norm(ty.toString('latin1'))) { process.stdout.write(`differs ${f} ${n}\n`); diffs++; } }
  } else if (f.endsWith('.eml')) {
    parts++;
    const decoded = (t) => t.replace(/(?:^[A-Za-z0-9+/=]{16,}\r?\n)+/gm, (block) => Buffer.from(block.replace(/\s+/g, ''), 'base64').toString('latin1'));
    const n = (t) => decoded(t).replace(/^(Date|Message-ID): .*$/gm, '$1').replace(/--_NmP-[0-9a-f]+-Part_\d+/g, 'B').replace(/DTSTAMP:\S+/g, 'DTSTAMP');
    if (n(x.toString('latin1')) !== n(y.toString('latin1'))) { process.stdout.write(`differs ${f}\n`); diffs++; }
  } else if (f.endsWith('manifest.json')) {
    parts++;
    const n = (t) => { const j = JSON.parse(t); delete j.createdAt; for (const o of j.outputs ?? []) { delete o.sha256; delete o.bytes; } return JSON.stringify(j); };
    if (n(x.toString()) !== n(y.toString())) { process.stdout.write(`differs ${f}\n`); diffs++; }
  } else { parts++; const n = (t) => t.replace(/DTSTAMP:\S+/g, 'DTSTAMP'); if (n(x.toString('latin1')) !== n(y.toString('latin1'))) { process.stdout.write(`differs ${f}\n`); diffs++; } }
}
process.stdout.write(`${fa.length} files, ${parts} parts compared, ${diffs} differences\n`);
process.exitCode = diffs === 0 ? 0 : 1;
