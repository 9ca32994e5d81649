import { ROLES, type Role } from '../../shared/roles.ts';
import { msg } from '../app/capability.ts';

/** English role names (translated with t() where shown). */
export const roleLabels: Record<Role, string> = {
  network_administrator: msg('Network administrator'),
  administrator: msg('Administrator'),
  secretariat: msg('Secretariat'),
  member_editor: msg('Member editor'),
  case_worker: msg('Case worker'),
  viewer: msg('Viewer'),
};

/** The roles a person may give: only a network administrator makes another one. */
export function assignableRoles(network: boolean): Role[] {
  return ROLES.filter((r) => network || r !== 'network_administrator');
}
