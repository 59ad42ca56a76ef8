import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { Agent, request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createSsrfGuard } from '@/lib/delivery/ssrf/createSsrfGuard'
import { isBlockedAddress } from '@/lib/delivery/ssrf/isBlockedAddress'
import { TargetRefusedError } from '@/lib/delivery/ssrf/targetRefusedError'

const refusal = { name: 'TargetRefusedError', code: 'target_refused' }

const addressesByHostname: Record<string, string[]> = {
  'loopback.test': ['127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'mixed.test': ['93.184.215.14', '10.0.0.5'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'public.test': ['93.184.215.14', '2606:4700:4700::1111'],
}

async function resolve(hostname: string): Promise<string[]> {
  const addresses = addressesByHostname[hostname]
  if (!addresses) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`)
  return addresses
}

function startServer(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler)
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()))
}

describe('isBlockedAddress', () => {
  it.each([
    ['0.0.0.0/8 (this network)', '0.0.0.0 0.255.255.255'],
    ['10.0.0.0/8 (private)', '10.0.0.1 10.255.255.255'],
    ['100.64.0.0/10 (CGNAT)', '100.64.0.1 100.127.255.254'],
    ['127.0.0.0/8 (loopback)', '127.0.0.1 127.255.255.254'],
    ['169.254.0.0/16 (link-local, cloud metadata)', '169.254.0.1 169.254.169.254'],
    ['172.16.0.0/12 (private)', '172.16.0.1 172.31.255.255'],
    ['192.0.0.0/24 (IETF protocol assignments)', '192.0.0.8'],
    ['192.0.2.0/24 (TEST-NET-1)', '192.0.2.1'],
    ['192.168.0.0/16 (private)', '192.168.1.1 192.168.255.255'],
    ['198.18.0.0/15 (benchmarking)', '198.18.0.1 198.19.255.255'],
    ['198.51.100.0/24 (TEST-NET-2)', '198.51.100.7'],
    ['203.0.113.0/24 (TEST-NET-3)', '203.0.113.9'],
    ['224.0.0.0/4 (multicast)', '224.0.0.1 239.255.255.250'],
    ['240.0.0.0/4 (reserved)', '240.0.0.1 255.255.255.254'],
    ['255.255.255.255 (broadcast)', '255.255.255.255'],
    [':: and ::1 (unspecified, loopback)', ':: ::1 0:0:0:0:0:0:0:1'],
    ['fc00::/7 (unique local, AWS metadata)', 'fc00::1 fd00:ec2::254 fdff:ffff::1'],
    ['fe80::/10 (link-local, any case, with a zone)', 'fe80::1 febf::1 FE80::ABCD fe80::1%eth0'],
    ['ff00::/8 (multicast)', 'ff02::1 ff05::1:3'],
    ['2001:db8::/32 (documentation)', '2001:db8::1'],
    ['64:ff9b::/96 (NAT64) embedding a blocked IPv4', '64:ff9b::7f00:1 64:ff9b::169.254.169.254'],
    ['64:ff9b:1::/48 (local-use NAT64)', '64:ff9b:1::808:808'],
    ['2002::/16 (6to4) embedding a blocked IPv4', '2002:c0a8:101::1'],
  ])('blocks %s', (_range, addresses) => {
    for (const ip of addresses.split(' ')) expect(isBlockedAddress(ip), ip).toBe(true)
  })

  it.each([
    ['IPv4-mapped, dotted', '::ffff:127.0.0.1 ::ffff:10.1.2.3 ::ffff:169.254.169.254'],
    ['IPv4-mapped, hex', '::ffff:7f00:1 ::FFFF:A9FE:A9FE 0:0:0:0:0:ffff:c0a8:0101'],
    ['IPv4-compatible', '::127.0.0.1 ::7f00:1 ::169.254.169.254'],
  ])('judges %s addresses by the IPv4 address they embed', (_form, addresses) => {
    for (const ip of addresses.split(' ')) expect(isBlockedAddress(ip), ip).toBe(true)
  })

  it('fails closed on anything that is not a valid IP address', () => {
    const notAddresses = ['', 'localhost', '127.1', '0x7f.0.0.1', '2130706433', '256.0.0.1']
    for (const ip of [...notAddresses, '[::1]', ' 8.8.8.8', '1:2:3:4:5:6:7:8:9']) {
      expect(isBlockedAddress(ip), ip).toBe(true)
    }
  })

  it.each([
    ['public IPv4', '8.8.8.8 1.1.1.1 93.184.215.14 223.255.255.255'],
    ['IPv4 just outside blocked ranges', '100.63.255.255 100.128.0.0 172.15.255.255 172.32.0.0'],
    ['IPv4 just outside benchmarking', '198.17.255.255 198.20.0.0'],
    ['public IPv6', '2606:4700:4700::1111 2001:4860:4860::8888'],
    [
      'IPv6 embedding a public IPv4',
      '::ffff:8.8.8.8 ::ffff:808:808 64:ff9b::8.8.8.8 2002:808:808::1',
    ],
  ])('allows %s', (_kind, addresses) => {
    for (const ip of addresses.split(' ')) expect(isBlockedAddress(ip), ip).toBe(false)
  })
})

describe('assertUrlAllowedAtConnect', () => {
  const guard = createSsrfGuard({ allowPrivateTargets: false })

  it('refuses blocked IP literals, whether bracketed, mapped or written in odd IPv4 forms', () => {
    const loopbacks = ['http://127.0.0.1./', 'http://0x7f.1/', 'http://2130706433/']
    const bracketed = [
      'http://[::1]:8080/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fd00:ec2::254]/',
    ]
    for (const url of [...loopbacks, ...bracketed, 'https://169.254.169.254/latest/meta-data/']) {
      expect(() => guard.assertUrlAllowedAtConnect(new URL(url)), url).toThrow(TargetRefusedError)
    }
  })

  it.each(['ftp://example.com/', 'file:///etc/passwd', 'gopher://example.com/'])(
    'refuses the non-http(s) URL %s even when private targets are allowed',
    (url) => {
      const permissive = createSsrfGuard({ allowPrivateTargets: true })
      expect(() => permissive.assertUrlAllowedAtConnect(new URL(url))).toThrow(TargetRefusedError)
    },
  )

  it('lets hostnames and public IP literals through, leaving hostnames to lookup', () => {
    const urls = ['http://localhost/', 'https://8.8.8.8/', 'https://[2606:4700:4700::1111]/']
    for (const url of urls) {
      expect(() => guard.assertUrlAllowedAtConnect(new URL(url))).not.toThrow()
    }
  })

  it('lets private IP literals through when private targets are allowed', () => {
    const permissive = createSsrfGuard({ allowPrivateTargets: true })
    expect(() => permissive.assertUrlAllowedAtConnect(new URL('http://[::1]/'))).not.toThrow()
  })
})

describe('assertDeliverableUrl', () => {
  const guard = createSsrfGuard({ allowPrivateTargets: false, resolve })
  const permissive = createSsrfGuard({ allowPrivateTargets: true, resolve })

  function expectRefusal(checked: Promise<void>, messagePart = '') {
    return expect(checked).rejects.toMatchObject({
      ...refusal,
      message: expect.stringContaining(messagePart),
    })
  }

  it('refuses a hostname that resolves to 127.0.0.1 unless private targets are allowed', async () => {
    await expectRefusal(guard.assertDeliverableUrl('https://loopback.test/hook'), '127.0.0.1')
    await expect(permissive.assertDeliverableUrl('https://loopback.test/hook')).resolves.toBe(
      undefined,
    )
  })

  it('refuses a hostname that resolves to the cloud metadata address 169.254.169.254', async () => {
    await expectRefusal(guard.assertDeliverableUrl('https://metadata.test/'), '169.254.169.254')
  })

  it('refuses a hostname when any one of its addresses is private', async () => {
    await expectRefusal(guard.assertDeliverableUrl('https://mixed.test/'), '10.0.0.5')
  })

  it('refuses a hostname that resolves to an IPv4-mapped loopback address', async () => {
    await expectRefusal(guard.assertDeliverableUrl('https://mapped.test/'), '::ffff:127.0.0.1')
  })

  it('accepts an https URL whose hostname resolves only to public addresses', async () => {
    await expect(guard.assertDeliverableUrl('https://public.test/a?b=1')).resolves.toBe(undefined)
  })

  it('judges an IP literal directly, brackets included, without resolving it', async () => {
    const resolveNothing = async (): Promise<string[]> => {
      throw new Error('an IP literal must not be resolved')
    }
    const literalGuard = createSsrfGuard({ allowPrivateTargets: false, resolve: resolveNothing })
    await expectRefusal(literalGuard.assertDeliverableUrl('https://[::1]/'), '::1')
    await expectRefusal(literalGuard.assertDeliverableUrl('https://10.1.2.3/'), '10.1.2.3')
    for (const url of ['https://8.8.8.8/', 'https://[2606:4700:4700::1111]/']) {
      await expect(literalGuard.assertDeliverableUrl(url)).resolves.toBe(undefined)
    }
  })

  it('refuses http to a public host, since plain http is only for development', async () => {
    await expectRefusal(guard.assertDeliverableUrl('http://public.test/'), 'must use https')
  })

  it('says, when refusing http, how to allow local receivers in development', async () => {
    await expectRefusal(
      guard.assertDeliverableUrl('http://public.test/'),
      'set ALLOW_PRIVATE_TARGETS=true on the hub (`npm run dev` sets it)',
    )
  })

  it('accepts http and private targets when private targets are allowed', async () => {
    for (const url of ['http://127.0.0.1:3000/hook', 'http://localhost:3000/hook']) {
      await expect(permissive.assertDeliverableUrl(url)).resolves.toBe(undefined)
    }
  })

  it('refuses ftp:// even when private targets are allowed', async () => {
    await expectRefusal(guard.assertDeliverableUrl('ftp://public.test/'), 'ftp:')
    await expectRefusal(permissive.assertDeliverableUrl('ftp://public.test/'), 'ftp:')
  })

  it('refuses credentials in the URL', async () => {
    await expectRefusal(guard.assertDeliverableUrl('https://u:secret@public.test/'), 'credentials')
    await expectRefusal(
      permissive.assertDeliverableUrl('https://token@public.test/'),
      'credentials',
    )
  })

  it('refuses a string that is not a URL, and a hostname that does not resolve', async () => {
    await expectRefusal(guard.assertDeliverableUrl('not a url'), 'not a valid URL')
    await expectRefusal(
      guard.assertDeliverableUrl('https://nowhere.test/'),
      'could not be resolved',
    )
  })
})

describe('lookup', () => {
  function callLookup(
    allowPrivateTargets: boolean,
    options: { all?: boolean },
  ): Promise<{ error: unknown; address: unknown; family: unknown }> {
    const guard = createSsrfGuard({ allowPrivateTargets })
    return new Promise((done) =>
      guard.lookup('localhost', { family: 4, ...options }, (error, address, family) =>
        done({ error, address, family }),
      ),
    )
  }

  it('refuses localhost both when asked for one address and when asked for all', async () => {
    expect((await callLookup(false, {})).error).toMatchObject(refusal)
    expect((await callLookup(false, { all: true })).error).toMatchObject(refusal)
  })

  it('answers in the shape asked for when private targets are allowed', async () => {
    expect(await callLookup(true, {})).toEqual({ error: null, address: '127.0.0.1', family: 4 })
    const all = await callLookup(true, { all: true })
    expect(all.error).toBeNull()
    expect(all.address).toEqual([{ address: '127.0.0.1', family: 4 }])
  })
})

describe('connect-time guard through an undici Agent', () => {
  let target: Server
  let redirector: Server

  beforeAll(async () => {
    target = await startServer((_request, response) => response.end('reached'))
    redirector = await startServer((_request, response) => {
      response.writeHead(301, { location: `http://localhost:${portOf(target)}/` })
      response.end()
    })
  })

  afterAll(async () => {
    await Promise.all([closeServer(target), closeServer(redirector)])
  })

  async function requestThroughGuard(url: string, allowPrivateTargets: boolean) {
    const dispatcher = new Agent({
      connect: { lookup: createSsrfGuard({ allowPrivateTargets }).lookup },
    })
    try {
      const response = await request(url, { dispatcher })
      await response.body.text()
      return response.statusCode
    } finally {
      await dispatcher.close()
    }
  }

  it('refuses to connect to localhost unless private targets are allowed', async () => {
    const url = `http://localhost:${portOf(target)}/`
    await expect(requestThroughGuard(url, false)).rejects.toMatchObject(refusal)
    await expect(requestThroughGuard(url, true)).resolves.toBe(200)
  })

  it('refuses a redirect hop to a private address through the same guarded agent', async () => {
    // The first hop stands in for a public server; it is fetched unguarded because it listens on loopback.
    const first = await request(`http://127.0.0.1:${portOf(redirector)}/`)
    await first.body.text()
    expect(first.statusCode).toBe(301)
    const location = String(first.headers.location)

    const guard = createSsrfGuard({ allowPrivateTargets: false })
    expect(() => guard.assertUrlAllowedAtConnect(new URL(location))).not.toThrow()
    await expect(requestThroughGuard(location, false)).rejects.toMatchObject(refusal)

    const literalLocation = `http://127.0.0.1:${portOf(target)}/`
    expect(() => guard.assertUrlAllowedAtConnect(new URL(literalLocation))).toThrow(
      TargetRefusedError,
    )
  })
})
