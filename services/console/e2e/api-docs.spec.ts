// The API reference at /api/docs (Scalar's renderer, built into the console's dist and
// served by the binary): it renders the served document's operations with their schemas
// and examples, try-it sends a real request to this server with a pasted token, and
// nothing is requested from any host other than the local server.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, token } from './global-setup';
import { mkdirSync } from 'node:fs';

/** Intercepts every request of the page: a host other than the server's is aborted and
 * recorded. Also records console errors (a refused Content-Security-Policy is one). */
async function watch(page: Page, baseURL: string): Promise<{ outside: string[]; errors: string[] }> {
  const local = new URL(baseURL);
  const outside: string[] = [];
  const errors: string[] = [];
  await page.context().route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== local.hostname || url.port !== local.port) {
      outside.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    await route.continue();
  });
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).host !== local.host) outside.push(ws.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { outside, errors };
}

/** Writes what the window shows to artifacts/screenshots/<name>.png (the whole reference is
 * tens of thousands of pixels long). */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('artifacts/screenshots', { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `artifacts/screenshots/${name}.png` });
}

const LIST_TICKETS = 'section[id$="/tag/tickets/GET/api/v1/tickets"]';

test('the reference renders the tickets list with its schema and an example, from this server only', async ({ page, baseURL }) => {
  const seen = await watch(page, baseURL!);
  await page.goto('/api/docs');
  await expect(page).toHaveTitle('Aftercare API reference');
  await expect(page.getByRole('heading', { name: 'Aftercare API', exact: true })).toBeVisible();

  // The sidebar leads to the operation.
  await page.getByRole('button', { name: 'tickets Open Group' }).click();
  await page.getByRole('button', { name: /^Tickets, newest first.* HTTP Method: GET$/ }).click();
  const op = page.locator(LIST_TICKETS);
  await expect(op.getByRole('heading', { name: /^Tickets, newest first/ })).toBeVisible();
  await expect(op.getByText('Roles: customer, agent, dispatcher')).toBeVisible();
  // Its query parameters, with their schemas and limits.
  const parameters = op.getByRole('list', { name: 'Query Parameters' });
  await expect(parameters).toBeVisible();
  for (const p of ['status', 'customer_id', 'sla', 'limit', 'cursor']) {
    await expect(parameters.getByRole('button', { name: `Copy link to ${p}` })).toBeAttached();
  }
  const limit = parameters.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Copy link to limit' }) });
  await expect(limit).toContainText(/Type: integer\s*min:\s*1\s*max:\s*500/);
  await expect(limit).toContainText('Page size, 1–500 (default 50).');
  // A request sample for this server and an example answer generated from the schema.
  await expect(op.getByText(`${baseURL}/api/v1/tickets`).first()).toBeVisible();
  const example = op.locator('.scalar-code-block, pre').filter({ hasText: '"next_cursor"' }).first();
  await expect(example).toContainText('"items"');
  await expect(example).toContainText('"number"');
  // The 200 answer's schema: a page of tickets with the next page's cursor.
  await op.getByRole('button', { name: /^200\b/ }).last().click();
  await expect(op.getByText('Cursor for the next page; absent on the last page.')).toBeVisible();
  await op.getByRole('heading', { name: /^Tickets, newest first/ }).scrollIntoViewIfNeeded();
  await shot(page, 'api-docs-tickets');

  expect(seen.outside).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('try-it sends the request to this server with the pasted token and shows the answer', async ({ page, baseURL }) => {
  const seen = await watch(page, baseURL!);
  const admin = await token(baseURL!, 'admin', ADMIN_PASSWORD);
  await page.goto('/api/docs#tag/tickets/GET/api/v1/tickets');
  const op = page.locator(LIST_TICKETS);
  await expect(op.getByRole('heading', { name: /^Tickets, newest first/ })).toBeVisible();

  // The document's bearer scheme: the token is pasted once, for every request.
  const bearer = page.getByPlaceholder('Token').first();
  await bearer.fill(admin);
  await op.getByRole('button', { name: 'Test Request' }).click();
  const client = page.getByRole('dialog');
  await expect(client.getByText('/api/v1/tickets', { exact: true })).toBeVisible();
  const sent = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/tickets');
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/tickets');
  await client.getByRole('button', { name: /^Send get request to / }).click();
  const request = await sent;
  expect(new URL(request.url()).origin).toBe(baseURL);
  expect(request.headers()['authorization']).toBe(`Bearer ${admin}`);
  const response = await answered;
  expect(response.status()).toBe(200);
  // The answer as the client shows it: the status and the seeded tickets.
  await expect(client.getByText('200 OK')).toBeVisible();
  const body = (await response.json()) as { items: { number: string }[] };
  expect(body.items.length).toBeGreaterThan(0);
  await expect(client.getByText(`"number": "${body.items[0]!.number}"`)).toBeVisible();
  await shot(page, 'api-docs-try-it');

  expect(seen.outside).toEqual([]);
  expect(seen.errors).toEqual([]);
});
