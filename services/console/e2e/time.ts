/**
 * How many times longer than on a machine of its own a browser test may wait. The test
 * command sets `AFTERCARE_E2E_TIME_FACTOR` when the browser tests run beside the Rust tests
 * and share the cores with them; every time limit of the browser tests goes through `within`.
 */
export const timeFactor = Math.max(1, Number(process.env.AFTERCARE_E2E_TIME_FACTOR ?? '1') || 1);

/** `ms` scaled by the time factor. */
export const within = (ms: number): number => Math.round(ms * timeFactor);
