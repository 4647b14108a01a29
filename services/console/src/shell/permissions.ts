// What the signed-in role may do, from the permission table the gateway enforces
// (generated into api/permissions.ts from the OpenAPI document's `x-aftercare-roles`).
import { useSyncExternalStore } from 'react';
import { OPERATION_ROLES, type OperationId } from '../api/permissions';
import { snapshot, subscribe } from '../auth/session';

/** Whether `role` may call `op`. */
export function allowed(role: string | undefined, op: OperationId): boolean {
  const roles = OPERATION_ROLES[op] as readonly string[] | 'public';
  if (roles === 'public') return true;
  return role !== undefined && roles.includes(role);
}

/** The session, re-rendering on change. */
export function useSession() {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Whether the signed-in caller may call `op` (hide what would answer 403). */
export function useCan(op: OperationId): boolean {
  return allowed(useSession().me?.role, op);
}
