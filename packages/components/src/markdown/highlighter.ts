// Loaded on demand by CodeBlock. Naming the two exports (not `import('lowlight')` whole) keeps
// lowlight's every-language bundle out: only the common languages ship.
export { common, createLowlight } from 'lowlight';
