/** Roles exist from the start; permissions are what channels ask for. */

export const ROLES = ['service', 'admin', 'operator', 'scanner', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'orders.read', // look up orders
  'delivery.issue', // issue mobile / print@home
  'delivery.reissue', // reissue with a reason
  'gate.scan', // validate barcodes at the gate
  'operators.manage', // create / disable / reset operators
  'audit.read',
  'settings.manage', // institution settings
  'mfa.feature', // switch the institution-wide two-factor feature (service only)
  'actions.approve', // approve another operator's sensitive action at her terminal (four eyes)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  service: PERMISSIONS,
  admin: ['orders.read', 'delivery.issue', 'delivery.reissue', 'gate.scan', 'operators.manage', 'audit.read', 'settings.manage', 'actions.approve'],
  operator: ['orders.read', 'delivery.issue'],
  // The gate role sees the gate and nothing else (like the vendor's access-control app).
  scanner: ['gate.scan'],
  // A senior operator at the counter: she works the desk, reissues, and approves a colleague's sensitive action in that colleague's dialog.
  supervisor: ['orders.read', 'delivery.issue', 'delivery.reissue', 'actions.approve'],
};

/** The union of what the given roles allow, in PERMISSIONS order. */
export const permissionsFor = (roles: readonly Role[]): Permission[] =>
  PERMISSIONS.filter((p) => roles.some((role) => ROLE_PERMISSIONS[role].includes(p)));

export const can = (roles: readonly Role[], permission: Permission): boolean =>
  roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));

export const ROLE_LABELS: Record<Role, string> = {
  service: 'Service team',
  admin: 'Administrator',
  operator: 'Box-office operator',
  scanner: 'Gate scanner',
  supervisor: 'Supervisor',
};
