// Keeps webhook deliveries away from private and reserved networks, when saved and at connect.
import { lookup as lookupHost, promises as dnsPromises, type LookupAddress } from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'

import { isBlockedAddress } from './isBlockedAddress'
import { TargetRefusedError } from './targetRefusedError'

export type SsrfGuard = {
  /** Use as undici Agent `connect: { lookup }`: resolves with dns.lookup and refuses blocked addresses at connect time. */
  lookup: LookupFunction
  /** Throws TargetRefusedError when the URL is unusable: not http(s), or http(s) to an IP literal that is blocked. Hostnames pass (lookup judges them at connect time). */
  assertUrlAllowedAtConnect(url: URL): void
  /** At subscription create/update: rejects non-https URLs (http allowed only with allowPrivateTargets), credentials in the URL, and any hostname that resolves (dns.promises.lookup all:true) to ANY blocked address; an IP literal is judged directly. Throws TargetRefusedError with a clear message naming the address. */
  assertDeliverableUrl(url: string): Promise<void>
}

export type SsrfGuardOptions = {
  allowPrivateTargets: boolean
  resolve?: (hostname: string) => Promise<string[]>
}

export function createSsrfGuard(options: SsrfGuardOptions): SsrfGuard {
  const { allowPrivateTargets } = options
  const resolve = options.resolve ?? resolveAllAddresses

  function findBlockedAddress(addresses: readonly string[]): string | undefined {
    return allowPrivateTargets ? undefined : addresses.find(isBlockedAddress)
  }

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    // Every address is resolved even when the caller wants one, so that a name mixing public and
    // private records is refused outright rather than depending on which record comes first.
    lookupHost(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '')
      const blocked = findBlockedAddress(addresses.map((entry) => entry.address))
      if (blocked !== undefined) return callback(refuseAddress(hostname, blocked), '')
      if (lookupOptions.all) return callback(null, addresses)
      callback(null, addresses[0].address, addresses[0].family)
    })
  }

  function assertUrlAllowedAtConnect(url: URL): void {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new TargetRefusedError(`Refusing ${url.protocol} URL: only http(s) targets are allowed`)
    }
    const host = unbracket(url.hostname)
    if (isIP(host) !== 0 && findBlockedAddress([host]) !== undefined) {
      throw refuseAddress(host, host)
    }
  }

  async function assertDeliverableUrl(rawUrl: string): Promise<void> {
    const url = parseUrl(rawUrl)
    if (url.protocol === 'http:' && !allowPrivateTargets) {
      throw new TargetRefusedError(
        'Refusing http: URL: targets must use https. For local receivers in development, set ' +
          'ALLOW_PRIVATE_TARGETS=true on the hub (`npm run dev` sets it)',
      )
    }
    assertUrlAllowedAtConnect(url)
    if (url.username !== '' || url.password !== '') {
      throw new TargetRefusedError('Refusing URL with credentials: put secrets in headers instead')
    }
    const host = unbracket(url.hostname)
    if (allowPrivateTargets || isIP(host) !== 0) return
    const addresses = await resolveForCheck(host)
    const blocked = findBlockedAddress(addresses)
    if (blocked !== undefined) throw refuseAddress(host, blocked)
  }

  async function resolveForCheck(hostname: string): Promise<string[]> {
    let addresses: string[]
    try {
      addresses = await resolve(hostname)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new TargetRefusedError(`Refusing ${hostname}: it could not be resolved (${reason})`)
    }
    if (addresses.length === 0) {
      throw new TargetRefusedError(`Refusing ${hostname}: it resolves to no address`)
    }
    return addresses
  }

  return { lookup, assertUrlAllowedAtConnect, assertDeliverableUrl }
}

async function resolveAllAddresses(hostname: string): Promise<string[]> {
  const entries: LookupAddress[] = await dnsPromises.lookup(hostname, { all: true })
  return entries.map((entry) => entry.address)
}

function parseUrl(rawUrl: string): URL {
  try {
    return new URL(rawUrl)
  } catch {
    throw new TargetRefusedError('Refusing target: it is not a valid URL')
  }
}

function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
}

function refuseAddress(hostname: string, address: string): TargetRefusedError {
  const target = hostname === address ? address : `${hostname}, which resolves to ${address},`
  return new TargetRefusedError(
    `Refusing ${target} as a delivery target: it is a private or reserved address`,
  )
}
