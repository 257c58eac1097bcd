/**
 * JSON that is safe inside an HTML `<script>` element: `<`, `>` and `&` become `\u003c` etc.,
 * so no string in the data can close the element (`</script>`) or open a comment (`<!--`);
 * U+2028 and U+2029 are escaped too. `JSON.parse` of the element's text gives the value back.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
