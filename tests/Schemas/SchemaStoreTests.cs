using System.Diagnostics;
using Generator.Documents;
using Generator.Findings;
using Generator.Schemas;
using Generator.Yaml;

namespace Generator.Tests.Schemas;

/// <summary>Loading and caching of the embedded bundle: one file parsed per kind, one compilation per kind, safe under concurrency.</summary>
public sealed class SchemaStoreTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: otel-collector
        spec:
          selector:
            matchLabels:
              app: otel-collector
          template:
            metadata:
              labels:
                app: otel-collector
            spec:
              containers:
                - name: otel-collector
                  image: otel/opentelemetry-collector:0.115.0
        """;

    [Fact]
    public void Deployment_CompilesFromItsOwnBundleFileAlone()
    {
        var store = SchemaStore.CreateBuiltIn();
        var clock = Stopwatch.StartNew();

        var schema = store.Find("apps/v1", "Deployment");

        clock.Stop();
        Assert.NotNull(schema);
        Assert.Equal(SchemaFlavor.Native, schema.Flavor);
        Assert.Equal(["schemas/bundle/apps_v1_Deployment.json"], store.LoadedDocuments);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"compiling Deployment took {clock.Elapsed}");
        Assert.NotNull(schema.Root.Property("spec")?.Property("template")?.Property("spec")?.Property("containers")?.Items?.Property("image"));
    }

    [Fact]
    public void KnownKinds_DoNotParseAnything()
    {
        var store = SchemaStore.CreateBuiltIn();

        Assert.Contains(("tempo.grafana.com/v1alpha1", "TempoMonolithic"), store.KnownKinds);
        Assert.Contains(("v1", "Service"), store.KnownKinds);
        Assert.Null(store.DescribeSource("v1", "Widget"));
        Assert.Null(store.Find("v1", "Widget"));
        Assert.Empty(store.LoadedDocuments);
        Assert.Equal(0, store.CompiledKinds);
    }

    [Fact]
    public void BuiltInKinds_NameTheirReferenceDocument_Revision_AndLicence()
    {
        var store = SchemaStore.CreateBuiltIn();

        Assert.Equal(
            "built-in: CRD tempomonolithics.tempo.grafana.com (version v1alpha1) from crds/tempo.grafana.com_tempomonolithics.yaml (grafana/tempo-operator@049c8f2, AGPL-3.0)",
            store.DescribeSource("tempo.grafana.com/v1alpha1", "TempoMonolithic"));
        Assert.Equal(
            "built-in: OpenAPI component io.k8s.api.core.v1.ConfigMap from kubernetes/api__v1_openapi.json (kubernetes-sigs/kubectl-validate@a97ccfa, Apache-2.0)",
            store.DescribeSource("v1", "ConfigMap"));
        Assert.Equal(["schemas/bundle/core_v1_ConfigMap.json", "schemas/bundle/tempo.grafana.com_v1alpha1_TempoMonolithic.json"], store.LoadedDocuments.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ogx.io/v1beta1", "OGXServer")]
    [InlineData("opentelemetry.io/v1beta1", "OpenTelemetryCollector")]
    [InlineData("opentelemetry.io/v1alpha1", "OpenTelemetryCollector")]
    [InlineData("opentelemetry.io/v1alpha1", "Instrumentation")]
    [InlineData("tempo.grafana.com/v1alpha1", "TempoStack")]
    [InlineData("observability.openshift.io/v1alpha1", "UIPlugin")]
    [InlineData("networking.k8s.io/v1", "NetworkPolicy")]
    [InlineData("v1", "PersistentVolumeClaim")]
    public void Bundle_HoldsEveryReferenceKind(string apiVersion, string kind) =>
        Assert.Contains((apiVersion, kind), SchemaStore.BuiltIn.KnownKinds);

    [Fact]
    public void ValidatingOneKindManyTimes_CompilesItsSchemaOnce()
    {
        var store = SchemaStore.CreateBuiltIn();
        var validator = new StructuralValidator(store);
        var manifest = Parse(Deployment);

        for (var i = 0; i < 10_000; i++)
        {
            Assert.Empty(validator.Validate(manifest));
        }

        Assert.Equal(1, store.CompiledKinds);
        Assert.Single(store.LoadedDocuments);
    }

    [Fact]
    public void ConcurrentValidation_CompilesOnce_AndAgrees()
    {
        var store = SchemaStore.CreateBuiltIn();
        var validator = new StructuralValidator(store);
        var manifest = Parse(Deployment);
        var results = new IReadOnlyList<Finding>[64];

        var typo = Parse(Deployment.Replace("image: otel", "imagePullPolcy: Always\n          image: otel", StringComparison.Ordinal));

        Parallel.For(0, results.Length, i => results[i] = validator.Validate(i % 2 == 0 ? manifest : typo));

        Assert.Equal(1, store.CompiledKinds);
        Assert.All(results.Where((_, i) => i % 2 == 0), Assert.Empty);
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal(results[1], r));
        Assert.Equal("spec.template.spec.containers[0].imagePullPolcy", Assert.Single(results[1]).Path);
    }

    [Fact]
    public void EveryBuiltInKind_Compiles_AndAcceptsAMinimalObject()
    {
        var store = SchemaStore.CreateBuiltIn();
        var validator = new StructuralValidator(store);
        foreach (var (apiVersion, kind) in store.KnownKinds)
        {
            Assert.NotNull(store.Find(apiVersion, kind));
            var findings = validator.Validate(Parse($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: minimal\n"));
            Assert.DoesNotContain(findings, f => f.RuleId is "schema-pruned-field" or "schema-unknown-kind" or "schema-type" or "schema-metadata");
        }
    }

    [Fact]
    public void UnknownKind_IsAWarning_OrAnErrorWhenStrict()
    {
        var manifest = Parse("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");

        var lenient = Assert.Single(new StructuralValidator(SchemaStore.BuiltIn).Validate(manifest));
        var strict = Assert.Single(new StructuralValidator(SchemaStore.BuiltIn, strictKinds: true).Validate(manifest));

        Assert.Equal((Severity.Warning, 2, 7), (lenient.Severity, lenient.Line, lenient.Column));
        Assert.Equal(Severity.Error, strict.Severity);
    }

    private static Manifest Parse(string text) =>
        Manifest.FromDocument(YamlReader.Parse("doc.yaml", text).Documents[0], out _) ?? throw new InvalidOperationException("not a manifest");
}
