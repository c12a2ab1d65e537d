import { Component, type ReactNode } from 'react';
import { defaultDraft, useDraft } from './state/draft.ts';

interface State {
  error: Error | null;
}

/** A view that throws shows why and a way out (a fresh composer), instead of a blank page. */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="run-error">
        <p>This view failed: {this.state.error.message}</p>
        <button
          type="button"
          onClick={() => {
            useDraft.getState().replace(defaultDraft());
            this.setState({ error: null });
          }}
        >
          Start a fresh prompt
        </button>
      </div>
    );
  }
}
