/**
 * POST /api/plans/<planId>/rollover (protocol Part 2 "Import", extension): a new draft for another
 * year from the chosen objectives. Online only (offline it fails at once with AdminApiError
 * 'offline'). Repeating it with the same client-made `newPlanId` answers the draft already stored
 * (200), so a retry after a lost answer never makes a second one.
 */
import {
  planImportResponseSchema,
  type PlanImportResponse,
  type PlanRolloverRequest,
} from '../../../../shared/plan-import.ts';
import { adminFetch, type AdminAuth } from '../admin-common/admin-api.ts';

export async function rollOverPlan(
  auth: AdminAuth,
  planId: string,
  request: PlanRolloverRequest,
): Promise<PlanImportResponse> {
  const res = await adminFetch(auth, 'POST', `/api/plans/${encodeURIComponent(planId)}/rollover`, request);
  return planImportResponseSchema.parse(await res.json());
}
