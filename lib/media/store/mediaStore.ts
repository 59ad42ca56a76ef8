// Recording a batch of generated media in one write, one implementation per database. A file already
// recorded for its job (a retried or redelivered callback) is skipped, never duplicated.
import type { GeneratedMedia } from '../extractGeneratedMedia'

export type NewMedia = GeneratedMedia & {
  job: number
  provider: string
  project_id: string | null
}

export interface MediaStore {
  /** Answers how many of the rows were new. */
  recordMedia(rows: NewMedia[]): Promise<number>
}
