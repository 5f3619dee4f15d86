/** Dependency direction (architecture.md): apps -> libs; projections -> domain, event-store;
 *  event-store knows only the envelope; domain imports nothing outside itself. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain may import nothing but its own files (no framework, driver, node I/O).',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: '^libs/domain/' },
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
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
