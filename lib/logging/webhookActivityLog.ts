// Seed 001's structured log lines, one per registration, delivery, failed attempt and scheduled retry:
// `[<ISO time>] INFO: Webhook delivered successfully: 12 (job.completed, job_123)`. No line carries a
// secret, a header value or a target's credentials: a URL is printed without userinfo or query.

type Level = 'INFO' | 'WARN'

// Lines are written together once per turn of the event loop: at ~1,000 deliveries/s, one console call
// per line took ~5 % of the worker's CPU in a bench:flow profile; one joined write per turn costs little.
let pending: { level: Level; line: string }[] = []

/** Writes the lines of this turn, each run of one level in one call, in the order they were logged. */
export function flushWebhookActivityLog(): void {
  const lines = pending
  pending = []
  for (let start = 0; start < lines.length;) {
    const level = lines[start]!.level
    let end = start
    while (end < lines.length && lines[end]!.level === level) end++
    const text = lines
      .slice(start, end)
      .map((entry) => entry.line)
      .join('\n')
    if (level === 'WARN') console.warn(text)
    else console.info(text)
    start = end
  }
}

function writeLine(level: Level, message: string, at: Date): void {
  if (pending.length === 0) setImmediate(flushWebhookActivityLog)
  pending.push({ level, line: `[${at.toISOString()}] ${level}: ${message}` })
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
