/** The columns every synced table shares (schema.ts, cycle-schema.ts). */
import { bigint, boolean, timestamp } from 'drizzle-orm/pg-core';

export const versionColumns = {
  version: bigint('version', { mode: 'number' }).notNull(),
  deleted: boolean('deleted').notNull().default(false),
};
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
