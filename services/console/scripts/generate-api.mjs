// Generates the console's typed API client from the gateway's OpenAPI document.
//
//   node scripts/generate-api.mjs            # `aftercare openapi` -> src/api/openapi.json -> src/api/schema.d.ts
//   node scripts/generate-api.mjs --from F   # from a saved document instead of the binary
//   node scripts/generate-api.mjs --types    # only src/api/openapi.json -> schema.d.ts, permissions.ts (run by npm run build)
//   node scripts/generate-api.mjs --check    # exit 1 when schema.d.ts is stale against openapi.json
//
// The binary is $AFTERCARE_BIN, else $CARGO_TARGET_DIR/debug/aftercare, else
// target/debug/aftercare. The gateway's test `console::tests::the_console_snapshot_of_the_api_is_current`
// fails when src/api/openapi.json differs from what the gateway serves; the Vitest test
// src/api/schema.test.ts fails when schema.d.ts differs from what this script makes of it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPermissions, renderTypes } from './render-types.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const docPath = join(root, 'src/api/openapi.json');
const typesPath = join(root, 'src/api/schema.d.ts');
const permsPath = join(root, 'src/api/permissions.ts');
const args = process.argv.slice(2);

if (args.includes('--check')) {
  const doc = JSON.parse(readFileSync(docPath, 'utf8'));
  const fresh = await renderTypes(doc);
  if (fresh !== readFileSync(typesPath, 'utf8') || renderPermissions(doc) !== readFileSync(permsPath, 'utf8')) {
    console.error('src/api/schema.d.ts is stale: run npm run api:generate');
    process.exit(1);
  }
  console.log('src/api/schema.d.ts is current');
  process.exit(0);
}

if (args.includes('--types')) {
  // Types and permissions from the committed snapshot (what `npm run build` does first,
  // so the console always compiles against the API the gateway's snapshot test checks).
  const doc = JSON.parse(readFileSync(docPath, 'utf8'));
  const types = await renderTypes(doc);
  const perms = renderPermissions(doc);
  if (readFileSync(typesPath, 'utf8') !== types) writeFileSync(typesPath, types);
  if (readFileSync(permsPath, 'utf8') !== perms) writeFileSync(permsPath, perms);
  process.exit(0);
}

let text;
const from = args.indexOf('--from');
if (from >= 0 && args[from + 1]) {
  text = readFileSync(args[from + 1], 'utf8');
} else {
  const target = process.env.CARGO_TARGET_DIR ?? resolve(root, '../../target');
  const bin = process.env.AFTERCARE_BIN ?? join(target, 'debug/aftercare');
  if (!existsSync(bin)) {
    console.error(`no aftercare binary at ${bin}: cargo build -p aftercare, or set AFTERCARE_BIN`);
    process.exit(1);
  }
  text = execFileSync(bin, ['openapi'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
const doc = JSON.parse(text);
// Written as the gateway printed it: JavaScript would turn 1.0 into 1 and the gateway's
// staleness test compares numbers by kind.
writeFileSync(docPath, text.endsWith('\n') ? text : text + '\n');
writeFileSync(typesPath, await renderTypes(doc));
writeFileSync(permsPath, renderPermissions(doc));
console.log(`wrote ${docPath} and ${typesPath}`);
