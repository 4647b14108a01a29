import type { createApiReference } from '@scalar/api-reference';

/** The settings Scalar's `createApiReference` takes for one document. */
export type ReferenceConfiguration = Exclude<Parameters<typeof createApiReference>[1], unknown[]>;

/** Where the gateway serves the OpenAPI document the reference renders. */
export const DOCUMENT_URL = '/api/v1/openapi.json';

/**
 * The reference's settings: the served document, try-it against the page's own origin with
 * a pasted bearer token, and nothing that reaches another host (no web fonts, no request
 * proxy, no assistant, no developer toolbar, whose sharing uploads the document, no link to the
 * hosted client).
 */
export function referenceConfiguration(origin: string): ReferenceConfiguration {
  return {
    url: DOCUMENT_URL,
    metaData: { title: 'Aftercare API reference' },
    // Requests go straight from the page to this origin (same-origin, no CORS involved).
    servers: [{ url: origin, description: 'This server' }],
    authentication: { preferredSecurityScheme: 'bearer' },
    // The token stays in the page, not in local storage.
    persistAuth: false,
    withDefaultFonts: false,
    telemetry: false,
    showDeveloperTools: 'never',
    // Its "Open API Client" links to Scalar's hosted client with this page's address.
    hideClientButton: true,
    agent: { disabled: true },
    documentDownloadType: 'json',
    layout: 'modern',
    theme: 'default',
  };
}
