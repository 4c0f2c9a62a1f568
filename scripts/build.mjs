// The release build, split by page: what Trunk 0.21 cannot do (its issue 1022). Writes dist/.
//
// 1. cargo builds the app with `--features split` (each area's pages are a wasm-split point;
//    French and Spanish texts are left out, to be fetched), `-Clink-args=--emit-relocs` (the
//    relocations wasm-split reads) and `--cfg erase_components` (Leptos erases each
//    component's view type: about a fifth less code in every module), unstripped, with a
//    pinned nightly that rebuilds the standard library without panic messages, `Debug`
//    output or source locations (about a tenth less);
// 2. wasm-split-cli cuts the wasm into the first load (`support-portal.wasm`), one module per
//    split point (`split_<area>.wasm`), chunks that several areas share (`chunk_<n>.wasm`) and
//    the JavaScript that loads them (`__wasm_split.js`);
// 3. wasm-bindgen (the pinned version) makes the first load's JavaScript glue;
// 4. wasm-opt -Oz on every module, two at a time;
// 5. the JavaScript and the stylesheet are minified (esbuild); every file is named after the
//    build's content hash (`name-<16 hex>.ext`, which the backend serves as immutable), and
//    the references between them follow;
// 6. index.html gets the stylesheet and the boot module as external files with their
//    integrity (no inline script: the CSP allows none), preloads for the first load, and
//    everything is precompressed (`.br`, `.gz`).
// `split-manifest.json` lists which files the first load fetches and which chunk each area
// needs; scripts/size.mjs reads it.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { precompress, sriOf } from './assets.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = path.join(root, 'target', 'split');
const dist = path.join(root, process.argv[2] ?? 'dist');
const name = 'support-portal';
// The toolchain of the release build (step 1); scripts/setup.sh installs the same one.
const nightly = readFileSync(path.join(root, 'scripts', 'nightly-toolchain'), 'utf8').trim();
const wasmFeatures = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];

const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

// 1. The unsplit wasm, with what the splitter needs. The pinned nightly (scripts/setup.sh
//    installs it) rebuilds the standard library for this build, so that panics abort without
//    formatting a message, `Debug` formats nothing and panics carry no source locations: none
//    of that reaches a user, and it was about a tenth of every module.
run('cargo', [`+${nightly}`, 'build', '-Zbuild-std=std,panic_abort', '--release',
  '--target', 'wasm32-unknown-unknown', '-p', name, '--bin', name, '--features', 'split'], {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: [
    '-Clink-args=--emit-relocs', '--cfg erase_components',
    '-Zunstable-options -Cpanic=immediate-abort', '-Zfmt-debug=none', '-Zlocation-detail=none',
  ].join(' '),
  CARGO_PROFILE_RELEASE_STRIP: 'false',
});
const input = path.join(root, 'target', 'wasm32-unknown-unknown', 'release', `${name}.wasm`);

// 2. Split.
rmSync(work, { recursive: true, force: true });
const split = path.join(work, 'split');
const bound = path.join(work, 'bound');
const out = path.join(work, 'out');
run('wasm-split-cli', [input, split, '--out-name', name]);

// 3. The glue for the first load.
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-dir', bound,
  '--out-name', name, path.join(split, `${name}.wasm`)]);

// 4. Optimise every module (wasm-opt warns about name subsections it does not know: harmless).
mkdirSync(out, { recursive: true });
const modules = [[path.join(bound, `${name}_bg.wasm`), `${name}_bg.wasm`]];
for (const f of readdirSync(split)) if (f.endsWith('.wasm') && f !== `${name}.wasm`) modules.push([path.join(split, f), f]);
await inParallel(modules.map(([from, to]) => () =>
  spawnQuiet('wasm-opt', ['-Oz', ...wasmFeatures, '--strip-debug', '--strip-producers', from, '-o', path.join(out, to)])), 2);
copyFileSync(path.join(bound, `${name}.js`), path.join(out, `${name}.js`));
copyFileSync(path.join(split, '__wasm_split.js'), path.join(out, '__wasm_split.js'));

// 5. One content hash for the build, in every name.
const hash = createHash('sha256');
for (const f of readdirSync(out).sort()) hash.update(f).update(readFileSync(path.join(out, f)));
const h = hash.digest('hex').slice(0, 16);
const hashed = (f) => f.replace(/^([^.]+?)(_bg)?\.(wasm|js)$/, `$1-${h}$2.$3`);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
let glue = readFileSync(path.join(out, `${name}.js`), 'utf8')
  .replaceAll('from "./__wasm_split.js"', `from "./${hashed('__wasm_split.js')}"`)
  .replace(`'${name}_bg.wasm'`, `'${hashed(`${name}_bg.wasm`)}'`);
let link = readFileSync(path.join(out, '__wasm_split.js'), 'utf8')
  .replace(`from "./${name}.js"`, `from "./${hashed(`${name}.js`)}"`)
  .replace(/"\.\/((?:split|chunk)_[A-Za-z0-9_]+)\.wasm"/g, (_, f) => `"./${hashed(`${f}.wasm`)}"`);
writeFileSync(path.join(dist, hashed(`${name}.js`)), minify(glue, 'js'));
writeFileSync(path.join(dist, hashed('__wasm_split.js')), minify(link, 'js'));
for (const f of readdirSync(out)) if (f.endsWith('.wasm')) copyFileSync(path.join(out, f), path.join(dist, hashed(f)));

// 6. The page, its boot module and stylesheet, the copied files, and the manifest.
const css = minify(readFileSync(path.join(root, 'style', 'main.css'), 'utf8'), 'css');
const cssName = `main-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
writeFileSync(path.join(dist, cssName), css);
const boot = `import init, * as bindings from '/${hashed(`${name}.js`)}';
await init({ module_or_path: '/${hashed(`${name}_bg.wasm`)}' });
// Host pages reach the portal's exported mount functions here (see src/app/exports.rs).
window.wasmBindings = bindings;
`;
const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
writeFileSync(path.join(dist, bootName), boot);
for (const f of ['config.json', 'favicon.svg']) copyFileSync(path.join(root, 'public', f), path.join(dist, f));

// French and Spanish leave the wasm (see src/i18n/messages.rs): one file each, one text per
// line in key order, named after its content, which index.html names for the app.
const texts = languageFiles(readFileSync(path.join(root, 'src', 'i18n', 'messages.rs'), 'utf8'));

const firstLoad = [bootName, hashed(`${name}.js`), hashed('__wasm_split.js'), hashed(`${name}_bg.wasm`), cssName, 'config.json'];
const head = [
  `<script type="module" src="/${bootName}" integrity="${sriOf(boot)}" crossorigin="anonymous"></script>`,
  `<link rel="stylesheet" href="/${cssName}" integrity="${sriOf(css)}">`,
  `<link rel="modulepreload" href="/${hashed(`${name}.js`)}" crossorigin="anonymous">`,
  `<link rel="modulepreload" href="/${hashed('__wasm_split.js')}" crossorigin="anonymous">`,
  `<link rel="preload" href="/${hashed(`${name}_bg.wasm`)}" as="fetch" type="application/wasm" crossorigin="anonymous">`,
  `<meta name="support-portal-texts" content="${texts.map(([locale, file]) => `${locale}=/${file}`).join(' ')}">`,
].join('\n    ');
const html = readFileSync(path.join(root, 'index.html'), 'utf8')
  .replace(/\s*<!--[^>]*-->\s*(?=<link data-trunk rel="rust")/, '\n    ')
  .replace(/<link data-trunk rel="rust"[^>]*\/>/s, head)
  .replace(/\s*<link data-trunk [^>]*\/>/g, '');
if (/data-trunk|<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(html)) throw new Error('index.html kept a Trunk link or an inline script');
writeFileSync(path.join(dist, 'index.html'), html);

const areas = {};
for (const m of link.matchAll(/\/\* ([^*]+) \*\/\s*const (__chunk_\d+) = makeLoad\([^"]*"\.\/([^"]+)"/g)) {
  for (const area of m[1].split(', ')) (areas[area] ??= []).push(m[3]);
}
for (const f of readdirSync(dist)) {
  const m = f.match(/^split_(.+)-[0-9a-f]{16}\.wasm$/);
  if (m) (areas[m[1]] ??= []).push(f);
}
const languages = Object.fromEntries(texts);
writeFileSync(path.join(dist, 'split-manifest.json'), JSON.stringify({ firstLoad, areas, languages }, null, 2));
precompress(dist);
console.log(`built ${dist}: first load ${firstLoad.join(', ')}; ${Object.keys(areas).length} areas`);

/** Writes `texts-<locale>-<hash>.txt` for French and Spanish from the rows of messages.rs. */
function languageFiles(source) {
  const literal = String.raw`"((?:[^"\\]|\\.)*)"`;
  const row = new RegExp(String.raw`^    (\w+) => ${literal}, ${literal}, ${literal};$`, 'gm');
  const rows = [...source.matchAll(row)];
  const keys = source.slice(source.indexOf('messages! {')).match(/^    \w+ =>/gm) ?? [];
  if (rows.length === 0 || rows.length !== keys.length) {
    throw new Error(`messages.rs: ${keys.length} keys but ${rows.length} rows of the expected shape`);
  }
  return [['fr', 3], ['es', 4]].map(([locale, column]) => {
    const lines = rows.map((m) => unescapeRust(m[column]));
    if (lines.some((t) => /[\r\n]/.test(t))) throw new Error(`a ${locale} text holds a line break`);
    const body = lines.join('\n') + '\n';
    const file = `texts-${locale}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.txt`;
    writeFileSync(path.join(dist, file), body);
    return [locale, file];
  });
}

/** `code` without its comments, spaces and long local names (esbuild): the JavaScript glue and
 *  the stylesheet lose a third to half of their bytes, about 3.4 KiB brotli of the first load. */
function minify(code, loader) {
  return transformSync(code, { loader, minify: true, ...(loader === 'js' ? { format: 'esm' } : {}) }).code;
}

/** The text of a Rust string literal's contents. */
function unescapeRust(s) {
  return s.replace(/\\(u\{([0-9a-fA-F]+)\}|.)/g, (_, e, hex) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ n: '\n', t: '\t', r: '\r', 0: '\0' })[e] ?? e);
}

function spawnQuiet(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d) => { errors += d; });
    child.on('exit', (code) => {
      const real = errors.split('\n').filter((l) => l && !/unknown name subsection/.test(l));
      if (code === 0) resolve(); else reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${real.join('\n')}`));
    });
  });
}

async function inParallel(tasks, width) {
  const queue = [...tasks];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) await queue.shift()();
  }));
}
