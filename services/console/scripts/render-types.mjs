// One rendering of the OpenAPI document as TypeScript, shared by the generator and the
// staleness test so both make the same text.
import openapiTS, { astToString } from 'openapi-typescript';

/** @param {object} doc the OpenAPI document */
export async function renderTypes(doc) {
  const ast = await openapiTS(doc, { alphabetize: true });
  return (
    '// Generated from src/api/openapi.json by scripts/generate-api.mjs; do not edit.\n' +
    astToString(ast)
  );
}

/**
 * The permission table the gateway enforces, as the OpenAPI document states it
 * (`x-aftercare-roles` of each operation): operationId -> roles allowed, or "public".
 * @param {any} doc the OpenAPI document
 */
export function renderPermissions(doc) {
  const table = {};
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      const roles = op['x-aftercare-roles'];
      table[op.operationId] = Array.isArray(roles) ? [...roles].sort() : 'public';
    }
  }
  const ids = Object.keys(table).sort();
  const lines = ids.map((id) => `  ${id}: ${JSON.stringify(table[id])},`);
  return (
    '// Generated from src/api/openapi.json by scripts/generate-api.mjs; do not edit.\n' +
    '// Which roles may call each operation: the table the gateway enforces.\n' +
    'export const OPERATION_ROLES = {\n' +
    lines.join('\n') +
    '\n} as const;\n\n/** An operation of the API. */\nexport type OperationId = keyof typeof OPERATION_ROLES;\n'
  );
}
