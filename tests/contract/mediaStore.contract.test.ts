// The media store contract, run once per implementation: the store thread's SQLite store and the Payload
// Local API store (the one MongoDB uses), on the same real database.
import { createClient, type Client } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { MediaStore, NewMedia } from '@/lib/media/store/mediaStore'
import { createPayloadMediaStore } from '@/lib/media/store/payloadMediaStore'
import { createSqliteMediaStore } from '@/lib/media/store/sqliteMediaStore'
import { bootHub } from '../helpers/bootHub'

let payload: Payload
let client: Client

beforeAll(async () => {
  payload = await bootHub()
  client = createClient({ url: process.env.DATABASE_URL! })
  await client.execute('PRAGMA busy_timeout = 10000')
})

afterAll(() => client.close())

async function createJob(externalId: string): Promise<number> {
  const job = await payload.create({
    collection: 'jobs',
    overrideAccess: true,
    data: { provider: 'lastframe', external_id: externalId, status: 'completed' },
  })
  return job.id
}

function media(job: number, name: string, extra: Partial<NewMedia> = {}): NewMedia {
  return {
    url: `https://cdn.example.com/${name}`,
    media_type: 'generated-image',
    width: 1024,
    height: 768,
    duration: null,
    job,
    provider: 'lastframe',
    project_id: 'project-7',
    ...extra,
  }
}

async function readMedia(job: number) {
  const found = await payload.find({
    collection: 'media',
    where: { job: { equals: job } },
    sort: 'url',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return found.docs
}

const implementations: [string, () => MediaStore][] = [
  ['sqlite', () => createSqliteMediaStore(client)],
  ['payload', () => createPayloadMediaStore(payload)],
]

describe.each(implementations)('the %s media store', (name, createStore) => {
  it('records the files of several jobs in one call, with their fields', async () => {
    const [first, second] = [await createJob(`${name}-a`), await createJob(`${name}-b`)]
    const store = createStore()
    const inserted = await store.recordMedia([
      media(first, `${name}-a1.png`),
      media(first, `${name}-a2.mp4`, {
        media_type: 'generated-video',
        width: null,
        height: null,
        duration: 4.5,
      }),
      media(second, `${name}-b1.png`, { project_id: null }),
    ])
    expect(inserted).toBe(3)
    const firstMedia = await readMedia(first)
    expect(firstMedia.map((doc) => [doc.url, doc.media_type, doc.duration])).toEqual([
      [`https://cdn.example.com/${name}-a1.png`, 'generated-image', null],
      [`https://cdn.example.com/${name}-a2.mp4`, 'generated-video', 4.5],
    ])
    expect(firstMedia[0]).toMatchObject({
      job: first,
      provider: 'lastframe',
      project_id: 'project-7',
      width: 1024,
      height: 768,
    })
    expect(firstMedia[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect((await readMedia(second)).map((doc) => doc.project_id)).toEqual([null])
  })

  it('skips a file already recorded for its job, in the same call or a later one', async () => {
    const job = await createJob(`${name}-again`)
    const store = createStore()
    expect(await store.recordMedia([media(job, 'same.png'), media(job, 'same.png')])).toBe(1)
    expect(await store.recordMedia([media(job, 'same.png'), media(job, 'new.png')])).toBe(1)
    expect((await readMedia(job)).map((doc) => doc.url)).toEqual([
      'https://cdn.example.com/new.png',
      'https://cdn.example.com/same.png',
    ])
  })

  it('records more files than one statement binds', async () => {
    const job = await createJob(`${name}-many`)
    const rows = Array.from({ length: 501 }, (_, index) => media(job, `${name}-${index}.png`))
    expect(await createStore().recordMedia(rows)).toBe(501)
    expect(await payload.count({ collection: 'media', where: { job: { equals: job } } })).toEqual({
      totalDocs: 501,
    })
  })
})
