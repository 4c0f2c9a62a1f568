// Trunk post_build hook (the plain development build; the release build is scripts/build.mjs), on the staging folder before it becomes dist/:
// 1. moves Trunk's inline bootstrap <script type="module"> into an external file named after
//    its content hash, so the page runs under `script-src 'self'` with no 'unsafe-inline', and
//    fails the build if the page still has an inline script; the module first applies the
//    theme chosen in Settings (THEME_BOOT);
// 2. writes brotli (.br) and gzip (.gz) copies of the wasm, js and css, which the reference
//    backend sends to browsers that accept them (the wasm shrinks about threefold).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { precompress, sriOf, THEME_BOOT } from './assets.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
const htmlPath = path.join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

// Trunk's minifier may drop the attribute quotes: match `type=module` and `type="module"`.
const inline = /<script type=(?:"module"|module)([^>]*)>([\s\S]*?)<\/script>/g;
html = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs) || !body.trim()) return whole;
  body = THEME_BOOT + body;
  const name = `boot-${createHash('sha384').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(path.join(staging, name), body);
  const integrity = sriOf(body);
  return `<script type="module" src="${publicUrl}${name}" integrity="${integrity}" crossorigin="anonymous"></script>`;
});

if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(html)) {
  throw new Error('index.html still holds an inline script; the CSP would block it');
}
writeFileSync(htmlPath, html);

precompress(staging);
