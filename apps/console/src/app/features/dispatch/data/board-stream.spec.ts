import { parseSse, reconnectDelay } from './board-stream';

describe('board stream parsing', () => {
  it('returns complete frames, skips heartbeats and keeps a partial frame for later', () => {
    const text =
      'retry: 2000\n\n: heartbeat\n\nid: 1\nevent: ready\ndata: {"at":"x"}\n\nid: 2\nevent: tasks.changed\ndata: {"tasks":[]}\n\nid: 3\nevent: delivery.cre';
    const { events, rest } = parseSse(text);
    expect(events).toEqual([
      { type: 'ready', data: { at: 'x' } },
      { type: 'tasks.changed', data: { tasks: [] } },
    ]);
    expect(rest).toBe('id: 3\nevent: delivery.cre');
    const next = parseSse(`${rest}ated\ndata: {"deliveryId":"d"}\n\n`);
    expect(next.events).toEqual([{ type: 'delivery.created', data: { deliveryId: 'd' } }]);
    expect(next.rest).toBe('');
  });

  it('reads CRLF line ends and ignores data that is not JSON', () => {
    expect(parseSse('event: a\r\ndata: 1\r\n\r\nevent: b\ndata: nope\n\n').events).toEqual([{ type: 'a', data: 1 }]);
  });

  it('waits longer after each failed attempt, up to 15 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });
});
