import { Component, type ErrorInfo, type ReactNode } from 'react';
import { CrashPanel } from './CrashPanel';

interface Props {
  children: ReactNode;
  /** How to recover; the window reloads by default. */
  onReload?: () => void;
}

interface State {
  failed: boolean;
}

/** Catches render errors anywhere below and shows a friendly panel instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Ringdesk: the window crashed while rendering', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <CrashPanel onReload={this.props.onReload ?? (() => window.location.reload())} />;
  }
}
