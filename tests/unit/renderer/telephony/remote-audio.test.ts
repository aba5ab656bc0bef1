// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { RemoteAudio } from '../../../../renderer/telephony/remote-audio';

const stream = new MediaStream();

function audioElements(): HTMLAudioElement[] {
  return [...document.querySelectorAll('audio')];
}

describe('a call’s remote audio element', () => {
  it('is added when media starts, plays the stream, and is removed and emptied when the call ends', () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const audio = new RemoteAudio(document, 'call-1', null);
    expect(audioElements()).toHaveLength(0);
    audio.play(stream);
    const [element] = audioElements();
    expect(element?.dataset.ringdeskCall).toBe('call-1');
    expect(element?.srcObject).toBe(stream);
    audio.remove();
    expect(audioElements()).toHaveLength(0);
    expect(element?.srcObject).toBeNull();
    audio.play(stream); // late tracks after the end do nothing
    expect(audioElements()).toHaveLength(0);
  });

  it('routes to the chosen speaker, and falls back to the default output when that device fails', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const sinks: string[] = [];
    const setSinkId = vi.fn(async (id: string) => {
      sinks.push(id);
      if (id === 'gone') throw new DOMException('not found', 'NotFoundError');
    });
    Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', { value: setSinkId, configurable: true });
    const logs: string[] = [];
    const audio = new RemoteAudio(document, 'call-2', 'speaker-1', (line) => logs.push(line));
    audio.play(stream);
    await vi.waitFor(() => expect(sinks).toEqual(['speaker-1']));
    audio.setSink('gone');
    await vi.waitFor(() => expect(sinks).toEqual(['speaker-1', 'gone', '']));
    expect(logs.join()).toContain('gone');
    audio.remove();
    delete (HTMLMediaElement.prototype as { setSinkId?: unknown }).setSinkId;
  });

  it('keeps playing where setSinkId does not exist', () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const audio = new RemoteAudio(document, 'call-3', 'speaker-1');
    expect(() => audio.play(stream)).not.toThrow();
    expect(() => audio.setSink('other')).not.toThrow();
    audio.remove();
  });
});
