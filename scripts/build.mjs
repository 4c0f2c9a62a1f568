// The release build, split by page: what Trunk 0.21 cannot do (its issue 1022). Writes dist/.
//
// 1. cargo builds the app with `--features split` (each area's pages are a wasm-split point,
//    which takes the English of those pages along; French and Spanish are left out, to be
//    fetched),
//    `-Clink-args=--emit-relocs` (the relocations wasm-split reads) and
//    `--cfg erase_components` (Leptos erases each component's view type: about a fifth less
//    code in every module), unstripped, with a pinned nightly that rebuilds the standard
//    library without panic messages, `Debug` output or source locations (about a tenth less);
// 2. wasm-split-cli cuts the wasm into the first load (`support-portal.wasm`), one module per
//    split point (`split_<area>.wasm`) and modules that several areas share (`chunk_<n>.wasm`);
// 3. wasm-bindgen (the pinned version) makes the first load's JavaScript glue;
// 4. wasm-opt -O2, twice, on every module, two at a time (see step 4 below for why not -Oz);
// 5. each area's modules are packed into one file (`split_<area>-<hash>.pack`, more when over
//    the chunk budget), which scripts/split-loader.js fetches in place of the modules one by
//    one; the JavaScript and the stylesheet are minified (esbuild); every file is named after
//    the build's content hash (`name-<16 hex>.ext`, which the backend serves as immutable),
//    and the references between them follow;
// 6. index.html gets the stylesheet and the boot module as external files with their
//    integrity (no inline script: the CSP allows none), preloads for the first load, and
//    everything is precompressed (`.br`, `.gz`).
// `embed.js` is the one script tag a host page adds (scripts/embed.js, with this build's names);
// `embed.html` and `frame.js` are the portal in an iframe (scripts/frame.js).
// `chat-loader.js` is the chat widget's one script tag for any host page (scripts/chat-loader.js),
// and `chat-widget-<hash>.js` / `.wasm` the widget it fetches on the first click (widget/);
// `chat-frame.html` runs it in an iframe on the portal's origin for hosts on other origins.
// `split-manifest.json` lists which files the first load fetches and, by area, its packs and
// modules; scripts/size.mjs reads it.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { precompress, sriOf, THEME_BOOT } from './assets.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = path.join(root, 'target', 'split');
const dist = path.join(root, process.argv[2] ?? 'dist');
const name = 'support-portal';
// The toolchain of the release build (step 1); scripts/setup.sh installs the same one.
const nightly = readFileSync(path.join(root, 'scripts', 'nightly-toolchain'), 'utf8').trim();
// The areas nearly every support administrator's visit opens, in the order it does: the chat
// panel (fetched once the first screen is up), then the case list. An area packs what it shares
// with the hubs opened before it apart from the rest, so that after them it fetches only the
// rest; a group under SMALL_GROUP bytes (about 15 KiB brotli) is not worth a file of its own.
const HUBS = ['chat_panel', 'cases'];
const SMALL_GROUP = 48 * 1024;
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
//    The chat widget for host pages (widget/, its own wasm) is built in the same run, with the
//    same flags, so that the crates they share are compiled once.
run('cargo', [`+${nightly}`, 'build', '-Zbuild-std=std,panic_abort', '--release',
  '--target', 'wasm32-unknown-unknown', '-p', name, '--bin', name, '--features', `${name}/split`,
  '-p', 'support-chat-widget', '--lib'], {
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

// 3b. Leptos's server functions bring wasm-streams, whose JavaScript classes wasm-bindgen
//     exports: the first load carried them (about 9 KiB of wasm and 2 of glue) though the
//     portal never calls a server function. Out of the glue, and out of the wasm's exports.
dropExportedClasses(path.join(bound, `${name}.js`), path.join(bound, `${name}_bg.wasm`), /^IntoUnderlying\w+$/);

// 4. Optimise every module (wasm-opt warns about name subsections it does not know: harmless).
//    `-O2 -O2`, not `-Oz`: what counts is the brotli download, and -Oz's folding of similar
//    code leaves less for brotli to find. Measured on the first load's wasm: -Oz 138.1 KiB
//    brotli (453 KiB raw), -O2 136.9, -O2 -O2 136.7 (484 raw), and the large areas a little
//    smaller too; it also runs faster. (The chat widget keeps -Oz: there the two are equal.)
mkdirSync(out, { recursive: true });
const modules = [[path.join(bound, `${name}_bg.wasm`), `${name}_bg.wasm`]];
for (const f of readdirSync(split)) if (f.endsWith('.wasm') && f !== `${name}.wasm`) modules.push([path.join(split, f), f]);
await inParallel(modules.map(([from, to]) => () =>
  spawnQuiet('wasm-opt', ['-O2', '-O2', ...wasmFeatures, '--strip-debug', '--strip-producers', from, '-o', path.join(out, to)])), 2);
copyFileSync(path.join(bound, `${name}.js`), path.join(out, `${name}.js`));
copyFileSync(path.join(split, '__wasm_split.js'), path.join(out, '__wasm_split.js'));

// 5. One content hash for the build, in every name.
const hash = createHash('sha256');
for (const f of readdirSync(out).sort()) hash.update(f).update(readFileSync(path.join(out, f)));
hash.update(readFileSync(path.join(root, 'scripts', 'split-loader.js')));
const h = hash.digest('hex').slice(0, 16);
const hashed = (f) => f.replace(/^([^.]+?)(_bg)?\.(wasm|js)$/, `$1-${h}$2.$3`);
// The first load's glue and wasm, by their names in dist/.
const glueName = hashed(`${name}.js`);
const wasmName = hashed(`${name}_bg.wasm`);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
let glue = readFileSync(path.join(out, `${name}.js`), 'utf8')
  .replaceAll('from "./__wasm_split.js"', `from "./${hashed('__wasm_split.js')}"`)
  .replace(`'${name}_bg.wasm'`, `'${wasmName}'`);
// The pages' stylesheet (style/pages.css): the split loader fetches it with the first chunk.
const pagesCss = minify(readFileSync(path.join(root, 'style', 'pages.css'), 'utf8'), 'css');
const pagesCssName = `pages-${createHash('sha256').update(pagesCss).digest('hex').slice(0, 16)}.css`;
writeFileSync(path.join(dist, pagesCssName), pagesCss);
const { loader: link, areas, tableName } = packAreas(readFileSync(path.join(out, '__wasm_split.js'), 'utf8'));
writeFileSync(path.join(dist, glueName), minify(glue, 'js'));
writeFileSync(path.join(dist, hashed('__wasm_split.js')), minify(link, 'js'));
for (const f of readdirSync(out)) if (f.endsWith('.wasm')) copyFileSync(path.join(out, f), path.join(dist, hashed(f)));

// 6. The page, its boot module and stylesheet, the copied files, and the manifest.
const css = minify(readFileSync(path.join(root, 'style', 'main.css'), 'utf8'), 'css');
const cssName = `main-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
writeFileSync(path.join(dist, cssName), css);
const cssIntegrity = sriOf(css);
const boot = `${THEME_BOOT}import init, * as bindings from '/${glueName}';
await init({ module_or_path: '/${wasmName}' });
// Host pages reach the portal's exported mount functions here (see src/app/exports.rs).
window.wasmBindings = bindings;
`;
const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
writeFileSync(path.join(dist, bootName), boot);
for (const f of ['config.json', 'favicon.svg']) copyFileSync(path.join(root, 'public', f), path.join(dist, f));

// French and Spanish leave the wasm (see src/i18n/messages.rs): one file each, one text per
// line in key order, named after its content, which index.html names for the app. (The English
// of pages from chunks comes with their code.)
const texts = languageFiles(readFileSync(path.join(root, 'src', 'i18n', 'messages.rs'), 'utf8'));
const languages = Object.fromEntries(texts);

const firstLoad = [bootName, glueName, hashed('__wasm_split.js'), wasmName, cssName, 'config.json'];
const preloads = [
  `<link rel="modulepreload" href="/${glueName}" crossorigin="anonymous">`,
  `<link rel="modulepreload" href="/${hashed('__wasm_split.js')}" crossorigin="anonymous">`,
  `<link rel="preload" href="/${wasmName}" as="fetch" type="application/wasm" crossorigin="anonymous">`,
];
const head = [
  `<script type="module" src="/${bootName}" integrity="${sriOf(boot)}" crossorigin="anonymous"></script>`,
  `<link rel="stylesheet" href="/${cssName}" integrity="${cssIntegrity}">`,
  ...preloads,
  `<meta name="support-portal-texts" content="${texts.map(([locale, file]) => `${locale}=/${file}`).join(' ')}">`,
].join('\n    ');
const html = readFileSync(path.join(root, 'index.html'), 'utf8')
  .replace(/\s*<!--[^>]*-->\s*(?=<link data-trunk rel="rust")/, '\n    ')
  .replace(/<link data-trunk rel="rust"[^>]*\/>/s, head)
  .replace(/\s*<link data-trunk [^>]*\/>/g, '');
if (/data-trunk|<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(html)) throw new Error('index.html kept a Trunk link or an inline script');
// Without its comments and indentation: the page is part of the first load.
writeFileSync(path.join(dist, 'index.html'), html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*/g, '\n'));

// The one script tag of host pages (scripts/embed.js): the build's names filled in, under a
// name that does not change.
const embed = readFileSync(path.join(root, 'scripts', 'embed.js'), 'utf8').replace('const FILES = __FILES__;', () => 'const FILES = ' + JSON.stringify({
  glue: glueName, wasm: wasmName, css: cssName, integrity: cssIntegrity,
  texts: languages,
}) + ';');
if (embed.includes('const FILES = __FILES__')) throw new Error('scripts/embed.js: its file table was not filled');
writeFileSync(path.join(dist, 'embed.js'), minify(embed, 'js'));
// The portal in an iframe (`/embed/…`): its page, with the first load preloaded, and its bridge
// to the host (scripts/frame.js).
writeFileSync(path.join(dist, 'frame.js'), minify(readFileSync(path.join(root, 'scripts', 'frame.js'), 'utf8'), 'js'));
const frameHead = [
  `<link rel="stylesheet" href="/${cssName}" integrity="${cssIntegrity}" data-support-portal>`,
  ...preloads,
  '<script src="/embed.js" defer></script>',
  '<script src="/frame.js" defer></script>',
];
writeFileSync(path.join(dist, 'embed.html'), `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light">
    <title>Support Portal</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    ${frameHead.join('\n    ')}
  </head>
  <body class="sp-page">
    <div id="support-portal-frame"></div>
  </body>
</html>
`);

const chatWidget = buildChatWidget(readFileSync(path.join(root, 'src', 'i18n', 'messages.rs'), 'utf8'));

writeFileSync(path.join(dist, 'split-manifest.json'), JSON.stringify({ firstLoad, areas, pagesCss: pagesCssName, areasTable: tableName, languages, chatWidget }, null, 2));
precompress(dist);
console.log(`built ${dist}: first load ${firstLoad.join(', ')}; ${Object.keys(areas).length} areas`);

/** The rows of messages.rs: `[match, key, english, french, spanish]` (escaped as in Rust). */
function messageRows(source) {
  const literal = String.raw`"((?:[^"\\]|\\.)*)"`;
  const row = new RegExp(String.raw`^    (\w+) => ${literal}, ${literal}, ${literal};$`, 'gm');
  const rows = [...source.matchAll(row)];
  const keys = source.slice(source.indexOf('messages! {')).match(/^    \w+ =>/gm) ?? [];
  if (rows.length === 0 || rows.length !== keys.length) {
    throw new Error(`messages.rs: ${keys.length} keys but ${rows.length} rows of the expected shape`);
  }
  return rows;
}

/** `{ en: { Key: text }, fr: …, es: … }` for `keys`, from the rows of messages.rs. */
function textTable(source, keys) {
  const rows = new Map(messageRows(source).map((m) => [m[1], m]));
  const missing = keys.filter((k) => !rows.has(k));
  if (missing.length) throw new Error(`src/i18n/messages.rs has no ${missing.join(', ')}`);
  return Object.fromEntries(['en', 'fr', 'es'].map((locale, i) =>
    [locale, Object.fromEntries(keys.map((k) => [k, unescapeRust(rows.get(k)[i + 2])]))]));
}

/**
 * The chat widget for host pages: its wasm (built in step 1) bound, optimised and named after
 * its content, its glue with its stylesheet and its texts in three languages (the keys of
 * messages.rs that widget/src names in string literals), the
 * loader (`chat-loader.js`, a stable name: host pages keep one address) with the launcher's
 * words and stylesheet, and `chat-frame.html` for hosts on other origins. Returns the names.
 */
function buildChatWidget(messages) {
  const widgetWork = path.join(work, 'widget');
  mkdirSync(widgetWork, { recursive: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', widgetWork, '--out-name', 'chat-widget',
    path.join(root, 'target', 'wasm32-unknown-unknown', 'release', 'support_chat_widget.wasm')]);
  // Step 1's `--emit-relocs` (for the portal's splitter) left relocations, which wasm-opt
  // cannot read and the widget does not need.
  const bound = path.join(widgetWork, 'chat-widget_bg.wasm');
  writeFileSync(bound, withoutCustomSections(readFileSync(bound), (name) => name === 'linking' || name.startsWith('reloc.')));
  const wasmFile = path.join(widgetWork, 'chat-widget.opt.wasm');
  run('wasm-opt', ['-Oz', ...wasmFeatures, '--strip-debug', '--strip-producers', bound, '-o', wasmFile]);
  const widgetSrc = path.join(root, 'widget', 'src');
  const sources = readdirSync(widgetSrc, { recursive: true }).filter((f) => f.endsWith('.rs'))
    .map((f) => readFileSync(path.join(widgetSrc, f), 'utf8')).join('\n');
  const known = new Set(messageRows(messages).map((m) => m[1]));
  const keys = [...new Set([...sources.matchAll(/"([A-Z][A-Za-z0-9]+)"/g)].map((m) => m[1]))]
    .filter((k) => known.has(k)).sort();
  const wasm = readFileSync(wasmFile);
  const wasmOut = `chat-widget-${createHash('sha256').update(wasm).digest('hex').slice(0, 16)}.wasm`;
  writeFileSync(path.join(dist, wasmOut), wasm);
  const css = minify(readFileSync(path.join(root, 'widget', 'style.css'), 'utf8'), 'css');
  const glue = minify(`${readFileSync(path.join(widgetWork, 'chat-widget.js'), 'utf8')}
export const TEXTS = ${JSON.stringify(textTable(messages, keys))};
export const CSS = ${JSON.stringify(css)};
`, 'js');
  const glueOut = `chat-widget-${createHash('sha256').update(glue).digest('hex').slice(0, 16)}.js`;
  writeFileSync(path.join(dist, glueOut), glue);
  const loader = readFileSync(path.join(root, 'scripts', 'chat-loader.js'), 'utf8').replace('const FILES = __FILES__;', () => 'const FILES = ' + JSON.stringify({
    glue: glueOut, wasm: wasmOut,
    css: minify(readFileSync(path.join(root, 'scripts', 'chat-launcher.css'), 'utf8'), 'css'),
    words: textTable(messages, ['ChatLauncher', 'ChatLauncherUnread']),
  }) + ';');
  if (loader.includes('__FILES__')) throw new Error('scripts/chat-loader.js: its file table was not filled');
  writeFileSync(path.join(dist, 'chat-loader.js'), minify(loader, 'js'));
  writeFileSync(path.join(dist, 'chat-frame.html'), `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Chat with support</title>
    <script src="/chat-loader.js" data-mode="frame" defer></script>
  </head>
  <body></body>
</html>
`);
  return { loader: 'chat-loader.js', glue: glueOut, wasm: wasmOut, frame: 'chat-frame.html' };
}

/** `wasm` without the custom sections whose names `drop` picks. */
function withoutCustomSections(wasm, drop) {
  const kept = [wasm.subarray(0, 8)];
  let i = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[i++];
      value += (byte & 127) * 2 ** shift;
      if (byte < 128) return value;
    }
  };
  while (i < wasm.length) {
    const begin = i;
    const id = wasm[i++];
    const length = leb();
    const end = i + length;
    const named = id === 0 && (() => { const n = leb(); return wasm.subarray(i, i + n).toString(); })();
    if (!named || !drop(named)) kept.push(wasm.subarray(begin, end));
    i = end;
  }
  return Buffer.concat(kept);
}

/** Writes `texts-<locale>-<hash>.txt` for French and Spanish from the rows of messages.rs. */
function languageFiles(source) {
  const rows = messageRows(source);
  return [['fr', 3], ['es', 4]].map(([locale, column]) => {
    const lines = rows.map((m) => unescapeRust(m[column]));
    if (lines.some((t) => /[\r\n]/.test(t))) throw new Error(`a ${locale} text holds a line break`);
    const body = lines.join('\n') + '\n';
    const file = `texts-${locale}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.txt`;
    writeFileSync(path.join(dist, file), body);
    return [locale, file];
  });
}

/**
 * The loader for the split modules (scripts/split-loader.js, after wasm-split-cli's own
 * `getSharedImports` and `wrapAsyncCb`), and each area's packs: the modules it needs end to
 * end. They are grouped by which of the `HUBS` also need them (so that opening an area after a
 * hub fetches only what the hub did not bring), and a group is cut in parts that keep each file
 * under the chunk budget. Returns the loader's source and, by area, its pack and module files.
 */
function packAreas(generated) {
  const chunkFiles = new Map([...generated.matchAll(/const (__chunk_\d+) = makeLoad\([^"]*"\.\/(chunk_\d+)\.wasm"/g)]
    .map((m) => [m[1], m[2]]));
  const entry = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\([^"]*"\.\/(split_\w+)\.wasm"[^[]*\[([^\]]*)\]/g;
  const needs = new Map();
  for (const [, area, own, deps] of generated.matchAll(entry)) {
    const names = [...deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFiles.get(d)), own];
    if (names.includes(undefined)) throw new Error(`__wasm_split.js: ${area} needs a chunk whose file was not found`);
    needs.set(area, names);
  }
  if (!needs.size) throw new Error('__wasm_split.js: no area loaders found');
  const table = {};
  const areas = {};
  for (const [area, names] of needs) {
    const bytes = names.map((n) => readFileSync(path.join(out, `${n}.wasm`)));
    // A hub is grouped by the hubs opened before it; any other area by every hub.
    const before = HUBS.includes(area) ? HUBS.slice(0, HUBS.indexOf(area)) : HUBS;
    const hubs = before.filter((hub) => needs.has(hub)).map((hub) => new Set(needs.get(hub)));
    const groups = new Map();
    for (const [k, n] of names.entries()) {
      const key = k === names.length - 1 ? '' : hubs.map((hub) => (hub.has(n) ? 1 : 0)).join('');
      groups.set(key, [...(groups.get(key) ?? []), k]);
    }
    // A group too small to be worth a request of its own goes with the area's own modules.
    const rest = hubs.map(() => 0).join('');
    for (const [key, group] of groups) {
      if (key !== rest && group.reduce((t, k) => t + bytes[k].length, 0) < SMALL_GROUP) {
        groups.delete(key);
        groups.set(rest, [...group, ...(groups.get(rest) ?? [])]);
      }
    }
    const packs = [];
    for (const group of groups.values()) {
      for (const part of packParts(group, bytes)) {
        const header = Buffer.from(JSON.stringify(part.map((k) => [names[k], bytes[k].length])));
        const length = Buffer.alloc(4);
        length.writeUInt32LE(header.length);
        const file = `split_${area}-${h}${packs.length ? `.${packs.length + 1}` : ''}.pack`;
        writeFileSync(path.join(dist, file), Buffer.concat([length, header, ...part.map((k) => bytes[k])]));
        packs.push([file, part]);
      }
    }
    table[area] = loaderEntry(area, names, packs.map(([, part]) => part));
    areas[area] = { packs: packs.map(([file]) => file), modules: names.map((n) => hashed(`${n}.wasm`)) };
  }
  const prelude = generated.slice(0, generated.indexOf('function makeLoad('))
    .replace(`from "./${name}.js"`, `from "./${hashed(`${name}.js`)}"`);
  // The table leaves the first load: the loader fetches it with the first area opened.
  const tableJson = JSON.stringify(table);
  const tableName = `areas-${createHash('sha256').update(tableJson).digest('hex').slice(0, 16)}.json`;
  writeFileSync(path.join(dist, tableName), tableJson);
  const runtime = readFileSync(path.join(root, 'scripts', 'split-loader.js'), 'utf8')
    .replace('__AREAS__', JSON.stringify([tableName, sriOf(tableJson)]))
    .replace('__HASH__', JSON.stringify(h))
    .replace('__PAGES_CSS__', JSON.stringify([pagesCssName, sriOf(pagesCss)]));
  const exports = [...needs.keys()].map((area) =>
    `export const __wasm_split_load_${area} = wrapAsyncCb(() => loadArea(${JSON.stringify(area)}));`);
  return { loader: `${prelude}${runtime}\n${exports.join('\n')}\n`, areas, tableName };
}

/**
 * Removes the classes whose names match `unwanted` from the glue `js` (each a class, its
 * `Symbol.dispose` line and its finalization registry), and the wasm exports only they called
 * from `wasm` (binaryen's wasm-metadce: every other export stays a root), in place. Fails when
 * the glue still names one of them, or calls a removed export.
 */
function dropExportedClasses(js, wasm, unwanted) {
  let glue = readFileSync(js, 'utf8');
  const classes = [...glue.matchAll(/^export class (\w+) \{$/gm)].map((m) => m[1]).filter((c) => unwanted.test(c));
  for (const c of classes) {
    const before = glue;
    glue = glue
      .replace(new RegExp(String.raw`^export class ${c} \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) ${c}\.prototype\[Symbol\.dispose\] = ${c}\.prototype\.free;\n`, 'm'), '')
      .replace(new RegExp(String.raw`^const ${c}Finalization = [\s\S]*?;\n`, 'm'), '');
    if (before === glue || glue.includes(c)) throw new Error(`the glue's class ${c} is not of the expected shape`);
  }
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(wasm))).map((e) => e.name);
  const lowered = classes.map((c) => c.toLowerCase());
  const dropped = exports.filter((e) => lowered.some((c) => e === `__wbg_${c}_free` || e.startsWith(`${c}_`)));
  const stillCalled = dropped.filter((e) => glue.includes(`wasm.${e}(`));
  if (stillCalled.length) throw new Error(`the glue still calls ${stillCalled.join(', ')}`);
  const graph = exports.filter((e) => !dropped.includes(e)).map((e) => ({ name: `export:${e}`, export: e, root: true }));
  const graphFile = `${wasm}.graph.json`;
  writeFileSync(graphFile, JSON.stringify(graph));
  execFileSync('wasm-metadce', [...wasmFeatures, '--debuginfo', '--graph-file', graphFile, wasm, '-o', wasm], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(js, glue);
  console.log(`dropped from the first load: ${classes.join(', ')} (${dropped.length} exports)`);
}

/**
 * An area's row of the loader's table, short (every visit that opens an area fetches it): its shared modules'
 * numbers (`chunk_<n>`) in order, each as the base-36 difference from the one before,
 * separated by `.`, then `|` and, for each of those modules and then the area's own, the
 * number of the pack holding it (its file: `split_<area>-<hash>.pack`, then `.2.pack`, ...).
 */
function loaderEntry(area, names, parts) {
  if (parts.length > 9) throw new Error(`${area}: more packs than the loader's table can name`);
  if (names[names.length - 1] !== `split_${area}`) throw new Error(`${area}: its own module is not last`);
  const packOf = new Map(parts.flatMap((part, p) => part.map((k) => [names[k], p])));
  const shared = names.slice(0, -1).map((n) => {
    const number = Number(/^chunk_(\d+)$/.exec(n)?.[1]);
    if (!Number.isInteger(number)) throw new Error(`${area}: a shared module named ${n}`);
    return [number, packOf.get(n)];
  }).sort((a, b) => a[0] - b[0]);
  const numbers = shared.map(([n], i) => (n - (i ? shared[i - 1][0] : 0)).toString(36));
  return `${numbers.join('.')}|${shared.map(([, p]) => p).join('')}${packOf.get(names[names.length - 1])}`;
}

/** `group` (module indexes) in parts that each compress to at most the chunk budget (80 KiB;
 *  aimed at 75): one part, or several of about equal size. */
function packParts(group, bytes) {
  const size = Buffer.concat(group.map((k) => bytes[k]));
  const count = Math.ceil(brotliCompressSync(size, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / (75 * 1024));
  if (count <= 1) return [group];
  const parts = Array.from({ length: count }, () => []);
  let seen = 0;
  for (const k of group) {
    parts[Math.min(count - 1, Math.floor((seen * count) / size.length))].push(k);
    seen += bytes[k].length;
  }
  return parts.filter((p) => p.length);
}

/** `code` without its comments, spaces and long local names (esbuild): the JavaScript glue and
 *  the stylesheet lose a third to half of their bytes, about 3.4 KiB brotli of the first load. */
function minify(code, loader) {
  // The stylesheet nests every rule in `.sp-root`: written out flat for browsers before native
  // nesting (it costs about 50 bytes brotli).
  const target = loader === 'css' ? { target: ['chrome100', 'firefox100', 'safari15'] } : { format: 'esm' };
  return transformSync(code, { loader, minify: true, ...target }).code;
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
