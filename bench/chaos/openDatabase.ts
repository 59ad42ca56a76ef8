// A direct libsql handle on a scenario's SQLite file, for checks that must not trust the code under test.
import { createClient, type Client } from '@libsql/client'

export function openDatabase(file: string): Client {
  return createClient({ url: `file:${file}` })
}

export async function countRows(client: Client, sql: string, args: (string | number)[] = []) {
  const result = await client.execute({ sql, args })
  return Number(result.rows[0]?.n ?? 0)
}
