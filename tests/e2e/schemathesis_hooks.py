"""Schemathesis hooks for the gateway's contract test.

An Idempotency-Key promises "one request per key": the gateway refuses a key reused with
another body (422), which the schema cannot say. In a schema-valid case the key drawn by
schemathesis is replaced by a fresh one, so every such request is a first use. Cases meant
to be refused are sent as drawn: changing them would have schemathesis re-judge them.
"""
import uuid

import schemathesis


@schemathesis.hook
def before_call(context, case, kwargs):
    meta = case.meta
    if meta is not None and meta.generation.mode.is_negative:
        return
    headers = case.headers
    if not headers:
        return
    for name in list(headers):
        if name.lower() == "idempotency-key" and isinstance(headers[name], str):
            headers[name] = str(uuid.uuid4())
