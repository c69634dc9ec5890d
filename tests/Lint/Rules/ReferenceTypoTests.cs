using Generator.Findings;
using Generator.Lint;
using Generator.Lint.Rules;
using Generator.Schemas;
using Generator.Yaml;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class ReferenceTypoTests
{
    private readonly ReferenceTypo _rule = new();

    private const string PatchConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: llamastack-tracing-patch\n  namespace: llamastack\ndata:\n  sitecustomize.py: |\n    PATCHED = True\n";

    private static string Mounting(string configMap, string ns = "llamastack") => LlamaStack(
        container: "env:\n  - name: PYTHONPATH\n    value: /opt/app-root/tracing-fix",
        podOverrides: $"volumes:\n  - name: tracing-patch\n    configMap:\n      name: {configMap}\nvolumeMounts:\n  - name: tracing-patch\n    mountPath: /opt/app-root/tracing-fix",
        ns: ns);

    [Fact]
    public void Lint_MisspeltPatchVolume_IsOneErrorAtTheVolume_NotAMissingVolumeAndAnOrphan()
    {
        var findings = Lint(PatchConfigMap, Mounting("llamastack-tracing-pach"));

        var finding = Assert.Single(findings, f => f.Severity >= Severity.Warning && f.RuleId is "reference-typo" or "volume-source-missing" or "patch-configmap-orphan");
        Assert.Equal("reference-typo", finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("spec.server.podOverrides.volumes[0].configMap.name", finding.Path);
        Assert.Contains("did you mean llamastack-tracing-patch, which is otherwise unused?", finding.Message);
    }

    [Fact]
    public void Lint_NameFarFromEveryConfigMap_StaysTheMissingVolumeWarning()
    {
        var findings = Lint(PatchConfigMap, Mounting("tracing-fix"));

        Assert.DoesNotContain(findings, f => f.RuleId == "reference-typo");
        Assert.Equal(Severity.Warning, Assert.Single(findings, f => f.RuleId == "volume-source-missing").Severity);
        Assert.Single(findings, f => f.RuleId == "patch-configmap-orphan");
    }

    [Fact]
    public void Check_NamespaceWhoseConfigMapsTheBundleDoesNotHold_IsNotJudged()
    {
        Assert.Empty(Check(_rule, PatchConfigMap, Mounting("llamastack-tracing-pach", ns: "apps")));
    }

    [Fact]
    public void Check_TheMeantObjectUsedElsewhere_IsNotCalledUnused()
    {
        var finding = Assert.Single(Check(_rule, PatchConfigMap, Mounting("llamastack-tracing-pach"), Pod(
            "containers:\n  - name: app\n    image: example.com/app:1.0\nvolumes:\n  - name: patch\n    configMap:\n      name: llamastack-tracing-patch\n", ns: "llamastack")));

        Assert.EndsWith("did you mean llamastack-tracing-patch? The pod cannot start until ConfigMap llamastack-tracing-pach exists", finding.Message);
    }

    [Fact]
    public void Lint_MisspeltCollectorService_IsAnErrorInsteadOfTheUnresolvedWarning()
    {
        var app = App("llamastack", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collectr.llamastack.svc.cluster.local:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        var findings = Lint(Collector(), app);

        Assert.DoesNotContain(findings, f => f.RuleId == "otlp-endpoint-unresolved");
        var finding = Assert.Single(findings, f => f.RuleId == "reference-typo");
        Assert.Contains("host otel-collectr.llamastack.svc.cluster.local names Service otel-collectr", finding.Message);
        Assert.Contains("did you mean otel-collector? In the cluster the host does not resolve, so no span arrives", finding.Message);
    }

    [Fact]
    public void Lint_MisspeltServiceOfTheOperatorsCollector_IsAnErrorNamingIt()
    {
        var app = App("llamastack", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-colector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        var findings = Lint(OperatorCollector(), app);

        Assert.DoesNotContain(findings, f => f.RuleId == "otlp-endpoint-unresolved");
        Assert.Contains("did you mean otel-collector?", Assert.Single(findings, f => f.RuleId == "reference-typo").Message);
    }

    [Fact]
    public void Check_SidecarCollector_HasNoServiceToSuggest()
    {
        var app = App("llamastack", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-colector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        Assert.Single(Check(_rule, OperatorCollector(), app));
        Assert.Empty(Check(_rule, OperatorCollector(mode: "sidecar"), app));
    }

    [Fact]
    public void Check_ServiceTheOperatorCreates_IsNotATypoOfAUserServiceCloseToIt()
    {
        var app = App("llamastack", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        var nearby = Service("otel-collectors", "llamastack", "app: other");

        Assert.Empty(Check(_rule, OperatorCollector(), nearby, app));
    }

    [Theory]
    [InlineData("envFrom:\n  - configMapRef:\n      name: app-setings\n", "envFrom[0] of container \"app\" in Pod llamastack/app names ConfigMap app-setings", "spec.containers[0].envFrom[0].configMapRef.name")]
    [InlineData("env:\n  - name: MODE\n    valueFrom:\n      configMapKeyRef:\n        name: app-settins\n        key: mode\n", "env MODE of container \"app\" in Pod llamastack/app names ConfigMap app-settins", "spec.containers[0].env[0].valueFrom.configMapKeyRef.name")]
    public void Check_EnvSources_AreReferencesToo(string env, string expected, string path)
    {
        const string settings = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings\n  namespace: llamastack\ndata:\n  mode: fast\n";
        var pod = Pod("containers:\n  - name: app\n    image: example.com/app:1.0\n" + string.Join('\n', env.Split('\n').Select(l => l.Length == 0 ? l : "    " + l)), ns: "llamastack");

        var finding = Assert.Single(Check(_rule, settings, pod));

        Assert.StartsWith(expected, finding.Message);
        Assert.Equal(path, finding.Path);
    }

    [Fact]
    public void Check_ProjectedVolumeSources_AreReferencesToo()
    {
        const string settings = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings\n  namespace: llamastack\ndata:\n  mode: fast\n";
        var pod = Pod("containers:\n  - name: app\n    image: example.com/app:1.0\nvolumes:\n  - name: bundle\n    projected:\n      sources:\n        - configMap:\n            name: app-settngs\n", ns: "llamastack");

        var finding = Assert.Single(Check(_rule, settings, pod));

        Assert.Equal("spec.volumes[0].projected.sources[0].configMap.name", finding.Path);
        Assert.Contains("did you mean app-settings", finding.Message);
    }

    [Fact]
    public void Check_OptionalSources_AreNotReferencesThatMustResolve()
    {
        const string settings = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings\n  namespace: llamastack\ndata:\n  mode: fast\n";
        var pod = Pod("containers:\n  - name: app\n    image: example.com/app:1.0\n    envFrom:\n      - configMapRef:\n          name: app-setings\n          optional: true\n", ns: "llamastack");

        Assert.Empty(Check(_rule, settings, pod));
    }

    [Fact]
    public void Lint_MisspeltCollectorConfigMap_IsNotAlsoAMissingConfigSource()
    {
        var stack = Collector().Replace("      name: otel-collector-config\n", "      name: otel-collector-confg\n", StringComparison.Ordinal);

        var findings = Lint(stack);

        Assert.DoesNotContain(findings, f => f.RuleId is "collector-config-source" or "volume-source-missing");
        Assert.Contains("names ConfigMap otel-collector-confg", Assert.Single(findings, f => f.RuleId == "reference-typo").Message);
    }

    [Fact]
    public void Lint_SeverityFromTheConfig_AppliesAsToAnyRule()
    {
        var config = new LintConfig(new Dictionary<string, Severity?> { ["reference-typo"] = Severity.Warning });
        var stream = YamlReader.Parse("bundle.yaml", PatchConfigMap + "---\n" + Mounting("llamastack-tracing-pach"));

        var report = new LintRunner(new StructuralValidator(SchemaStore.BuiltIn), RuleCatalog.Rules).Run([stream], config, Severity.Info);

        Assert.Equal(Severity.Warning, Assert.Single(report.Findings, f => f.RuleId == "reference-typo").Severity);
    }

    private static IReadOnlyList<Finding> Lint(params string[] documents) =>
        Run([YamlReader.Parse("bundle.yaml", string.Join("---\n", documents))], Severity.Info).Findings;
}
