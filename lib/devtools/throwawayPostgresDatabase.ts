// A database of its own on a PostgreSQL server for one test file, bench or chaos run, dropped after it.
import { randomBytes } from 'node:crypto'

import pg from 'pg'

export const DEFAULT_POSTGRES_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export type ThrowawayPostgresDatabase = { name: string; url: string; drop(): Promise<void> }

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** On TEST_POSTGRES_URL's server when set, otherwise the local server every dev machine and CI run has. */
export async function createThrowawayPostgresDatabase(
  label: string,
  serverUrl = process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_SERVER_URL,
): Promise<ThrowawayPostgresDatabase> {
  const name = `hub_${label}_${randomBytes(6).toString('hex')}`
  await onServer(serverUrl, `CREATE DATABASE "${name}"`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.href,
    // FORCE ends the connections of processes that are still running (or were killed mid-query).
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  }
}
