#!/usr/bin/env node
// Entry point for `npx tulay …`. The TypeScript CLI runs in this same process (tsx registered as a
// module loader), not in a child: signals then reach the server itself, which drains its requests
// and releases the data directory, and stopping this process can never leave a server behind.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/main.ts');
