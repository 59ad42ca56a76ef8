// Seed 001's structured log lines, one per registration, delivery, failed attempt and scheduled retry:
// `[<ISO time>] INFO: Webhook delivered successfully: 12 (job.completed, job_123)`. No line carries a
// secret, a header value or a target's credentials: a URL is printed without userinfo or query.

type Level = 'INFO' | 'WARN'

function writeLine(level: Level, message: string, at: Date): void {
  const line = `[${at.toISOString()}] ${level}: ${message}`
  if (level === 'WARN') console.warn(line)
  else console.info(line)
}

/** The target as a log may show it: `https://user:token@host/path?key=…` becomes `https://host/path?…`. */
export function describeTargetUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`
  } catch {
    return '(invalid URL)'
  }
}

export function logWebhookRegistered(webhookId: string, url: string, at = new Date()): void {
  writeLine('INFO', `Webhook registered: ${webhookId} -> ${describeTargetUrl(url)}`, at)
}

/** `subject` is the event's job id when it has one, else the event id. */
export function logWebhookDelivered(
  webhookId: string,
  eventType: string,
  subject: string,
  at: Date,
): void {
  writeLine('INFO', `Webhook delivered successfully: ${webhookId} (${eventType}, ${subject})`, at)
}

/** `reason` is `HTTP <status>` when the receiver answered, else the transport error. */
export function logWebhookDeliveryFailed(
  webhookId: string,
  attempt: number,
  reason: string,
  at: Date,
): void {
  writeLine('WARN', `Webhook delivery failed: ${webhookId} (attempt ${attempt}) - ${reason}`, at)
}

export function logWebhookRetryScheduled(
  webhookId: string,
  delayMs: number,
  nextAttempt: number,
  maxAttempts: number,
  at: Date,
): void {
  writeLine(
    'INFO',
    `Webhook retry scheduled: ${webhookId} in ${delayMs}ms (attempt ${nextAttempt}/${maxAttempts})`,
    at,
  )
}
