// The flow bench's whole result, as printed and as written to --out.
import type { MachineDescription } from '../outbound/describeMachine'
import type { MemoryReading } from '../outbound/readPeakRss'
import type { FlowOptions } from './flowOptions'
import type { BacklogResult } from './measureBacklog'
import type { BurstResult } from './measureBurst'
import type { IdleResult } from './measureIdleFlow'
import type { ListResult } from './measureManagementList'
import type { BatchPublishResult, SinglePublishResult } from './measurePublishApi'

export type FlowRound = { burst: BurstResult; idle: IdleResult }

export type FlowBenchResult = {
  command: string
  machine: MachineDescription
  options: FlowOptions
  rounds: FlowRound[]
  list: ListResult
  singlePublish: SinglePublishResult
  batchPublish: BatchPublishResult
  memory: { web: MemoryReading; worker: MemoryReading }
  backlog: BacklogResult | null
  durationMs: number
}
