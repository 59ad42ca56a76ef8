// Worker processes and their heartbeats, so /api/v1/health and the admin can tell who is alive.
import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isAuthenticated } from '../access/isAuthenticated'
import { nobody } from '../access/nobody'

export const WORKER_STATES = ['running', 'draining', 'stopped'] as const

export const Workers: CollectionConfig = {
  slug: 'workers',
  admin: {
    useAsTitle: 'worker_id',
    defaultColumns: ['worker_id', 'hostname', 'state', 'last_heartbeat_at'],
    group: 'Settings',
  },
  access: { read: isAuthenticated, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'worker_id', type: 'text', required: true, unique: true, index: true },
    { name: 'hostname', type: 'text' },
    { name: 'pid', type: 'number' },
    { name: 'state', type: 'select', required: true, options: [...WORKER_STATES] },
    { name: 'started_at', type: 'date', required: true },
    { name: 'last_heartbeat_at', type: 'date', required: true, index: true },
    { name: 'in_flight', type: 'number', defaultValue: 0 },
    {
      name: 'wake_port',
      type: 'number',
      admin: {
        description:
          'UDP port on 127.0.0.1 where processes on the same host signal new work (see lib/wakeups).',
      },
    },
  ],
}
