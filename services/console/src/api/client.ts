// The typed API client: openapi-fetch over the types generated from the gateway's OpenAPI
// document. Every request carries the in-memory access token; a 401 refreshes it once and
// retries, and when that fails too the session is expired (sign-in opens over the page).
import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { accessToken, refresh, snapshot } from '../auth/session';
import { ApiProblem, asProblem } from './problem';

async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const send = (req: Request) => {
    const token = accessToken();
    if (token) req.headers.set('authorization', `Bearer ${token}`);
    return fetch(req);
  };
  const first = await send(input);
  if (first.status !== 401 || snapshot().status !== 'signedIn') return first;
  return (await refresh()) ? send(retry) : first;
}

/** The API at `/api/v1`, typed by its paths. */
export const api = createClient<paths>({ baseUrl: '', fetch: authFetch });

/**
 * Unwraps an openapi-fetch result for TanStack Query: the data, or an `ApiProblem`
 * thrown with the problem the gateway answered.
 */
export async function must<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) {
    throw new ApiProblem(asProblem(error, response.status));
  }
  return data;
}

/** A fresh Idempotency-Key, so a retried create is not done twice. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
