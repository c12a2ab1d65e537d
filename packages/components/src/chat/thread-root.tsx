import { isRunning, type RunStatus } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, useMemo, useRef } from 'react';
import { type ChatLabels, useChatLabels } from './labels.tsx';
import { ThreadContext } from './thread-context.ts';
import { ThreadAnnouncer } from './thread-parts.tsx';
import { useFollowBottom } from './use-follow-bottom.ts';

export interface ThreadRootProps extends ComponentPropsWithoutRef<'div'> {
  /** How many messages the thread holds. */
  count: number;
  /**
   * The latest answer's status: while `submitted` or `streaming` the log is aria-busy; its start and
   * its end are announced (`aborted` as stopped). Shown as `data-status`. Default: idle.
   */
  status?: RunStatus;
  /** Replaces some of the chat's strings (names, announcements) for this part; see ChatLabelsProvider for all parts. */
  labels?: Partial<ChatLabels>;
}

/** The thread: holds the scroll state the viewport, the empty state and the jump control share. */
export const Root = forwardRef<HTMLDivElement, ThreadRootProps>(function ThreadRoot(
  { count, status = 'idle', labels: own, children, ...props },
  ref,
) {
  const labels = useChatLabels(own);
  const streaming = isRunning(status);
  const scroller = useRef<HTMLDivElement | null>(null);
  const content = useRef<HTMLDivElement | null>(null);
  const { following, jump, watch } = useFollowBottom(scroller, content);
  const value = useMemo(
    () => ({ count, streaming, labels, scroller, content, following, jump, watch }),
    [count, streaming, labels, following, jump, watch],
  );
  return (
    <ThreadContext.Provider value={value}>
      <div
        data-slot="thread"
        data-state={following ? 'following' : 'released'}
        data-status={status}
        data-empty={count === 0 || undefined}
        {...props}
        ref={ref}
      >
        {children}
        <ThreadAnnouncer status={status} />
      </div>
    </ThreadContext.Provider>
  );
});
