// `npm run trigger` once its arguments are parsed: send the sample, print the hub's answer, and say
// what to do when it is refused. Answers the exit code.
import { describeRootCause } from '@/lib/errors/describeRootCause'
import { hintForTriggerAnswer, hintForTriggerFailure } from './hintForTriggerOutcome'
import { sendTrigger, type TriggerOptions, type TriggerResult } from './sendTrigger'

export type TriggerOutput = { log(line: string): void; error(line: string): void }

export async function runTrigger(options: TriggerOptions, output: TriggerOutput): Promise<number> {
  let result: TriggerResult
  try {
    result = await sendTrigger(options)
  } catch (error) {
    const reason = describeRootCause(error)
    output.error(`trigger failed: ${reason}`)
    for (const line of hintForTriggerFailure(options.baseUrl, reason)) output.error(line)
    return 1
  }
  output.log(`→ POST ${result.url}  (provider job id ${result.externalId})`)
  output.log(`← ${result.status} ${JSON.stringify(result.body, null, 2)}`)
  for (const line of hintForTriggerAnswer(result)) output.log(line)
  return result.status >= 200 && result.status < 300 ? 0 : 1
}
