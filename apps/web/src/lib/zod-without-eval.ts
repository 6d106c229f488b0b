import { config } from 'zod';

// The app runs under a Content-Security-Policy without 'unsafe-eval': zod's compiled fast path
// (`new Function`) cannot run there, and merely probing for it reports a policy violation. Set
// before any schema is built, so this module is main.tsx's first import.
config({ jitless: true });
