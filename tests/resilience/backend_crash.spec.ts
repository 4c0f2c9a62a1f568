// The backend dies (issue 13): the reference backend is killed with SIGKILL in the middle of a
// stream of writes, 20 times over one database file. Concurrent clients file cases (with an
// Idempotency-Key), reply to a case, send chat messages (with client ids) from two tabs and
// create, promote and remove support users (with If-Match). Each write is recorded as
// acknowledged (a whole 2xx answer arrived) or unanswered (in flight or sent after the kill).
// After every kill the backend restarts on the file as the kill left it, which must then pass
// `support-backend --check-database` (PRAGMA integrity_check and foreign_key_check); the clients
// resume as the app does — the same Idempotency-Key, the same message id, the same If-Match; a
// reply, which has no key, is looked for in the thread before it is sent again; a support user's
// email is its identity — and then every acknowledged write must be there exactly once, every
// retried one too, and the chat, resynced from the last seq its viewer saw, must hold every
// message once with gapless seqs. An answered creation of a support user must have mailed its
// invitation; one whose answer the kill cut off after the commit may have lost it (mail goes out
// after the commit, by design), which the printed figures count. The seed is printed:
// SP_CRASH_SEED=<seed> repeats the kill moments (SP_CRASH_KILLS and SP_CRASH_VERBOSE help to
// debug). No browser: only the backend binary (target/debug/support-backend).
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accounts } from '../support/accounts';
import { backendBinary, RunningBackend, startBackend } from '../support/backend';
import { parseMail } from '../support/mail';
import { Answer, Client, prng } from './client';

const KILLS = Number(process.env.SP_CRASH_KILLS ?? 20);

type State = 'acked' | 'unanswered';

interface Filing { key: string; body: Record<string, unknown>; state: State; id?: string }
interface Reply { caseId: string; body: string; state: State }
interface Message { id: string; body: string; state: State; seq?: number }
interface SupportUser {
  email: string;
  name: string;
  id?: string;
  etag?: string;
  /** What the user must look like once every acknowledged or retried change is in. */
  role: string;
  status: 'invited' | 'removed';
  /** Created before a kill that cut off the answer: found by the retry, its mail maybe lost. */
  createdAtCrash?: boolean;
  /** The change in flight at the kill, retried with the same If-Match after the restart. */
  pending?: { op: 'create' } | { op: 'role'; role: string; ifMatch: string } | { op: 'remove'; ifMatch: string };
}

/** The backend of the test and its folder: the hook below stops and deletes them. */
let backend: RunningBackend | undefined;
let dir: string | undefined;
/** Set by the hook: a test body still running after its timeout starts no other backend. */
let ended = false;

// Runs after a pass, a failure and a timeout alike: a `finally` in the test body does not run
// when the test times out, which would leave its backend running.
test.afterEach(async () => {
  ended = true;
  const child = backend?.process;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  backend = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

test('the backend killed mid-write 20 times keeps every acknowledged write, once', async () => {
  test.setTimeout(120_000);
  const seed = Number(process.env.SP_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`crash test seed ${seed} (SP_CRASH_SEED=${seed} repeats the kill moments)`);
  const random = prng(seed);
  const tag = `crash-${seed}-${Date.now().toString(36)}`;

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-crash-'));
  dir = folder;
  const database = path.join(folder, 'support.db');
  const mailDir = path.join(folder, 'mail');
  const args = ['--database', database, '--mail-dir', mailDir, '--data-dir', path.join(folder, 'data'), '--chat-hours', 'always'];
  /** The backend's current address: each restart listens on a new port. */
  let base = '';

  ended = false;
  const start = async (): Promise<void> => {
    const started = await startBackend(args);
    if (ended) {
      started.process.kill('SIGKILL');
      throw new Error('the test has ended');
    }
    backend = started;
    base = started.url;
  };
  const kill = async (): Promise<void> => {
    const child = backend!.process;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the backend stopped by itself (${child.exitCode ?? child.signalCode})`);
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };

  const filings: Filing[] = [];
  const replies: Reply[] = [];
  const messages: Message[] = [];
  const users: SupportUser[] = [];
  const figures = { kills: 0, acknowledged: 0, checks: 0, unanswered: 0, retried: 0, foundAfterCrash: 0, doubles: 0, invitationsLostAtCrash: 0 };
  const unexpected: string[] = [];
  const began = Date.now();
  const progress = (what: string) => {
    if (process.env.SP_CRASH_VERBOSE) console.log(`${((Date.now() - began) / 1000).toFixed(1)} s: ${what} ${JSON.stringify(figures)}`);
  };

  const filer = new Client('case filer', () => base);
  const replier = new Client('replier', () => base);
  const chatter = new Client('chat customer', () => base);
  const admin = new Client('user admin', () => base);
  let replyTarget = '';
  let chatId = '';
  /** The chat viewer's transcript and cursor: what a stream showed before the kill. */
  const seen = new Map<string, number>();
  let cursor = 0;
  const recipients = new Map<string, string>();

  await start();
  await filer.signIn(accounts.supportAdmin.email, accounts.supportAdmin.password);
  await replier.signIn(accounts.supportAdmin.email, accounts.supportAdmin.password);
  await chatter.signIn(accounts.chatCustomer.email, accounts.chatCustomer.password);
  await admin.signIn(accounts.systemAdmin.email, accounts.systemAdmin.password);
  const chat = await chatter.expectStatus('POST', '/chats', 201, { product: 'analytics', topic: 'Crash test', summary: 'Messages across crashes' });
  chatId = chat.body.id;

  const newCase = (title: string) => ({
    product: 'analytics', priority: 'p3', title, description: 'Filed while the backend is being killed.',
    contact_phone: '+44 20 7946 0000', time_zone: 'Europe/London',
  });

  for (let round = 1; round <= KILLS + 1; round++) {
    // Resume, as clients do after a reconnect, then check everything written so far.
    if (round > 1) {
      await recover();
      progress(`recovered after kill ${round - 1}`);
      await verify();
      progress(`verified after kill ${round - 1}`);
    }
    if (round > KILLS) break;

    // Reply to a case filed earlier (the first round files one first).
    const open = filings.filter((f) => f.state === 'acked');
    if (open.length === 0) {
      const key = `${tag}-target`;
      const body = newCase(`${tag} reply target`);
      const res = await filer.expectStatus('POST', '/cases', 201, body, { 'Idempotency-Key': key });
      filings.push({ key, body, state: 'acked', id: res.body.id });
      figures.acknowledged++;
    }
    const acked = filings.filter((f) => f.state === 'acked');
    replyTarget = acked[Math.floor(random() * acked.length)].id!;

    let writing = true;
    let n = 0;
    const next = () => `${round}-${++n}`;

    /** Runs one write; records it as acknowledged (2xx) or unanswered (no whole answer). */
    const attempt = async (what: string, send: () => Promise<Answer>): Promise<Answer | undefined> => {
      try {
        const res = await send();
        if (res.status >= 200 && res.status < 300) return res;
        unexpected.push(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
        writing = false;
        return undefined;
      } catch {
        return undefined;
      }
    };

    const fileCases = async () => {
      while (writing) {
        const id = next();
        const f: Filing = { key: `${tag}-${id}`, body: newCase(`${tag} case ${id}`), state: 'unanswered' };
        filings.push(f);
        const res = await attempt('file a case', () => filer.call('POST', '/cases', f.body, { 'Idempotency-Key': f.key }));
        if (!res) break;
        expect(res.status).toBe(201);
        figures.acknowledged++;
        f.state = 'acked';
        f.id = res.body.id;
      }
    };
    const reply = async () => {
      while (writing) {
        const r: Reply = { caseId: replyTarget, body: `${tag} reply ${next()}`, state: 'unanswered' };
        replies.push(r);
        if (!(await attempt('reply', () => replier.call('POST', `/cases/${r.caseId}/comments`, { body: r.body })))) break;
        figures.acknowledged++;
        r.state = 'acked';
      }
    };
    const chatTab = async (tab: string) => {
      while (writing) {
        const id = next();
        const m: Message = { id: `${tag}-${tab}-${id}`, body: `Message ${id} from tab ${tab}`, state: 'unanswered' };
        messages.push(m);
        const res = await attempt('send a chat message', () => chatter.call('POST', `/chats/${chatId}/messages`, { id: m.id, body: m.body }));
        if (!res) break;
        expect(res.status).toBe(201);
        figures.acknowledged++;
        m.state = 'acked';
        m.seq = res.body.seq;
      }
    };
    // The chat window: what its stream would show, polled from the cursor.
    const viewChat = async () => {
      while (writing) {
        let res: Answer;
        try {
          res = await chatter.call('GET', `/chats/${chatId}/messages?after=${cursor}`);
        } catch {
          break;
        }
        if (res.status !== 200) break;
        for (const m of res.body) take(m);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const manageUsers = async () => {
      while (writing) {
        const id = next();
        const u: SupportUser = { email: `${tag}-${id}@example.com`, name: `Crash ${id}`, role: 'customer_support_admin', status: 'invited', pending: { op: 'create' } };
        users.push(u);
        const created = await attempt('create a user', () => admin.call('POST', '/support-users', { email: u.email, name: u.name, role: u.role }));
        if (!created) break;
        figures.acknowledged++;
        Object.assign(u, { id: created.body.id, etag: created.etag, pending: undefined });
        if (!writing) break;
        const role = 'support_system_admin';
        u.pending = { op: 'role', role, ifMatch: u.etag! };
        const changed = await attempt('change a role', () => admin.call('PUT', `/support-users/${u.id}/role`, { role }, { 'If-Match': u.etag! }));
        if (!changed) break;
        figures.acknowledged++;
        Object.assign(u, { role, etag: changed.etag, pending: undefined });
        if (!writing || random() < 0.5) continue;
        u.pending = { op: 'remove', ifMatch: u.etag! };
        const removed = await attempt('remove a user', () => admin.call('DELETE', `/support-users/${u.id}`, undefined, { 'If-Match': u.etag! }));
        if (!removed) break;
        figures.acknowledged++;
        Object.assign(u, { status: 'removed', etag: removed.etag, pending: undefined });
      }
    };

    const lanes = [fileCases(), fileCases(), reply(), chatTab('a'), chatTab('b'), viewChat(), manageUsers()];
    const killAfter = 80 + Math.floor(random() * 700);
    await new Promise((r) => setTimeout(r, killAfter));
    await kill();
    writing = false;
    figures.kills++;
    await Promise.all(lanes);
    progress(`kill ${round} after ${killAfter} ms`);
    expect(unexpected, 'only 2xx answers while writing').toEqual([]);

    // The restarted backend opens the file as the kill left it (a hot write-ahead log
    // included); the check then reads it beside the running backend, as WAL allows.
    await start();
    const check = spawnSync(backendBinary(), ['--check-database', database], { encoding: 'utf8', timeout: 15_000 });
    expect(`${check.status} ${check.stdout.trim()} ${check.stderr.trim()}`, `integrity after kill ${round}`).toBe('0 ok ');
  }
  console.log(
    `crash test: ${figures.kills} kills; ${figures.acknowledged} acknowledged writes, ${figures.checks} ` +
    `read-back checks; ${figures.unanswered} unanswered writes, ${figures.retried} retried, ` +
    `${figures.foundAfterCrash} of them found already stored; ${figures.invitationsLostAtCrash} ` +
    `invitations lost between commit and mail; doubles = ${figures.doubles}`,
  );
  expect(figures.doubles).toBe(0);

  /** Adds a message the viewer received (never twice, never renumbered) and moves its cursor. */
  function take(m: any): void {
    const had = seen.get(m.id);
    if (had !== undefined && had !== m.seq) throw new Error(`message ${m.id} came back with seq ${m.seq}, was ${had}`);
    seen.set(m.id, m.seq);
    cursor = Math.max(cursor, m.seq);
  }

  /** The clients resume: unanswered writes are retried the way the app retries them. */
  async function recover(): Promise<void> {
    for (const f of filings.filter((f) => f.state === 'unanswered')) {
      // The same key and the same draft: 200 when the kill came after the commit.
      const res = await filer.expectStatus('POST', '/cases', [200, 201], f.body, { 'Idempotency-Key': f.key });
      if (res.status === 200) figures.foundAfterCrash++;
      Object.assign(f, { state: 'acked', id: res.body.id });
      figures.unanswered++;
      figures.retried++;
    }
    for (const r of replies.filter((r) => r.state === 'unanswered')) {
      // A reply has no key: the client looks for it in the thread before sending it again.
      const thread = (await replier.expectStatus('GET', `/cases/${r.caseId}/thread`, 200)).body;
      const copies = thread.filter((e: any) => e.kind === 'comment' && e.body === r.body).length;
      figures.unanswered++;
      if (copies === 0) {
        await replier.expectStatus('POST', `/cases/${r.caseId}/comments`, 201, { body: r.body });
        figures.retried++;
      } else {
        figures.foundAfterCrash++;
      }
      r.state = 'acked';
    }
    for (const m of messages.filter((m) => m.state === 'unanswered')) {
      // The same client id: 200 and the stored message when it was stored before the kill.
      const res = await chatter.expectStatus('POST', `/chats/${chatId}/messages`, [200, 201], { id: m.id, body: m.body });
      if (res.status === 200) figures.foundAfterCrash++;
      Object.assign(m, { state: 'acked', seq: res.body.seq });
      figures.unanswered++;
      figures.retried++;
    }
    // The chat resyncs from the last seq its viewer saw.
    const missed = (await chatter.expectStatus('GET', `/chats/${chatId}/messages?after=${cursor}`, 200)).body;
    expect(missed.every((m: any) => m.seq > cursor), 'resync returns only what follows the cursor').toBe(true);
    for (const m of missed) take(m);
    for (const u of users.filter((u) => u.pending)) {
      const p = u.pending!;
      figures.unanswered++;
      figures.retried++;
      if (p.op === 'create') {
        // No key: the email is the user's identity; a second create of it is a duplicate.
        const res = await admin.expectStatus('POST', '/support-users', [201, 409], { email: u.email, name: u.name, role: u.role });
        if (res.status === 409) {
          expect(res.body.type, u.email).toBe('urn:support-portal:problem:duplicate-user');
          figures.foundAfterCrash++;
          const [found] = await admin.all(`/support-users?status=all&q=${encodeURIComponent(u.email)}`);
          Object.assign(u, { id: found.id, etag: `"${found.version}"` });
          u.createdAtCrash = true;
          if (!mailsByRecipient().has(u.email)) figures.invitationsLostAtCrash++;
        } else {
          Object.assign(u, { id: res.body.id, etag: res.etag });
        }
      } else if (p.op === 'role') {
        const res = await admin.expectStatus('PUT', `/support-users/${u.id}/role`, [200, 412], { role: p.role }, { 'If-Match': p.ifMatch });
        if (res.status === 412) figures.foundAfterCrash++;
        u.role = p.role;
      } else {
        const res = await admin.expectStatus('DELETE', `/support-users/${u.id}`, [200, 412], undefined, { 'If-Match': p.ifMatch });
        if (res.status === 412) figures.foundAfterCrash++;
        u.status = 'removed';
      }
      u.pending = undefined;
    }
  }

  /** How many mails went to each address (a mail file, once renamed into place, never changes). */
  function mailsByRecipient(): Map<string, number> {
    const counts = new Map<string, number>();
    const names = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')) : [];
    for (const name of names) {
      let to = recipients.get(name);
      if (to === undefined) {
        to = parseMail(fs.readFileSync(path.join(mailDir, name)), name).to;
        recipients.set(name, to);
      }
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    return counts;
  }

  /** Everything acknowledged (or retried) is there exactly once; nothing else of ours is. */
  async function verify(): Promise<void> {
    // Findings are collected and asserted once: an expect() per write would cost more than the
    // requests as the database grows.
    const wrong: string[] = [];
    const count = <T,>(xs: T[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>());
    const doubled = (what: string, counts: Map<unknown, number>) => {
      for (const [k, c] of counts) {
        if (c > 1) { figures.doubles += c - 1; wrong.push(`${what} ${String(k)} is there ${c} times`); }
      }
    };

    const cases = (await filer.all('/cases?limit=100')).filter((c: any) => c.title.startsWith(tag));
    doubled('case', count(cases.map((c: any) => c.title)));
    const caseByTitle = new Map(cases.map((c: any) => [c.title, c.id]));
    for (const f of filings) {
      if (caseByTitle.get(f.body.title) !== f.id) wrong.push(`case ${f.key} (${f.id}) is missing`);
    }
    if (cases.length !== filings.length) wrong.push(`${cases.length} cases for ${filings.length} filings`);

    for (const id of new Set(replies.map((r) => r.caseId))) {
      const thread = (await replier.expectStatus('GET', `/cases/${id}/thread`, 200)).body;
      const bodies = count(thread.filter((e: any) => e.kind === 'comment').map((e: any) => e.body as string));
      doubled(`reply on ${id}`, bodies);
      for (const r of replies.filter((r) => r.caseId === id)) {
        if (!bodies.has(r.body)) wrong.push(`reply ${r.body} is missing`);
      }
    }

    const all: any[] = (await chatter.expectStatus('GET', `/chats/${chatId}/messages`, 200)).body;
    doubled('chat message', count(all.map((m) => m.id)));
    if (all.some((m, i) => m.seq !== i + 1)) wrong.push('chat seqs are not 1, 2, 3, ...');
    if (all.length !== messages.length) wrong.push(`${all.length} chat messages for ${messages.length} sent`);
    const seqOf = new Map(all.map((m) => [m.id, m.seq]));
    for (const m of messages) {
      if (seqOf.get(m.id) !== m.seq) wrong.push(`message ${m.id} (seq ${m.seq}) is ${seqOf.has(m.id) ? `seq ${seqOf.get(m.id)}` : 'missing'}`);
    }
    // The viewer, resynced from its cursor, shows exactly what the server has.
    const shown = [...seen.entries()].sort((a, b) => a[1] - b[1]).map(([id, seq]) => `${seq}:${id}`).join(' ');
    if (shown !== all.map((m) => `${m.seq}:${m.id}`).join(' ')) wrong.push('the resynced chat differs from the server\'s');

    const listed = await admin.all(`/support-users?status=all&limit=200&q=${encodeURIComponent(tag)}`);
    doubled('support user', count(listed.map((u: any) => u.email)));
    if (listed.length !== users.length) wrong.push(`${listed.length} support users for ${users.length} created`);
    const byEmail = new Map(listed.map((u: any) => [u.email, u]));
    const mails = mailsByRecipient();
    for (const u of users) {
      const found: any = byEmail.get(u.email);
      const want = `${u.id} ${u.role} ${u.status}`;
      const got = found ? `${found.id} ${found.role} ${found.status}` : 'missing';
      if (got !== want) wrong.push(`support user ${u.email}: ${got}, expected ${want}`);
      // A mail is written before the answer: an answered creation has its one invitation. One
      // the kill cut off after the commit may have none (mail goes out after the commit).
      const invitations = mails.get(u.email) ?? 0;
      if (invitations > 1 || (invitations === 0 && !u.createdAtCrash)) wrong.push(`${invitations} invitations to ${u.email}`);
    }
    figures.checks += filings.length + replies.length + messages.length + users.length;
    expect(wrong).toEqual([]);
  }
});
