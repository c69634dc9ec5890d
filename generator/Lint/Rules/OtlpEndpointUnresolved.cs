using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// An OTLP endpoint naming a cluster Service that is not in the linted files (and that no operator creates for a
/// TempoMonolithic, TempoStack or OpenTelemetryCollector of the bundle). In a cluster a misspelt or missing Service is a DNS failure and no span arrives; but a pre-commit run may see
/// only part of the stack, so this is a warning that names the host rather than an error. A host one or two edits from a
/// Service of the namespace in the bundle is a typo, reported as an error by reference-typo instead.
/// </summary>
public sealed class OtlpEndpointUnresolved : ILintRule
{
    public RuleInfo Info { get; } = new(
        "otlp-endpoint-unresolved",
        Severity.Warning,
        "An OTLP endpoint names a cluster Service that is not in the linted files, so its wiring cannot be checked.",
        "Check the Service name and namespace in the endpoint host (<service>.<namespace>.svc.cluster.local), or lint the collector's manifests together with the workload.");

    public IEnumerable<Finding> Check(LintContext context) =>
        context.OtlpRoutes
            .Where(r => r.MissingService is not null && context.MisspeltAt(r.Env.Value) is null)
            .Select(r => LintContext.Report(Info, r.Workload.Manifest, r.Env,
                $"{r.Describe}: host {r.Endpoint.Host} names Service {r.MissingService}, which is not in the linted files"));
}
