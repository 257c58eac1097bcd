// Barrel of prepare/, owned by the engineer building it; src/index.ts re-exports it.
export {};
