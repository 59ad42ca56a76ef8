import type { FieldAccess } from 'payload'

import { hasRoleAtLeast } from '@/lib/model/roles'

export const isAdminField: FieldAccess = ({ req: { user } }) => hasRoleAtLeast(user?.role, 'admin')
