import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem';
import { wasRefused } from './sendDialog';

const problem = (status: number) => new ApiProblem({ type: 'about:blank', title: 't', status, detail: '' } as ConstructorParameters<typeof ApiProblem>[0]);

describe('a send dialog’s Idempotency-Key after a failure', () => {
  it('is renewed after a refusal, so the corrected body is a request of its own', () => {
    for (const status of [400, 409, 412, 422, 428]) expect(wasRefused(problem(status))).toBe(true);
  });
  it('is kept after a server error or a lost answer, so sending again records nothing twice', () => {
    for (const status of [500, 502, 503, 504]) expect(wasRefused(problem(status))).toBe(false);
    expect(wasRefused(new TypeError('Failed to fetch'))).toBe(false);
    expect(wasRefused(undefined)).toBe(false);
  });
});
