// Seed 004's lib/webhooks/testing.ts, verbatim but for the one comment strict TypeScript needs.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars -- the seed's code, unchanged */
export class WebhookTester {
  // Test webhook endpoint
  static async testWebhook(
    url: string,
    payload: any,
    headers: Record<string, string> = {}
  ) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...headers,
        },
        body: JSON.stringify(payload),
      })

      return {
        success: response.ok,
        status: response.status,
        response: await response.text(),
      }
    } catch (error) {
      return {
        success: false,
        // @ts-expect-error -- strict mode types a caught error as unknown; the seed reads it as Error
        error: error.message,
      }
    }
  }

  // Generate test payloads
  static generateTestPayload(source: 'fal' | 'lastframe', type: string) {
    const basePayload = {
      id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
    }

    switch (source) {
      case 'fal':
        return {
          ...basePayload,
          request_id: crypto.randomUUID(),
          status: 'completed',
          result: {
            images: [
              {
                url: 'https://example.com/generated-image.jpg',
                width: 1024,
                height: 1024,
              },
            ],
          },
          metadata: {
            job_id: crypto.randomUUID(),
            project_id: crypto.randomUUID(),
            user_id: crypto.randomUUID(),
            generation_type: 'image',
          },
        }

      case 'lastframe':
        return {
          ...basePayload,
          job_id: crypto.randomUUID(),
          status: 'completed',
          service: 'video-stitch',
          result: {
            output_url: 'https://example.com/stitched-video.mp4',
            duration: 120,
          },
          metadata: {
            project_id: crypto.randomUUID(),
            user_id: crypto.randomUUID(),
            original_job_id: crypto.randomUUID(),
          },
        }

      default:
        return basePayload
    }
  }
}
