using Generator.Tests.Support;

namespace Generator.Tests.Chart;

/// <summary>
/// Runs the real helm binary (see <see cref="ExternalTool"/>: missing means failing, never skipping). Helm's own
/// directories point into .tools so the tests never read or write the developer's helm configuration.
/// </summary>
public static class Helm
{
    /// <summary>
    /// The helm majors the chart must work with, as .tools/bin names them: helm 4 and helm 3.17. Their values-schema
    /// validators differ (helm 3's gojsonschema knows draft-07 at most and ignores later keywords; helm 4's knows 2020-12).
    /// </summary>
    public static readonly string[] Binaries = ["helm", "helm3"];

    /// <summary>What helm prints, in both majors, when values.schema.json rejects the values.</summary>
    public const string SchemaRejected = "values don't meet the specifications of the schema(s)";

    /// <summary>The API versions the chart's capability checks ask for, as a cluster with every operator of the stack serves them.</summary>
    public static readonly string[] OperatorApis =
    [
        "--api-versions", "tempo.grafana.com/v1alpha1/TempoMonolithic",
        "--api-versions", "tempo.grafana.com/v1alpha1/TempoStack",
        "--api-versions", "llamastack.io/v1alpha1/LlamaStackDistribution",
        "--api-versions", "ogx.io/v1beta1/OGXServer",
        "--api-versions", "opentelemetry.io/v1beta1/OpenTelemetryCollector",
        "--api-versions", "observability.openshift.io/v1alpha1/UIPlugin",
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
    public static ToolRun Run(params string[] arguments) => RunWith("helm", arguments);

    /// <summary>Runs one of <see cref="Binaries"/> with the arguments.</summary>
    public static ToolRun RunWith(string binary, params string[] arguments) => ExternalTool.Run(binary, arguments, Environment);

    /// <summary>Runs helm and fails the test, showing its output, unless it succeeds.</summary>
    public static ToolRun Succeed(params string[] arguments) => SucceedWith("helm", arguments);

    public static ToolRun SucceedWith(string binary, params string[] arguments)
    {
        var run = RunWith(binary, arguments);
        Assert.True(run.Succeeded, $"{binary} failed:\n{run}");
        return run;
    }

    /// <summary>Runs helm and fails the test unless it fails; returns the run for checking its message.</summary>
    public static ToolRun Fail(params string[] arguments) => FailWith("helm", arguments);

    public static ToolRun FailWith(string binary, params string[] arguments)
    {
        var run = RunWith(binary, arguments);
        Assert.False(run.Succeeded, $"{binary} was expected to fail but succeeded:\n{run}");
        return run;
    }

    /// <summary>
    /// <c>key=value</c> options as helm arguments: <c>--set-json</c> for a flow list or object (which <c>--set</c>
    /// cannot write), <c>--set</c> otherwise (so <c>key=</c> is the empty string).
    /// </summary>
    public static IEnumerable<string> SetArguments(IEnumerable<string> sets) =>
        sets.SelectMany(s => s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..] is ['[' or '{', ..] ? new[] { "--set-json", s } : ["--set", s]);
}
