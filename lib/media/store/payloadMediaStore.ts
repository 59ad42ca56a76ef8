// The media store through Payload's Local API, for MongoDB and for processes without a store thread:
// one read for the pairs already recorded, then a create per new file.
import type { Payload } from 'payload'

import type { MediaStore, NewMedia } from './mediaStore'

const pairKey = (job: number | string, url: string) => `${job}\u0000${url}`

export function createPayloadMediaStore(payload: Payload): MediaStore {
  return {
    async recordMedia(rows) {
      if (rows.length === 0) return 0
      const existing = await payload.find({
        collection: 'media',
        where: {
          and: [
            { job: { in: [...new Set(rows.map((row) => row.job))] } },
            { url: { in: [...new Set(rows.map((row) => row.url))] } },
          ],
        },
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
      const recorded = new Set(
        existing.docs.map((doc) =>
          pairKey(typeof doc.job === 'object' && doc.job ? doc.job.id : (doc.job ?? ''), doc.url),
        ),
      )
      let inserted = 0
      for (const row of rows as NewMedia[]) {
        const key = pairKey(row.job, row.url)
        if (recorded.has(key)) continue
        recorded.add(key)
        await payload.create({ collection: 'media', data: row, overrideAccess: true, depth: 0 })
        inserted++
      }
      return inserted
    },
  }
}
