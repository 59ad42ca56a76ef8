// Browser-side calls from admin components to the management API, with the admin session cookie.
export type HubApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string }

export async function callHubApi<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<HubApiResult<T>> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'include',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const json = (await response.json().catch(() => null)) as
    { success: true; data: T } | { success: false; error: { message: string } } | null
  if (response.ok && json?.success) return { ok: true, data: json.data }
  return {
    ok: false,
    status: response.status,
    message: json && !json.success ? json.error.message : `HTTP ${response.status}`,
  }
}
