export { Projector, type ProjectorOptions, type BatchReport } from './engine/projector.js';
export { projectionSignature, type ReadModelProjection, type BatchView } from './engine/read-model-projection.js';
export { StateCache } from './engine/state-cache.js';
export { rebuildReadModels, type RebuildOptions, type RebuildProgress, type RebuildResult } from './rebuild.command.js';
export { progressBar, formatProgress, type ProgressOutput } from './progress-bar.js';
export { clasReadModelProjection, CLAS_READ_MODELS } from './clas-read-models.projection.js';
export { departmentalBreakdown, splitByWeights, type BreakdownFigures, type ProjectMoney } from './departmental-breakdown.js';
export { ReadModelsRuntime, type ProjectorMode, type ReadModelsRuntimeOptions } from './read-models-runtime.js';
