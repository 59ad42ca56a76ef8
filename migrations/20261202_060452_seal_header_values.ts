import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { openSealedHeaders, sealHeaders } from '../lib/subscriptions/sealedHeaders'

// Header values stored before this migration are plain text: seal them, and keep only hints visible.
type HeaderRow = { id: number; value: string | null }

function parseJson(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export async function up({ db, payload }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`webhooks\` ADD \`sealed_headers\` text;`)
  const rows = await db.all<HeaderRow>(
    sql`SELECT \`id\`, \`headers\` AS \`value\` FROM \`webhooks\` WHERE \`headers\` IS NOT NULL;`,
  )
  for (const row of rows) {
    const { hints, sealed } = sealHeaders(
      parseJson(row.value),
      { hints: null, sealed: null },
      payload.secret,
    )
    await db.run(
      sql`UPDATE \`webhooks\` SET \`headers\` = ${JSON.stringify(hints)}, \`sealed_headers\` = ${JSON.stringify(sealed)} WHERE \`id\` = ${row.id};`,
    )
  }
}

export async function down({ db, payload }: MigrateDownArgs): Promise<void> {
  const rows = await db.all<HeaderRow>(
    sql`SELECT \`id\`, \`sealed_headers\` AS \`value\` FROM \`webhooks\` WHERE \`sealed_headers\` IS NOT NULL;`,
  )
  for (const row of rows) {
    const opened = openSealedHeaders(parseJson(row.value), payload.secret)
    await db.run(
      sql`UPDATE \`webhooks\` SET \`headers\` = ${JSON.stringify(opened)} WHERE \`id\` = ${row.id};`,
    )
  }
  await db.run(sql`ALTER TABLE \`webhooks\` DROP COLUMN \`sealed_headers\`;`)
}
