import { coopChannel, courierChannel, parseEvent, sseFrame } from './realtime-event';

describe('realtime events', () => {
  it('names one channel per coop and per courier of a coop', () => {
    expect(coopChannel('a')).toBe('coop:a');
    expect(courierChannel('a', 'b')).toBe('courier:a:b');
    expect(coopChannel('a')).not.toBe(coopChannel('b'));
  });

  it('writes one SSE frame with id, event and one line of JSON data', () => {
    const frame = sseFrame(7, { type: 'tasks.changed', data: { text: 'two\nlines' } });
    expect(frame).toBe('id: 7\nevent: tasks.changed\ndata: {"text":"two\\nlines"}\n\n');
    expect(frame.split('\n').filter((l) => l.startsWith('data:'))).toHaveLength(1);
  });

  it('reads back what is an event and nothing else', () => {
    expect(parseEvent('{"type":"tasks.changed","data":{"n":1}}')).toEqual({ type: 'tasks.changed', data: { n: 1 } });
    expect(parseEvent('{"type":"ready"}')).toEqual({ type: 'ready', data: null });
    expect(parseEvent('not json')).toBeNull();
    expect(parseEvent('42')).toBeNull();
    expect(parseEvent('{"type":"bad\\nname","data":1}')).toBeNull();
    expect(parseEvent('{"data":1}')).toBeNull();
  });
});
