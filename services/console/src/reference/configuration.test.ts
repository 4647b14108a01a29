import { describe, expect, it } from 'vitest';
import { DOCUMENT_URL, referenceConfiguration } from './configuration';

describe('the API reference settings', () => {
  const c = referenceConfiguration('http://127.0.0.1:8080');

  it('render the served document and try requests against this origin with a bearer token', () => {
    expect(c.url).toBe(DOCUMENT_URL);
    expect(DOCUMENT_URL).toBe('/api/v1/openapi.json');
    expect(c.servers).toEqual([{ url: 'http://127.0.0.1:8080', description: 'This server' }]);
    expect(c.authentication).toEqual({ preferredSecurityScheme: 'bearer' });
    expect(c.persistAuth).toBe(false);
  });

  it('reach no other host: no web fonts, proxy, telemetry, assistant, toolbar or hosted client', () => {
    expect(c.withDefaultFonts).toBe(false);
    expect(c.proxyUrl).toBeUndefined();
    expect(c.telemetry).toBe(false);
    expect(c.agent).toEqual({ disabled: true });
    expect(c.showDeveloperTools).toBe('never');
    expect(c.hideClientButton).toBe(true);
    expect(JSON.stringify(c)).not.toMatch(/https?:\/\/(?!127\.0\.0\.1:8080)/);
  });
});
