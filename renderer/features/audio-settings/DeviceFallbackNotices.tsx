import { useShallow } from 'zustand/react/shallow';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectDeviceFallbackNotices } from '../../store/selectors';

/**
 * "Jabra Evolve2 65 was disconnected — using the computer's microphone":
 * shown for exactly as long as a chosen device is missing, and gone when it
 * is plugged back in (Ringdesk switches back by itself).
 */
export function DeviceFallbackNotices() {
  const notices = useRingdesk(useShallow(selectDeviceFallbackNotices));
  return (
    <div className="device-notices" aria-live="polite">
      {notices.map((text) => (
        <p key={text} className="notice notice-warning device-notice">
          {text}
        </p>
      ))}
    </div>
  );
}
