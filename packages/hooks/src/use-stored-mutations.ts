import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useChatCompletionsClient } from './provider.tsx';
import {
  deleteStoredCompletionMutationOptions,
  updateStoredCompletionMutationOptions,
} from './stored-mutation-options.ts';

/**
 * Replaces a stored completion's metadata: validated before sending, shown at once in the detail
 * and every loaded list page, put back if the server refuses.
 */
export function useUpdateStoredCompletion() {
  const client = useChatCompletionsClient();
  return useMutation(updateStoredCompletionMutationOptions(client, useQueryClient()));
}

/** Deletes a stored completion: gone from every loaded list at once, back if the server refuses. */
export function useDeleteStoredCompletion() {
  const client = useChatCompletionsClient();
  return useMutation(deleteStoredCompletionMutationOptions(client, useQueryClient()));
}
