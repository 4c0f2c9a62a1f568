// The portal in an iframe: the page `/embed/…` (scripts/build.mjs writes it as `embed.html`,
// which the reference backend serves for every path under `/embed/`) loads /embed.js, then this
// bridge. The host page drives it through postMessage; every message, both ways, is
// `{ type: 'support-portal:<name>', v: 1, ... }`:
//
//   in:  init { locale?, theme?, organisation?, handoffToken? }   mounts the portal (once)
//        locale { locale }   theme { theme }   organisation { organisation }   navigate { path }
//   out: ready {}   navigated { path, title }   unread { count }   height { height }
//        session-ended {}
//
// Messages are taken only from the window that frames this page, and only from the portal's
// own origin or one that the runtime configuration allows (`config.json`'s `embedOrigins`,
// which the reference backend fills from --embed-origins), compared exactly (scheme, host,
// port); the first sender's origin becomes the host's, and answers go to that exact origin,
// never to `*`. Anything else is ignored, with one console warning for each kind of refusal.
(() => {
  const VERSION = 1;
  const PREFIX = 'support-portal:';
  const slot = document.getElementById('support-portal-frame');
  const warned = new Set();
  let host = null;
  let portal = null;

  const ignore = (why) => {
    if (warned.has(why)) return;
    warned.add(why);
    console.warn(`Support Portal: a message was ignored (${why}); the portal's embedding guide lists what it accepts.`);
  };
  const post = (name, detail = {}) => {
    if (host) parent.postMessage({ ...detail, type: PREFIX + name, v: VERSION }, host);
  };

  const text = (v) => typeof v === 'string' && v.length > 0 && v.length <= 4096;
  const optional = (v, check) => v === undefined || check(v);
  const theme = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
    && Object.keys(v).length <= 32 && Object.values(v).every((x) => typeof x === 'string' && x.length <= 200);
  const path = (v) => text(v) && v.startsWith('/') && !v.startsWith('//');
  /** Each message the portal takes: whether its fields are what they must be, and what it does. */
  const messages = {
    init: {
      valid: (m) => optional(m.locale, text) && optional(m.theme, theme) && optional(m.organisation, text)
        && optional(m.handoffToken, text),
      run(m, config) {
        if (portal) return ignore('a second init');
        portal = window.SupportPortal.mount(slot, {
          apiBase: config.apiBase ?? '/api/v1',
          basePath: '/embed',
          locale: m.locale,
          organisation: m.organisation,
          theme: m.theme,
          handoffToken: m.handoffToken,
          onEvent(name, detail) {
            if (name === 'navigated') document.title = detail.title;
            post(name, detail);
          },
        });
      },
    },
    locale: { valid: (m) => text(m.locale), run: (m) => portal.setLocale(m.locale) },
    theme: { valid: (m) => theme(m.theme), run: (m) => portal.setTheme(m.theme) },
    organisation: { valid: (m) => text(m.organisation), run: (m) => portal.setOrganisation(m.organisation) },
    navigate: { valid: (m) => path(m.path), run: (m) => portal.navigate(m.path) },
  };

  /** The allowed origins, once `config.json` is read; messages wait for them. */
  const configured = fetch('/config.json', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}))
    .then((config) => ({
      config,
      allowed: new Set([location.origin, ...(Array.isArray(config.embedOrigins) ? config.embedOrigins : [])]),
    }));

  addEventListener('message', (event) => {
    // Read now: an event's fields do not outlive its dispatch.
    const { source, origin, data } = event;
    configured.then(({ config, allowed }) => {
      if (parent === window || source !== parent) return ignore('not from the page that frames the portal');
      if (!allowed.has(origin)) return ignore(`origin ${origin} is not allowed`);
      if (host && origin !== host) return ignore(`origin ${origin} is not the host's`);
      if (data === null || typeof data !== 'object' || typeof data.type !== 'string'
        || !data.type.startsWith(PREFIX) || data.v !== VERSION) return ignore('not a version 1 support-portal message');
      const name = data.type.slice(PREFIX.length);
      const message = Object.hasOwn(messages, name) ? messages[name] : null;
      if (!message) return ignore(`unknown message ${name}`);
      if (!message.valid(data)) return ignore(`malformed ${name}`);
      if (name !== 'init' && !portal) return ignore(`${name} before init`);
      host = origin;
      message.run(data, config);
    });
  });

  // The host sizes the frame to the portal's content.
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last) {
      last = height;
      post('height', { height });
    }
  }).observe(document.body);
})();
