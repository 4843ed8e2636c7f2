// Who the app obeys: people with triage, write, maintain or admin access to the repository. A custom
// organization role counts when it is built on write or admin.
import type { Permission } from '../types.js';

const ROLES = new Set(['triage', 'write', 'maintain', 'admin']);
const BASES = new Set(['write', 'admin']);

export function mayRunCommands(permission: Permission): boolean {
  return ROLES.has(permission.role) || BASES.has(permission.base);
}
