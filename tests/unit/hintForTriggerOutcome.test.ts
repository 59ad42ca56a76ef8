import { describe, expect, it } from 'vitest'

import { hintForTriggerAnswer, hintForTriggerFailure } from '@/lib/devtools/hintForTriggerOutcome'

const refusal = (code: string, message: string) => ({ error: { code, message } })

describe('trigger hints after the hub answered', () => {
  it('explains a fal 503 from a hub that cannot reach fal’s JWKS, and points at npm run dev', () => {
    const hint = hintForTriggerAnswer({
      provider: 'fal',
      status: 503,
      body: refusal('verification_unavailable', 'Cannot verify the fal signature: …'),
    })
    expect(hint).toEqual([
      "hint: the hub could not fetch fal's JWKS. A hub started with `npm start` (production mode) " +
        "checks fal callbacks against fal's real JWKS, which never holds the trigger's key.",
      'hint: run the hub with `npm run dev` instead: it serves a local fal key at ' +
        '/api/v1/dev/fal-jwks, shared with the trigger through data/dev-secrets.json, and the ' +
        'trigger signs with that key.',
    ])
  })

  it('explains a fal 401: the hub checks fal’s real keys, which never hold the trigger’s', () => {
    const hint = hintForTriggerAnswer({
      provider: 'fal',
      status: 401,
      body: refusal('invalid_signature', 'no key verifies the signature'),
    })
    expect(hint[0]).toMatch(/does not know the key the trigger signs fal callbacks with/)
    expect(hint[1]).toMatch(/npm run dev.*\/api\/v1\/dev\/fal-jwks.*data\/dev-secrets\.json/)
  })

  it.each([
    ['replicate', 'REPLICATE_WEBHOOK_SECRET is not configured', 'REPLICATE_WEBHOOK_SECRET'],
    ['openai', 'OPENAI_WEBHOOK_SECRET is not configured', 'OPENAI_WEBHOOK_SECRET'],
    [
      'lastframe',
      'Last Frame callbacks cannot be verified: LASTFRAME_WEBHOOK_SECRET is not set',
      'LASTFRAME_WEBHOOK_SECRET',
    ],
  ] as const)('names the missing secret for a %s 401 "%s"', (provider, message, variable) => {
    expect(
      hintForTriggerAnswer({ provider, status: 401, body: refusal('invalid_signature', message) }),
    ).toEqual([
      `hint: the hub has no ${variable}. \`npm run dev\` shares data/dev-secrets.json with the ` +
        'trigger, so both use the same development secret.',
      `hint: against a hub started with \`npm start\`, set the same ${variable} for both the hub ` +
        'and the trigger.',
    ])
  })

  it('says the secrets differ for a signature mismatch', () => {
    const hint = hintForTriggerAnswer({
      provider: 'lastframe',
      status: 401,
      body: refusal('invalid_signature', 'Last Frame signature does not match the body'),
    })
    expect(hint[0]).toMatch(
      /^hint: the hub and the trigger signed with different LASTFRAME_WEBHOOK_SECRET values\./,
    )
    expect(hint[1]).toMatch(
      /set the same LASTFRAME_WEBHOOK_SECRET for both the hub and the trigger/,
    )
  })

  it('names the secrets ComfyDeploy’s URL token comes from', () => {
    const hint = hintForTriggerAnswer({
      provider: 'comfydeploy',
      status: 401,
      body: refusal('invalid_signature', 'ComfyDeploy callback token does not match'),
    })
    expect(hint).toEqual([
      "hint: the hub and the trigger derive ComfyDeploy's URL token from different secrets: set " +
        'the same WEBHOOK_SECRET (or, without it, PAYLOAD_SECRET) for both.',
    ])
  })

  it.each([
    ['replicate', 200, { received: true }],
    ['fal', 200, { received: true }],
    ['openai', 400, refusal('invalid_json', 'body is not JSON')],
    ['fal', 500, refusal('internal_error', 'The callback could not be stored; retry later.')],
  ] as const)('adds nothing for %s answering %i', (provider, status, body) => {
    expect(hintForTriggerAnswer({ provider, status, body })).toEqual([])
  })

  it('reads a 401 whose body is not the hub’s error envelope as a secret mismatch', () => {
    const hint = hintForTriggerAnswer({ provider: 'lastframe', status: 401, body: 'Unauthorized' })
    expect(hint[0]).toMatch(/different LASTFRAME_WEBHOOK_SECRET values/)
  })
})

describe('trigger hints after the request failed', () => {
  it('says no hub is listening when the connection is refused', () => {
    expect(hintForTriggerFailure('http://localhost:3000', 'ECONNREFUSED')).toEqual([
      'hint: no hub is listening at http://localhost:3000. Start one (`npm run dev`), or pass ' +
        '--url <hub base URL>.',
    ])
    expect(
      hintForTriggerFailure('http://127.0.0.1:9', 'connect ECONNREFUSED 127.0.0.1:9'),
    ).toHaveLength(1)
  })

  it('adds nothing for other failures', () => {
    expect(hintForTriggerFailure('http://localhost:3000', 'Unknown event "x.y"')).toEqual([])
  })
})
