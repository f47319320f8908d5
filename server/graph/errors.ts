// Errors the graph queries raise on bad references, so the API can map them to 404 and 400.
export class UnknownActorError extends Error {
  constructor(
    readonly actor: string,
    readonly parameter: string,
  ) {
    super(`unknown actor "${actor}"`);
    this.name = 'UnknownActorError';
  }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is malformed or from another query');
    this.name = 'InvalidCursorError';
  }
}
