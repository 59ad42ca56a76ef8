import { handleListEventsRoute } from '@/lib/events/handleListEventsRoute'
import { handlePublishRoute } from '@/lib/events/handlePublishRoute'

export const POST = handlePublishRoute

export const GET = handleListEventsRoute
