// Issue 11, item 8: every IANA special-purpose block is refused, and an https delivery is never
// redirected down to http (which would re-send the subscription's headers in clear text).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { Agent } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createSsrfGuard } from '@/lib/delivery/ssrf/createSsrfGuard'
import { isBlockedAddress } from '@/lib/delivery/ssrf/isBlockedAddress'
import {
  IPV4_EMBEDDING_IPV6_RANGES,
  SPECIAL_PURPOSE_IPV4_RANGES,
  SPECIAL_PURPOSE_IPV6_RANGES,
  type SpecialPurposeRange,
} from '@/lib/delivery/ssrf/specialPurposeRanges'
import { sendDeliveryAttempt } from '@/lib/delivery/sendDeliveryAttempt'

function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((total, octet) => total * 256 + Number(octet), 0)
}

function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.')
}

function ipv6ToBigInt(ip: string): bigint {
  const [head, tail = ''] = ip.includes('::') ? ip.split('::') : [ip, '']
  const front = head === '' ? [] : head.split(':')
  const back = tail === '' ? [] : tail.split(':')
  const groups = ip.includes('::')
    ? [...front, ...new Array<string>(8 - front.length - back.length).fill('0'), ...back]
    : front
  return groups.reduce((total, group) => (total << 16n) | BigInt(parseInt(group, 16)), 0n)
}

function bigIntToIpv6(value: bigint): string {
  const groups: string[] = []
  for (let shift = 112n; shift >= 0n; shift -= 16n)
    groups.push(((value >> shift) & 0xffffn).toString(16))
  return groups.join(':')
}

function firstAndLastIpv4({ network, prefix }: SpecialPurposeRange): string[] {
  const first = ipv4ToNumber(network)
  return [numberToIpv4(first), numberToIpv4(first + 2 ** (32 - prefix) - 1)]
}

function firstAndLastIpv6({ network, prefix }: SpecialPurposeRange): string[] {
  const first = ipv6ToBigInt(network)
  return [bigIntToIpv6(first), bigIntToIpv6(first + (1n << BigInt(128 - prefix)) - 1n)]
}

describe('item 8: the special-purpose address registries', () => {
  it.each(SPECIAL_PURPOSE_IPV4_RANGES.map((range) => [`${range.network}/${range.prefix}`, range]))(
    'refuses the first and last address of the IPv4 block %s',
    (_cidr, range) => {
      for (const ip of firstAndLastIpv4(range)) expect(isBlockedAddress(ip), ip).toBe(true)
    },
  )

  it.each(SPECIAL_PURPOSE_IPV6_RANGES.map((range) => [`${range.network}/${range.prefix}`, range]))(
    'refuses the first and last address of the IPv6 block %s',
    (_cidr, range) => {
      for (const ip of firstAndLastIpv6(range)) expect(isBlockedAddress(ip), ip).toBe(true)
    },
  )

  it.each(IPV4_EMBEDDING_IPV6_RANGES.map((range) => [`${range.network}/${range.prefix}`, range]))(
    'judges the IPv6 block %s by the IPv4 address it embeds',
    (_cidr, range) => {
      const base = ipv6ToBigInt(range.network)
      // 6to4 carries its IPv4 address in bits 16-47, the others in the last 32 bits.
      const shift = range.prefix === 16 ? 80n : 0n
      const embedding = (ipv4: string) => bigIntToIpv6(base | (BigInt(ipv4ToNumber(ipv4)) << shift))
      expect(isBlockedAddress(embedding('127.0.0.1')), embedding('127.0.0.1')).toBe(true)
      expect(isBlockedAddress(embedding('169.254.169.254'))).toBe(true)
      expect(isBlockedAddress(embedding('8.8.8.8')), embedding('8.8.8.8')).toBe(false)
    },
  )

  it('refuses every address the probe found accepted', () => {
    for (const ip of ['::ffff:0:7f00:1', '::ffff:0:a9fe:a9fe', 'fec0::1', '100::1', '2001::1']) {
      expect(isBlockedAddress(ip), ip).toBe(true)
    }
  })

  it('refuses IPv6 outside global unicast 2000::/3, and deprecated IPv4-compatible addresses', () => {
    for (const ip of ['1::1', '4000::1', 'e000::1', 'fe00::1', '::8.8.8.8', '::808:808']) {
      expect(isBlockedAddress(ip), ip).toBe(true)
    }
  })

  it('still allows public addresses next to the refused blocks', () => {
    const publicAddresses = [
      '1.1.1.1',
      '9.255.255.255',
      '11.0.0.0',
      '192.0.1.0',
      '192.88.98.255',
      '223.255.255.255',
      '2001:200::1',
      '2001:4860:4860::8888',
      '2606:4700:4700::1111',
      '2620:4f:8001::1',
      '3fff:1000::1',
    ]
    for (const ip of publicAddresses) expect(isBlockedAddress(ip), ip).toBe(false)
  })

  it('refuses the probe addresses as subscription URLs at save', async () => {
    const guard = createSsrfGuard({ allowPrivateTargets: false })
    for (const host of ['[::ffff:0:7f00:1]', '[::ffff:0:a9fe:a9fe]', '[fec0::1]', '[100::1]']) {
      await expect(guard.assertDeliverableUrl(`https://${host}/hook`), host).rejects.toMatchObject({
        code: 'target_refused',
      })
    }
  })
})

describe('item 8: redirects from https down to http', () => {
  let httpsRedirector: Server
  let plainTarget: Server
  let certificate: string
  const plainRequests: Record<string, string | string[] | undefined>[] = []

  function listen(server: Server): Promise<number> {
    return new Promise((done) =>
      server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)),
    )
  }

  beforeAll(async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'item08-tls-'))
    const keyFile = path.join(directory, 'key.pem')
    const certFile = path.join(directory, 'cert.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    )
    certificate = readFileSync(certFile, 'utf8')
    plainTarget = createHttpServer((request, response) => {
      plainRequests.push(request.headers)
      response.end('reached over http')
    })
    const plainPort = await listen(plainTarget)
    httpsRedirector = createHttpsServer(
      { key: readFileSync(keyFile), cert: certificate },
      (_request, response) => {
        response.writeHead(307, { location: `http://localhost:${plainPort}/hook` })
        response.end()
      },
    )
    await listen(httpsRedirector)
  })

  afterAll(async () => {
    await Promise.all(
      [httpsRedirector, plainTarget].map(
        (server) => new Promise((done) => server.close(() => done(undefined))),
      ),
    )
  })

  it('refuses the redirect and never sends the headers over http', async () => {
    const guard = createSsrfGuard({ allowPrivateTargets: true })
    const dispatcher = new Agent({ connect: { lookup: guard.lookup, ca: certificate } })
    try {
      const port = (httpsRedirector.address() as AddressInfo).port
      const result = await sendDeliveryAttempt(
        { dispatcher, guard, timeoutMs: 10_000 },
        `https://localhost:${port}/hook`,
        '{"event_type":"job.completed"}',
        { 'content-type': 'application/json', 'x-api-key': 'customer-credential' },
      )
      expect(result.statusCode).toBe(307)
      expect(result.error).toMatch(/Refused a redirect from https to http:/)
      expect(plainRequests).toEqual([])
    } finally {
      await dispatcher.close()
    }
  })
})
