/**
 * Headers for every request a Node process (search-sync, the benches) sends Meilisearch.
 *
 * Node's fetch asks for compressed responses, and Meilisearch then streams its answer in pieces
 * without TCP_NODELAY: on a kept-alive connection the body waits for the client's delayed ACK of
 * the headers, about 40 ms on Linux, for every response after the first (a document read, a task
 * poll, a search). Uncompressed, the answer leaves in one piece; on loopback or a private network
 * compression saves nothing anyway.
 */
export const MEILI_REQUEST_HEADERS = { 'accept-encoding': 'identity' } as const;
