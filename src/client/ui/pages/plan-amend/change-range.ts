/**
 * The moments "what changed" compares, from what the user picked: calendar days in the device's zone
 * turned into instants (the start of `from`, the start of the day after `to`, so `to` is included),
 * or by default from the plan's approval to now. Pure: the zone's offset comes from Date, no clock.
 */
export interface ChangeRange {
  from: string | null;
  to: string | null;
}

export function approvalInstant(events: readonly { kind: string; at: string }[] | undefined): string | null {
  const approvals = (events ?? []).filter((e) => e.kind === 'approved').map((e) => e.at);
  return approvals.sort()[0] ?? null;
}

function dayStart(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toISOString();
}

function nextDayStart(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1).toISOString();
}

/** The range for two picked days ('' = open end); null when the start comes after the end. */
export function pickedRange(from: string, to: string): ChangeRange | null {
  if (from !== '' && to !== '' && from > to) return null;
  return { from: from === '' ? null : dayStart(from), to: to === '' ? null : nextDayStart(to) };
}
