// Bodies no provider may accept: broken JSON, bad bytes, wrong shapes. Seeded, so a run replays.
import type { SeededRandom } from './seededRandom'

/** Never parses as JSON, whatever the provider: safe to sign with the real secret. */
export function unparseableBody(random: SeededRandom, valid: string): Buffer {
  switch (random.int(0, 6)) {
    case 0:
      return random.bytes(random.int(16, 4096))
    case 1:
      return Buffer.from(valid.slice(0, random.int(1, Math.max(1, valid.length - 2))))
    case 2:
      // Invalid UTF-8 where JSON needs structure, not inside a string.
      return Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(valid)])
    case 3:
      return Buffer.from('['.repeat(random.int(1_000, 200_000)))
    case 4:
      return Buffer.from(`${valid}${random.pick(['}', ',', ']', 'garbage', '\u0000'])}`)
    case 5:
      return Buffer.from(`{"a":${'1'.repeat(random.int(400, 5_000))}e99999999,`)
    default:
      return Buffer.alloc(0)
  }
}

/** Valid JSON that no provider schema accepts (custom sources take any JSON, so not for them). */
export function wrongShapeBody(random: SeededRandom): Buffer {
  return Buffer.from(
    random.pick([
      '{}',
      '[]',
      'null',
      '42',
      '"text"',
      'true',
      '{"__proto__":{"status":"completed"}}',
      '{"id":null,"status":null,"job_id":null,"run_id":null,"request_id":null}',
      '{"request_id":"","status":""}',
      '[{"id":"x","status":"succeeded"}]',
    ]),
  )
}

/** Anything at all, signature or not: used where the signature is already broken. */
export function anyBody(random: SeededRandom, valid: string): Buffer {
  return random.chance(0.3) ? wrongShapeBody(random) : unparseableBody(random, valid)
}

export function oversizedBody(random: SeededRandom, limitBytes: number): Buffer {
  const body = Buffer.alloc(limitBytes + random.int(1, 256 * 1024), 0x61)
  body.write('{"padding":"', 0)
  return body
}
