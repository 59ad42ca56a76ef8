import { SubscriptionActions as SubscriptionActions_6134004889aaceb1421a862b1db6f34f } from '../../../collections/Webhooks/components/SubscriptionActions'
import { SuccessRateCell as SuccessRateCell_cb889da56a5c555f6a43e8fa7aa2cff4 } from '../../../collections/Webhooks/components/SuccessRateCell'
import { JsonTextField as JsonTextField_45a0ebbf84b8ef265fd750bd826d7494 } from '../../../collections/shared/JsonTextField'
import { EventDeliveries as EventDeliveries_206ddc0cd7c0ffba1560ad4956eb6547 } from '../../../collections/WebhookEvents/components/EventDeliveries'
import { ReplayDeliveryButton as ReplayDeliveryButton_57bb374a131023e34692d129f733774a } from '../../../collections/WebhookDeliveries/components/ReplayDeliveryButton'
import { AttemptsTimeline as AttemptsTimeline_37c279d7c90e06f486ac4eafb7f29457 } from '../../../collections/WebhookDeliveries/components/AttemptsTimeline'
import { DeliveryBody as DeliveryBody_f96ee3a95b4f1169579cf6561840d328 } from '../../../collections/WebhookDeliveries/components/DeliveryBody'
import { ReplaySelectedButton as ReplaySelectedButton_692e2cc556ca8de76321d5ba3587760f } from '../../../collections/WebhookDeliveries/components/ReplaySelectedButton'
import { InboundLogDetail as InboundLogDetail_88f3f91a5a0ca2e3bcc2c746f770a61e } from '../../../collections/WebhookLogs/components/InboundLogDetail'
import { CodeTextField as CodeTextField_45a0ebbf84b8ef265fd750bd826d7494 } from '../../../collections/shared/JsonTextField'
import { JobOverview as JobOverview_2bf2af588590995f830530b3118bf71d } from '../../../collections/Jobs/components/JobOverview'
import { JobMedia as JobMedia_7326c232741511998ea7dffaebb1d0d5 } from '../../../collections/Jobs/components/JobMedia'
import { SourceTester as SourceTester_9488ea39e08f371150fc835977f8b42e } from '../../../collections/InboundSources/components/SourceTester'
import { Dashboard as Dashboard_43e3978314e4a78428c4e47296294b08 } from '../../../app/(payload)/components/dashboard/Dashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/collections/Webhooks/components/SubscriptionActions#SubscriptionActions": SubscriptionActions_6134004889aaceb1421a862b1db6f34f,
  "/collections/Webhooks/components/SuccessRateCell#SuccessRateCell": SuccessRateCell_cb889da56a5c555f6a43e8fa7aa2cff4,
  "/collections/shared/JsonTextField#JsonTextField": JsonTextField_45a0ebbf84b8ef265fd750bd826d7494,
  "/collections/WebhookEvents/components/EventDeliveries#EventDeliveries": EventDeliveries_206ddc0cd7c0ffba1560ad4956eb6547,
  "/collections/WebhookDeliveries/components/ReplayDeliveryButton#ReplayDeliveryButton": ReplayDeliveryButton_57bb374a131023e34692d129f733774a,
  "/collections/WebhookDeliveries/components/AttemptsTimeline#AttemptsTimeline": AttemptsTimeline_37c279d7c90e06f486ac4eafb7f29457,
  "/collections/WebhookDeliveries/components/DeliveryBody#DeliveryBody": DeliveryBody_f96ee3a95b4f1169579cf6561840d328,
  "/collections/WebhookDeliveries/components/ReplaySelectedButton#ReplaySelectedButton": ReplaySelectedButton_692e2cc556ca8de76321d5ba3587760f,
  "/collections/WebhookLogs/components/InboundLogDetail#InboundLogDetail": InboundLogDetail_88f3f91a5a0ca2e3bcc2c746f770a61e,
  "/collections/shared/JsonTextField#CodeTextField": CodeTextField_45a0ebbf84b8ef265fd750bd826d7494,
  "/collections/Jobs/components/JobOverview#JobOverview": JobOverview_2bf2af588590995f830530b3118bf71d,
  "/collections/Jobs/components/JobMedia#JobMedia": JobMedia_7326c232741511998ea7dffaebb1d0d5,
  "/collections/InboundSources/components/SourceTester#SourceTester": SourceTester_9488ea39e08f371150fc835977f8b42e,
  "/app/(payload)/components/dashboard/Dashboard#Dashboard": Dashboard_43e3978314e4a78428c4e47296294b08,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
