// The state a dialog that sends one request keeps while it is open.
import { useEffect, useState } from 'react';
import { idempotencyKey } from '../api/client';
import { ApiProblem } from '../api/problem';

/**
 * Whether a failed send was answered with a refusal (4xx): the server has seen that body
 * under the key, so a corrected body needs a new key. A lost answer or a server error keeps
 * the key, so sending again cannot record anything twice.
 */
export function wasRefused(e: unknown): boolean {
  return e instanceof ApiProblem && e.status >= 400 && e.status < 500;
}

/**
 * A dialog's sending state: an `Idempotency-Key` kept while the dialog is open (a fresh one
 * each time it opens, so sending again after a lost answer records nothing twice), whether a
 * request is in flight, and the problem to show above the form. `renewKey` takes a new key
 * once the server has answered a send with a refusal: what is sent next, corrected, is
 * another request (the server refuses a key used for a different body).
 */
export function useSendDialog(open: boolean) {
  const [key, setKey] = useState(idempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setKey(idempotencyKey());
    setError(null);
  }, [open]);
  const renewKey = () => setKey(idempotencyKey());
  /** After a failed send: a new key if the server refused it (see `wasRefused`). */
  const failed = (e: unknown) => {
    if (wasRefused(e)) renewKey();
  };
  return { key, busy, setBusy, error, setError, renewKey, failed };
}
