// Every delivery format by the name a subscription stores; adding one is a file beside this and a line here.
import { corpAstroFormat } from './corpAstro'
import type { DeliveryFormat } from './deliveryFormat'
import { standardFormat } from './standard'

export const DELIVERY_FORMATS = {
  standard: standardFormat,
  'corp-astro': corpAstroFormat,
} as const satisfies Record<string, DeliveryFormat>

export type DeliveryFormatName = keyof typeof DELIVERY_FORMATS

export const DELIVERY_FORMAT_NAMES = Object.keys(DELIVERY_FORMATS) as [
  DeliveryFormatName,
  ...DeliveryFormatName[],
]

export const DEFAULT_DELIVERY_FORMAT: DeliveryFormatName = 'standard'

/** Subscriptions saved before formats existed have none: they were sent the standard format. */
export function getDeliveryFormat(name: DeliveryFormatName | null | undefined): DeliveryFormat {
  return DELIVERY_FORMATS[name ?? DEFAULT_DELIVERY_FORMAT]
}

/** Headers a subscription may not set, whatever its format: no format's signature can be overridden. */
export const PROTECTED_HEADER_NAMES: ReadonlySet<string> = new Set(
  Object.values(DELIVERY_FORMATS).flatMap((format) => format.headerNames),
)
