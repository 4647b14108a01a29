// The caller lookup as an agent does it, against a large customer base: type a number or a
// name into the desk's lookup, press Enter, wait until the customer is shown. Writes the
// percentiles to artifacts/lookup-bench.json; asserts nothing about time.
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 200);
const LOGIN = process.env.BENCH_LOGIN ?? 'bench-agent';
const PASSWORD = process.env.BENCH_PASSWORD ?? '';

/** The synthetic base's phone of customer `i`, as `aftercare bench-search seed` stores it. */
function phone(i: number): string {
  const a = String(Math.floor(i / 10_000)).padStart(4, '0');
  const b = String(i % 10_000).padStart(4, '0');
  return ['139' + a + b, `139 ${a} ${b}`, `+86 139-${a}-${b}`, `(139) ${a}${b}`][i % 4] ?? '';
}

/** Distinct pseudo-random customers, the same every run (Park–Miller; exact in doubles). */
function* picks(n: number): Generator<number> {
  const seen = new Set<number>();
  let x = 20261203;
  while (seen.size < Math.min(n, CUSTOMERS)) {
    x = (x * 48271) % 2147483647;
    const i = x % CUSTOMERS;
    if (seen.has(i)) continue;
    seen.add(i);
    yield i;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? 0;
}

test('caller lookup by phone, Enter to customer shown', async ({ page }) => {
  await page.goto('/');
  await page.locator('#signin_login').fill(LOGIN);
  await page.locator('#signin_password').fill(PASSWORD);
  await page.locator('#signin_password').press('Enter');
  await expect(page.getByTestId('sign-out')).toBeVisible();
  const lookup = page.locator('#desk-lookup');
  const times: number[] = [];
  const server: number[] = [];
  let k = 0;
  for (const i of picks(LOOKUPS + 10)) {
    await lookup.fill(phone(i));
    const t0 = Date.now();
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/customers?') && r.status() === 200);
    await lookup.press('Enter');
    const r = await answered;
    const t1 = Date.now();
    await expect(page.getByTestId('customer-title')).toBeVisible();
    // The first lookups warm the browser's and the server's caches and are not counted.
    if (k++ >= 10) {
      times.push(Date.now() - t0);
      server.push(t1 - t0);
    }
    expect(await r.json()).toHaveProperty('items');
    await lookup.fill('');
  }
  times.sort((a, b) => a - b);
  server.sort((a, b) => a - b);
  const result = {
    customers: CUSTOMERS,
    lookups: times.length,
    shownP50Ms: percentile(times, 0.5),
    shownP95Ms: percentile(times, 0.95),
    shownP99Ms: percentile(times, 0.99),
    shownMaxMs: times[times.length - 1] ?? 0,
    responseP50Ms: percentile(server, 0.5),
    responseP99Ms: percentile(server, 0.99),
  };
  mkdirSync('artifacts', { recursive: true });
  writeFileSync('artifacts/lookup-bench.json', JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result));
  expect(times.length).toBe(LOOKUPS);
});
