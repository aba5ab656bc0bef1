import { User } from 'lucide-react';
import { peerInitials } from '../../domain/peer-initials';

/** The caller's initials in a circle, or a person icon for a bare number. Decorative: the name is next to it. */
export function PeerAvatar({ name, size = 'md' }: { name: string | null; size?: 'md' | 'sm' }) {
  const initials = peerInitials(name);
  return (
    <span className={`call-avatar call-avatar-${size}`} aria-hidden="true">
      {initials ?? <User className="call-avatar-icon" />}
    </span>
  );
}
