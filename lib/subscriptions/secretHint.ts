// The last characters of a secret, enough to tell two secrets apart, never enough to use one.
export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`
}
