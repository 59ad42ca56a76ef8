import type { Access } from 'payload'

import { hasRoleAtLeast } from '@/lib/model/roles'

export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRoleAtLeast(user.role, 'admin')) return true
  return { id: { equals: user.id } }
}
