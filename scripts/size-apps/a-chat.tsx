import { Chat } from '@completions-kit/chat';

export const App = () => <Chat baseURL="/v1" model="gpt-4o-mini" />;
