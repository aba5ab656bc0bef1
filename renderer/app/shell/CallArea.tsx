import { ReachabilityBanner } from '../../components/ReachabilityBanner';
import { DeviceFallbackNotices } from '../../features/audio-settings/DeviceFallbackNotices';
import { CallList } from '../../features/call/CallList';
import { Notices } from '../../features/notices/Notices';

/**
 * What must never scroll out of sight: "your phone will not ring", notices,
 * and every call — ringing, live, held. It sits outside the scrolling
 * content, so a call that rings while the agent is deep in Settings shows
 * its Answer button where they are looking. The full in-call screen is on
 * the Phone view; elsewhere calls show as compact rows.
 */
export function CallArea({ variant }: { variant: 'full' | 'compact' }) {
  return (
    <div className="call-area" data-testid="call-area">
      <ReachabilityBanner />
      <Notices />
      <DeviceFallbackNotices />
      <CallList variant={variant} />
    </div>
  );
}
