// libtorch's thread count is process-wide and the determinism test changes it: torch tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
