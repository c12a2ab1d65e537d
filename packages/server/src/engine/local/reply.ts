import type { GeneratedToken } from './generate.ts';

export interface ToolCallReply {
  id: string;
  type: 'function' | 'custom';
  name: string;
  /** The arguments (function) or input (custom), token by token, as they stream. */
  tokens: GeneratedToken[];
}

/** A url_citation: offsets in code points, as the API counts characters. */
export interface CitationReply {
  start: number;
  end: number;
  url: string;
  title: string;
}

export interface AudioReply {
  id: string;
  transcript: string;
  /** The encoded audio, base64. */
  data: string;
  expiresAt: number;
  seconds: number;
}

/** One choice of the local model's answer, in every form the API can give one. */
export interface Reply {
  kind: 'content' | 'refusal' | 'tool_calls' | 'function_call' | 'audio';
  /** The tokens of the content, the refusal, or the audio's transcript. */
  tokens: GeneratedToken[];
  text: string;
  toolCalls: ToolCallReply[];
  citations: CitationReply[];
  audio: AudioReply | null;
  finishReason: 'stop' | 'length' | 'tool_calls' | 'function_call';
  /** Text tokens generated, including any a stop sequence cut off. */
  textTokens: number;
  audioTokens: number;
}

export function textOf(tokens: GeneratedToken[]): string {
  return tokens.map((token) => token.text).join('');
}

/** A reply with nothing in it yet: where every answer starts. */
export function emptyReply(): Reply {
  return {
    kind: 'content',
    tokens: [],
    text: '',
    toolCalls: [],
    citations: [],
    audio: null,
    finishReason: 'stop',
    textTokens: 0,
    audioTokens: 0,
  };
}
