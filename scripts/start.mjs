// `npm start`: the demo's environment, then scripts/start.ts in this one process. Plain JavaScript, so that it
// runs before any TypeScript loader: a Node that strips types itself (22.18 and later) runs the app as the
// tests do, with V8's compile cache kept between starts (a restart then compiles none of the app's or its
// packages' modules again); an older Node loads tsx first.
import module from 'node:module';

process.env.DEMO = 'true';
process.env.LOG_LEVEL = 'warn';
module.enableCompileCache?.();
if (!process.features.typescript) (await import('tsx/esm/api')).register();
await import('./start.ts');
