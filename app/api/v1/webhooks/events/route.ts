import { handlePublishRoute } from '@/lib/events/handlePublishRoute'

export const POST = handlePublishRoute
