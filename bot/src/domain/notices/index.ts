export * from './model.js';
export * from './audience.js';
export * from './rules.js';
export * from './reminder-kinds.js';
export * from './text-check.js';
