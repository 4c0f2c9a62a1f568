// The hostile-input corpus: text that tries to become markup or script wherever it is shown.
// Every payload that could run calls `__xss(n)` and every element it could create carries
// `data-xss`, so a page that ran or built one is caught whatever the payload's route.
import { Page, expect } from '@playwright/test';

const templates: string[] = [
  '<script>__xss(#)</script>',
  '<img src=x onerror=__xss(#) data-xss=#>',
  '<svg onload=__xss(#) data-xss=#>',
  '<svg><script>__xss(#)</script></svg>',
  '"><img src=x onerror=__xss(#) data-xss=#>',
  "'><svg/onload=__xss(#) data-xss=#>",
  'javascript:__xss(#)',
  'JaVaScRiPt:__xss(#)//https://example.com',
  'data:text/html,<script>__xss(#)</script>',
  '<a href="javascript:__xss(#)" data-xss=#>click</a>',
  '<iframe srcdoc="<script>parent.__xss(#)</script>" data-xss=#></iframe>',
  '<iframe src="javascript:parent.__xss(#)" data-xss=#></iframe>',
  '<object data="javascript:__xss(#)" data-xss=#></object>',
  '<embed src="data:text/html,<script>parent.__xss(#)</script>" data-xss=#>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(#) data-xss=#>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(#) data-xss=#>">',
  '<details open ontoggle=__xss(#) data-xss=#>',
  '<body onload=__xss(#)>',
  '<input autofocus onfocus=__xss(#) data-xss=#>',
  '<video><source onerror=__xss(#) data-xss=#></video>',
  "<style>@import 'javascript:__xss(#)';</style>",
  '<link rel=stylesheet href="data:,*{x:expression(__xss(#))}" data-xss=#>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(#)">',
  '<base href="javascript:__xss(#)//">',
  '<form action="javascript:__xss(#)" data-xss=#><button>go</button></form>',
  "{{constructor.constructor('__xss(#)')()}}",
  '${__xss(#)}',
  '<%= __xss(#) %>',
  '{{7*7}} {{__xss(#)}}',
  '<!--<img src="--><img src=x onerror=__xss(#) data-xss=#>',
  '<img src=x:x onerror=__xss(#) data-xss=#',
  '</textarea><script>__xss(#)</script>',
  '</title><script>__xss(#)</script>',
  '<scr<script>ipt>__xss(#)</scr</script>ipt>',
  '&lt;script&gt;__xss(#)&lt;/script&gt;',
  '&#60;img src=x onerror=__xss(#)&#62;',
  'report \u202Eexe.txt',
  'X\u200BS\u200CS\u200D \uFEFF<b data-xss=#>zero width</b>',
  '[click](javascript:__xss(#))',
  '![x](javascript:__xss(#))',
  '<https://example.com/"onmouseover="__xss(#)>',
  'https://example.com/?q="><img src=x onerror=__xss(#) data-xss=#>',
  'http://x.example/#<script>__xss(#)</script>',
  'www.example.com/"onclick=__xss(#)//',
  '<a href=https://example.com onclick=__xss(#) data-xss=#>link</a>',
  '<div style="background:url(javascript:__xss(#))" data-xss=#>styled</div>',
  '<svg><a xlink:href="javascript:__xss(#)"><text>svg link</text></a></svg>',
  '<template><img src=x onerror=__xss(#) data-xss=#></template>',
  '<select><option><img src=x onerror=__xss(#) data-xss=#></option></select>',
  '<marquee onstart=__xss(#) data-xss=#>',
  'bell\u0007 escape\u001b[31m <b data-xss=#>bold</b>',
  '"; __xss(#); "',
  "'); __xss(#); //",
  '<img src=x onerror="&#95;&#95;xss(#)" data-xss=#>',
  '<svg><animate onbegin=__xss(#) attributeName=x dur=1s data-xss=#>',
  '\uFF1Cscript\uFF1E__xss(#)\uFF1C/script\uFF1E',
  '\u2028\u2029<img src=x onerror=__xss(#) data-xss=#>',
  `${'A'.repeat(10_000)}<img src=x onerror=__xss(#) data-xss=#>`,
];

/** The corpus: each payload starts with its marker `XSS<n>`, so it can be found as text. */
export const payloads: string[] = templates.map((t, i) => `XSS${i + 1} ${t.replaceAll('#', String(i + 1))}`);

/** A payload cut to a field's length, as a careful client would before sending it. */
export const fit = (payload: string, max: number): string => [...payload].slice(0, max).join('');

/** Records, in every page of the context, calls to `__xss` and every CSP or Trusted Types
 *  violation (the report-only policy of `--test-csp` reports each HTML sink). */
export async function watchForScripts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const hits: number[] = [];
    const violations: string[] = [];
    w.__xssHits = hits;
    w.__xss = (n: number) => hits.push(n);
    w.__violations = violations;
    document.addEventListener('securitypolicyviolation', (e) => {
      violations.push(`${e.violatedDirective} ${e.disposition} ${e.blockedURI} ${e.sample}`);
    });
  });
}

/** What a page shows of the corpus right now: what ran, what was reported, and what of it
 *  became markup rather than text. */
interface Inspection {
  hits: number[];
  reports: string[];
  markup: string[];
  text: string;
}

async function inspect(page: Page): Promise<Inspection> {
  return page.evaluate(() => {
    const w = window as unknown as { __xssHits: number[]; __violations: string[] };
    const markup: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        const url = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(a.name)
          && /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value);
        if (a.name === 'data-xss' || /^on/i.test(a.name) || url) markup.push(`<${el.tagName} ${a.name}=${a.value}>`);
      }
    }
    for (const el of Array.from(document.querySelectorAll('body script:not([src]), iframe, object, embed, body base, body meta, marquee'))) {
      markup.push(`<${el.tagName}>`);
    }
    return { hits: w.__xssHits ?? [], reports: w.__violations ?? [], markup, text: document.body.textContent ?? '' };
  });
}

/** Checks the page as it is: nothing ran, no report names a payload, no payload is markup,
 *  and each of `shown` is on the page as text. Returns how many payloads were checked. */
export async function expectInert(page: Page, shown: string[], where: string): Promise<number> {
  const seen = await inspect(page);
  expect(seen.hits, `scripts run on ${where}`).toEqual([]);
  expect(seen.reports.filter((r) => /XSS\d|__xss/.test(r)), `payloads in CSP or Trusted Types reports on ${where}`).toEqual([]);
  expect(seen.markup, `payloads rendered as markup on ${where}`).toEqual([]);
  const missing = shown.filter((s) => !seen.text.includes(s));
  expect(missing, `payloads not shown as text on ${where}`).toEqual([]);
  return shown.length;
}
