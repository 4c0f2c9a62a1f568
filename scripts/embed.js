// The portal on a host page (the vendor's console), from one classic script tag on the portal's
// origin:
//
//   <script src="/embed.js"></script>
//   const portal = SupportPortal.mount(element, { basePath: '/console/support', handoffToken });
//   portal.navigate('/cases'); portal.setLocale('fr'); portal.setTheme({ primary: '#0b5cad' });
//   portal.setOrganisation('org_…');
//   portal.unmount();
//
// or, declaratively, `<support-portal base-path="/console/support" locale="fr"
// organisation="org_…" theme="primary: #0b5cad; radius: 0">` (its `handoffToken` property,
// set before it is connected, carries the console user's token: never an attribute, never a
// URL).
//
// The host hears the portal through DOM events on its element, `support-portal:<name>` with
// the details in `event.detail`: `ready`, `navigated` ({ path, title }), `unread` ({ count }),
// `session-ended`; `config.onEvent(name, detail)` hears the same. Nothing else of the
// portal's is reachable: no globals besides `SupportPortal`, and its DOM is its own.
//
// scripts/build.mjs fills __FILES__ with the build's file names (the module's glue, its wasm,
// the stylesheet and its integrity, the French and Spanish texts) and writes this file as
// `embed.js`, under a name that does not change: host pages keep one address.
(() => {
  if (window.SupportPortal) return;
  const FILES = __FILES__;
  const here = new URL('.', document.currentScript?.src ?? location.href);
  const at = (file) => new URL(file, here).href;
  /** The French and Spanish texts, as the portal's configuration names them. */
  const texts = Object.entries(FILES.texts).map(([locale, file]) => `${locale}=${at(file)}`).join(' ');
  /** The theme's custom properties (`--sp-<name>`), as the README's "Theming" lists them. */
  const THEME = ['font', 'font-size', 'line', 'scheme', 'bg', 'surface', 'text', 'muted', 'border', 'rule', 'primary',
    'primary-hover', 'on-primary', 'focus', 'focus-width', 'danger', 'radius', 'space', 'max-width'];
  let loading;

  /** The stylesheet (once per page), then the module and its wasm; a failure can be retried. */
  function load() {
    loading ??= (async () => {
      if (!document.querySelector('link[data-support-portal]')) {
        const link = Object.assign(document.createElement('link'), {
          rel: 'stylesheet', href: at(FILES.css), integrity: FILES.integrity, crossOrigin: 'anonymous',
        });
        link.dataset.supportPortal = '';
        const styled = new Promise((resolve) => { link.onload = link.onerror = resolve; });
        document.head.append(link);
        await styled;
      }
      const glue = await import(at(FILES.glue));
      await glue.default({ module_or_path: at(FILES.wasm) });
      return glue;
    })();
    loading.catch(() => { loading = undefined; });
    return loading;
  }

  /** `{ primary: '#0b5cad' }` or `{ '--sp-primary': ... }` onto the portal's root. */
  function applyTheme(element, theme) {
    const root = element.querySelector(':scope > .sp-root');
    if (!root) return;
    for (const name of THEME) root.style.removeProperty(`--sp-${name}`);
    for (const [key, value] of Object.entries(theme ?? {})) {
      const name = key.replace(/^--sp-/, '');
      if (THEME.includes(name) && typeof value === 'string') root.style.setProperty(`--sp-${name}`, value);
      else console.warn(`SupportPortal: the theme has no property ${key}`);
    }
  }

  /** Mounts the portal into `element`; the handle's methods may be called before it is up. */
  function mount(element, config = {}) {
    if (!(element instanceof HTMLElement)) throw new TypeError('SupportPortal.mount needs an element');
    let mounted = null;
    let gone = false;
    let theme = config.theme;
    const tell = (name, detail) => {
      element.dispatchEvent(new CustomEvent(`support-portal:${name}`, { detail, bubbles: true }));
      config.onEvent?.(name, detail);
    };
    const handle = {
      ready: load().then((glue) => {
        if (gone) return handle;
        mounted = glue.mountPortal(element, {
          apiBase: config.apiBase ?? '/api/v1',
          basePath: config.basePath ?? '',
          texts,
          locale: config.locale,
          organisation: config.organisation,
          handoffToken: config.handoffToken,
          onEvent: tell,
        });
        applyTheme(element, theme);
        tell('ready', {});
        return handle;
      }),
      unmount() {
        gone = true;
        mounted?.free();
        mounted = null;
      },
      navigate(path) { handle.ready.then(() => mounted?.navigate(String(path))); },
      setLocale(locale) { handle.ready.then(() => mounted?.setLocale(String(locale))); },
      setOrganisation(id) { handle.ready.then(() => mounted?.setOrganisation(String(id))); },
      setTheme(vars) {
        theme = vars;
        applyTheme(element, theme);
      },
    };
    return handle;
  }

  /** `primary: #0b5cad; radius: 0` as `{ primary: '#0b5cad', radius: '0' }`. */
  const themeOf = (text) => Object.fromEntries((text ?? '').split(';').flatMap((d) => {
    const colon = d.indexOf(':');
    return colon < 0 ? [] : [[d.slice(0, colon).trim(), d.slice(colon + 1).trim()]];
  }).filter(([name, value]) => name && value));

  class SupportPortalElement extends HTMLElement {
    static observedAttributes = ['locale', 'theme', 'organisation'];

    connectedCallback() {
      if (this.portal) return;
      this.portal = mount(this, {
        basePath: this.getAttribute('base-path') ?? '',
        apiBase: this.getAttribute('api-base') ?? undefined,
        locale: this.getAttribute('locale') ?? undefined,
        organisation: this.getAttribute('organisation') ?? undefined,
        theme: themeOf(this.getAttribute('theme')),
        handoffToken: this.handoffToken,
      });
      this.handoffToken = undefined;
    }

    disconnectedCallback() {
      this.portal?.unmount();
      this.portal = null;
    }

    attributeChangedCallback(name, _old, value) {
      if (name === 'locale' && value) this.portal?.setLocale(value);
      if (name === 'theme') this.portal?.setTheme(themeOf(value));
      if (name === 'organisation' && value) this.portal?.setOrganisation(value);
    }

    /** Goes to the in-app `path`, as the handle's `navigate`. */
    navigate(path) { this.portal?.navigate(path); }
  }

  window.SupportPortal = Object.freeze({ mount, version: 1 });
  if (!customElements.get('support-portal')) customElements.define('support-portal', SupportPortalElement);
})();
