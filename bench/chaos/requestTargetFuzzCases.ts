// Requests whose target no route can answer: a path with malformed percent-encoding or a Host header
// that is not host[:port] (issue 11, items 2 and 3). The hub must answer each with a 400 JSON error,
// never a 5xx and never a closed connection.
import type { FuzzCase } from './inboundFuzzCases'
import type { SeededRandom } from './seededRandom'

const PATH_PREFIXES = [
  '/api/v1/webhooks/',
  '/api/v1/webhooks/fal/',
  '/api/v1/webhooks/subscriptions/',
  '/api/v1/jobs/',
  '/api/v1/webhooks/logs/',
  '/admin/',
  '/admin/collections/webhooks/',
  '/api/users/',
  '/api/webhook-logs/',
  '/',
]

function malformedEscape(random: SeededRandom): string {
  return random.pick([
    '%ZZ',
    '%C3',
    '%E0%A4%A',
    '%',
    '%%',
    `%${random.text(1, 'GHIJKLMNOPQRSTUVWXYZghijklmnopqrstuvwxyz')}${random.text(1, '0123456789')}`,
    '%C3%28',
    '%F0%9F%98',
    '%ED%A0%80',
    '%C0%AF',
  ])
}

function malformedPath(random: SeededRandom): string {
  const segment = `${random.text(random.int(0, 6), 'abcxyz0123')}${malformedEscape(random)}`
  const query = random.chance(0.3) ? `?q=${random.text(4, 'abc')}` : ''
  return `${random.pick(PATH_PREFIXES)}${segment}${query}`
}

function invalidHost(random: SeededRandom): string {
  return random.pick([
    'a b',
    '[::1',
    'evil.example:99999',
    'evil.example:-1',
    'evil.example:8o',
    '[not:an:ip]',
    'hub.example/path',
    'user@hub.example',
    `${random.text(random.int(1, 10), 'abc')} ${random.text(3, 'xyz')}`,
    `hub.example:${random.int(65_536, 999_999)}`,
  ])
}

export function createRequestTargetCase(random: SeededRandom): FuzzCase {
  const brokenHost = random.chance(0.5)
  const method = random.pick(['GET', 'POST', 'PATCH', 'DELETE'])
  const body = method === 'GET' ? Buffer.alloc(0) : Buffer.from('{}')
  return {
    kind: brokenHost ? 'invalid-host' : 'malformed-path',
    method,
    path: brokenHost
      ? random.pick(['/api/v1/webhooks/lastframe', '/api/v1/jobs', '/admin', '/api/v1/health'])
      : malformedPath(random),
    headers: {
      'content-type': 'application/json',
      ...(brokenHost ? { host: invalidHost(random) } : {}),
    },
    body,
    chunked: false,
    oversized: false,
  }
}
