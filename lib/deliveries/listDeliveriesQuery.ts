import { z } from 'zod'

import { paginationQuerySchema } from '@/lib/api/pagination'
import { DELIVERY_STATUSES } from '@/lib/model/deliveryStatus'

export const listDeliveriesQuerySchema = paginationQuerySchema.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
})
