import type { Access } from 'payload'

import { hasRoleAtLeast } from '@/lib/model/roles'

export const isAdmin: Access = ({ req: { user } }) => hasRoleAtLeast(user?.role, 'admin')
