import { Component, type ReactNode } from 'react';

interface BoundaryProps {
  message: { role?: unknown };
  children: ReactNode;
}

/**
 * Keeps a message that fails to render from taking the thread, and the app, down with it: it shows
 * a compact error in its place, and tries again when the message changes (the next streamed frame).
 */
export class MessageBoundary extends Component<BoundaryProps, { failed: boolean; message: unknown }> {
  override state = { failed: false, message: this.props.message };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: BoundaryProps, state: { message: unknown }) {
    return props.message === state.message ? null : { failed: false, message: props.message };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <article data-slot="message" data-role={String(this.props.message.role)} data-status="render-error">
        <p data-slot="message-error" role="alert">
          This message could not be shown.
        </p>
      </article>
    );
  }
}
