/** The message of anything thrown (augurs throws strings as well as Errors). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
