/** Layer rules from DESIGN.md §2; `npm run check` fails on a wrong import. */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ imports nothing of ours outside shared/, and no I/O, React or database.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$|/bench/' },
      to: {
        pathNot:
          '^shared/|^node_modules/(ajv|ajv-formats|safe-regex2|ret|tinyduration|date-fns|liquidjs|fast-check|xstate|vitest|@vitest|tinybench)/',
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
      to: { path: '^(designer|runtime/web|templates|e2e)/' },
    },
    {
      name: 'db-does-not-use-server',
      severity: 'error',
      from: { path: '^runtime/db/' },
      to: { path: '^runtime/server/' },
    },
    {
      name: 'web-talks-to-server-through-trpc-types-only',
      comment: 'Web apps import the router type only (import type), never server code.',
      severity: 'error',
      from: { path: '^(runtime/web|designer)/' },
      to: { path: '^runtime/(server|db)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
