/** A chat request the service refuses, with the HTTP status and a message the caller can act on. */
export class ChatError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 423 | 429,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ChatError";
  }
}
