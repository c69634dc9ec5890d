using Generator.Options;
using Generator.Tests.Support;

namespace Generator.Tests.Chart;

/// <summary>
/// Every cross-option rule the chart's values.schema.json carries (generated from <see cref="OptionRules"/>): helm 4 and
/// helm 3.17 reject a violating set of values before rendering, and render once the violation is fixed; the generator,
/// evaluating the same options against its own schema with JsonSchema.Net, reports that rule's message for the violating
/// set and accepts the fixed one, so each case is known to break the rule it names and nothing else.
/// </summary>
public sealed class ValuesSchemaRuleTests : IClassFixture<ChartGuardTests.DefaultChart>
{
    /// <param name="Rule">A part of the rule's message that no other rule's message has.</param>
    /// <param name="OptionSet">The options file (tests/Fixtures/options) both start from; null for the defaults.</param>
    private sealed record Case(string Rule, string[] Violating, string[] Valid, string? OptionSet = null);

    private const string Contrib = "collector.image.repository=otel/opentelemetry-collector-contrib";

    private static readonly string[] Stack = ["tempo.kind=TempoStack", "tempo.storage.backend=s3", "tempo.storage.secret=tempo-s3"];

    private static readonly Case[] Cases =
    [
        new("multitenancy needs at least one tenant", [Contrib, "tempo.multitenancy.enabled=true", "tempo.multitenancy.tenants=[]"], [Contrib, "tempo.multitenancy.enabled=true"]),
        new("this must stay true", ["tempo.ingestion.otlpGrpc=false"], ["tempo.ingestion.otlpGrpc=true"]),
        new("with a Route or an Ingress, not both", ["tempo.jaegerUi.ingress.enabled=true"], ["tempo.jaegerUi.ingress.enabled=true", "tempo.jaegerUi.route.enabled=false"]),
        new("a Route or Ingress needs tempo.jaegerUi.enabled", ["tempo.jaegerUi.enabled=false"], ["tempo.jaegerUi.enabled=false", "tempo.jaegerUi.route.enabled=false"]),
        new("a Route or Ingress needs tempo.jaegerUi.enabled", ["tempo.jaegerUi.enabled=false", "tempo.jaegerUi.route.enabled=false", "tempo.jaegerUi.ingress.enabled=true"],
            ["tempo.jaegerUi.route.enabled=false", "tempo.jaegerUi.ingress.enabled=true"]),
        new("backend needs the name of a Secret", ["tempo.storage.backend=s3"], ["tempo.storage.backend=s3", "tempo.storage.secret=tempo-s3"]),
        new("a secret only applies to the s3, gcs and azure backends", ["tempo.storage.secret=tempo-s3"], ["tempo.storage.secret=tempo-s3", "tempo.storage.backend=gcs"]),
        new("size only applies to the memory and pv backends", ["tempo.storage.backend=azure", "tempo.storage.secret=azure", "tempo.storage.size=5Gi"], ["tempo.storage.backend=pv", "tempo.storage.size=5Gi"]),
        new("cannot tell which collector distribution", ["collector.image.repository=registry.example.com/my-collector"], ["collector.image.repository=registry.example.com/my-collector", "collector.distribution=contrib"]),
        new("Tempo multitenancy behind the gateway needs the bearertokenauth extension", ["tempo.multitenancy.enabled=true"], ["tempo.multitenancy.enabled=true", Contrib]),
        new("Tempo multitenancy behind the gateway needs the bearertokenauth extension", [Contrib, "collector.distribution=core", "tempo.multitenancy.enabled=true"], [Contrib, "collector.distribution=redhat", "tempo.multitenancy.enabled=true"]),
        new("Tempo multitenancy behind the gateway needs the bearertokenauth extension", ["tempo.multitenancy.enabled=true", .. Stack], ["tempo.multitenancy.enabled=true", "tempo.stack.gateway=false", .. Stack]),
        new("the autoscaler is the OpenTelemetry Operator's", ["collector.autoscaler.enabled=true"], ["collector.autoscaler.enabled=true", "collector.mode=operator"]),
        new("names the collector's Service <name>-collector", ["collector.mode=operator", "collector.name=c" + new string('o', 53)], ["collector.mode=operator", "collector.name=c" + new string('o', 52)]),
        new("a TempoStack keeps traces in object storage", ["tempo.kind=TempoStack"], [.. Stack]),
        new("a TempoStack's longest Service name", ["tempo.name=t" + new string('r', 32), .. Stack], ["tempo.name=t" + new string('r', 31), .. Stack]),
        new("lists only multi-tenant Tempo", ["tempo.uiPlugin.enabled=true"], ["tempo.uiPlugin.enabled=true", "tempo.multitenancy.enabled=true", Contrib]),
        new("lists only multi-tenant Tempo", ["tempo.uiPlugin.enabled=true", "tempo.multitenancy.enabled=true", "tempo.stack.gateway=false", Contrib, .. Stack],
            ["tempo.uiPlugin.enabled=true", "tempo.multitenancy.enabled=true", Contrib, .. Stack]),
        new("the k8sattributes processor is not in the core collector image", ["collector.k8sAttributes.enabled=true"], ["collector.k8sAttributes.enabled=true", "collector.distribution=k8s"]),
        new("pin a collector version instead of latest", ["collector.image.tag=latest"], ["collector.image.tag=0.140.0"]),
        new("cannot read a collector version", ["collector.image.tag=stable"], ["collector.image.tag=stable", "collector.version=0.140.0"]),
        new("cannot read a collector version", ["collector.version=0.12345.0"], ["collector.version=0.123.0"]),
        new("enable at least one OTLP receiver protocol", ["llamaStack.version=0.7.1", "collector.receivers.http.enabled=false"], ["llamaStack.version=0.7.1", "collector.receivers.http.enabled=false", "collector.receivers.grpc.enabled=true"]),
        new("exports OTLP/HTTP only", ["collector.receivers.http.enabled=false", "collector.receivers.grpc.enabled=true"],
            ["collector.receivers.http.enabled=false", "collector.receivers.grpc.enabled=true", "llamaStack.version=0.7.1"]),
        new("set exactly one of name and image", ["llamaStack.distribution.image=quay.io/example/llama-stack:0.2.23"], ["llamaStack.distribution.image=quay.io/example/llama-stack:0.2.23", "llamaStack.distribution.name="]),
        new("set exactly one of name and image", ["llamaStack.distribution.name="], ["llamaStack.distribution.name=rh-dev"]),
        new("set exactly one of value, secretKeyRef and configMapKeyRef", ["llamaStack.extraEnv[0].name=LOG_LEVEL"], ["llamaStack.extraEnv[0].name=LOG_LEVEL", "llamaStack.extraEnv[0].value=debug"]),
        new("is set by the generator from other options", ["llamaStack.extraEnv[0].name=VLLM_URL", "llamaStack.extraEnv[0].value=http://x"], ["llamaStack.extraEnv[0].name=MY_URL", "llamaStack.extraEnv[0].value=http://x"]),
        new("looks like a secret", ["llamaStack.extraEnv[0].name=api_token", "llamaStack.extraEnv[0].value=abc"], ["llamaStack.extraEnv[0].name=API_TOKEN_FILE", "llamaStack.extraEnv[0].value=/run/token"]),
        new("appends its directory to PYTHONPATH, which needs a plain value",
            ["llamaStack.extraEnv[0].name=PYTHONPATH", "llamaStack.extraEnv[0].secretKeyRef.name=paths", "llamaStack.extraEnv[0].secretKeyRef.key=p"],
            ["llamaStack.extraEnv[0].name=PYTHONPATH", "llamaStack.extraEnv[0].secretKeyRef.name=paths", "llamaStack.extraEnv[0].secretKeyRef.key=p", "patch.strategy=none"]),
        new("export spans only with otel_trace among TELEMETRY_SINKS",
            ["llamaStack.version=0.2.22", "llamaStack.extraEnv[0].name=TELEMETRY_SINKS", "llamaStack.extraEnv[0].configMapKeyRef.name=sinks", "llamaStack.extraEnv[0].configMapKeyRef.key=s"],
            ["llamaStack.version=0.2.14", "llamaStack.extraEnv[0].name=TELEMETRY_SINKS", "llamaStack.extraEnv[0].configMapKeyRef.name=sinks", "llamaStack.extraEnv[0].configMapKeyRef.key=s"]),
        new("is set by the generator from llamaStack.metrics=none",
            ["llamaStack.version=0.7.1", "llamaStack.metrics=none", "llamaStack.extraEnv[0].name=OTEL_METRICS_EXPORTER", "llamaStack.extraEnv[0].value=console"],
            ["llamaStack.version=0.7.1", "llamaStack.extraEnv[0].name=OTEL_METRICS_EXPORTER", "llamaStack.extraEnv[0].value=console"]),
        new("an OGXServer runs OGX", ["llamaStack.kind=OGXServer"], ["llamaStack.kind=OGXServer", "llamaStack.version=1.3.0"]),
        new("an OGXServer's image runs the server under opentelemetry-instrument", ["llamaStack.kind=OGXServer", "llamaStack.version=1.3.0", "patch.strategy=sitecustomize"],
            ["llamaStack.kind=OGXServer", "llamaStack.version=1.3.0", "patch.strategy=none"]),
        new("replaces tracing.py, which LlamaStack", ["llamaStack.version=0.4.2"], ["llamaStack.version=0.3.0"], OptionSet: "subpath-s3-contrib-0.140"),
        new("whose own sitecustomize comes first on PYTHONPATH", ["llamaStack.version=0.7.1", "patch.strategy=sitecustomize"], ["llamaStack.version=0.7.1", "patch.strategy=auto"]),
        new("exports metrics whenever OTEL_EXPORTER_OTLP_ENDPOINT is set", ["llamaStack.metrics=none"], ["llamaStack.metrics=none", "llamaStack.version=0.4.2"]),
        new("the initContainer strategy copies the telemetry package out of the server image",
            ["llamaStack.distribution.image=", "llamaStack.distribution.name=rh-dev"], ["llamaStack.autoscaling.enabled=true"], OptionSet: "initcontainer-image"),
    ];

    private readonly RenderedChart _defaultChart;

    public ValuesSchemaRuleTests(ChartGuardTests.DefaultChart fixture) => _defaultChart = fixture.Chart;

    public static TheoryData<int, string> CasesWithHelm
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var helm in Helm.Binaries)
            {
                for (var i = 0; i < Cases.Length; i++)
                {
                    data.Add(i, helm);
                }
            }

            return data;
        }
    }

    public static TheoryData<int> CaseIndexes => [.. Enumerable.Range(0, Cases.Length)];

    [Fact]
    public void EveryRuleOfTheValuesSchema_HasACase()
    {
        var rules = OptionsSchemaGenerator.RulesOf(forValues: true).Values.ToList();

        Assert.True(rules.Count >= 20, $"only {rules.Count} rules in values.schema.json");
        Assert.All(rules, rule => Assert.Contains(Cases, c => rule.Message.Contains(c.Rule, StringComparison.Ordinal)));
        Assert.All(Cases, c => Assert.Single(rules.Select(r => r.Message).Distinct(), m => m.Contains(c.Rule, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(CasesWithHelm))]
    public void Helm_RejectsTheViolationBeforeRendering_AndRendersTheFix(int index, string helm)
    {
        var rule = Cases[index];
        using var fixtureChart = rule.OptionSet is null ? null : RenderedChart.Create(rule.OptionSet);
        var chart = (fixtureChart ?? _defaultChart).ChartDirectory;

        var violating = Helm.FailWith(helm, ["template", "release", chart, .. Helm.OperatorApis, .. Helm.SetArguments(rule.Violating)]);
        Helm.SucceedWith(helm, ["template", "release", chart, .. Helm.OperatorApis, .. Helm.SetArguments(rule.Valid)]);

        Assert.Contains(Helm.SchemaRejected, violating.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Generator_ReportsTheRulesMessage_AndAcceptsTheFix(int index)
    {
        var rule = Cases[index];
        var file = rule.OptionSet is null ? null : TestPaths.Fixture("options", rule.OptionSet + ".yaml");

        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load(file, rule.Violating));
        OptionsLoader.Load(file, rule.Valid);

        var error = Assert.Single(ex.Errors);
        Assert.Contains(rule.Rule, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Binaries))]
    public void Helm_KeyRemovedWithNull_CountsAsEmpty(string helm)
    {
        // --set key=null removes the key from the merged values; the schema must not read that as the default.
        var run = Helm.FailWith(helm, ["template", "release", _defaultChart.ChartDirectory, .. Helm.OperatorApis,
            "--set", Contrib, "--set", "tempo.multitenancy.enabled=true", "--set", "tempo.multitenancy.tenants=null"]);

        Assert.Contains(Helm.SchemaRejected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(helm == "helm3" ? "tenants" : "'tenants'", run.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string> Binaries => [.. Helm.Binaries];
}
