// Prints the release bundle's sizes: every wasm, js and css file in the dist folder, raw and
// compressed as a server would send it (gzip -9, brotli at quality 11), and the totals.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const kinds = ['wasm', 'js', 'css'];
const rows = [];
for (const name of readdirSync(dir).sort()) {
  const kind = path.extname(name).slice(1);
  if (!kinds.includes(kind)) continue;
  const data = readFileSync(path.join(dir, name));
  rows.push({
    kind, name,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
if (rows.length === 0) { console.error(`no wasm, js or css files in ${dir}: build first`); process.exit(1); }
const kib = (n) => (n / 1024).toFixed(1).padStart(9);
console.log(`${'kind'.padEnd(5)} ${'raw KiB'.padStart(9)} ${'gzip KiB'.padStart(9)} ${'br KiB'.padStart(9)}  file`);
for (const r of rows) console.log(`${r.kind.padEnd(5)} ${kib(r.raw)} ${kib(r.gzip)} ${kib(r.brotli)}  ${r.name}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'total'.padEnd(5)} ${kib(total.raw)} ${kib(total.gzip)} ${kib(total.brotli)}`);
