import { defineConfig } from 'drizzle-kit';

// Every module keeps its own schema.ts; drizzle-kit reads them all to generate SQL migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/**/schema.ts',
  out: './migrations',
});
