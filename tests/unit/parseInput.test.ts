import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { ApiError } from '@/lib/api/apiError'
import { parseJsonBody, parseWithSchema } from '@/lib/api/parseInput'
import { respondError } from '@/lib/api/respond'

const schema = z.object({ url: z.url(), retry: z.object({ max_attempts: z.number().int() }) })

describe('parseInput', () => {
  it('answers 400 validation_error naming every bad field', async () => {
    let caught: unknown
    try {
      parseWithSchema(schema, { url: 'not a url', retry: { max_attempts: 'x' } })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ApiError)
    const response = respondError(caught)
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.success).toBe(false)
    expect(body.error.code).toBe('validation_error')
    expect(body.error.message).toContain('url')
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'url',
      'retry.max_attempts',
    ])
  })

  it('answers 400 invalid_json for a body that is not JSON', async () => {
    const request = new Request('http://hub.test', { method: 'POST', body: '{"url":' })
    await expect(parseJsonBody(request, schema)).rejects.toMatchObject({
      code: 'invalid_json',
      status: 400,
    })
  })

  it('hides unexpected errors behind a 500 internal_error', async () => {
    const response = respondError(new Error('database password is hunter2'))
    expect(response.status).toBe(500)
    const body = await response.json()
    expect(body.error).toEqual({ code: 'internal_error', message: 'An unexpected error occurred.' })
  })
})
