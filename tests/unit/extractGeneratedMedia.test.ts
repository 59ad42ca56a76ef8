import { describe, expect, it } from 'vitest'

import { extractGeneratedMedia } from '@/lib/media/extractGeneratedMedia'

describe('extractGeneratedMedia', () => {
  it('reads fal images with their size and a fal video', () => {
    expect(
      extractGeneratedMedia({
        images: [
          { url: 'https://fal.media/a.png', width: 1024, height: 768, content_type: 'image/png' },
        ],
        seed: 1,
      }),
    ).toEqual([
      {
        url: 'https://fal.media/a.png',
        media_type: 'generated-image',
        width: 1024,
        height: 768,
        duration: null,
      },
    ])
    expect(
      extractGeneratedMedia({ video: { url: 'https://fal.media/v', content_type: 'video/mp4' } }),
    ).toMatchObject([{ url: 'https://fal.media/v', media_type: 'generated-video' }])
  })

  it("reads seed 004's result (images, or a video with its duration)", () => {
    expect(
      extractGeneratedMedia({ video: { url: 'https://example.com/v.mp4', duration: 12 } }),
    ).toMatchObject([{ media_type: 'generated-video', duration: 12 }])
  })

  it("reads Last Frame's output_url and duration", () => {
    expect(
      extractGeneratedMedia({ output_url: 'https://cdn.example.com/out.mp4', duration: 4.2 }),
    ).toEqual([
      {
        url: 'https://cdn.example.com/out.mp4',
        media_type: 'generated-video',
        width: null,
        height: null,
        duration: 4.2,
      },
    ])
  })

  it("reads Replicate's output URL or URLs by extension and skips text output", () => {
    expect(extractGeneratedMedia(['https://replicate.delivery/x/out-0.webp'])).toMatchObject([
      { media_type: 'generated-image' },
    ])
    expect(extractGeneratedMedia('https://replicate.delivery/x/out.mp4')).toMatchObject([
      { media_type: 'generated-video' },
    ])
    expect(extractGeneratedMedia(['Once', ' upon', ' a time'])).toEqual([])
  })

  it("reads ComfyDeploy's collected images once each", () => {
    const url = 'https://cdn.example.com/c.png'
    expect(
      extractGeneratedMedia({
        images: [
          { url, filename: 'c.png' },
          { url, filename: 'c.png' },
        ],
        outputs: [],
      }),
    ).toHaveLength(1)
  })

  it('finds nothing in an OpenAI response, a data URL or a non-media content type', () => {
    expect(
      extractGeneratedMedia({
        id: 'resp_1',
        output_text: 'hi',
        output: [{ type: 'image_generation_call', result: 'iVBORw0KGgo=' }],
      }),
    ).toEqual([])
    expect(extractGeneratedMedia({ images: [{ url: 'data:image/png;base64,AAAA' }] })).toEqual([])
    expect(
      extractGeneratedMedia({
        images: [{ url: 'https://x.example/a.json', content_type: 'application/json' }],
      }),
    ).toEqual([])
    expect(extractGeneratedMedia(null)).toEqual([])
  })
})
