// The plain-JS reference case list: on submit, the portal's own list request (its other
// parameters come in this page's `params`, as the benchmark read them off the portal) with the
// search `q`, and the rows drawn into the table.
const config = await (await fetch('/config.json')).json();
const api = config.apiBase ?? '/api/v1';
const fixed = new URLSearchParams(new URLSearchParams(location.search).get('params') ?? '');
const form = document.querySelector('form');
const body = document.querySelector('tbody');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const params = new URLSearchParams(fixed);
  params.set('q', document.getElementById('q').value.trim());
  const response = await fetch(`${api}/cases?${params}`, { credentials: 'include', headers: { Accept: 'application/json' } });
  const page = await response.json();
  const rows = page.items.map((c) => {
    const row = document.createElement('tr');
    for (const text of [c.number, c.title, c.priority, c.status, new Date(c.updated_at).toLocaleString('en')]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  body.replaceChildren(...rows);
});
