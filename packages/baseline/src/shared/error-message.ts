/**
 * The message of anything thrown, on one line: augurs throws strings as well as Errors, and
 * wraps an optimizer's error with its JS stack inside `JsValue(...)`, which we unwrap.
 */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split('\n', 1)[0]!.trim();
  const wrapped = /JsValue\((?:\w*Error: )?(.*)$/.exec(first);
  return wrapped ? wrapped[1]!.replace(/\)$/, '') : first;
}
