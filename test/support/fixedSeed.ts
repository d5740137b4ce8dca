// Every fast-check property draws from one fixed seed, so a run does not depend on the clock (fast-check's
// default seed is Date.now()): the suite gives the same answer on any day, and a failure reproduces.
// FC_SEED=<n> runs the properties from another seed; FC_SEED=random lets fast-check draw one, to explore.
import fc from "fast-check";

const seed = process.env.FC_SEED;
if (seed !== "random") fc.configureGlobal({ seed: seed === undefined ? 20_261_202 : Number(seed) });
