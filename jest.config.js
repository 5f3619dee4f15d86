// ESM mode: NestJS 12 ships ESM only (see DEVELOPERS.md). The transform is SWC (a pure
// transpiler, ~5× faster than ts-jest here); `npm run typecheck` type-checks the whole tree once.
// legacyDecorator + decoratorMetadata keep Nest's DI, class-validator and TypeORM metadata working.
const moduleNameMapper = {
  '^@clas/(domain|event-store|projections|messaging|runtime|application|auth|personal-data)$': '<rootDir>/libs/$1/src/index.ts',
  // A second entry of @clas/projections, without TypeORM nor worker threads (what @clas/application needs).
  '^@clas/projections/stream-directory$': '<rootDir>/libs/projections/src/stream-directory.ts',
  '^@clas/projections/letters$': '<rootDir>/libs/projections/src/letters.ts',
  // Each lib's test helpers: one testing entry (tsconfig.json paths; test code only, .dependency-cruiser.cjs).
  '^@clas/(domain|event-store|projections|messaging|application|personal-data)/testing$': '<rootDir>/libs/$1/src/testing/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper,
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

export default {
  // Both cores: the default (cores − 1) leaves one idle on this 2-core machine.
  maxWorkers: 2,
  // Integration and e2e tests open databases and start the API: on two cores, with both
  // workers busy, a cold start can pass jest's 5 s default. 20 s still fails a hang.
  testTimeout: 20_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
  ],
};
