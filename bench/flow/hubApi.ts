// The management API calls the bench makes outside its measured phases, with the seeded admin's key.
export type HubApi = { baseUrl: string; apiKey: string }

export function authorizationHeaders(api: HubApi): Record<string, string> {
  return { authorization: `Bearer ${api.apiKey}`, 'content-type': 'application/json' }
}

export async function createJobCompletedSubscription(
  api: HubApi,
  receiverUrl: string,
): Promise<string> {
  const response = await fetch(`${api.baseUrl}/api/v1/webhooks/subscriptions`, {
    method: 'POST',
    headers: authorizationHeaders(api),
    body: JSON.stringify({
      name: 'flow bench receiver',
      url: receiverUrl,
      event_types: ['job.completed'],
    }),
    signal: AbortSignal.timeout(30_000),
  })
  const text = await response.text()
  if (response.status !== 201) {
    throw new Error(`creating the subscription answered ${response.status}: ${text.slice(0, 500)}`)
  }
  return String((JSON.parse(text) as { data: { id: unknown } }).data.id)
}
