/** Dependency direction (architecture.md): apps -> libs, never another app; projections -> domain, event-store;
 *  event-store knows only the envelope; domain imports nothing outside itself. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain may import nothing but its own files (no framework, driver, node I/O).',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'domain-specs-add-only-test-tools',
      comment: 'A spec of libs/domain imports the domain and the test tools (jest, fast-check), nothing else.',
      severity: 'error',
      from: { path: '^libs/domain/.*\\.spec\\.ts$' },
      to: { pathNot: ['^libs/domain/', '(^|/)node_modules/(@jest/globals|fast-check)/'] },
    },
    {
      name: 'apps-import-only-libs',
      comment:
        'An app imports libs, never another app (nor test/ or bench/): what two apps share is a lib ' +
        '(tokens: libs/auth, names and contacts: libs/personal-data), and `clas serve` starts the API as a process.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^(apps|test|bench)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'application-reaches-no-typeorm-nor-threads',
      comment:
        'libs/application (the command bus) loads neither TypeORM nor worker threads, even transitively through ' +
        "another lib's barrel: it owns the narrow directory port it needs and takes the in-memory directory from " +
        "@clas/projections/stream-directory, not from the projections' main entry (read models, rebuild workers).",
      severity: 'error',
      from: { path: '^libs/application/' },
      to: { path: ['(^|/)node_modules/(@nestjs/)?typeorm/', '^(node:)?worker_threads$'], reachable: true },
    },
    {
      name: 'production-never-imports-testing',
      comment:
        "A lib's testing entry (@clas/<lib>/testing: fixtures, fakes, contract suites) serves test code only: " +
        'specs, other testing folders, test/. The build leaves testing folders out, so production importing one would not even start.',
      severity: 'error',
      from: { path: '^(apps|libs|bench)/', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      to: { path: '^libs/[^/]+/src/.*testing/' },
    },
    {
      name: 'projector-engine-knows-no-clas',
      comment:
        'The projector engine (batch loop, commit, fold working set, worker pool) is generic over the projection it is handed: ' +
        'it reaches neither the Clas projection (projector/clas-*, the rebuild jobs) nor the Clas folds and answers.',
      severity: 'error',
      from: { path: '^libs/projections/src/projector/engine/' },
      to: { path: '^libs/projections/src/(folds|answers|queries)/|^libs/projections/src/projector/[^/]+\\.ts$' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'event-store-knows-only-the-envelope',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/(domain|projections|messaging)/' },
    },
    {
      name: 'projections-read-only',
      comment: 'projections fold events; they never decide or write commands.',
      severity: 'error',
      from: { path: '^libs/projections/' },
      to: { path: '^libs/(application|messaging)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stays in the graph as leaves (doNotFollow), so that a rule can name a package (TypeORM).
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
