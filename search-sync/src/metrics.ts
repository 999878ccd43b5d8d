/** Upper bounds (seconds) of the publish-to-indexed latency buckets. */
const LATENCY_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** In-process counters rendered as Prometheus text; no client library needed for four series. */
export class Metrics {
  eventsReceived = 0;
  eventsApplied = 0;
  eventsFailed = 0;
  private readonly bucketCounts = LATENCY_BUCKETS.map(() => 0);
  private latencySum = 0;
  private latencyCount = 0;

  /** Records how long an item took from webhook receipt to being applied in the index. */
  observeLatency(seconds: number): void {
    const value = Math.max(0, seconds);
    LATENCY_BUCKETS.forEach((bound, i) => {
      if (value <= bound) this.bucketCounts[i] = (this.bucketCounts[i] ?? 0) + 1;
    });
    this.latencySum += value;
    this.latencyCount += 1;
  }

  /** Prometheus text exposition format (version 0.0.4). */
  render(queueDepth: number): string {
    const lines = [
      '# HELP search_sync_events_received_total Webhook events accepted for processing.',
      '# TYPE search_sync_events_received_total counter',
      `search_sync_events_received_total ${this.eventsReceived}`,
      '# HELP search_sync_events_applied_total Queue items applied to the index.',
      '# TYPE search_sync_events_applied_total counter',
      `search_sync_events_applied_total ${this.eventsApplied}`,
      '# HELP search_sync_events_failed_total Failed processing attempts (retried or dead-lettered).',
      '# TYPE search_sync_events_failed_total counter',
      `search_sync_events_failed_total ${this.eventsFailed}`,
      '# HELP search_sync_queue_depth Items waiting in the durable queue.',
      '# TYPE search_sync_queue_depth gauge',
      `search_sync_queue_depth ${queueDepth}`,
      '# HELP search_sync_publish_to_indexed_seconds Time from webhook receipt to the change being searchable.',
      '# TYPE search_sync_publish_to_indexed_seconds histogram',
      ...LATENCY_BUCKETS.map((bound, i) => `search_sync_publish_to_indexed_seconds_bucket{le="${bound}"} ${this.bucketCounts[i] ?? 0}`),
      `search_sync_publish_to_indexed_seconds_bucket{le="+Inf"} ${this.latencyCount}`,
      `search_sync_publish_to_indexed_seconds_sum ${this.latencySum}`,
      `search_sync_publish_to_indexed_seconds_count ${this.latencyCount}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
