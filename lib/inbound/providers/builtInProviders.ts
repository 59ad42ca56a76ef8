// The provider modules the hub ships, by URL name.
import type { BuiltInProvider } from '@/lib/model/providers'
import { comfydeployProvider } from './comfydeploy'
import { falProvider } from './fal'
import type { InboundProvider } from './inboundProvider'
import { lastframeProvider } from './lastframe'
import { openaiProvider } from './openai'
import { replicateProvider } from './replicate'

export const BUILT_IN_PROVIDER_MODULES: Record<BuiltInProvider, InboundProvider> = {
  fal: falProvider,
  openai: openaiProvider,
  replicate: replicateProvider,
  comfydeploy: comfydeployProvider,
  lastframe: lastframeProvider,
}
