/** What a training worker posts back: the model bytes and its own training time, or the failure. */
export type WorkerReply =
  | { ok: true; bytes: Uint8Array; trainMs: number }
  | { ok: false; code: string | undefined; message: string };
