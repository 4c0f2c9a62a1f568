// What both builds (Trunk's hook for development, scripts/build.mjs for release) do to the
// files they write: subresource-integrity values and precompressed copies.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** The `integrity` attribute's value for `data`. */
export function sriOf(data) {
  return `sha384-${createHash('sha384').update(data).digest('base64')}`;
}

/** Writes brotli (.br) and gzip (.gz) copies of the wasm, packs, js, css and texts in `dir`,
 *  which the reference backend sends to browsers that accept them (the wasm shrinks about
 *  threefold). */
export function precompress(dir) {
  for (const name of readdirSync(dir)) {
    if (!/\.(wasm|js|css|txt|pack)$|^areas-.*\.json$/.test(name)) continue;
    const data = readFileSync(path.join(dir, name));
    if (data.length < 1024) continue; // not worth a round of decoding
    writeFileSync(path.join(dir, `${name}.br`),
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    writeFileSync(path.join(dir, `${name}.gz`), gzipSync(data, { level: 9 }));
  }
}

/** The first line of both builds' boot module: the theme chosen in Settings for this browser
 *  (`sp-theme`: light or dark; none follows the system), on <html data-theme> before the app
 *  starts, so a dark page never flashes light (style/main.css). */
export const THEME_BOOT = "try{document.documentElement.dataset.theme=localStorage.getItem('sp-theme')??''}catch{}\n";
