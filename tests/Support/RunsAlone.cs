namespace Generator.Tests.Support;

/// <summary>
/// Tests that time real processes (kill points measured in milliseconds) run in this collection: after the parallel
/// ones and one at a time, so the rest of the suite does not skew their timing on a two-core machine.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
