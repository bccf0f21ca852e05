/**
 * What the owning server does for the control channel's commands (control-channel.ts): create an
 * admin in its database, write a backup of it. Refusals come back as `{ok: false, message}`.
 */
import { isAbsolute } from 'node:path';
import type { Database } from '../db/database.ts';
import { writeBackup } from './backup.ts';
import type { ControlAnswer, ControlHandler } from './control-channel.ts';
import { AdminNotCreated, createAdmin } from './create-admin.ts';

export function serverControlHandler(
  database: Database,
  o: { appVersion: string; now: () => Date; databaseUrl?: string | undefined },
): ControlHandler {
  return async (request): Promise<ControlAnswer> => {
    if (request.command === 'admin.create') {
      try {
        const { command: _command, ...admin } = request;
        const message = await database.db.transaction((tx) => createAdmin(tx, admin, o.now()));
        return { ok: true, message };
      } catch (error) {
        if (error instanceof AdminNotCreated) return { ok: false, message: `Not created: ${error.message}` };
        throw error;
      }
    }
    // The server writes the file with its own permissions: the path must not depend on its cwd.
    if (!isAbsolute(request.file)) return { ok: false, message: 'the backup path must be absolute' };
    const written = await writeBackup(database, request.file, {
      appVersion: o.appVersion,
      now: o.now(),
      databaseUrl: o.databaseUrl,
    });
    return { ok: true, message: `Backup written: ${written.file} (${written.bytes} bytes)` };
  };
}
