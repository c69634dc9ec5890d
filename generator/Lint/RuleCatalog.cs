using Generator.Findings;
using Generator.Lint.Rules;
using Generator.Schemas;

namespace Generator.Lint;

/// <summary>Every lint rule, listed explicitly (no reflection or registration order to get wrong).</summary>
public static class RuleCatalog
{
    /// <summary>Reported when a rule itself fails on some input: the run goes on, and the failure is visible.</summary>
    public static readonly RuleInfo Internal = new(
        "lint-internal",
        Severity.Error,
        "A lint rule failed on this input (a bug in the linter, reported instead of crashing).",
        "Report the input that triggers it; the other rules' findings are still complete.");

    public static IReadOnlyList<ILintRule> Rules { get; } =
    [
        new YamlParse(),
        new YamlDuplicateKey(),
        new ManifestInvalid(),

        // Collector config rules (the config a collector Deployment mounts, or an OpenTelemetryCollector's spec.config).
        new CollectorConfigSource(),
        new CollectorComponentId(),
        new CollectorUndefinedComponent(),
        new CollectorPipelineIncomplete(),
        new CollectorUnusedComponent(),
        new CollectorComponentNotInImage(),
        new CollectorRemovedComponent(),
        new CollectorDeprecatedComponent(),
        new CollectorUnknownComponent(),
        new CollectorListenerLocalhost(),
        new ProbePortNotListening(),
        new CollectorExporterTls(),
        new CollectorExporterTempo(),
        new CollectorDebugDetailed(),

        // Wiring across resources, the tracing patch, hygiene and security.
        new OtlpEndpointService(),
        new OtlpEndpointProtocol(),
        new OtlpEndpointUnresolved(),
        new OtlpEndpointPath(),
        new ReferenceTypo(),
        new OtlpTracesPipelineMissing(),
        new OtlpMetricsPipelineMissing(),
        new LlamaStackTelemetrySinks(),
        new ServiceSelectorNoMatch(),
        new ServiceSelectsSeveralCollectors(),
        new ServiceTargetPort(),
        new VolumeMountUndefined(),
        new VolumeSourceMissing(),
        new VolumeSubPathKey(),
        new PatchShadowedPackage(),
        new PatchPythonPath(),
        new PatchInitImageSkew(),
        new PatchInitImageUnknown(),
        new PatchConfigMapOrphan(),
        new ImageLatest(),
        new ResourcesMissing(),
        new SecurityContextRestricted(),
        new EnvPlaintextSecret(),
        new ExporterInsecureCrossNamespace(),
        new TempoMemoryStorage(),
        new TempoStorageSecret(),
        new TempoJaegerUiDeprecated(),
        new UiPluginTempoNotMultitenant(),
    ];

    /// <summary>All rule metadata: the lint rules, the schema-validation findings and the internal-failure rule.</summary>
    public static IReadOnlyList<RuleInfo> All { get; } =
        [.. Rules.Select(r => r.Info), .. SchemaRules.All, Internal];

    public static RuleInfo? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
