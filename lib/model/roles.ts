// The three operator roles, from least to most powerful.
export const ROLES = ['viewer', 'operator', 'admin'] as const
export type Role = (typeof ROLES)[number]

export function hasRoleAtLeast(role: Role | null | undefined, minimum: Role): boolean {
  if (!role) return false
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum)
}
