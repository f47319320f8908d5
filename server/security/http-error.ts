// The error security middleware raise: status, stable code, message and headers for the answer.

export class SecurityError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SecurityError';
  }
}

/** Raised by a long query that ran past its time budget; answered with 503. */
export class TimeBudgetExceededError extends SecurityError {
  constructor(what: string, budgetMs: number) {
    super(
      503,
      'time_budget_exceeded',
      `${what} took longer than its time budget of ${budgetMs} ms and was stopped; ` +
        'narrow the query (fewer hops, a date range) or raise STANCEGRAPH_QUERY_BUDGET_MS',
      { 'Retry-After': '1' },
    );
    this.name = 'TimeBudgetExceededError';
  }
}
