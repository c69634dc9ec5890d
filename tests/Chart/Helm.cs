using Generator.Tests.Support;

namespace Generator.Tests.Chart;

/// <summary>
/// Runs the real helm binary (see <see cref="ExternalTool"/>: missing means failing, never skipping). Helm's own
/// directories point into .tools so the tests never read or write the developer's helm configuration.
/// </summary>
public static class Helm
{
    /// <summary>The API versions the chart's capability check needs, as a cluster with both operators serves them.</summary>
    public static readonly string[] OperatorApis =
    [
        "--api-versions", "tempo.grafana.com/v1alpha1/TempoMonolithic",
        "--api-versions", "llamastack.io/v1alpha1/LlamaStackDistribution",
    ];

    /// <summary>Helm's cache, config and data directories: beside the binary, ignored by git like the rest of .tools.</summary>
    private static string Home => Path.Combine(TestPaths.RepoRoot, ".tools", "helm-home");

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["HELM_CACHE_HOME"] = Path.Combine(Home, "HELM_CACHE_HOME"),
        ["HELM_CONFIG_HOME"] = Path.Combine(Home, "HELM_CONFIG_HOME"),
        ["HELM_DATA_HOME"] = Path.Combine(Home, "HELM_DATA_HOME"),

        // No cluster: a client-side dry run must not pick up the developer's kubeconfig.
        ["KUBECONFIG"] = Path.Combine(Home, "no-kubeconfig"),
    };

    /// <summary>Runs helm with the arguments and returns what it did, whatever its exit code.</summary>
    public static ToolRun Run(params string[] arguments) => ExternalTool.Run("helm", arguments, Environment);

    /// <summary>Runs helm and fails the test, showing its output, unless it succeeds.</summary>
    public static ToolRun Succeed(params string[] arguments)
    {
        var run = Run(arguments);
        Assert.True(run.Succeeded, $"helm failed:\n{run}");
        return run;
    }

    /// <summary>Runs helm and fails the test unless it fails; returns the run for checking its message.</summary>
    public static ToolRun Fail(params string[] arguments)
    {
        var run = Run(arguments);
        Assert.False(run.Succeeded, $"helm was expected to fail but succeeded:\n{run}");
        return run;
    }
}
