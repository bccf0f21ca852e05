/**
 * The app's pages and their addresses. History-based (real paths, so links can be shared and opened
 * offline: the service worker answers every navigation with index.html).
 */
export type Route =
  | { name: 'home' }
  | { name: 'dashboard' }
  | { name: 'area'; id: string }
  | { name: 'objective'; id: string }
  | { name: 'objectiveEvidence'; id: string }
  | { name: 'phase'; id: string }
  | { name: 'search'; query: string }
  | { name: 'sync' }
  | { name: 'settings' }
  | { name: 'adminUsers' }
  | { name: 'adminAudit' }
  | { name: 'planAmendments'; id: string }
  | { name: 'planChanges'; id: string }
  | { name: 'planReport'; id: string }
  | { name: 'planMonitoring'; id: string }
  | { name: 'planSnapshot'; id: string; snapshotId: string }
  | { name: 'planImport' }
  | { name: 'plan'; id: string }
  | { name: 'notFound' };

const STATIC: Record<string, Route> = {
  '/': { name: 'home' },
  '/cruscotto': { name: 'dashboard' },
  '/sincronizzazione': { name: 'sync' },
  '/impostazioni': { name: 'settings' },
  '/amministrazione/utenti': { name: 'adminUsers' },
  '/amministrazione/registro': { name: 'adminAudit' },
  '/amministrazione/importa-piano': { name: 'planImport' },
};

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const fixed = STATIC[path];
  if (fixed) return fixed;
  if (path === '/cerca') return { name: 'search', query: new URLSearchParams(search).get('q') ?? '' };
  const monitoring = /^\/piani\/([^/]+)\/monitoraggio(?:\/([^/]+))?$/.exec(path);
  const monitoringPlan = monitoring?.[1] === undefined ? null : decode(monitoring[1]);
  if (monitoring && monitoringPlan) {
    if (monitoring[2] === undefined) return { name: 'planMonitoring', id: monitoringPlan };
    const snapshotId = decode(monitoring[2]);
    if (snapshotId) return { name: 'planSnapshot', id: monitoringPlan, snapshotId };
  }
  const evidence = /^\/obiettivi\/([^/]+)\/evidenze$/.exec(path);
  const evidenceOf = evidence?.[1] === undefined ? null : decode(evidence[1]);
  if (evidenceOf) return { name: 'objectiveEvidence', id: evidenceOf };
  const plan = /^\/piani\/([^/]+)\/(variazioni|cosa-cambia|relazione)$/.exec(path);
  const planId = plan?.[1] === undefined ? null : decode(plan[1]);
  if (plan && planId) {
    if (plan[2] === 'relazione') return { name: 'planReport', id: planId };
    return { name: plan[2] === 'variazioni' ? 'planAmendments' : 'planChanges', id: planId };
  }
  const match = /^\/(cruscotto\/aree|obiettivi|fasi|piani)\/([^/]+)$/.exec(path);
  const id = match?.[2] === undefined ? null : decode(match[2]);
  if (match && id) {
    if (match[1] === 'piani') return { name: 'plan', id };
    if (match[1] === 'obiettivi') return { name: 'objective', id };
    if (match[1] === 'fasi') return { name: 'phase', id };
    return { name: 'area', id };
  }
  return { name: 'notFound' };
}

export const paths = {
  home: () => '/',
  dashboard: () => '/cruscotto',
  area: (id: string) => `/cruscotto/aree/${encodeURIComponent(id)}`,
  objective: (id: string) => `/obiettivi/${encodeURIComponent(id)}`,
  objectiveEvidence: (id: string) => `/obiettivi/${encodeURIComponent(id)}/evidenze`,
  phase: (id: string) => `/fasi/${encodeURIComponent(id)}`,
  search: (query = '') => (query ? `/cerca?q=${encodeURIComponent(query)}` : '/cerca'),
  sync: () => '/sincronizzazione',
  settings: () => '/impostazioni',
  adminUsers: () => '/amministrazione/utenti',
  adminAudit: () => '/amministrazione/registro',
  planAmendments: (id: string) => `/piani/${encodeURIComponent(id)}/variazioni`,
  planChanges: (id: string) => `/piani/${encodeURIComponent(id)}/cosa-cambia`,
  planReport: (id: string) => `/piani/${encodeURIComponent(id)}/relazione`,
  planMonitoring: (id: string) => `/piani/${encodeURIComponent(id)}/monitoraggio`,
  planSnapshot: (id: string, snapshotId: string) =>
    `/piani/${encodeURIComponent(id)}/monitoraggio/${encodeURIComponent(snapshotId)}`,
  planImport: () => '/amministrazione/importa-piano',
  plan: (id: string) => `/piani/${encodeURIComponent(id)}`,
};
