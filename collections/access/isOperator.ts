import type { Access } from 'payload'

import { hasRoleAtLeast } from '@/lib/model/roles'

/** Operators and admins: they may replay, retry and send test events. */
export const isOperator: Access = ({ req: { user } }) => hasRoleAtLeast(user?.role, 'operator')
