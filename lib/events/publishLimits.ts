// Limits of the publish API, shared by its handlers, the node:http fast path and the OpenAPI document.
export const MAX_BATCH_EVENTS = 1_000

export const PUBLISH_BODY_LIMIT_BYTES = 5 * 1024 * 1024
