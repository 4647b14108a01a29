// The state a dialog that sends one request keeps while it is open.
import { useEffect, useState } from 'react';
import { idempotencyKey } from '../api/client';

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
  return { key, busy, setBusy, error, setError, renewKey };
}
