// Prints the release bundle's sizes as a server sends them (raw, gzip -9, brotli at quality
// 11): the first load file by file (everything fetched before the signed-in home page is
// usable: page, boot module, glue, first-load wasm, stylesheet, configuration), then each
// area's chunks, then the budgets: 150 KiB for the first load and 80 KiB for any file fetched
// later, and for the chat widget of host pages 5 KiB for its loader and 60 KiB in all. With
// `--check` it exits 1 when a budget is exceeded: sizes are deterministic, so this
// is a test, not a timing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** The budgets (KiB, brotli): `--check` fails when a figure passes its budget. The chat
 *  widget for host pages: its loader alone, and the loader with everything the first click
 *  fetches (the widget's glue, with its stylesheet and texts, and its wasm). */
const BUDGETS = { firstLoad: 150, chunk: 80, chatLoader: 5, chatWidget: 60 };

const dir = process.argv[2] ?? 'dist';
const check = process.argv.includes('--check');
const manifestPath = path.join(dir, 'split-manifest.json');
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`no index.html in ${dir}: build first (make app)`);
  process.exit(1);
}

const sizes = (name) => {
  const data = readFileSync(path.join(dir, name));
  return {
    name,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kib = (n) => (n / 1024).toFixed(1).padStart(9);
const line = (label, r) => console.log(`${kib(r.raw)} ${kib(r.gzip)} ${kib(r.brotli)}  ${label}`);
const header = (title) => console.log(`\n${title}\n${'raw KiB'.padStart(9)} ${'gzip KiB'.padStart(9)} ${'br KiB'.padStart(9)}  file`);

// A plain (Trunk) build has no manifest: all of it is the first load.
const manifest = existsSync(manifestPath)
  ? JSON.parse(readFileSync(manifestPath, 'utf8'))
  : { firstLoad: readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).concat('config.json'), areas: {} };

const first = ['index.html', ...manifest.firstLoad].map(sizes);
header(`First load (${first.length} requests)`);
for (const r of first) line(r.name, r);
const firstTotal = sum(first);
line('total', firstTotal);

// French and Spanish texts: added to the first load of a user who reads that language.
const languages = Object.entries(manifest.languages ?? {});
if (languages.length) {
  header('Languages fetched when chosen (added to that language\'s first load)');
  for (const [locale, file] of languages) line(`${locale}: ${file}`, sizes(file));
}

// What opening an area fetches the first time: its pack (one file, or more under the chunk
// budget). An area opened after others that brought most of its modules fetches just the few
// missing modules instead (scripts/split-loader.js).
const areas = Object.entries(manifest.areas).sort();
const lazy = new Map();
const sized = (f) => {
  if (!lazy.has(f)) lazy.set(f, sizes(f));
  return lazy.get(f);
};
// The pages' stylesheet and the areas' table come with the first area opened
// (scripts/split-loader.js).
const sheet = [manifest.pagesCss, manifest.areasTable].filter(Boolean);
if (areas.length) {
  header('Areas: what opening each one fetches the first time (its pack, and the pages\' stylesheet and the areas\' table if none came before)');
  for (const [area, { packs }] of areas) line(`${area} (${packs.length} ${packs.length === 1 ? 'file' : 'files'})`, sum([...packs, ...sheet].map(sized)));
  // Signed out, in English: sign-in's code (the English of pages from chunks comes with it).
  const signIn = [...(manifest.areas.sign_in?.packs ?? []), ...sheet];
  if (manifest.areas.sign_in) {
    header('The sign-in page, signed out (in English): the first load and sign-in\'s code');
    line(`${first.length + signIn.length} requests`, sum([firstTotal, ...signIn.map(sized)]));
  }
  for (const { modules } of Object.values(manifest.areas)) modules.forEach(sized);
  header('Largest files fetched later (packs, and modules fetched alone)');
  for (const r of [...lazy.values()].sort((a, b) => b.brotli - a.brotli).slice(0, 5)) line(r.name, r);
}

// The chat widget for host pages: what a host page fetches for the launcher, then on the
// first click.
const chat = manifest.chatWidget;
let chatLoader;
let chatAll;
if (chat) {
  header('Chat widget for host pages: the loader, then what the first click fetches');
  chatLoader = sizes(chat.loader);
  line(`${chat.loader} (the launcher, at once)`, chatLoader);
  const widgetFiles = [chat.glue, chat.wasm].map(sizes);
  for (const r of widgetFiles) line(r.name, r);
  chatAll = sum([chatLoader, ...widgetFiles]);
  line('total', chatAll);
}

const largest = Math.max(0, ...[...lazy.values()].map((r) => r.brotli)) / 1024;
const figures = [
  ['first load, brotli', firstTotal.brotli / 1024, BUDGETS.firstLoad],
  ['largest lazy file, brotli', largest, BUDGETS.chunk],
  ...(chat ? [
    ['chat loader, brotli', chatLoader.brotli / 1024, BUDGETS.chatLoader],
    ['chat widget in all, brotli', chatAll.brotli / 1024, BUDGETS.chatWidget],
  ] : []),
];
console.log('\nBudgets (KiB)             figure   budget');
let over = false;
for (const [label, value, budget] of figures) {
  const state = value <= budget ? `${(budget - value).toFixed(1)} to spare` : `OVER BY ${(value - budget).toFixed(1)}`;
  over ||= value > budget;
  console.log(`${label.padEnd(26)}${value.toFixed(1).padStart(7)}${String(budget).padStart(9)}  ${state}`);
}
if (check && over) {
  console.error('\nA size budget is exceeded: see which file grew above, and cut it (scripts/size.mjs).');
  process.exit(1);
}

// `--items`: where the first load's bytes go, by crate and by function (twiggy, on the same
// code before wasm-opt strips its names: target/split/bound, left by scripts/build.mjs).
if (process.argv.includes('--items')) {
  const { execFileSync } = await import('node:child_process');
  const unstripped = path.join('target', 'split', 'bound', 'support-portal_bg.wasm');
  const csv = execFileSync('twiggy', ['top', '-n', '100000', '--format', 'csv', unstripped], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const items = csv.trim().split('\n').slice(1).map((row) => {
    const m = row.match(/^"?((?:[^"]|"")*)"?,(\d+),/);
    return m ? { name: m[1].replaceAll('""', '"'), bytes: Number(m[2]) } : null;
  }).filter((i) => i && !/^"function names" subsection$|^"?name"? section/.test(i.name));
  const code = items.reduce((t, i) => t + i.bytes, 0);
  const crateOf = (name) => {
    if (name.startsWith('data segment')) return '(data)';
    const inner = name.match(/<(?:impl [^ ]+ for )?&?(?:mut )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    const outer = name.match(/^([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    const trait = name.match(/ as ([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    return (outer ?? inner ?? trait)?.[1] ?? '(other)';
  };
  const crates = new Map();
  for (const i of items) crates.set(crateOf(i.name), (crates.get(crateOf(i.name)) ?? 0) + i.bytes);
  console.log(`\nFirst-load wasm before wasm-opt, by crate (${(code / 1024).toFixed(0)} KiB of code and data, names left out)`);
  for (const [crate, bytes] of [...crates].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${(bytes / 1024).toFixed(1).padStart(9)} KiB  ${crate}`);
  }
  console.log('\nThe 30 largest items');
  for (const i of items.sort((a, b) => b.bytes - a.bytes).slice(0, 30)) {
    console.log(`${(i.bytes / 1024).toFixed(1).padStart(9)} KiB  ${i.name.slice(0, 140)}`);
  }
}
