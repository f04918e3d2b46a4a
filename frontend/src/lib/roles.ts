import { lesserRole, Role } from '@pagi/contracts';

/** Roles from least to most, for pickers. */
export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

export const ROLE_TEXT: Record<Role, string> = {
  viewer: 'Viewer — reads the hub, atlas, telemetry and media',
  operator: 'Operator — also chats, searches memory and ingests',
  admin: 'Admin — everything, with users, keys and the audit',
};

/** The roles a key of this person may have: never more than their own. */
export const rolesUpTo = (role: Role): Role[] => ROLES.filter((r) => lesserRole(r, role) === r);

export const isRole = (value: string): value is Role => Role.safeParse(value).success;
