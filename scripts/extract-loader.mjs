// Trunk post_build hook: moves Trunk's inline bootstrap <script type="module"> into an external
// file named after its content hash, so the page runs under `script-src 'self'` with no
// 'unsafe-inline'. Fails the build if the page still has an inline script afterwards.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
