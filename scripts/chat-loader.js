// The chat widget on any host page, from one script tag on the portal's origin:
//
//   <script src="https://support.example.com/chat-loader.js" data-position="right" defer></script>
//
// It draws the launcher at once, in a shadow root (host CSS cannot reach it, and its CSS
// reaches nothing of the host's), and fetches the widget (scripts/build.mjs: `chat-widget-*`,
// the chat in a wasm of its own) only on the first click, or when the page is idle with
// `data-load="idle"`, or at once when a chat was going on before this page loaded.
//
// Options, as `data-` attributes of the script tag, in `window.SupportChatConfig` set before
// it runs, or through `SupportChat.configure({...})` before the first click: `position` (`right`, the default; `left`; `hidden`: no launcher,
// the host calls `SupportChat.open()`), `organisation` (the host's current organisation, an id
// of the user's `organisations`), `target` (a CSS selector: the launcher goes inside that
// element instead of floating), `locale` (`en`, `fr`, `es`; else the page's language), `load`
// (`idle`), `handoff-url` (an address on the host's origin that answers a POST, with the host's
// cookie, with a hand-off token for its signed-in user: the host's server mints it with
// `POST /api/v1/host/handoff`). Only in `SupportChatConfig` or `configure`: `handoff`, an async function that
// returns such a token, and `onEvent(name, detail)`. The token is asked for when the widget
// starts (tokens last a minute; the first click may come much later).
//
// The host hears `support-chat:ready`, `support-chat:unread` ({ count }) and
// `support-chat:session-ended` as DOM events that bubble from the launcher's element, and through
// `onEvent`. `SupportChat.open()`, `.close()`, `.setLocale(locale)`, `.setOrganisation(id)`
// drive it.
//
// On the portal's own origin the widget runs in the page. On any other origin it runs in an
// iframe of the portal's origin (`chat-frame.html`, which loads this script with
// `data-mode="frame"`): the session cookie, the CSP and the origin allow-list stay the portal's,
// and the two speak `{ type: 'support-chat:<name>', v: 1 }` messages to each other's exact
// origin only.
(() => {
  if (window.SupportChat) return;
  const FILES = __FILES__;
  const script = document.currentScript;
  const here = new URL('.', script?.src ?? location.href);
  const origin = here.origin;
  const at = (file) => new URL(file, here).href;
  const data = script?.dataset ?? {};
  const config = { position: data.position, target: data.target, locale: data.locale, load: data.load };
  // `data-handoff-url`: an address on the host's origin that answers a hand-off token (text)
  // to a POST with the host's own cookie.
  // A page may also set `window.SupportChatConfig` before this script runs.
  Object.assign(config, window.SupportChatConfig);
  if (data.handoffUrl) {
    config.handoff = () => fetch(data.handoffUrl, { method: 'POST', credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : undefined), () => undefined);
  }
  const framed = data.mode === 'frame';
  const remote = !framed && origin !== location.origin;
  const KEPT = 'support-chat:active';
  const pick = (locale) => ['en', 'fr', 'es'].find((l) => String(locale ?? '').toLowerCase().startsWith(l));
  const locale = () => pick(config.locale) ?? pick(document.documentElement.lang) ?? pick(navigator.language) ?? 'en';
  const word = (key) => FILES.words[locale()][key];
  const kept = () => { try { return localStorage.getItem(KEPT) === '1'; } catch { return false; } };
  const keep = (active) => { try { active ? localStorage.setItem(KEPT, '1') : localStorage.removeItem(KEPT); } catch { /* private mode */ } };

  const sheet = (css) => { const s = new CSSStyleSheet(); s.replaceSync(css); return s; };
  const host = document.createElement('div');
  // Open, not closed: styles are kept apart either way, and an open root lets DOM tools and the
  // end-to-end tests find the launcher and the panel (Playwright's locators pierce open roots only).
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet(FILES.css)];
  const make = (tag, props) => Object.assign(document.createElement(tag), props);
  const launcher = make('button', { type: 'button', className: 'launcher' });
  launcher.setAttribute('aria-expanded', 'false');
  const badge = make('span', { className: 'badge' });
  badge.setAttribute('aria-hidden', 'true');
  const slot = make('div', { className: 'slot', hidden: true });
  const said = make('p', { className: 'sr' });
  said.setAttribute('aria-live', 'polite');
  let open = false;
  let unread = 0;
  let widget;
  let glue;
  let starting;
  let frame;
  /** In the portal's frame: the host page's origin, once its `init` came. */
  let parentOrigin;

  function tell(name, detail = {}) {
    host.dispatchEvent(new CustomEvent(`support-chat:${name}`, { detail, bubbles: true, composed: true }));
    config.onEvent?.(name, detail);
  }

  function label() {
    const text = unread > 0 ? word('ChatLauncherUnread').replace('{count}', unread.toLocaleString(locale())) : word('ChatLauncher');
    launcher.replaceChildren(text);
    if (unread > 0) launcher.append(Object.assign(badge, { textContent: String(unread) }));
    said.textContent = !open && unread > 0 ? text : '';
  }

  /** What the widget (in this page, or in its frame) tells. */
  function heard(name, detail) {
    if (name === 'unread') { unread = detail.count; label(); tell('unread', { count: unread }); }
    if (name === 'active') keep(detail.active);
    if (name === 'close' && !framed) show(false);
    if (name === 'session-ended') tell('session-ended');
    if (parentOrigin) parent.postMessage({ ...detail, type: `support-chat:${name}`, v: 1 }, parentOrigin);
  }

  /** The widget's module and wasm, then the widget mounted into `into`. */
  async function mountWidget(into, token) {
    glue = await import(at(FILES.glue));
    await glue.default({ module_or_path: at(FILES.wasm) });
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet(glue.CSS)];
    const lang = locale();
    return glue.mount(into, {
      apiBase: at('api/v1'), portal: here.href, locale: lang, texts: glue.TEXTS[lang], handoffToken: token,
      organisation: config.organisation, framed,
    }, heard);
  }

  function start() {
    starting ??= (async () => {
      if (remote) {
        frame = make('iframe', { src: at('chat-frame.html'), title: word('ChatLauncher'), className: 'frame' });
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        slot.append(frame);
        await loaded;
        post('init', { locale: locale(), organisation: config.organisation, handoffToken: await config.handoff?.() });
        post('open', { open });
      } else {
        widget = await mountWidget(slot, await config.handoff?.());
        widget.setOpen(open);
      }
      tell('ready');
    })();
    starting.catch(() => { starting = undefined; });
    return starting;
  }

  /** Another language for the launcher and the widget. */
  function relabel(lang) {
    config.locale = lang;
    label();
    widget?.setLocale(locale(), glue.TEXTS[locale()]);
  }

  /** The host's user moved to another organisation: the widget starts again there. */
  async function remount(id) {
    config.organisation = id;
    if (!widget) return;
    widget.unmount();
    widget = await mountWidget(slot);
    widget.setOpen(open || framed);
  }

  function post(name, detail) {
    frame?.contentWindow?.postMessage({ ...detail, type: `support-chat:${name}`, v: 1 }, origin);
  }

  /** Opens or closes the panel; focus goes into it, and back to the launcher. */
  function show(opened) {
    if (opened === open) return;
    open = opened;
    slot.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    label();
    if (open) start().then(() => { widget?.setOpen(true); post('open', { open }); frame?.focus(); });
    else { widget?.setOpen(false); post('open', { open }); if (config.position !== 'hidden') launcher.focus(); }
  }

  if (framed) {
    // In the portal's frame: no launcher; the panel fills the frame; the host is the parent,
    // heard only from an allowed origin (the portal's configuration, as for `/embed/`).
    const allowed = fetch(at('config.json')).then((r) => r.json()).then((c) => c.embedOrigins ?? []).catch(() => []);
    host.className = 'framed';
    document.body.style.margin = '0';
    shadow.append(slot);
    slot.hidden = false;
    document.body.append(host);
    addEventListener('message', async (event) => {
      const { type, v, ...detail } = event.data ?? {};
      if (event.source !== parent || v !== 1 || typeof type !== 'string' || !type.startsWith('support-chat:')) return;
      if (!(await allowed).includes(event.origin) || (parentOrigin && event.origin !== parentOrigin)) return;
      const name = type.slice('support-chat:'.length);
      if (name === 'init' && !parentOrigin) {
        parentOrigin = event.origin;
        Object.assign(config, { locale: detail.locale, organisation: detail.organisation });
        widget = await mountWidget(slot, detail.handoffToken);
        // The host's `open` may have come while the widget loaded.
        widget.setOpen(open);
        heard('ready', {});
      } else if (name === 'open') {
        open = !!detail.open;
        widget?.setOpen(open);
      }
      else if (name === 'organisation') remount(detail.organisation);
      else if (name === 'locale') relabel(detail.locale);
    });
    return;
  }

  if (remote) {
    addEventListener('message', (event) => {
      if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
      const { type, v, ...detail } = event.data ?? {};
      if (v !== 1 || typeof type !== 'string' || !type.startsWith('support-chat:')) return;
      heard(type.slice('support-chat:'.length), detail);
    });
  }

  launcher.addEventListener('click', () => show(!open));
  shadow.append(said, slot, launcher);
  function place() {
    const target = config.target && document.querySelector(config.target);
    host.className = target ? 'inline' : config.position === 'left' ? 'left' : 'right';
    launcher.hidden = config.position === 'hidden';
    (target ?? document.body).append(host);
    label();
  }
  window.SupportChat = {
    /** Options not given on the script tag (see the top of this file). */
    configure(options) { Object.assign(config, options); place(); },
    open: () => show(true),
    close: () => show(false),
    setLocale(lang) {
      relabel(lang);
      post('locale', { locale: locale() });
    },
    setOrganisation(id) {
      if (remote) { config.organisation = id; post('organisation', { organisation: id }); } else remount(id);
    },
  };
  const go = () => {
    place();
    if (kept()) start();
    else if (config.load === 'idle') (window.requestIdleCallback ?? setTimeout)(() => start());
  };
  if (document.body) go(); else addEventListener('DOMContentLoaded', go, { once: true });
})();
