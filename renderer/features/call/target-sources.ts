import { usePeerSuggestions, type PeerSuggestion } from '../dialer/use-dial-suggestions';

/**
 * Where the transfer / consult picker finds people to hand a call to. Each
 * source is searched with what is typed and shown as its own group, in
 * this order. The workspace's teammates will be one more source here
 * (with their presence), next to the recent calls.
 */
export interface TargetSource {
  key: string;
  /** The group's name, e.g. "Recent calls". */
  heading: string;
  /** A hook: the source's matches for the typed text (called once per render, always). */
  useTargets: (text: string) => PeerSuggestion[];
}

export const TARGET_SOURCES: readonly TargetSource[] = [{ key: 'recent', heading: 'Recent calls', useTargets: usePeerSuggestions }];
