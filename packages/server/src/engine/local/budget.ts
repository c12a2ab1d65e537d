/** Thrown inside model work when the request's time budget has run out. */
export class BudgetExceeded extends Error {}

let deadline = Number.POSITIVE_INFINITY;

/** Runs model work under a time budget: `checkBudget()` inside its loops throws once it has run out. */
export function withBudget<T>(ms: number, work: () => T): T {
  deadline = performance.now() + ms;
  try {
    return work();
  } finally {
    deadline = Number.POSITIVE_INFINITY;
  }
}

/** Called once per token written: costs a clock read. */
export function checkBudget(): void {
  if (performance.now() > deadline) throw new BudgetExceeded();
}
