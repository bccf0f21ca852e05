/**
 * The plan pages' requests (protocol Part 2 "Import"): POST /api/plans/import (a preview with
 * `dryRun`, else a draft; repeating it with the same client-made `planId` answers the plan already
 * stored, so a retry after a lost answer is safe), and the files: templates and a plan's exports.
 * Online only; offline every call fails at once with AdminApiError('offline').
 */
import { z } from 'zod';
import {
  planImportResponseSchema,
  type PlanImportRequest,
  type PlanImportResponse,
} from '../../../../shared/plan-import.ts';
import { AdminApiError, adminFetch, type AdminAuth } from '../admin-common/admin-api.ts';

/** The 400 of an unreadable plan: the server's message and where it is (line, or row and column). */
export class PlanProblem extends Error {
  constructor(
    readonly serverMessage: string,
    readonly line: number | undefined,
    readonly row: number | undefined,
    readonly column: string | undefined,
  ) {
    super(serverMessage);
    this.name = 'PlanProblem';
  }
}

const problemSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    line: z.number().optional(),
    row: z.number().optional(),
    column: z.string().optional(),
  }),
});

/** One import request; the preview or the stored draft, a PlanProblem (400) or an AdminApiError. */
export async function importPlan(auth: AdminAuth, request: PlanImportRequest): Promise<PlanImportResponse> {
  if (!navigator.onLine) throw new AdminApiError('offline', 0, null);
  let res: Response;
  try {
    res = await fetch('/api/plans/import', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${auth.token}`,
        'accept-language': auth.lang,
        'content-type': 'application/json',
      },
      cache: 'no-store',
      body: JSON.stringify(request),
    });
  } catch {
    throw new AdminApiError('offline', 0, null);
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return planImportResponseSchema.parse(body);
  if (res.status === 401) auth.onUnauthorized();
  const problem = problemSchema.safeParse(body);
  if (res.status === 400 && problem.success) {
    const { message, line, row, column } = problem.data.error;
    throw new PlanProblem(message, line, row, column);
  }
  const failure = res.status === 403 ? 'forbidden' : res.status === 401 ? 'unauthorized' : 'server';
  throw new AdminApiError(failure, res.status, problem.success ? problem.data.error.message : null);
}

/** A file the server sends as an attachment, with the name it gives it. */
export async function fetchPlanFile(auth: AdminAuth, path: string, fallbackName: string) {
  const res = await adminFetch(auth, 'GET', path);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  return { blob: await res.blob(), name };
}

/** Hands a Blob to the browser as a download (an object URL: the CSP allows no data: downloads). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has handed the URL over; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file chosen on the device as the import's `content`: CSV (and a .txt of the PIAO's text) as text,
 * XLSX as base64; null for any other kind. No parsing here: the server reads it.
 */
export async function readPlanFile(
  file: File,
): Promise<{ format: PlanImportRequest['format']; content: string } | null> {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.csv')) return { format: 'csv', content: await file.text() };
  if (lower.endsWith('.txt')) return { format: 'text', content: await file.text() };
  if (!lower.endsWith('.xlsx')) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  // btoa takes a binary string; built in slices so a large file does not overflow the call stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: 'xlsx', content: btoa(binary) };
}
