/**
 * How each provider wants a request addressed and authenticated. See
 * ../shared/fixtures/openai/providers.md for the sources of each difference.
 */
export type Provider = 'openai' | 'compatible' | 'azure-openai' | 'azure-ai-inference';

export interface EndpointOptions {
  /** The API root, e.g. `https://api.openai.com/v1`, `https://{resource}.openai.azure.com/openai`, `http://127.0.0.1:8787/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer` (OpenAI, compatible), `api-key` (Azure OpenAI) or both (Azure AI Inference). Default: none. */
  apiKey?: string;
  /** Extra headers on every request. Default: none. */
  headers?: Record<string, string>;
  /** Default: `openai`. `compatible` is any server that speaks the OpenAI wire format (vLLM, llama.cpp, Ollama). */
  provider?: Provider;
  /** The `api-version` query of Azure. Default: `2024-10-21` (Azure OpenAI), `2024-05-01-preview` (AI Inference). */
  apiVersion?: string;
  /** Azure OpenAI deployment put in the path. Default: the request's `model`. */
  deployment?: string;
  /** A name reported in `responseInfo()` when this endpoint answers. Default: its position in the list. */
  name?: string;
}

export interface RequestTarget {
  url: string;
  headers: Record<string, string>;
}

const defaultApiVersions: Partial<Record<Provider, string>> = {
  'azure-openai': '2024-10-21',
  'azure-ai-inference': '2024-05-01-preview',
};

/** Builds the URL and headers for `path` (e.g. `/chat/completions`) on one endpoint. */
export function targetFor(
  endpoint: EndpointOptions,
  path: string,
  query: URLSearchParams | undefined,
  model: string | undefined,
): RequestTarget {
  const provider = endpoint.provider ?? 'openai';
  let base = endpoint.baseURL.replace(/\/+$/, '');
  const search = new URLSearchParams(query);
  const headers: Record<string, string> = { accept: 'application/json', ...endpoint.headers };
  const key = endpoint.apiKey;
  if (provider === 'azure-openai' || provider === 'azure-ai-inference') {
    search.set('api-version', endpoint.apiVersion ?? (defaultApiVersions[provider] as string));
  }
  if (provider === 'azure-openai') {
    const deployment = endpoint.deployment ?? model;
    // Creation is routed by deployment; stored completions live outside any deployment.
    if (path === '/chat/completions' && model !== undefined && deployment && !base.includes('/deployments/')) {
      base += `/deployments/${encodeURIComponent(deployment)}`;
    }
    if (key) headers['api-key'] = key;
  } else if (key) {
    headers.authorization = `Bearer ${key}`;
    // Serverless and GitHub endpoints read the first header, Azure-hosted ones the second.
    if (provider === 'azure-ai-inference') headers['api-key'] = key;
  }
  const queryString = search.toString();
  return { url: `${base}${path}${queryString ? `?${queryString}` : ''}`, headers };
}
