import { Chat } from '@completions-kit/chat';

// A server component: the kit's entries are client modules ("use client"), so <Chat> is rendered here
// on the server and hydrates in the browser. Its props are plain data, as a server component must pass.
const starters = ['How does a stream of chunks become a message?', 'What is a token?'];

export default function Page() {
  return (
    <Chat
      className="chat"
      baseURL="/v1"
      model="gpt-4o-mini"
      params={{ max_completion_tokens: 400 }}
      starters={starters}
    />
  );
}
