import type { PeerSuggestion } from './use-dial-suggestions';
import './dialer.css';

/** Suggested people, one button each (name, and the number under a name); choosing one hands its fill text over. */
export function SuggestionList({ label, suggestions, onPick }: { label: string; suggestions: PeerSuggestion[]; onPick: (fill: string) => void }) {
  if (suggestions.length === 0) return null;
  return (
    <ul className="dial-suggestions" aria-label={label}>
      {suggestions.map(({ key, fill, name, detail }) => (
        <li key={key}>
          <button type="button" className="suggestion" onClick={() => onPick(fill)}>
            <span className="suggestion-name">{name}</span>
            {detail && <span className="suggestion-number">{detail}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
