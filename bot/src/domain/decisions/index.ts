/**
 * Decisions (päätös / beslut): content per hallintolaki 44–47 §, versioned fi/sv templates,
 * diary numbers and the decision's pure state transitions. PDF rendering is in decisions-pdf/.
 */
export * from './model.js';
export * from './template.js';
export * from './numbering.js';
export * from './dates.js';
export * from './content.js';
export * from './lifecycle.js';
export * from './language.js';
export * from './address.js';
