import { describe, expect, it } from 'vitest';
import { parseEvents } from './stream';

describe('the live stream reader', () => {
  it('splits server-sent events, keeps a partial event for the next chunk, skips comments', () => {
    const got: [string, string][] = [];
    const rest = parseEvents(
      'event: ready\ndata: {"role":"agent"}\n\n: keep-alive\n\nevent: intake.ticket.opened\nid: 1\ndata: {"type":"intake.ticket.opened"}\n\nevent: dispatch',
      (e, d) => got.push([e, d]),
    );
    expect(got).toEqual([
      ['ready', '{"role":"agent"}'],
      ['intake.ticket.opened', '{"type":"intake.ticket.opened"}'],
    ]);
    expect(rest).toBe('event: dispatch');
  });
});
