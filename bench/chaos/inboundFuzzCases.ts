// One randomized malformed inbound request: a correctly signed start, at least one mutation that must
// make the hub refuse it, and harmless noise on top (content types, encodings, extra headers, methods).
import { createUrlToken } from '@/lib/signing/urlToken'
import { buildSignedBase, type FuzzSecrets, type SignedBase } from './inboundFuzzTargets'
import { anyBody, oversizedBody, unparseableBody, wrongShapeBody } from './malformedBodies'
import type { SeededRandom } from './seededRandom'

export type FuzzCase = {
  kind: string
  method: string
  path: string
  headers: Record<string, string | string[]>
  body: Buffer
  chunked: boolean
  /** Over the body limit: the hub may answer 413 and close while the body is still being sent. */
  oversized: boolean
}

type Breaker = {
  name: string
  /** Signs again: it must run before the other breakers, or it would repair what they broke. */
  resigns: boolean
  applies: (base: SignedBase) => boolean
  apply: Mutate
}
type Mutate = (base: SignedBase, random: SeededRandom) => void

// Well past the 300 s tolerance, so that a request delayed in a queue is still out of it.
const STALE_OR_FUTURE = [-400, -3_600, -86_400, -1_700_000_000, 400, 3_600, 86_400 * 365]

function brokenSignature(random: SeededRandom, valid: string): string | string[] {
  switch (random.int(0, 5)) {
    case 0:
      return ''
    case 1:
      return random.text(random.int(1, 200))
    case 2:
      // At least two characters: dropping only base64's "=" padding leaves the same signature bytes.
      return valid.slice(0, Math.max(0, valid.length - random.int(2, 10)))
    case 3:
      return [random.text(20), random.text(64, '0123456789abcdef')]
    case 4:
      return valid.replace(/[0-9a-f]/i, (c) => (c === 'a' ? 'b' : 'a'))
    default:
      return `v1,${random.bytes(32).toString('base64')}`
  }
}

const BREAKERS: Breaker[] = [
  {
    name: 'body-swapped-after-signing',
    resigns: false,
    applies: (base) => base.scheme !== 'token',
    apply: (base, random) => {
      base.body = anyBody(random, base.body.toString())
    },
  },
  {
    name: 'garbage-body-validly-signed',
    resigns: true,
    applies: (base) => base.resign !== undefined || base.scheme === 'token',
    apply: (base, random) => {
      const garbage =
        base.checksShape && random.chance(0.4)
          ? wrongShapeBody(random)
          : unparseableBody(random, base.body.toString())
      base.body = garbage
      if (base.resign) {
        const id = String(base.headers['webhook-id'] ?? 'msg_fuzz')
        Object.assign(base.headers, base.resign(garbage, Math.floor(Date.now() / 1000), id))
      }
    },
  },
  {
    name: 'signature-missing-or-broken',
    resigns: false,
    applies: (base) => base.signatureHeader !== undefined,
    apply: (base, random) => {
      const header = base.signatureHeader!
      if (random.chance(0.3)) delete base.headers[header]
      else base.headers[header] = brokenSignature(random, String(base.headers[header]))
    },
  },
  {
    name: 'timestamp-out-of-tolerance-or-garbled',
    resigns: true,
    applies: (base) => base.timestampHeader !== undefined,
    apply: (base, random) => {
      const header = base.timestampHeader!
      const shifted = Math.floor(Date.now() / 1000) + random.pick(STALE_OR_FUTURE)
      if (base.scheme === 'standard' && random.chance(0.5)) {
        // Correctly signed, only too old or too new.
        const id = String(base.headers['webhook-id'])
        Object.assign(base.headers, base.resign!(base.body, shifted, id))
      } else if (base.scheme === 'fal' || random.chance(0.5)) {
        base.headers[header] = random.pick([
          String(shifted),
          'NaN',
          '-1',
          '1e10',
          '0x10',
          `${shifted}.5`,
          random.text(8),
          [String(shifted), String(shifted)],
        ])
      } else {
        base.headers[header] = String(shifted)
      }
    },
  },
  {
    name: 'signed-identity-altered',
    resigns: false,
    applies: (base) => base.identityHeader !== undefined,
    apply: (base, random) => {
      const header = base.identityHeader!
      const value = String(base.headers[header])
      base.headers[header] = random.pick([
        `${value}x`,
        random.text(12),
        [value, value],
        '',
        value.toUpperCase() === value ? `${value}0` : value.toUpperCase(),
      ])
    },
  },
  {
    name: 'url-token-missing-or-wrong',
    resigns: false,
    applies: (base) => base.scheme === 'token',
    apply: (base, random) => {
      switch (random.int(0, 4)) {
        case 0:
          delete base.query.token
          break
        case 1:
          base.query.token = random.text(32, '0123456789abcdef')
          break
        case 2:
          base.query.token = createUrlToken(base.tokenSecret!, `${base.tokenSubject}0`)
          break
        case 3:
          base.query.token = (base.query.token ?? '').slice(0, random.int(0, 31))
          break
        default:
          base.jobId = base.provider === 'comfydeploy' ? null : `${base.jobId}9`
      }
    },
  },
]

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=',
  'application/json; charset=utf-16',
  'application/xml',
  '*/*',
  'application/json, application/json',
]

function addNoise(fuzz: FuzzCase, random: SeededRandom) {
  if (random.chance(0.3)) fuzz.headers['content-type'] = random.pick(CONTENT_TYPES)
  if (random.chance(0.2)) delete fuzz.headers['content-type']
  if (random.chance(0.2)) {
    fuzz.headers['content-encoding'] = random.pick(['gzip', 'deflate', 'br', 'gzip, gzip', 'zstd'])
  }
  if (random.chance(0.2)) fuzz.headers['x-forwarded-for'] = random.text(random.int(1, 100))
  if (random.chance(0.1)) fuzz.headers['user-agent'] = [random.text(10), random.text(10)]
  if (random.chance(0.1)) fuzz.headers[`x-${random.text(6, 'abcdefgh')}`] = random.text(2_000)
  fuzz.chunked = random.chance(0.3)
  if (random.chance(0.03)) {
    fuzz.method = random.pick(['GET', 'PUT', 'PATCH', 'DELETE'])
    if (fuzz.method === 'GET') fuzz.body = Buffer.alloc(0)
  }
}

function pathFor(base: SignedBase, random: SeededRandom): string {
  const query = new URLSearchParams(base.query)
  if (random.chance(0.1)) query.append(random.text(5, 'abcxyz'), random.text(20))
  const job = base.jobId === null ? '' : `/${encodeURIComponent(base.jobId)}`
  const search = query.toString()
  return `/api/v1/webhooks/${base.provider}${job}${search ? `?${search}` : ''}`
}

function unknownProviderPath(random: SeededRandom): string {
  const name = random.pick([
    `zz-${random.text(random.int(1, 20), 'abcdefghijklmnopqrstuvwxyz0123456789-')}`,
    'FAL',
    'fal.json',
    'Open%41I',
    encodeURIComponent(random.text(random.int(1, 40))),
    `zz${'a'.repeat(random.int(60, 400))}`,
    '%00',
    'fal%2Fx',
    '..%2F..%2Fhealth',
  ])
  return `/api/v1/webhooks/${name}${random.chance(0.3) ? `/${random.int(1, 99999)}` : ''}`
}

export function createFuzzCase(
  random: SeededRandom,
  secrets: FuzzSecrets,
  bodyLimitBytes: number,
): FuzzCase {
  const providers = [
    'fal',
    'openai',
    'replicate',
    'comfydeploy',
    'lastframe',
    secrets.customHmac.slug,
    secrets.customStandard.slug,
    secrets.customToken.slug,
    'unknown',
  ]
  const provider = random.pick(providers)
  const base = buildSignedBase(
    provider === 'unknown' ? 'fal' : provider,
    secrets,
    random.pick(secrets.jobIds),
  )
  const kinds: string[] = []
  if (random.chance(0.03)) {
    base.body = oversizedBody(random, bodyLimitBytes)
    kinds.push('oversized')
  } else if (provider !== 'unknown') {
    const applicable = BREAKERS.filter((breaker) => breaker.applies(base))
    // Distinct breakers: the same one twice can undo itself (a flipped character flipped back).
    const chosen = [
      ...new Set(Array.from({ length: random.int(1, 2) }, () => random.pick(applicable))),
    ]
    for (const breaker of chosen.sort((a, b) => Number(b.resigns) - Number(a.resigns))) {
      breaker.apply(base, random)
      kinds.push(breaker.name)
    }
  }
  const fuzz: FuzzCase = {
    kind: provider === 'unknown' ? 'unknown-provider' : `${provider}:${kinds.join('+')}`,
    method: 'POST',
    path: provider === 'unknown' ? unknownProviderPath(random) : pathFor(base, random),
    headers: { ...base.headers },
    body: base.body,
    chunked: false,
    oversized: kinds.includes('oversized'),
  }
  addNoise(fuzz, random)
  return fuzz
}
