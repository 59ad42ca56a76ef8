// Encrypts secrets at rest (AES-256-GCM, key derived from PAYLOAD_SECRET) so a copied database leaks none.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

const VERSION_PREFIX = 'enc:v1:'

function deriveKey(masterSecret: string): Buffer {
  return createHash('sha256').update(`webhook-hub:secret-box:${masterSecret}`).digest()
}

export function isSealed(value: string): boolean {
  return value.startsWith(VERSION_PREFIX)
}

export function sealSecret(plaintext: string, masterSecret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', deriveKey(masterSecret), iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  const tag = cipher.getAuthTag()
  return VERSION_PREFIX + Buffer.concat([iv, tag, ciphertext]).toString('base64url')
}

export function openSecret(sealed: string, masterSecret: string): string {
  if (!isSealed(sealed)) throw new Error('Value is not a sealed secret')
  const packed = Buffer.from(sealed.slice(VERSION_PREFIX.length), 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(masterSecret), packed.subarray(0, 12))
  decipher.setAuthTag(packed.subarray(12, 28))
  return Buffer.concat([decipher.update(packed.subarray(28)), decipher.final()]).toString('utf8')
}
