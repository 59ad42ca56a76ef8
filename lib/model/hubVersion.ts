// The hub's version, as sent in User-Agent and shown in the docs.
import packageJson from '@/package.json'

export const HUB_VERSION: string = packageJson.version
export const HUB_USER_AGENT = `WebhookHub/${HUB_VERSION}`
