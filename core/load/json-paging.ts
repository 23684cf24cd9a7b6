/**
 * Next-page markers in a JSON envelope: the signs that a file is one page of a paged API export.
 * Each marker names the API family that uses it, so the warning can be checked against the docs.
 */
import type { PagingInfo } from './load-types';
import { isObject } from './json-envelope';

function nonEmpty(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return isObject(value) ? Object.keys(value).length > 0 : false;
}

/** A marker: its display name and the test on the envelope. */
interface Marker {
  name: string;
  present: (envelope: Record<string, unknown>) => boolean;
}

const child = (envelope: Record<string, unknown>, key: string, inner: string): unknown => {
  const outer = envelope[key];
  return isObject(outer) ? outer[inner] : undefined;
};

/** Checked in this order; every one found is reported. */
const MARKERS: readonly Marker[] = [
  // Microsoft Graph / OData.
  { name: '@odata.nextLink', present: (e) => nonEmpty(e['@odata.nextLink']) },
  // Azure Resource Manager.
  { name: 'nextLink', present: (e) => nonEmpty(e.nextLink) },
  // Slack Web API: an empty next_cursor means the last page.
  {
    name: 'response_metadata.next_cursor',
    present: (e) => nonEmpty(child(e, 'response_metadata', 'next_cursor')),
  },
  // Google Workspace Directory API.
  { name: 'nextPageToken', present: (e) => nonEmpty(e.nextPageToken) },
  // JSON:API and many REST APIs.
  { name: 'links.next', present: (e) => nonEmpty(child(e, 'links', 'next')) },
  { name: 'next', present: (e) => nonEmpty(e.next) },
  // Facebook/Workplace Graph, HubSpot.
  { name: 'paging.next', present: (e) => nonEmpty(child(e, 'paging', 'next')) },
  // Stripe-style and Zendesk-style flags.
  { name: 'hasMore: true', present: (e) => e.hasMore === true },
  { name: 'has_more: true', present: (e) => e.has_more === true },
  // Jira Cloud (paged user and group lists).
  { name: 'isLast: false', present: (e) => e.isLast === false },
  // Jira Service Management and Confluence (PagedDTO: customers, organization users), with `_links.next`.
  { name: 'isLastPage: false', present: (e) => e.isLastPage === false },
  { name: '_links.next', present: (e) => nonEmpty(child(e, '_links', 'next')) },
];

/** Finds next-page markers and SCIM counts on an envelope (null: a bare array, which has none). `count`:
 * the number of items, when `items` stands in for an array the streaming loader did not keep. */
export function findPaging(envelope: Record<string, unknown> | null, items: readonly unknown[], count = items.length): PagingInfo {
  if (!envelope) return { markers: [] };
  const markers = MARKERS.filter((m) => m.present(envelope)).map((m) => m.name);
  const total = envelope.totalResults;
  // SCIM 2.0 ListResponse (RFC 7644 section 3.4.2): whether pages are missing is decided per source,
  // over all its files, in load-source.ts.
  if (typeof total === 'number' && Array.isArray(envelope.Resources) && envelope.Resources === items) {
    return { markers, scim: { totalResults: total, resources: count } };
  }
  return { markers };
}
