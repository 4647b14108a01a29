// Starts `aftercare up` in a temporary directory and seeds what the tests need through
// the API: an agent, a warehouse clerk, dispatchers, a customer with a machine, a FAQ article, and
// the dispatcher board's unassigned work orders and technicians.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const ADMIN_PASSWORD = 'Console-Admin-2026!';
export const PASSWORD = 'Console-Test-2026!';

/** Where the running server's URL and NATS address are written for the specs, relative to the
 * console's folder; each shard of a sharded run names its own (AFTERCARE_E2E_SERVER). */
export const SERVER_FILE = process.env.AFTERCARE_E2E_SERVER ?? 'test-results/.server.json';

async function call<T>(base: string, token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const r = await fetch(base + '/api/v1' + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Signs in through the API; returns the access token. */
export async function token(base: string, login: string, password: string): Promise<string> {
  const r = await call<{ access_token: string }>(base, null, 'POST', '/auth/token', { login, password });
  return r.access_token;
}

/** A running `aftercare up`: its URL, its output so far, and how to stop it. */
export interface Server {
  base: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `aftercare up` in a new temporary directory and waits until it is ready. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const target = process.env.CARGO_TARGET_DIR ?? resolve(here, '../../../target');
  const bin = process.env.AFTERCARE_BIN ?? join(target, 'debug/aftercare');
  const dir = mkdtempSync(join(tmpdir(), 'aftercare-console-'));
  const child: ChildProcess = spawn(bin, ['up', '--data-dir', join(dir, 'data'), '--gateway-addr', '127.0.0.1:0', '--health-addr', '127.0.0.1:0'], {
    cwd: dir,
    env: { ...process.env, AFTERCARE_LOG_FORMAT: 'json', RUST_LOG: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const base = await new Promise<string>((ok, refuse) => {
    // A server that cannot serve the console is not left running behind the failure.
    const fail = (e: Error) => {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      refuse(e);
    };
    const timer = setTimeout(() => fail(new Error('aftercare up did not print the console URL in 90 s:\n' + out)), 90_000);
    const read = (b: Buffer) => {
      out += b.toString();
      if (/console on \S+ is not built/.test(out)) {
        clearTimeout(timer);
        fail(new Error(`${bin} was built without the console: build services/console, then cargo build -p aftercare`));
        return;
      }
      const m = /console on (http:\/\/[\d.:]+)\/\n/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => fail(new Error(`aftercare up exited (${code}):\n${out}`)));
  });
  for (let i = 0; i < 120; i++) {
    const r = await fetch(base + '/readyz').catch(() => null);
    if (r?.ok) break;
    await new Promise((s) => setTimeout(s, 500));
  }
  return {
    base,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((s) => setTimeout(s, 1500));
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer({ AFTERCARE_ADMIN_PASSWORD: ADMIN_PASSWORD });
  const base = server.base;
  const admin = await token(base, 'admin', ADMIN_PASSWORD);
  for (const [login, role] of [
    ['agent1', 'agent'],
    ['agent2', 'agent'],
    ['agent3', 'agent'],
    ['clerk1', 'warehouse'],
    ['dispatch1', 'dispatcher'],
    ['dispatch2', 'dispatcher'],
  ] as const) {
    await call(base, admin, 'POST', '/accounts', { login, display_name: login, role, password: PASSWORD });
  }
  const customer = await call<{ id: string }>(base, admin, 'POST', '/customers', {
    company: '天河印务有限公司',
    contacts: [{ name: '王经理', phones: ['+86 20 5555 0101'] }],
    address: '广州市天河路 1 号',
    district: 'tianhe',
    tier: 'key_account',
    location: { lat: 23.1375, lon: 113.3292 },
  });
  await call(base, admin, 'POST', '/machines', {
    customer_id: customer.id,
    product_line: 'copier',
    brand: 'Sharp',
    model: 'AR-2048',
    serial: 'SN-CONSOLE-1',
    purchase_date: new Date(Date.now() - 100 * 86400_000).toISOString().slice(0, 10),
  });
  await call(base, admin, 'POST', '/faq', {
    product_line: 'copier',
    question: '复印件有黑线 black streaks on copies',
    answer: '清洁感光鼓和充电辊 / clean the drum and the charge roller',
  });
  await call(base, admin, 'POST', '/tickets', {
    channel: 'phone',
    type: 'complaint',
    symptom: '技术员迟到两小时 / the technician came two hours late',
    customer_id: customer.id,
    customer: { name: '天河印务有限公司', phone: '+86 20 5555 0101', district: 'tianhe' },
  });
  await seedBoard(base, admin, customer.id);
  process.env.AFTERCARE_CONSOLE_URL = base;
  mkdirSync(dirname(resolve(here, '..', SERVER_FILE)), { recursive: true });
  // The local NATS server `aftercare up` started, for a spec that needs an event no API makes
  // (a message a consumer cannot read, to be dead-lettered).
  const nats = /started nats-server at (nats:\/\/[\d.:]+)/.exec(server.output())?.[1];
  writeFileSync(resolve(here, '..', SERVER_FILE), JSON.stringify({ base, nats }), { flag: 'w' });
  return server.stop;
}

/**
 * The dispatcher's board: three fault tickets opened while no technician exists, so their
 * work orders wait unassigned with the reason; then three technicians with start positions,
 * one of them on leave, one with an expired and an expiring certificate; then two copier
 * faults at customers with positions (assigned to 李伟, a route on the map) and a fax fault
 * nobody has the skills for (why it waits, by technician).
 */
async function seedBoard(base: string, admin: string, customerId: string): Promise<void> {
  for (const symptom of ['卡纸 paper jam', '不通电 no power', '扫描模糊 blurred scans']) {
    await call(base, admin, 'POST', '/tickets', {
      channel: 'phone',
      type: 'fault',
      symptom,
      customer_id: customerId,
      customer: { name: '天河印务有限公司', phone: '+86 20 5555 0101', district: 'tianhe' },
    });
  }
  for (let i = 0; i < 60; i++) {
    const page = await call<{ items: unknown[] }>(base, admin, 'GET', '/workorders?flagged=true&limit=50');
    if (page.items.length >= 3) break;
    await new Promise((s) => setTimeout(s, 500));
  }
  // Days as the company (and the browser, Asia/Shanghai) counts them, so that a certificate
  // seeded to end in 12 days shows 12 days left at any hour of the UTC day.
  const day = (offset: number) => new Date(Date.now() + offset * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const li = await call<{ id: string }>(base, admin, 'POST', '/technicians', {
    name: '李伟',
    district: 'tianhe',
    daily_capacity: 4,
    skills: ['copier', 'sharp'],
    certifications: [{ skill: 'copier', expires_on: day(365) }],
    start_location: { lat: 23.1291, lon: 113.2644 },
  }, { 'idempotency-key': crypto.randomUUID() });
  const away = await call<{ id: string }>(base, admin, 'POST', '/technicians', {
    name: '张敏',
    district: 'yuexiu',
    daily_capacity: 3,
    skills: ['copier', 'sharp'],
    certifications: [{ skill: 'copier', expires_on: day(365) }],
    start_location: { lat: 23.1252, lon: 113.2806 },
  }, { 'idempotency-key': crypto.randomUUID() });
  await call(base, admin, 'POST', `/technicians/${away.id}/leave`, { from: day(-1), to: day(2), reason: '年假' }, { 'idempotency-key': crypto.randomUUID() });
  await call(base, admin, 'POST', '/technicians', {
    name: '王芳',
    district: 'panyu',
    daily_capacity: 3,
    skills: ['fax', 'printer'],
    certifications: [
      { skill: 'fax', expires_on: day(-5) },
      { skill: 'printer', expires_on: day(12) },
    ],
  }, { 'idempotency-key': crypto.randomUUID() });
  const sites = [
    { company: '越秀文印中心', district: 'yuexiu', address: '广州市越秀区中山五路 8 号', location: { lat: 23.1289, lon: 113.2668 }, phone: '+86 20 5555 0202' },
    { company: '海珠设计院', district: 'haizhu', address: '广州市海珠区新港中路 99 号', location: { lat: 23.0996, lon: 113.3171 }, phone: '+86 20 5555 0303' },
  ];
  for (const [i, site] of sites.entries()) {
    const c = await call<{ id: string }>(base, admin, 'POST', '/customers', {
      company: site.company,
      contacts: [{ name: '前台', phones: [site.phone] }],
      address: site.address,
      district: site.district,
      tier: 'standard',
      location: site.location,
    });
    await call(base, admin, 'POST', '/tickets', {
      channel: 'phone',
      type: 'fault',
      symptom: '复印机卡纸 copier jams',
      customer_id: c.id,
      customer: { name: site.company, phone: site.phone, district: site.district },
      machine: { product_line: 'copier', brand: 'Sharp', model: 'AR-2048', serial: `SN-MAP-${i + 1}` },
    });
  }
  await call(base, admin, 'POST', '/tickets', {
    channel: 'phone',
    type: 'fault',
    symptom: '传真无法发送 fax will not send',
    customer_id: customerId,
    customer: { name: '天河印务有限公司', phone: '+86 20 5555 0101', district: 'tianhe' },
    machine: { product_line: 'fax', brand: 'Canon', model: 'L170', serial: 'SN-FAX-1' },
  });
  for (let i = 0; i < 60; i++) {
    const mine = await call<{ items: unknown[] }>(base, admin, 'GET', `/workorders?technician_id=${li.id}&limit=50`);
    const waiting = await call<{ items: unknown[] }>(base, admin, 'GET', '/workorders?flagged=true&limit=50');
    if (mine.items.length >= 2 && waiting.items.length >= 4) break;
    await new Promise((s) => setTimeout(s, 500));
  }
}
