// What the stand-in's routes answer with, and the HTTP habits GitHub's REST API has that several routes
// share: JSON bodies, its 404, ETags with 304 for a client that already has the version, and pagination
// by `page` and `per_page` with a `Link` header naming the other pages.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface Reply {
  status: number;
  body: string;
  type: string;
  etag?: string;
  headers?: Record<string, string>;
}

/** A request as a route sees it. */
export interface RouteRequest {
  headers: IncomingHttpHeaders;
  /** The JSON body, parsed (or the raw text when it is not JSON). */
  body: unknown;
  query: URLSearchParams;
  /** The path without the query, e.g. `/repos/acme/app/issues`. */
  path: string;
  /** `http://host:port` as the client called it, for URLs in answers. */
  origin: string;
}

export type Route = [method: string, path: RegExp, handle: (m: string[], req: RouteRequest) => Reply];

export function json(status: number, data: unknown): Reply {
  return { status, body: JSON.stringify(data), type: 'application/json; charset=utf-8' };
}

export function notFound(): Reply {
  return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
}

/** Adds an ETag, and answers 304 with no body when the client already has this version. */
export function conditional(req: RouteRequest, reply: Reply): Reply {
  const etag = `"${createHash('sha1').update(reply.body).digest('hex')}"`;
  const headers = reply.headers ? { headers: reply.headers } : {};
  if (req.headers['if-none-match'] === etag)
    return { status: 304, body: '', type: reply.type, etag, ...headers };
  return { ...reply, etag };
}

/**
 * One page of `items` (`page` from 1, `per_page` up to 100, 30 by default, as GitHub's), with the `Link`
 * header GitHub sends: `next` and `last` while there are more pages, `first` and `prev` after the first.
 */
export function paginate<T>(
  req: RouteRequest,
  items: readonly T[],
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page')) || 30));
  const page = Math.max(1, Number(req.query.get('page')) || 1);
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string): string => {
    const query = new URLSearchParams(req.query);
    query.set('per_page', String(perPage));
    query.set('page', String(n));
    return `<${req.origin}${req.path}?${query}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < pages) links.push(link(page + 1, 'next'), link(pages, 'last'));
  if (page > 1) links.push(link(1, 'first'), link(Math.min(page - 1, pages), 'prev'));
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}
