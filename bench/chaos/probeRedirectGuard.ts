// The product's attempt code with the SSRF guard as production runs it (private targets refused), aimed
// at a receiver that redirects to private addresses. The worker in the scenario cannot show this itself:
// its receivers live on 127.0.0.1, which only ALLOW_PRIVATE_TARGETS=true lets it reach, and that switch
// lifts the guard for every hop.
import { Agent } from 'undici'

import { sendDeliveryAttempt } from '@/lib/delivery/sendDeliveryAttempt'
import { createSsrfGuard } from '@/lib/delivery/ssrf/createSsrfGuard'
import { startRedirectingReceiver, startTrapReceiver } from './hostileReceivers'

export type RedirectProbe = { location: string; refused: boolean; error: string | null }

export async function probeRedirectGuard(): Promise<{ probes: RedirectProbe[]; trapHits: number }> {
  const trap = await startTrapReceiver()
  const redirector = await startRedirectingReceiver('http://169.254.169.254/')
  const trapPort = new URL(trap.url).port
  const strict = createSsrfGuard({ allowPrivateTargets: false })
  const redirectorOrigin = new URL(redirector.url).origin
  // Only the first hop, to our own loopback receiver, is let through; every redirect meets the real guard.
  const guard = {
    ...strict,
    assertUrlAllowedAtConnect(url: URL) {
      if (url.origin !== redirectorOrigin) strict.assertUrlAllowedAtConnect(url)
    },
  }
  const dispatcher = new Agent({ connect: { lookup: strict.lookup, timeout: 2_000 } })
  const locations = [
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    `http://127.0.0.1:${trapPort}/`,
    `http://[::ffff:127.0.0.1]:${trapPort}/`,
    `http://localhost:${trapPort}/`,
  ]
  const probes: RedirectProbe[] = []
  try {
    for (const location of locations) {
      const result = await sendDeliveryAttempt(
        { dispatcher, guard, timeoutMs: 3_000 },
        `${redirector.url}/?location=${encodeURIComponent(location)}`,
        '{"probe":true}',
        { 'content-type': 'application/json' },
      )
      const refused =
        result.statusCode === null && /target_refused|Refusing/.test(result.error ?? '')
      probes.push({ location, refused, error: result.error })
    }
  } finally {
    await dispatcher.close()
    redirector.close()
    trap.close()
  }
  return { probes, trapHits: trap.requests() }
}
