// drizzle-kit: generates the server's SQL migrations from its schema (`npm run db:generate`).
// JavaScript, not TypeScript: it belongs to no tsconfig project, which the typed lint rules need.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './src/server/db/migrations',
});
