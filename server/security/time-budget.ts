// Time budgets for queries that could run long: the query checks its budget as it works and stops
// with a 503 instead of holding the (single-threaded) server.
import { TimeBudgetExceededError } from './http-error.ts';

export type Clock = () => number;

export class TimeBudget {
  private readonly deadline: number;

  constructor(
    readonly what: string,
    readonly budgetMs: number,
    private readonly now: Clock = () => performance.now(),
  ) {
    this.deadline = now() + budgetMs;
  }

  /** Throws TimeBudgetExceededError once the budget is spent. */
  check(): void {
    if (this.now() > this.deadline) throw new TimeBudgetExceededError(this.what, this.budgetMs);
  }
}

/** Makes budgets with a fixed allowance, so services need not know the setting or the clock. */
export interface TimeBudgets {
  start(what: string): TimeBudget;
}

export function timeBudgets(budgetMs: number, now?: Clock): TimeBudgets {
  return { start: (what) => new TimeBudget(what, budgetMs, now) };
}
