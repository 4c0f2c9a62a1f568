// The plain-JS reference chat echo: Enter shows the line as sending, keeps it in an outbox in
// local storage (the portal keeps its outbox on the device too), posts it to the chat named in
// `?chat=`, and marks it sent when the backend answers with the stored message.
const config = await (await fetch('/config.json')).json();
const api = config.apiBase ?? '/api/v1';
const chat = new URLSearchParams(location.search).get('chat');
const input = document.getElementById('chat-input');
const list = document.querySelector('.chat-messages');
const outbox = [];

input.addEventListener('keydown', async (event) => {
  if (event.key !== 'Enter' || event.shiftKey) return;
  event.preventDefault();
  const body = input.value.trim();
  if (!body) return;
  input.value = '';
  const message = { id: crypto.randomUUID(), body, attachments: [] };
  outbox.push(message);
  localStorage.setItem('bench-outbox', JSON.stringify(outbox));
  const line = document.createElement('li');
  line.className = 'chat-line';
  const text = document.createElement('p');
  text.className = 'chat-text';
  text.textContent = body;
  const delivery = document.createElement('span');
  delivery.className = 'chat-delivery';
  delivery.textContent = 'Sending';
  line.append(text, delivery);
  list.append(line);
  const response = await fetch(`${api}/chats/${encodeURIComponent(chat)}/messages`, {
    method: 'POST', credentials: 'include',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
  });
  outbox.splice(outbox.indexOf(message), 1);
  localStorage.setItem('bench-outbox', JSON.stringify(outbox));
  delivery.textContent = response.ok ? 'Sent' : 'Not sent';
});
