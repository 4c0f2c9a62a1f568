// The plain-JS reference home page: the portal's requests for the signed-in home page (its
// configuration, the session, then the home page's one answer), and the same greeting and
// blocks, written with the DOM API.
const get = async (url) => {
  const response = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
};

const element = (tag, text, attrs = {}) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

const main = document.getElementById('main');
const config = await get('/config.json');
const api = config.apiBase ?? '/api/v1';
const session = await get(`${api}/session`);
const home = await get(`${api}/home?lang=en`);
main.append(element('h1', `Hello, ${session.user.name}`));
const block = (title, items) => {
  const section = element('section', undefined, { 'aria-label': title });
  section.append(element('h2', title));
  const list = element('ul');
  for (const item of items) list.append(element('li', item));
  section.append(list);
  main.append(section);
};
block('Announcements', home.announcements.map((a) => a.title));
block('What needs you', [
  `Cases awaiting your reply: ${home.cases?.awaiting_your_reply ?? 0}`,
  `Open cases: ${home.cases?.open ?? 0}`,
  `Callbacks waiting: ${home.callbacks_waiting ?? 0}`,
]);
block('Popular in the forums', home.popular_threads.map((t) => t.title));
main.append(element('a', 'Cases', { href: '/cases' }));
