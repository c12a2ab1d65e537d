// /v1/* forwarded to the completions server, its answer passed on as it arrives (a stream stays a
// stream), so no key and no CORS setting reach the browser. CK_SERVER_URL points it elsewhere; with
// a real provider, run the kit's server in proxy mode there, or add the key here from process.env.
const server = process.env.CK_SERVER_URL ?? 'http://127.0.0.1:8787';

type Context = { params: Promise<{ path: string[] }> };

async function forward(request: Request, { params }: Context): Promise<Response> {
  const { path } = await params;
  const headers = new Headers(request.headers);
  for (const name of ['host', 'connection', 'content-length', 'accept-encoding']) headers.delete(name);
  const withBody = request.method !== 'GET' && request.method !== 'HEAD';
  const upstream = await fetch(`${server}/v1/${path.join('/')}${new URL(request.url).search}`, {
    method: request.method,
    headers,
    body: withBody ? await request.arrayBuffer() : undefined,
    // The reader leaving (Stop, a closed tab) ends the request upstream too.
    signal: request.signal,
  });
  const answer = new Headers(upstream.headers);
  for (const name of ['content-encoding', 'content-length', 'transfer-encoding', 'connection']) answer.delete(name);
  return new Response(upstream.body, { status: upstream.status, headers: answer });
}

export { forward as DELETE, forward as GET, forward as POST };
