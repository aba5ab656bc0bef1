import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForSilence } from '../../../../renderer/telephony/keepalive-watchdog';

const message = (data: string): Event => Object.assign(new Event('message'), { data });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('noticing a silent WebSocket', () => {
  it('stays quiet until the server has answered one keep-alive ping', () => {
    const socket = new EventTarget();
    const onSilent = vi.fn();
    watchForSilence(socket, 30_000, onSilent);
    socket.dispatchEvent(message('SIP/2.0 200 OK\r\n\r\n'));
    vi.advanceTimersByTime(10 * 60_000);
    expect(onSilent).not.toHaveBeenCalled();
  });

  it('calls out once after the limit passes without any message', () => {
    const socket = new EventTarget();
    const onSilent = vi.fn();
    watchForSilence(socket, 30_000, onSilent);
    socket.dispatchEvent(message('\r\n'));
    vi.advanceTimersByTime(20_000);
    socket.dispatchEvent(message('NOTIFY sip:x SIP/2.0\r\n\r\n')); // any traffic proves life
    vi.advanceTimersByTime(29_000);
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onSilent).toHaveBeenCalledTimes(1);
    socket.dispatchEvent(message('\r\n'));
    vi.advanceTimersByTime(60_000);
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it('stops when the socket closes or when told to, leaving no timer', () => {
    const onSilent = vi.fn();
    const closing = new EventTarget();
    watchForSilence(closing, 30_000, onSilent);
    closing.dispatchEvent(message('\r\n'));
    closing.dispatchEvent(new Event('close'));
    expect(vi.getTimerCount()).toBe(0);

    const stopped = new EventTarget();
    const stop = watchForSilence(stopped, 30_000, onSilent);
    stopped.dispatchEvent(message('\r\n'));
    stop();
    stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(onSilent).not.toHaveBeenCalled();
  });
});
