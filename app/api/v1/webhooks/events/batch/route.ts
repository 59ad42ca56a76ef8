import { handlePublishBatchRoute } from '@/lib/events/handlePublishBatchRoute'

export const POST = handlePublishBatchRoute
