// The chunk loader of the release build, in place of the one wasm-split-cli writes (whose
// `getSharedImports` and `wrapAsyncCb` scripts/build.mjs keeps above this text). wasm-split-cli
// puts every function that several areas share in a module of its own, one per set of areas:
// opening an area once took 40 to 120 requests for files of a few hundred bytes each. Here an
// area that needs more than a few modules fetches its packs instead: its modules end to end in
// a few files, grouped by which of the areas most visits open also need them (so that after
// those only the rest comes) and cut under the chunk budget; brotli also compresses a pack a
// quarter to a third smaller than its modules one by one. An area whose missing modules are few
// (the rest came with areas opened before) fetches just those. Either way: one round of
// requests.

/** By area: its shared modules' numbers (`chunk_<n>`), each as the base-36 difference from the
 *  one before, separated by `.`; then `|` and, for each of those modules and then the area's
 *  own, the number of its pack. In a file of its own, `[file, sri]`, fetched with the first
 *  area opened: the first load does not carry it. */
const AREAS = __AREAS__;
/** The build's content hash, in every module's file name. */
const HASH = __HASH__;
/** The pages' stylesheet (style/pages.css) and its integrity: `[file, sri]`. */
const PAGES_CSS = __PAGES_CSS__;
/** The stylesheet applying: an area's page is built only once it has, so it never shows unstyled. */
let pagesCss;

let areas;

/** The areas' table, fetched once; a failed fetch is forgotten, so a retry fetches it again. */
function loadAreas() {
  areas ??= fetch(new URL(AREAS[0], import.meta.url), { integrity: AREAS[1] })
    .then((response) => {
      if (!response.ok) throw new Error(`${AREAS[0]}: ${response.status}`);
      return response.json();
    })
    .catch((error) => {
      areas = undefined;
      throw error;
    });
  return areas;
}

function loadPagesCss() {
  pagesCss ??= new Promise((applied, failed) => {
    const link = Object.assign(document.createElement('link'), {
      rel: 'stylesheet', href: new URL(PAGES_CSS[0], import.meta.url).href, integrity: PAGES_CSS[1],
      crossOrigin: 'anonymous', onload: applied,
    });
    // A failed fetch is forgotten, so the page's retry fetches it again.
    link.onerror = () => {
      link.remove();
      pagesCss = undefined;
      failed(new Error(`Failed to fetch ${PAGES_CSS[0]}`));
    };
    document.head.append(link);
  });
  return pagesCss;
}

/** More missing modules than this: fetch the packs that hold them. */
const FEW = 6;

/** Each module's instance as it loads, by name; a failed load is forgotten, so a retry fetches again. */
const instances = new Map();

function remember(name, loading) {
  instances.set(name, loading);
  loading.catch(() => {
    if (instances.get(name) === loading) instances.delete(name);
  });
  return loading;
}

async function fetchBytes(file) {
  const response = await fetch(new URL(file, import.meta.url));
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  return response.arrayBuffer();
}

/** A pack: a 32-bit little-endian header length, a JSON header `[[name, length], ...]`, then the modules. */
async function readPack(file) {
  const data = await fetchBytes(file);
  const headerLength = new DataView(data).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(data, 4, headerLength)));
  const modules = new Map();
  let at = 4 + headerLength;
  for (const [name, length] of header) {
    modules.set(name, new Uint8Array(data, at, length));
    at += length;
  }
  return modules;
}

/** An area's modules (the shared ones, then its own) and, for each, the number of its pack. */
function modulesOf(table, area) {
  const [numbers, packs] = table[area].split('|');
  let n = 0;
  const modules = numbers ? numbers.split('.').map((d) => `chunk_${(n += parseInt(d, 36))}`) : [];
  modules.push(`split_${area}`);
  return { modules, packOf: [...packs].map(Number) };
}

async function loadArea(area) {
  // The stylesheet is fetched alongside the table, not after it.
  const sheet = loadPagesCss();
  sheet.catch(() => {});
  const { modules, packOf } = modulesOf(await loadAreas(), area);
  const missing = modules.filter((name) => !instances.has(name));
  let bytesOf = (name) => fetchBytes(`./${name}-${HASH}.wasm`);
  if (missing.length > FEW) {
    const wanted = [...new Set(modules.flatMap((name, k) => (instances.has(name) ? [] : [packOf[k]])))];
    const files = wanted.map((p) => `./split_${area}-${HASH}${p ? `.${p + 1}` : ''}.pack`);
    const all = Promise.all(files.map(readPack)).then((read) => new Map(read.flatMap((m) => [...m])));
    bytesOf = (name) => all.then((m) => m.get(name));
  }
  const instantiate = (bytes) => WebAssembly.instantiate(bytes, getSharedImports());
  const own = modules[modules.length - 1];
  for (const name of missing) {
    if (name !== own) remember(name, bytesOf(name).then(instantiate));
  }
  if (!instances.has(own)) {
    // The area's own module calls into the shared ones: it starts once they have.
    const bytes = bytesOf(own);
    bytes.catch(() => {});
    const shared = modules.slice(0, -1).map((name) => instances.get(name));
    remember(own, Promise.all(shared).then(() => bytes).then(instantiate));
  }
  return Promise.all([instances.get(own), sheet]).then(([own]) => own);
}
