import { DEFAULT_LIMITS } from '../src/lib/limits';

/** One bench user sends far more than a person would: its request budget is raised (the check still runs and is timed). */
export const BENCH_LIMITS = { userRequests: { ...DEFAULT_LIMITS.userRequests, limit: 1_000_000_000 } };
