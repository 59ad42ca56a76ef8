// The events the bench publishes: a job.completed about the size DESIGN.md shows, and its stand-in id.
export const THROUGHPUT_EVENT_TYPE = 'job.completed'
export const LATENCY_EVENT_TYPE = 'job.submitted'

export function benchJobData(label: string, index: number): Record<string, unknown> {
  return {
    job_id: `job_${label}_${index}`,
    job_type: 'image.generate',
    job_status: 'completed',
    result: { url: `https://cdn.example.com/${label}/${index}.png`, seconds: 4.2 },
  }
}
