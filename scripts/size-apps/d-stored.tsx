import { StoredTable } from '@completions-kit/components';
import { createChatCompletionsClient } from '@completions-kit/core';
import { ChatCompletionsProvider, useStoredCompletions } from '@completions-kit/hooks';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

function List() {
  const list = useStoredCompletions({});
  return (
    <StoredTable
      items={list.items}
      hasMore={list.hasNextPage}
      loadingMore={list.isFetching}
      onLoadMore={() => void list.fetchNextPage()}
    />
  );
}

const client = createChatCompletionsClient({ baseURL: '/v1' });
const queryClient = new QueryClient();

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <ChatCompletionsProvider client={client}>
      <List />
    </ChatCompletionsProvider>
  </QueryClientProvider>
);
