import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isAdminField } from '../access/isAdminField'
import { isAdminOrSelf } from '../access/isAdminOrSelf'
import { ROLES } from '@/lib/model/roles'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'role'], group: 'Settings' },
  auth: { useAPIKey: true, tokenExpiration: 8 * 60 * 60 },
  access: {
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    // Payload lets any signed-in user unlock by default: clearing an admin's brute-force lockout is admin work.
    unlock: isAdmin,
  },
  hooks: { beforeChange: [makeFirstUserAdmin] },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'viewer',
      saveToJWT: true,
      options: ROLES.map((role) => ({ label: role, value: role })),
      access: { create: isAdminField, update: isAdminField },
    },
  ],
}
