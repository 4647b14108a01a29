// The typed client is generated from src/api/openapi.json (the gateway's test
// console::tests::the_console_snapshot_of_the_api_is_current keeps that file equal to
// what the gateway serves); this fails when schema.d.ts or permissions.ts were not
// regenerated from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with the generator
import { renderPermissions, renderTypes } from '../../scripts/render-types.mjs';

describe('the generated API client', () => {
  const doc = JSON.parse(readFileSync(join(__dirname, 'openapi.json'), 'utf8')) as object;
  it('types are current against the OpenAPI document', async () => {
    const fresh = (await renderTypes(doc)) as string;
    expect(fresh === readFileSync(join(__dirname, 'schema.d.ts'), 'utf8'), 'run npm run api:generate').toBe(true);
  });
  it('permission table is current against the OpenAPI document', () => {
    expect(renderPermissions(doc) === readFileSync(join(__dirname, 'permissions.ts'), 'utf8'), 'run npm run api:generate').toBe(true);
  });
});
