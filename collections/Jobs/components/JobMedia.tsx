'use client'
// The media documents the media handler recorded for this job (seed 004's media step).
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type MediaRow = {
  id: number | string
  url: string
  media_type: string
  project_id?: string | null
  width?: number | null
  height?: number | null
  duration?: number | null
}

function describeSize(media: MediaRow): string {
  const parts: string[] = []
  if (media.width && media.height) parts.push(`${media.width}×${media.height}`)
  if (media.duration) parts.push(`${media.duration} s`)
  if (media.project_id) parts.push(`project ${media.project_id}`)
  return parts.join(' · ')
}

export function JobMedia() {
  const { id } = useDocumentInfo()
  const [media, setMedia] = useState<MediaRow[] | null>(null)
  useEffect(() => {
    if (!id) return
    void fetch(`/api/media?where[job][equals]=${id}&depth=0&limit=50&sort=createdAt`, {
      credentials: 'include',
    })
      .then((response) => response.json())
      .then((json: { docs?: MediaRow[] }) => setMedia(json.docs ?? []))
  }, [id])
  if (!id) return null
  return (
    <div style={{ marginBottom: 24 }} data-testid="job-media">
      <h3>Media</h3>
      {media === null ? <p>Loading…</p> : null}
      {media?.length === 0 ? <p>No media recorded.</p> : null}
      <ul>
        {media?.map((item) => (
          <li key={item.id}>
            <a href={`/admin/collections/media/${item.id}`}>{item.media_type}</a>{' '}
            <a href={item.url} target="_blank" rel="noreferrer">
              {item.url}
            </a>{' '}
            {describeSize(item)}
          </li>
        ))}
      </ul>
    </div>
  )
}
