export * from './cnaf-national-defaults.parameters.js';
export * from './landes-2025-2026.parameters.js';
export * from './aude-2026-2027.parameters.js';
export * from './loiret-2019.parameters.js';
export * from './mayenne-2023-2024.parameters.js';
export * from './parameter-set-registry.js';
