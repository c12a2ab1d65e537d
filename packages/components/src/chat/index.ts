// The chat parts, as `@completions-kit/components/chat`: a subpath of their own, so an app that
// shows single messages does not carry the thread, the composer and the thread list.
export type { Attachment, AttachmentLimits } from './attachments.ts';
export { accepts, checkFiles, defaultAccept, readAttachment, toContent } from './attachments.ts';
export type { ComposerMessage, ComposerRootProps } from './composer.tsx';
export { Composer } from './composer.tsx';
export type { EditFormProps } from './edit-form.tsx';
export { EditForm } from './edit-form.tsx';
export type { ChatLabels } from './labels.tsx';
export { ChatLabelsProvider, defaultChatLabels, useChatLabels } from './labels.tsx';
export type { BranchPickerProps, FeedbackProps, FeedbackValue, MessageActionsProps } from './message-actions.tsx';
export { MessageActions } from './message-actions.tsx';
export { recordWav } from './record-wav.ts';
export type { ThreadRootProps, ThreadViewportProps } from './thread.tsx';
export { Thread } from './thread.tsx';
export type { ThreadListProps, ThreadSummary } from './thread-list.tsx';
export { ThreadList } from './thread-list.tsx';
export type { ToolApprovalProps, ToolApprovalState } from './tool-approval.tsx';
export { ToolApproval } from './tool-approval.tsx';
