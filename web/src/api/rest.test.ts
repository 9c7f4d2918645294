import { describe, expect, it } from 'vitest';
import { ApiError, createApi, describeError } from './rest';

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': 'application/json', ...headers } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('REST client', () => {
  it('sends JSON with the bearer token to relative /api paths', async () => {
    const { fetch, calls } = fakeFetch(201, { room: { name: 'r' } });
    const api = createApi({ getToken: () => 'tok', fetch });
    await api.createRoom('r', '  about r ', '');
    expect(calls[0]!.url).toBe('/api/rooms/create');
    expect(calls[0]!.init?.method).toBe('POST');
    expect((calls[0]!.init?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ name: 'r', description: 'about r' });
  });

  it('parses the protocol error body, field included', async () => {
    const { fetch } = fakeFetch(400, { error: { code: 'VALIDATION', message: 'name must be 3 to 20 characters', field: 'name' } });
    const error = await createApi({ getToken: () => null, fetch }).guest('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION', field: 'name', message: 'name must be 3 to 20 characters' });
    expect(describeError(error)).toBe('Name must be 3 to 20 characters.');
  });

  it('reads Retry-After on RATE_LIMITED and says when to try again', async () => {
    const { fetch } = fakeFetch(429, { error: { code: 'RATE_LIMITED', message: 'too many attempts' } }, { 'Retry-After': '12' });
    const error = await createApi({ getToken: () => null, fetch }).login('bob', 'secret1').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 12 });
    expect(describeError(error)).toBe('Too many attempts. Try again in 12 seconds.');
  });

  it('copes with an error page that is not JSON', async () => {
    const { fetch } = fakeFetch(502, '<html>Bad gateway</html>');
    const error = await createApi({ getToken: () => null, fetch }).listRooms().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL' });
  });

  it('reports an unreachable server as NETWORK, in words', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const error = await createApi({ getToken: () => null, fetch }).listRooms().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK', status: 0 });
    expect(describeError(error)).toMatch(/Can't reach the server/);
  });

  it('encodes room names in history paths and passes paging parameters', async () => {
    const { fetch, calls } = fakeFetch(200, { messages: [], hasMore: false });
    await createApi({ getToken: () => null, fetch }).history('coffee break/2', { before: 40, limit: 50 });
    expect(calls[0]!.url).toBe('/api/rooms/coffee%20break%2F2/messages?limit=50&before=40');
  });

  it('fetches every page of the room list, passing each cursor on', async () => {
    const calls: string[] = [];
    const pages: Record<string, unknown> = {
      '/api/rooms?limit=500': { rooms: [{ name: 'a' }], nextCursor: 'c-1' },
      '/api/rooms?limit=500&cursor=c-1': { rooms: [{ name: 'b' }], nextCursor: 'c+2/' },
      '/api/rooms?limit=500&cursor=c%2B2%2F': { rooms: [{ name: 'c' }] },
    };
    const fetch = (async (url: RequestInfo | URL) => {
      calls.push(String(url));
      return new Response(JSON.stringify(pages[String(url)]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const rooms = await createApi({ getToken: () => null, fetch }).listRooms();
    expect(rooms.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(calls).toHaveLength(3);
  });

  it('takes the one page of a server that does not page', async () => {
    const { fetch, calls } = fakeFetch(200, { rooms: [{ name: 'a' }, { name: 'b' }] });
    const rooms = await createApi({ getToken: () => null, fetch }).listRooms();
    expect(rooms.map((r) => r.name)).toEqual(['a', 'b']);
    expect(calls).toHaveLength(1);
  });

  it('fetches one room by its encoded name, and gives null for one the server does not have', async () => {
    const found = fakeFetch(200, { room: { name: 'coffee break/2' } });
    expect(await createApi({ getToken: () => null, fetch: found.fetch }).room('coffee break/2')).toEqual({ name: 'coffee break/2' });
    expect(found.calls[0]!.url).toBe('/api/rooms/coffee%20break%2F2');
    const gone = fakeFetch(404, { error: { code: 'NOT_FOUND', message: "no room named 'x'" } });
    expect(await createApi({ getToken: () => null, fetch: gone.fetch }).room('x')).toBeNull();
    const down = fakeFetch(503, { error: { code: 'UNAVAILABLE', message: 'down' } });
    await expect(createApi({ getToken: () => null, fetch: down.fetch }).room('x')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('returns nothing for 204', async () => {
    const { fetch } = fakeFetch(204, null);
    await expect(createApi({ getToken: () => 't', fetch }).logout()).resolves.toBeUndefined();
  });
});
