// The API reference the gateway serves at /api/docs: Scalar's standalone renderer, taken
// from the pinned npm package and emitted by this build as a hashed asset, rendering the
// served document. It is its own page: the console never loads it.
import standalone from '@scalar/api-reference/browser/standalone.js?url';
import type { createApiReference } from '@scalar/api-reference';
import { referenceConfiguration } from './configuration';

function failed(what: string): void {
  const root = document.getElementById('reference');
  if (root) {
    root.textContent = `${what} The machine-readable document is at /api/v1/openapi.json.`;
  }
}

const script = document.createElement('script');
script.src = standalone;
script.addEventListener('load', () => {
  const scalar = (window as unknown as { Scalar?: { createApiReference: typeof createApiReference } }).Scalar;
  if (!scalar) {
    failed('The reference renderer did not start.');
    return;
  }
  scalar.createApiReference('#reference', referenceConfiguration(window.location.origin));
});
script.addEventListener('error', () => failed('The reference renderer could not be loaded.'));
document.head.append(script);
