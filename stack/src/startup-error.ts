/** A part of the system that failed to start or died; carries what a user needs to fix it. */
export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    readonly part: string,
    message: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
