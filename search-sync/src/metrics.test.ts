import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';

describe('Metrics', () => {
  it('renders counters, the queue gauge and a cumulative latency histogram', () => {
    const m = new Metrics();
    m.eventsReceived = 3;
    m.eventsApplied = 2;
    m.eventsFailed = 1;
    m.observeLatency(0.2);
    m.observeLatency(4);
    const text = m.render(7);
    expect(text).toContain('# TYPE search_sync_events_received_total counter\nsearch_sync_events_received_total 3\n');
    expect(text).toContain('search_sync_events_applied_total 2\n');
    expect(text).toContain('search_sync_events_failed_total 1\n');
    expect(text).toContain('# TYPE search_sync_queue_depth gauge\nsearch_sync_queue_depth 7\n');
    expect(text).toContain('search_sync_publish_to_indexed_seconds_bucket{le="0.1"} 0\n');
    expect(text).toContain('search_sync_publish_to_indexed_seconds_bucket{le="0.25"} 1\n');
    expect(text).toContain('search_sync_publish_to_indexed_seconds_bucket{le="5"} 2\n');
    expect(text).toContain('search_sync_publish_to_indexed_seconds_bucket{le="+Inf"} 2\n');
    expect(text).toContain('search_sync_publish_to_indexed_seconds_sum 4.2\n');
    expect(text).toContain('search_sync_publish_to_indexed_seconds_count 2\n');
    expect(text.endsWith('\n')).toBe(true);
  });
});
