using Generator.Findings;
using Generator.Lint;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint;

/// <summary>
/// Every collector rule that judges a ConfigMap-held config judges an OpenTelemetryCollector's spec.config too, and its
/// findings point at the line inside the CR: one config that trips each rule and one near-identical that does not.
/// </summary>
public sealed class OperatorCollectorConfigTests
{
    private const string Contrib = "otel/opentelemetry-collector-contrib:0.159.0";

    private const string Bearer = "health_check:\n  endpoint: 0.0.0.0:13133\nbearertokenauth:\n  filename: /var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>Rule id, the CR that trips it, the text on the line it must point at, the near-identical CR that does not, and documents beside both.</summary>
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        { "collector-component-id", OperatorCollector(Config(exporters: "debug: {}\n1debug: {}")), "1debug:", OperatorCollector(Config(exporters: "debug: {}\nfile: {}")), string.Empty },
        { "collector-undefined-component", OperatorCollector(Config(pipelineExporters: "[debug, otlp_grpc/missing]")), "exporters: [debug, otlp_grpc/missing]", OperatorCollector(Config()), string.Empty },
        { "collector-pipeline-incomplete", OperatorCollector(Config(pipelineExporters: "[]")), "traces:", OperatorCollector(Config()), string.Empty },
        { "collector-unused-component", OperatorCollector(Config(exporters: "debug: {}\nnop: {}")), "nop: {}", OperatorCollector(Config(exporters: "debug: {}\nnop: {}", pipelineExporters: "[debug, nop]")), string.Empty },
        {
            "collector-component-not-in-image", OperatorCollector(Config(extensions: Bearer, serviceExtensions: "[health_check, bearertokenauth]")), "bearertokenauth:",
            OperatorCollector(Config(extensions: Bearer, serviceExtensions: "[health_check, bearertokenauth]"), image: Contrib), string.Empty
        },
        {
            "collector-removed-component", OperatorCollector(Config(exporters: "debug: {}\nlogging: {}", pipelineExporters: "[debug, logging]")), "logging: {}",
            OperatorCollector(Config(exporters: "debug: {}\nlogging: {}", pipelineExporters: "[debug, logging]"), image: "otel/opentelemetry-collector:0.110.0"), string.Empty
        },
        {
            "collector-deprecated-component", OperatorCollector(Config(exporters: "debug: {}\notlp/a:\n  endpoint: a.example:4317", pipelineExporters: "[debug, otlp/a]")), "otlp/a:",
            OperatorCollector(Config(exporters: "debug: {}\notlp_grpc/a:\n  endpoint: a.example:4317", pipelineExporters: "[debug, otlp_grpc/a]")), string.Empty
        },
        { "collector-unknown-component", OperatorCollector(Config(exporters: "debug: {}\ndebugg: {}")), "debugg: {}", OperatorCollector(Config(exporters: "debug: {}\nfile: {}")), string.Empty },
        {
            "collector-listener-localhost", OperatorCollector(Config(protocols: "http:\n  endpoint: localhost:4318\n")), "endpoint: localhost:4318",

            // An omitted endpoint is the webhook's 0.0.0.0, whatever the collector's own default.
            OperatorCollector(Config(protocols: "http: {}\n")), string.Empty
        },
        {
            "collector-exporter-tls", OperatorCollector(Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-tracing.observability.svc.cluster.local:4317", pipelineExporters: "[otlp_grpc/tempo]")),
            "otlp_grpc/tempo:",
            OperatorCollector(Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-tracing.observability.svc.cluster.local:4317\n  tls:\n    insecure: true", pipelineExporters: "[otlp_grpc/tempo]")),
            Tempo()
        },
        {
            "collector-exporter-tempo", OperatorCollector(Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-tracing.observability.svc.cluster.local:4318\n  tls:\n    insecure: true", pipelineExporters: "[otlp_grpc/tempo]")),
            "endpoint: tempo-tracing.observability",
            OperatorCollector(Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-tracing.observability.svc.cluster.local:4317\n  tls:\n    insecure: true", pipelineExporters: "[otlp_grpc/tempo]")),
            Tempo()
        },
        { "collector-debug-detailed", OperatorCollector(Config(exporters: "debug:\n  verbosity: detailed")), "verbosity: detailed", OperatorCollector(Config(exporters: "debug:\n  verbosity: basic")), string.Empty },
        {
            "exporter-insecure-cross-namespace", OperatorCollector(Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-tracing.observability.svc.cluster.local:4317\n  tls:\n    insecure: true", pipelineExporters: "[otlp_grpc/tempo]")),
            "insecure: true",
            OperatorCollector(Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-tracing.observability.svc.cluster.local:4317\n  tls:\n    insecure: true", pipelineExporters: "[otlp_grpc/tempo]"), ns: "observability"),
            string.Empty
        },
        {
            "collector-config-source", LegacyCollector("receivers: otlp: {}"), "receivers: otlp: {}",
            LegacyCollector(Config()), string.Empty
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_JudgesTheSpecConfig_AtItsLineInTheCr(string ruleId, string fires, string line, string doesNotFire, string beside)
    {
        var rule = RuleCatalog.Rules.Single(r => r.Info.Id == ruleId);
        string[] firing = beside.Length == 0 ? [fires] : [fires, beside];
        string[] correct = beside.Length == 0 ? [doesNotFire] : [doesNotFire, beside];

        var finding = Assert.Single(Check(rule, firing));

        Assert.Equal(LineOf(fires, line), finding.Line);
        Assert.StartsWith("spec.config", finding.Path);
        Assert.Contains("OpenTelemetryCollector", finding.Message);
        Assert.Empty(Check(rule, correct));
    }

    [Fact]
    public void ProbePortNotListening_OperatorDerivesTheProbes_NeverFires()
    {
        var rule = RuleCatalog.Rules.Single(r => r.Info.Id == "probe-port-not-listening");

        Assert.Empty(Check(rule, OperatorCollector(Config(extensions: "zpages: {}", serviceExtensions: "[zpages]"), spec: "livenessProbe:\n  periodSeconds: 5")));
    }

    [Fact]
    public void NoImage_StructureIsJudged_ImageFactsAreNot()
    {
        var undefined = RuleCatalog.Rules.Single(r => r.Info.Id == "collector-undefined-component");
        var notInImage = RuleCatalog.Rules.Single(r => r.Info.Id == "collector-component-not-in-image");
        var cr = OperatorCollector(Config(extensions: Bearer, serviceExtensions: "[health_check, bearertokenauth]", pipelineExporters: "[debug, nop]"), image: null);

        Assert.Single(Check(undefined, cr));
        Assert.Empty(Check(notInImage, cr));
    }

    [Fact]
    public void Findings_NameTheCrAndTheFieldBelowSpecConfig()
    {
        var rule = RuleCatalog.Rules.Single(r => r.Info.Id == "collector-unused-component");

        var finding = Assert.Single(Check(rule, OperatorCollector(Config(exporters: "debug: {}\nnop: {}"), name: "tracing")));

        Assert.Equal("spec.config.exporters.nop", finding.Path);
        Assert.Equal("exporter \"nop\" is defined in OpenTelemetryCollector \"tracing\" but no pipeline in service.pipelines uses it, so the collector never starts it", finding.Message);
    }

    [Fact]
    public void WholeRun_OperatorCollectorLintsLikeItsConfigMapTwin()
    {
        var report = Run([Generator.Yaml.YamlReader.Parse("cr.yaml", OperatorCollector(Config(exporters: "debug:\n  verbosity: detailed")))], Severity.Info);

        Assert.Contains(report.Findings, f => f.RuleId == "collector-debug-detailed" && f.Line == LineOf(OperatorCollector(Config(exporters: "debug:\n  verbosity: detailed")), "verbosity: detailed"));
    }

    /// <summary>A v1alpha1 OpenTelemetryCollector, whose spec.config is the config's YAML text.</summary>
    private static string LegacyCollector(string config) =>
        "apiVersion: opentelemetry.io/v1alpha1\nkind: OpenTelemetryCollector\nmetadata:\n  name: otel\n  namespace: llamastack\nspec:\n  image: otel/opentelemetry-collector:0.159.0\n  config: |\n"
        + string.Concat(config.Split('\n').Select(l => "    " + l + "\n"));

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    private static int LineOf(string document, string text) =>
        document.Split('\n').Select((l, i) => (l, i)).First(p => p.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
