// Trunk post_build hook, on the staging folder before it becomes dist/:
// 1. moves Trunk's inline bootstrap <script type="module"> into an external file named after
//    its content hash, so the page runs under `script-src 'self'` with no 'unsafe-inline', and
//    fails the build if the page still has an inline script;
// 2. writes brotli (.br) and gzip (.gz) copies of the wasm, js and css, which the reference
//    backend sends to browsers that accept them (the wasm shrinks about threefold).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
const htmlPath = path.join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

// Trunk's minifier may drop the attribute quotes: match `type=module` and `type="module"`.
const inline = /<script type=(?:"module"|module)([^>]*)>([\s\S]*?)<\/script>/g;
html = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs) || !body.trim()) return whole;
  const hash = createHash('sha384').update(body).digest();
  const name = `boot-${hash.toString('hex').slice(0, 16)}.js`;
  writeFileSync(path.join(staging, name), body);
  const integrity = `sha384-${hash.toString('base64')}`;
  return `<script type="module" src="${publicUrl}${name}" integrity="${integrity}" crossorigin="anonymous"></script>`;
});

if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(html)) {
  throw new Error('index.html still holds an inline script; the CSP would block it');
}
writeFileSync(htmlPath, html);

for (const name of readdirSync(staging)) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const data = readFileSync(path.join(staging, name));
  if (data.length < 1024) continue; // not worth a round of decoding
  writeFileSync(path.join(staging, `${name}.br`),
    brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
  writeFileSync(path.join(staging, `${name}.gz`), gzipSync(data, { level: 9 }));
}
