// What to do when `npm run trigger` is refused. The usual causes: a hub in production mode (`npm start`),
// which knows none of the development secrets the trigger signs with, or no hub at all.
import { z } from 'zod'

import { DEV_FAL_JWKS_PATH } from '@/lib/inbound/providerContext'
import { TRIGGER_SECRET_VARIABLES } from './signTriggerRequest'
import type { TriggerProvider } from './triggerCatalog'

export type TriggerAnswer = { provider: TriggerProvider; status: number; body: unknown }

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

const DEV_FAL_KEY_HINT =
  `hint: run the hub with \`npm run dev\` instead: it serves a local fal key at ${DEV_FAL_JWKS_PATH}, ` +
  'shared with the trigger through data/dev-secrets.json, and the trigger signs with that key.'

function hintForFal(status: number, code: string | null): string[] {
  if (status === 503 && code === 'verification_unavailable') {
    return [
      "hint: the hub could not fetch fal's JWKS. A hub started with `npm start` (production mode) " +
        "checks fal callbacks against fal's real JWKS, which never holds the trigger's key.",
      DEV_FAL_KEY_HINT,
    ]
  }
  if (status === 401) {
    return [
      'hint: the hub does not know the key the trigger signs fal callbacks with. A hub started with ' +
        "`npm start` (production mode) checks them against fal's real JWKS (or FAL_JWKS_URL).",
      DEV_FAL_KEY_HINT,
    ]
  }
  return []
}

function hintForSharedSecret(provider: 'openai' | 'replicate' | 'lastframe', message: string) {
  const variable = TRIGGER_SECRET_VARIABLES[provider]
  const cause = /not (configured|set)/.test(message)
    ? `the hub has no ${variable}.`
    : `the hub and the trigger signed with different ${variable} values.`
  return [
    `hint: ${cause} \`npm run dev\` shares data/dev-secrets.json with the trigger, so both use the ` +
      'same development secret.',
    `hint: against a hub started with \`npm start\`, set the same ${variable} for both the hub and ` +
      'the trigger.',
  ]
}

/** Lines to print after the hub's answer; none when the answer needs no explaining. */
export function hintForTriggerAnswer(answer: TriggerAnswer): string[] {
  const parsed = errorBodySchema.safeParse(answer.body)
  const error = parsed.success ? parsed.data.error : null
  if (answer.provider === 'fal') return hintForFal(answer.status, error?.code ?? null)
  if (answer.status !== 401) return []
  if (answer.provider === 'comfydeploy') {
    return [
      "hint: the hub and the trigger derive ComfyDeploy's URL token from different secrets: set the " +
        `same ${TRIGGER_SECRET_VARIABLES.comfydeploy} (or, without it, PAYLOAD_SECRET) for both.`,
    ]
  }
  return hintForSharedSecret(answer.provider, error?.message ?? '')
}

/** Lines to print after the request itself failed; `reason` is its root cause, as printed. */
export function hintForTriggerFailure(baseUrl: string, reason: string): string[] {
  if (!/ECONNREFUSED/.test(reason)) return []
  return [
    `hint: no hub is listening at ${baseUrl}. Start one (\`npm run dev\`), or pass --url <hub base URL>.`,
  ]
}
