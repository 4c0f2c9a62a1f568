// The demo console: an imitation of the vendor's admin console that hosts the portal the way a
// real one would. The Support page mounts the portal in the console's own document
// (`SupportPortal.mount`, from /embed.js) under /console/support; "Support in a frame" frames
// /embed/ and speaks the postMessage protocol. Either way the portal gets the console user's
// hand-off token from the page, the header's language and theme menus drive it at run time, and
// what it tells (`navigated`, `unread`, `session-ended`) drives the console's breadcrumb,
// title, address and navigation. Devices has the chat widget for host pages instead.
(() => {
  const TEXTS = {
    en: {
      organisation: 'Organisation', language: 'Language', theme: 'Theme', 'theme-default': 'Portal default', 'theme-console': 'Console colours',
      'sign-out': 'Leave the console', 'nav-support': 'Support', 'nav-framed': 'Support in a frame', 'nav-devices': 'Devices', 'console-nav': 'Console',
      choose: 'Sign in to the console as', 'devices-lead': 'The console’s own page: the devices of your organisation would be listed here.',
      unread: 'unread', ended: 'Your support session ended. Reload the page to continue.', console: 'Demo console',
    },
    fr: {
      organisation: 'Organisation', language: 'Langue', theme: 'Thème', 'theme-default': 'Thème du portail', 'theme-console': 'Couleurs de la console',
      'sign-out': 'Quitter la console', 'nav-support': 'Assistance', 'nav-framed': 'Assistance dans un cadre', 'nav-devices': 'Appareils', 'console-nav': 'Console',
      choose: 'Se connecter à la console en tant que', 'devices-lead': 'Une page propre à la console : les appareils de votre organisation seraient listés ici.',
      unread: 'non lus', ended: 'Votre session d’assistance a pris fin. Rechargez la page pour continuer.', console: 'Console de démonstration',
    },
    es: {
      organisation: 'Organización', language: 'Idioma', theme: 'Tema', 'theme-default': 'Tema del portal', 'theme-console': 'Colores de la consola',
      'sign-out': 'Salir de la consola', 'nav-support': 'Asistencia', 'nav-framed': 'Asistencia en un marco', 'nav-devices': 'Dispositivos', 'console-nav': 'Consola',
      choose: 'Iniciar sesión en la consola como', 'devices-lead': 'Una página propia de la consola: aquí se listarían los dispositivos de su organización.',
      unread: 'sin leer', ended: 'Su sesión de asistencia ha terminado. Vuelva a cargar la página para continuar.', console: 'Consola de demostración',
    },
  };
  /** The console's brand, through the portal's documented theme properties. */
  const THEMES = {
    console: { primary: '#0b6e4f', 'primary-hover': '#084f39', focus: '#b35900', radius: '0', font: 'Georgia, "Times New Roman", serif' },
  };
  const stored = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
  const store = (key, value) => { try { localStorage.setItem(key, value); } catch { /* private mode */ } };

  const language = document.getElementById('console-language');
  // Only for a console user in several organisations.
  const organisation = document.getElementById('console-organisation');
  if (organisation) {
    const remembered = stored('console.organisation');
    if ([...organisation.options].some((o) => o.value === remembered)) organisation.value = remembered;
  }
  const theme = document.getElementById('console-theme');
  const main = document.querySelector('.console-main');
  const [savedLocale, savedTheme] = [stored('console.locale'), stored('console.theme')];
  language.value = TEXTS[savedLocale] ? savedLocale : 'en';
  theme.value = THEMES[savedTheme] ? savedTheme : '';
  let unread = 0;

  const t = (key) => TEXTS[language.value][key] ?? TEXTS.en[key];
  function showTexts() {
    document.documentElement.lang = language.value;
    for (const el of document.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
    for (const el of document.querySelectorAll('[data-label]')) {
      el.setAttribute(el.tagName === 'IFRAME' ? 'title' : 'aria-label', t(el.dataset.label));
    }
    const support = document.querySelector('a[data-page=support]');
    if (unread > 0) support.append(` (${unread} ${t('unread')})`);
  }
  for (const a of document.querySelectorAll('.console-nav a')) {
    if (a.dataset.page === main.dataset.page) a.setAttribute('aria-current', 'page');
  }
  showTexts();
  // The portal's backend sends `Referrer-Policy: no-referrer`, under which a plain form post
  // carries `Origin: null` and is refused as cross-origin: the console's forms post by fetch.
  for (const form of document.querySelectorAll('form[method=post]')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual' });
      location.assign(form.dataset.next);
    });
  }

  // What the portal tells, as the console follows it: its breadcrumb and title, the unread count
  // in its navigation, a note when the support session ends.
  const crumb = document.getElementById('console-crumb');
  const heard = {
    navigated({ title }) {
      crumb.textContent = title;
      document.title = `${title} · ${t('console')}`;
    },
    unread({ count }) {
      unread = count;
      showTexts();
    },
    'session-ended'() {
      const note = document.getElementById('console-note');
      note.dataset.text = 'ended';
      note.textContent = t('ended');
    },
  };
  // The token is for the portal alone: out of the page once read.
  const meta = document.querySelector('meta[name=console-handoff]');
  const handoffToken = meta?.content || undefined;
  meta?.remove();

  /** Tells the portal what a console menu now says (`locale`, `theme`, `organisation`). */
  let drive = null;
  // What each menu hands the portal.
  const chosen = {
    locale: () => language.value,
    theme: () => THEMES[theme.value] ?? {},
    organisation: () => organisation.value,
  };
  const slot = document.getElementById('portal');
  const frame = document.getElementById('portal-frame');
  if (slot) {
    // In the console's document: the mount API and DOM events.
    const portal = window.SupportPortal.mount(slot, {
      basePath: slot.dataset.basePath,
      locale: language.value,
      organisation: organisation?.value,
      theme: THEMES[theme.value],
      handoffToken,
    });
    for (const [name, follow] of Object.entries(heard)) {
      slot.addEventListener(`support-portal:${name}`, (event) => follow(event.detail));
    }
    const setters = { locale: 'setLocale', theme: 'setTheme', organisation: 'setOrganisation' };
    drive = (name, value) => portal[setters[name]](value);
  } else if (frame) {
    // In an iframe: the postMessage protocol, to and from the frame's exact origin only.
    const origin = new URL(frame.src).origin;
    const send = (name, detail) => frame.contentWindow.postMessage({ ...detail, type: `support-portal:${name}`, v: 1 }, origin);
    const init = () => send('init', {
      locale: language.value, theme: THEMES[theme.value], organisation: organisation?.value, handoffToken,
    });
    if (frame.contentDocument?.readyState === 'complete' && frame.contentWindow.SupportPortal) init();
    else frame.addEventListener('load', init, { once: true });
    addEventListener('message', (event) => {
      if (event.source !== frame.contentWindow || event.origin !== origin) return;
      const { type, v, ...detail } = event.data ?? {};
      if (v !== 1 || typeof type !== 'string' || !type.startsWith('support-portal:')) return;
      const name = type.slice('support-portal:'.length);
      if (name === 'navigated') history.replaceState(null, '', `/console/framed${detail.path}`);
      if (name === 'height') frame.style.height = `${Math.max(detail.height, 320)}px`;
      heard[name]?.(detail);
    });
    drive = (name, value) => send(name, { [name]: value });
  }
  // Elsewhere (Devices), the chat widget for host pages (/chat-loader.js): it floats on the
  // page, speaks the console's language, wears its theme (the same `--sp-*` properties, which
  // reach into the widget's shadow root), and its unread count joins the navigation's.
  const chatTheme = () => {
    for (const name of Object.keys(THEMES.console)) document.body.style.removeProperty(`--sp-${name}`);
    for (const [name, value] of Object.entries(chosen.theme())) document.body.style.setProperty(`--sp-${name}`, value);
  };
  if (!slot && !frame) {
    chatTheme();
    // Read by /chat-loader.js when it runs, after this script.
    window.SupportChatConfig = { organisation: organisation?.value };
    document.addEventListener('support-chat:unread', (event) => heard.unread(event.detail));
    drive = (name) => {
      if (name === 'locale') window.SupportChat?.setLocale(language.value);
      if (name === 'theme') chatTheme();
      if (name === 'organisation') window.SupportChat?.setOrganisation(organisation.value);
    };
  }
  for (const [menu, name] of [[language, 'locale'], [theme, 'theme'], [organisation, 'organisation']]) {
    menu?.addEventListener('change', () => {
      store(`console.${name}`, menu.value);
      showTexts();
      drive?.(name, chosen[name]());
    });
  }
})();
