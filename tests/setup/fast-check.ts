// Property-based tests run with a fixed seed, so CI is reproducible; FC_SEED=… explores others locally.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129) });
