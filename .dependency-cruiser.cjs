/** Layer rules (docs/ARCHITECTURE.md); `npm run check` fails on a wrong import. */
/** The feature folders of runtime/server, side by side on one floor above core/. */
const FEATURES =
  '(anonymous|attachments|audit|auth|collaboration|counter|dashboard|demarches|demo|documents|dossiers|effects|messages|outbound|queues|rateLimit|security|staff|tasks|tenantSettings|timers|trpc|units)';
/** The composition root: it imports the features, never the other way round. */
const ROOT = '^runtime/server/((main|router|buildDeps)\\.ts$|(http|worker)/)';
/** Tests, test kits, benchmarks and the fault-injection suite. */
const TEST_CODE = '\\.(test|bench|fault|e2e)\\.ts$|(^|/)(testing|bench|faults)/|^e2e/';

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ imports nothing of ours outside shared/, and no I/O, React or database.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$|/bench/' },
      to: {
        pathNot:
          '^shared/|^node_modules/(ajv|ajv-formats|@cfworker/json-schema|ibantools|re2js|recheck|tinyduration|date-fns|liquidjs|fast-check|xstate|vitest|@vitest|tinybench)/',
      },
    },
    {
      name: 'shared-no-node-io',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.(test|bench)\\.ts$|/bench/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'db-and-server-only-use-shared',
      severity: 'error',
      from: { path: '^runtime/(server|db)/' },
      to: { path: '^(designer|runtime/web|e2e)/' },
    },
    {
      name: 'only-the-demo-seed-uses-templates',
      comment:
        'The demo tenant is seeded from the template catalogue; nothing else of the runtime ' +
        'reads templates (tenants get démarches through the designer and publish).',
      severity: 'error',
      from: { path: '^runtime/(server|db)/', pathNot: '^runtime/server/demo/' },
      to: { path: '^templates/' },
    },
    {
      name: 'the-demo-seed-uses-the-catalogue-only',
      comment:
        'templates/index.ts validates each template through loadDefinition: the seed never ' +
        'reads a definition file directly, so a broken template cannot reach the demo tenant.',
      severity: 'error',
      from: { path: '^runtime/server/demo/' },
      to: { path: '^templates/', pathNot: '^templates/index\\.ts$' },
    },
    {
      name: 'db-does-not-use-server',
      severity: 'error',
      from: { path: '^runtime/db/' },
      to: { path: '^runtime/server/' },
    },
    {
      name: 'web-talks-to-server-through-trpc-types-only',
      comment:
        'Web apps import the router type only (import type), never server code. Their tests may start the real server ' +
        "(the form benchmark's Node runner lives in e2e/bench/).",
      severity: 'error',
      from: {
        path: '^(runtime/web|designer)/',
        pathNot: '\\.test\\.tsx?$',
      },
      to: { path: '^runtime/(server|db)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'features-import-features-through-index',
      comment:
        'A feature of runtime/server reaches another only through its index.ts (what it chose to share); test kits in testing/ and bench/ folders are not part of that surface.',
      severity: 'error',
      from: { path: '^runtime/server/([^/]+)' },
      to: {
        path: `^runtime/server/${FEATURES}/`,
        pathNot: [
          '^runtime/server/$1/',
          `^runtime/server/${FEATURES}/index\\.ts$`,
          '^runtime/server/[^/]+/(testing|bench)/',
        ],
      },
    },
    {
      name: 'production-never-imports-testing',
      comment:
        'Test kits (testing/ folders) serve tests only. Benchmarks (bench/ folders, queues/bench/) are not production: they may use them.',
      severity: 'error',
      from: {
        path: '^(runtime|shared)/',
        pathNot: TEST_CODE,
      },
      to: { path: '(^|/)testing/' },
    },
    {
      name: 'features-do-not-import-the-composition-root',
      comment:
        'main.ts, router.ts, buildDeps.ts, http/ and worker/ wire the features together; a feature that imported them would climb back up. Tests may start the whole server.',
      severity: 'error',
      from: { path: `^runtime/server/(core|${FEATURES})/`, pathNot: TEST_CODE },
      to: { path: ROOT },
    },
    {
      name: 'core-imports-no-feature',
      comment:
        'core/ (DomainError, SessionActor, ServerDeps, config) is the floor every feature stands on: it imports runtime/db types and shared/, nothing of the server above it.',
      severity: 'error',
      from: { path: '^runtime/server/core/' },
      to: { path: '^runtime/server/', pathNot: '^runtime/server/core/' },
    },
    {
      name: 'trpc-edge-imports-no-feature',
      comment:
        'trpc/ is the edge the features build their routers with: it knows core/, and audit/ (a leaf on core/) to record the refusals it answers.',
      severity: 'error',
      from: { path: '^runtime/server/trpc/', pathNot: TEST_CODE },
      to: {
        path: '^runtime/server/',
        pathNot: '^runtime/server/(core|trpc)/|^runtime/server/audit/index\\.ts$',
      },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
