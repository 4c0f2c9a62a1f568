// Large uploads beside small requests: a few signed-in people send small requests (their
// session, their case list) with a short pause, first alone, then while others upload files of
// 25 MiB in parallel (`POST /attachments`). The small requests' latencies side by side say
// whether the uploads hold them up. Uploads rotate over several accounts, as each person may
// hold at most 40 unattached files (500 MiB at the default limit).
import { randomBytes } from 'node:crypto';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { Budget, Client, Spent } from './client';
import { Stats } from './stats';

export interface UploadPlan {
  /** Uploads in flight at once. */
  parallel: number;
  /** Uploads in all (bounded: each stays on disk until the backend stops). */
  total: number;
  /** Size of each, in bytes. */
  bytes: number;
  /** Small-request loops measuring latency. */
  probes: number;
  /** How long the phase without uploads lasts; the one with lasts while uploads go on. */
  seconds: number;
}

const PROBE_PAUSE_MS = 20;

async function probe(c: Client, until: () => boolean): Promise<void> {
  try {
    while (until()) {
      await c.call('GET /session', 'GET', '/session');
      await new Promise((r) => setTimeout(r, PROBE_PAUSE_MS));
      await c.call('GET /cases', 'GET', '/cases');
      await new Promise((r) => setTimeout(r, PROBE_PAUSE_MS));
    }
  } catch (e) {
    if (!(e instanceof Spent)) throw e;
  }
}

/** Small requests alone for `plan.seconds`, then beside the uploads: both Stats, and the
 *  uploads' own (latency of each whole upload). The uploads are sent from a worker thread, so
 *  that writing 25 MiB bodies does not delay this thread's timing of the small requests (the
 *  two still share the machine's cores with the backend). */
export async function uploadPhase(base: string, probers: Client[], uploaders: Client[], plan: UploadPlan) {
  const quiet = new Stats();
  const loaded = new Stats();
  const unbounded = () => undefined as Budget | undefined;
  const probeClients = (stats: Stats) => probers.slice(0, plan.probes).map((p) => {
    const c = new Client(base, () => stats, unbounded);
    c.cookie = p.cookie;
    return c;
  });

  const quietEnd = performance.now() + plan.seconds * 1000;
  await Promise.all(probeClients(quiet).map((c) => probe(c, () => performance.now() < quietEnd)));

  let uploading = true;
  const probing = Promise.all(probeClients(loaded).map((c) => probe(c, () => uploading)));
  const job: UploadJob = { base, cookies: uploaders.map((u) => u.cookie), plan };
  const done = await new Promise<UploadResult>((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  uploading = false;
  await probing;
  const uploads = new Stats();
  for (const [endpoint, ms] of done.latencies) uploads.record(endpoint, ms);
  for (const [endpoint, status, count] of done.errors) for (let i = 0; i < count; i++) uploads.fail(endpoint, status);
  return { quiet, loaded, uploads, seconds: done.seconds };
}

interface UploadJob {
  base: string;
  cookies: string[];
  plan: UploadPlan;
}

interface UploadResult {
  latencies: [string, number][];
  errors: [string, string, number][];
  seconds: number;
}

/** In the worker thread: `plan.total` uploads, `plan.parallel` at a time, rotating accounts. */
export async function uploadWorker(): Promise<void> {
  const { base, cookies, plan } = workerData as UploadJob;
  const stats = new Stats();
  const file = randomBytes(plan.bytes);
  const accounts = cookies.map((cookie) => {
    const c = new Client(base, () => stats, () => undefined);
    c.cookie = cookie;
    return c;
  });
  const endpoint = `POST /attachments (${Math.round(plan.bytes / 1048576)} MiB)`;
  let next = 0;
  const started = performance.now();
  const uploader = async () => {
    while (next < plan.total) {
      const k = next++;
      await accounts[k % accounts.length].call(endpoint, 'POST', '/attachments', file,
        { 'Content-Type': 'application/zip', 'X-File-Name': `load-${k}.zip` }, [201]);
    }
  };
  await Promise.all(Array.from({ length: plan.parallel }, uploader));
  const result: UploadResult = {
    seconds: (performance.now() - started) / 1000,
    latencies: [...stats.latencies].flatMap(([name, xs]) => xs.map((ms): [string, number] => [name, ms])),
    errors: [...stats.errors].flatMap(([name, by]) => [...by].map(([status, n]): [string, string, number] => [name, status, n])),
  };
  parentPort!.postMessage(result);
}
