import { handleListInboundLogsRoute } from '@/lib/inbound/handleListInboundLogsRoute'

export const GET = handleListInboundLogsRoute
