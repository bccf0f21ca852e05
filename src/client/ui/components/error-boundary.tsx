import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What shows instead of the failed page; `retry` renders the page again. */
  fallback: (error: unknown, retry: () => void) => ReactNode;
  resetKey: string;
}

/** Keeps a failing page from blanking the whole app; the shell (and the sync status) stay usable. */
export class ErrorBoundary extends Component<Props, { error: unknown; failed: boolean; key: string }> {
  override state = { error: null as unknown, failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): { error: unknown; failed: boolean } {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; key: string }) {
    // A navigation clears the error.
    return props.resetKey === state.key ? null : { error: null, failed: false, key: props.resetKey };
  }

  private readonly retry = () => this.setState({ error: null, failed: false });

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}
