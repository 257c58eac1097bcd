// Barrel of load/, owned by the engineer building it; src/index.ts re-exports it.
export {};
