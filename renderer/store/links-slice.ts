import type { StateCreator } from 'zustand/vanilla';
import type { LinkOpened } from '../../common/schemas/app-link';
import { LINK_WHILE_BUSY_TEXT, linkOpenedText } from '../features/links/link-text';
import { selectScreen } from './selectors';
import type { LinksSlice, RingdeskDeps, RingdeskState } from './types';

/**
 * Links the agent clicked elsewhere (main reads them and says what it made
 * of them): a sign-in link on the first run opens "Sign in to your team"
 * filled in; anything else is said as a notice. Nothing here signs in.
 */
export function createLinksSlice({ desktop }: RingdeskDeps): StateCreator<RingdeskState, [], [], LinksSlice> {
  return (_set, get) => {
    const act = (opened: LinkOpened) => {
      const said = linkOpenedText(opened);
      if (said) return get().reportProblem(said.message, said.tone);
      if (opened.kind !== 'sign-in' || selectScreen(get()) === 'shell') return;
      // A form at work (signing in, testing) is not swapped under the agent.
      if (get().setup.status !== 'idle') return get().reportProblem(LINK_WHILE_BUSY_TEXT, 'info');
      get().openTeamSignIn({ url: opened.workspace, email: opened.email });
    };
    return {
      followLinks: () => {
        let stopped = false;
        const stop = desktop.onLinkOpened((opened) => act(opened));
        // Listening first, then what came before (the link that started the app): none is lost.
        void desktop.links.takePending().then((result) => {
          if (!stopped && result.ok && result.value) act(result.value);
        });
        return () => {
          stopped = true;
          stop();
        };
      },
    };
  };
}
