// A callback that cannot be judged yet: what verification needs (a provider's signing keys) is out of
// reach. Not the caller's fault and not a refusal, so it answers 503 with Retry-After, not 4xx.
export class VerificationUnavailable extends Error {
  readonly code = 'verification_unavailable'
  readonly status = 503
  readonly retryAfterSeconds: number

  constructor(message: string, retryAfterMs: number) {
    super(message)
    this.name = 'VerificationUnavailable'
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  }
}
