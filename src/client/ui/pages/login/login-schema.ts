/**
 * The login answer's schema, imported by login-request.ts on demand, so that zod stays out of the
 * entry chunk. (zod runs jitless: the entry's zod-config.ts set it before any chunk was loaded.)
 */
export { loginResponseSchema } from '../../../../shared/auth.ts';
