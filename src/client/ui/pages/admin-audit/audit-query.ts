/**
 * The audit page's requests: pages of GET /api/admin/audit and the CSV export. The filters use the
 * device's local days: "from 3 March" is local midnight of 3 March, "to 5 March" includes all of
 * 5 March (the server's `to` is exclusive, so it gets the next local midnight).
 */
import { auditPageSchema, AUDIT_MAX_LIMIT, type AuditPage } from '../../../../shared/admin-audit.ts';
import { adminFetch, adminJson, type AdminAuth } from '../admin-common/admin-api.ts';

export interface AuditFilters {
  userId: string;
  entity: string;
  entityId: string;
  /** YYYY-MM-DD, local; '' for none. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { userId: '', entity: '', entityId: '', from: '', to: '' };

function localMidnight(day: string, plusDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

export function auditSearch(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (filters.userId) q.set('userId', filters.userId);
  if (filters.entity) q.set('entity', filters.entity);
  if (filters.entityId.trim()) q.set('entityId', filters.entityId.trim());
  const from = localMidnight(filters.from);
  const to = localMidnight(filters.to, 1);
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

export const AUDIT_PAGE_SIZE = 50;

export function fetchAuditPage(
  auth: AdminAuth,
  filters: AuditFilters,
  before: string | null,
): Promise<AuditPage> {
  const query = auditSearch(filters, {
    limit: String(AUDIT_PAGE_SIZE),
    ...(before === null ? {} : { before }),
  });
  return adminJson(auth, 'GET', `/api/admin/audit?${query}`, (d) => auditPageSchema.parse(d));
}

/** Pages a CSV export can span: 100 × 1,000 entries, far beyond a year of a comune's work. */
const MAX_CSV_PAGES = 100;

/**
 * Every entry matching the filters as one CSV file (the server's pages of 1,000 joined: the BOM and
 * header row kept from the first only), and the file name the server proposed.
 */
export async function fetchAuditCsv(
  auth: AdminAuth,
  filters: AuditFilters,
): Promise<{ blob: Blob; name: string }> {
  const parts: string[] = [];
  let before: string | null = null;
  let name = 'registro.csv';
  for (let page = 0; page < MAX_CSV_PAGES; page++) {
    const query = auditSearch(filters, {
      format: 'csv',
      limit: String(AUDIT_MAX_LIMIT),
      ...(before === null ? {} : { before }),
    });
    const res = await adminFetch(auth, 'GET', `/api/admin/audit?${query}`);
    // text() drops the BOM (UTF-8 decoding); the file gets it back once, at its start.
    const body = (await res.text()).replace(/^\uFEFF/, '');
    // The header row has no quoted line breaks, so its first CRLF ends it.
    parts.push(page === 0 ? `\uFEFF${body}` : body.slice(body.indexOf('\r\n') + 2));
    name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? name;
    before = res.headers.get('x-audit-next');
    if (before === null) break;
  }
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), name };
}
