import fc from 'fast-check';

/**
 * The property tests draw the same cases on every run (fast-check would seed from the clock), so a failure
 * replays; PROPERTY_SEED=<n> draws others.
 */
fc.configureGlobal({ seed: Number(process.env.PROPERTY_SEED ?? 20261201) });
