import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildConfig } from 'payload'

import { EventTypes } from './collections/EventTypes'
import { InboundSources } from './collections/InboundSources'
import { Jobs } from './collections/Jobs'
import { Media } from './collections/Media'
import { Users } from './collections/Users'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { WebhookEvents } from './collections/WebhookEvents'
import { WebhookLogs } from './collections/WebhookLogs'
import { Webhooks } from './collections/Webhooks'
import { Workers } from './collections/Workers'
import { labelFieldsFromNames } from './lib/admin/labelFieldsFromNames'
import { answerMalformedQueryAs400 } from './lib/payload/answerMalformedQueryAs400'
import { withBoundedRestReads } from './lib/payload/boundRestReads'
import { readEnv } from './lib/config/env'
import { createDatabaseAdapter } from './lib/payload/databaseAdapter'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const env = readEnv()

export default buildConfig({
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' — Webhook Hub' },
    avatar: 'default',
    components: {
      views: {
        dashboard: { Component: '/app/(payload)/components/dashboard/Dashboard#Dashboard' },
      },
    },
  },
  collections: [
    Webhooks,
    WebhookEvents,
    WebhookDeliveries,
    EventTypes,
    WebhookLogs,
    Jobs,
    Media,
    InboundSources,
    Users,
    Workers,
  ]
    .map(labelFieldsFromNames)
    .map(withBoundedRestReads),
  secret: env.PAYLOAD_SECRET,
  db: createDatabaseAdapter(env.DATABASE_URL),
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  hooks: { afterError: [answerMalformedQueryAs400] },
  graphQL: { disable: true },
  telemetry: false,
})
