// The one error for every delivery target the SSRF guard will not reach.
export class TargetRefusedError extends Error {
  readonly code = 'target_refused'

  constructor(message: string) {
    super(message)
    this.name = 'TargetRefusedError'
  }
}
