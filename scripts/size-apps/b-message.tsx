import { Message } from '@completions-kit/components';

export const App = () => <Message message={{ role: 'assistant', content: 'Hello **there**.', refusal: null }} />;
