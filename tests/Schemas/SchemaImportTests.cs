using System.Text.Json;
using Generator.Findings;
using Generator.Lint;
using Generator.Schemas;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Schemas;

/// <summary>Users bring their operator's CRDs: import into a directory, then validate with that directory over the built-ins.</summary>
public sealed class SchemaImportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "generator-schemas-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private const string InitContainerDocument = """
        apiVersion: llamastack.io/v1alpha1
        kind: LlamaStackDistribution
        metadata:
          name: llamastack
        spec:
          server:
            distribution:
              name: rh-dev
            podOverrides:
              initContainers:
                - name: apply-tracing-patch
                  image: registry.access.redhat.com/ubi9/ubi-minimal
        """;

    [Fact]
    public void ImportedCrd_WithNewField_OverridesBuiltIn()
    {
        var written = Import("llamastack-newer-operator.yaml");

        Assert.Equal([Path.Combine(_dir, "llamastack.io_v1alpha1_LlamaStackDistribution.json")], written);
        var store = SchemaStore.BuiltIn.WithDirectories([_dir]);
        Assert.Empty(ValidationFixtureTests.Validate("llsd.yaml", InitContainerDocument, store));
        var builtIn = ValidationFixtureTests.Validate("llsd.yaml", InitContainerDocument, SchemaStore.BuiltIn);
        var pruned = Assert.Single(builtIn);
        Assert.Equal(("schema-pruned-field", "spec.server.podOverrides.initContainers", 10), (pruned.RuleId, pruned.Path, pruned.Line));

        Assert.Equal(
            $"directory {_dir}: llamastack.io_v1alpha1_LlamaStackDistribution.json (CRD llamastackdistributions.llamastack.io (version v1alpha1) from llamastack-newer-operator.yaml)",
            store.DescribeSource("llamastack.io/v1alpha1", "LlamaStackDistribution"));
        Assert.Equal(
            "built-in: CRD llamastackdistributions.llamastack.io (version v1alpha1) from crds/llamastack.io_llamastackdistributions.yaml (llamastack/llama-stack-k8s-operator@7735e43, MIT)",
            SchemaStore.BuiltIn.DescribeSource("llamastack.io/v1alpha1", "LlamaStackDistribution"));
        Assert.StartsWith("built-in: CRD tempomonolithics.tempo.grafana.com (version v1alpha1) from crds/tempo.grafana.com_tempomonolithics.yaml", store.DescribeSource("tempo.grafana.com/v1alpha1", "TempoMonolithic"), StringComparison.Ordinal);
    }

    [Fact]
    public void LaterDirectories_OverrideEarlierOnes()
    {
        var other = _dir + "-first";
        try
        {
            SchemaImporter.Import("widgets.yaml", File.ReadAllText(TestPaths.Fixture("validation", "crds", "widgets.example.com.yaml")), other);
            Import("llamastack-newer-operator.yaml");
            var store = SchemaStore.BuiltIn.WithDirectories([other, _dir]);

            Assert.StartsWith($"directory {other}:", store.DescribeSource("example.com/v1", "Widget"), StringComparison.Ordinal);
            Assert.StartsWith($"directory {_dir}:", store.DescribeSource("llamastack.io/v1alpha1", "LlamaStackDistribution"), StringComparison.Ordinal);
            Assert.Contains(("example.com/v1", "Widget"), store.KnownKinds);
            Assert.Contains(("v1", "ConfigMap"), store.KnownKinds);
            Assert.Null(store.DescribeSource("example.com/v1", "Nothing"));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void ImportedWidget_ExercisesDurationNullableEmbeddedAndCel()
    {
        Import("widgets.example.com.yaml");
        var store = SchemaStore.BuiltIn.WithDirectories([_dir]);
        const string Document = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
            spec:
              size: 12
              memory: 2Gi
              interval: 1h30m
              note: null
              tags:
                team: observability
              template:
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: from-template
                data:
                  anything: goes
            """;

        var findings = ValidationFixtureTests.Validate("w.yaml", Document, store);

        Assert.Equal(
            [
                ("schema-cel-not-evaluated", "spec", Severity.Info),
                ("schema-cel-not-evaluated", "spec", Severity.Info),
                ("schema-cel", "spec", Severity.Error),
            ],
            findings.Select(f => (f.RuleId, f.Path, f.Severity)).ToList());
        Assert.Contains("quantity()", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("oldSelf", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("sizes above 10 need mode large", findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotEvaluatedRules_AreReportedOncePerValidator()
    {
        Import("widgets.example.com.yaml");
        var store = SchemaStore.BuiltIn.WithDirectories([_dir]);
        var validator = new StructuralValidator(store);
        const string Document = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 1\n  memory: 2Gi\n";

        var first = Validate(validator, Document);
        var second = Validate(validator, Document);
        var fresh = Validate(new StructuralValidator(store), Document);

        Assert.Equal(2, first.Count(f => f.RuleId == "schema-cel-not-evaluated"));
        Assert.Empty(second);
        Assert.Equal(2, fresh.Count);
    }

    [Fact]
    public void NotEvaluatedRules_InALintOfManyObjects_LandOnTheFirstObject_EveryRun()
    {
        // Lint validates objects in parallel; which thread meets a rule first must not decide where its note goes.
        Import("widgets.example.com.yaml");
        var store = SchemaStore.BuiltIn.WithDirectories([_dir]);
        // The first object is the slowest to validate (many tags), so without an ordered claim a later one would win the race.
        var tags = string.Concat(Enumerable.Range(0, 20_000).Select(t => $"    t{t}: v\n"));
        var streams = Enumerable.Range(0, 40)
            .Select(i => YamlReader.Parse($"w{i:D2}.yaml", $"apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w{i}\nspec:\n  size: 1\n  memory: 2Gi\n"
                + (i == 0 ? "  tags:\n" + tags : string.Empty)))
            .ToList();

        // The test host's thread pool is busy with other tests: give Parallel.For real workers, as the CLI has.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), completion);
        try
        {
            for (var run = 0; run < 5; run++)
            {
                var runner = new LintRunner(new StructuralValidator(store), []);
                var notes = runner.Run(streams, LintConfig.Empty, Severity.Info).Findings.Where(f => f.RuleId == "schema-cel-not-evaluated").ToList();

                Assert.Equal(["w00.yaml", "w00.yaml"], notes.Select(f => f.File));
            }
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completion);
        }
    }

    [Theory]
    [InlineData("interval: soon", "schema-format", "spec.interval", "must be a duration")]
    [InlineData("size: null", "schema-null-dropped", "spec.size", "null value would be dropped")]
    [InlineData("mode: huge", "schema-enum", "spec.mode", "supported values: \"small\", \"large\"")]
    [InlineData("size: 0", "schema-range", "spec.size", "greater than or equal to 1")]
    [InlineData("tags: {team: 7}", "schema-type", "spec.tags.team", "must be of type string")]
    [InlineData("template: {apiVersion: v1, metadata: {name: x}}", "schema-required", "spec.template.kind", "must not be empty")]
    [InlineData("template: {apiVersion: v1, kind: ConfigMap, metadata: {name: Bad_Name}}", "schema-metadata", "spec.template.metadata.name", "RFC 1123")]
    [InlineData("template: {apiVersion: v1, kind: ConfigMap, metadata: {nme: x}}", "schema-pruned-field", "spec.template.metadata.nme", "did you mean \"name\"")]
    public void ImportedWidget_ReportsEachSemantic(string line, string rule, string path, string text)
    {
        Import("widgets.example.com.yaml");
        var store = SchemaStore.BuiltIn.WithDirectories([_dir]);
        var document = $"apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 1\n  memory: 2Gi\n  {line}\n";
        if (line.StartsWith("size:", StringComparison.Ordinal))
        {
            document = document.Replace("  size: 1\n", string.Empty, StringComparison.Ordinal);
        }

        var findings = Validate(new StructuralValidator(store), document).Where(f => f.RuleId != "schema-cel-not-evaluated").ToList();

        var expected = findings.FirstOrDefault(f => f.RuleId == rule && f.Path == path);
        Assert.True(expected is not null, string.Join("\n", findings.Select(ValidationFixtureTests.Show)));
        Assert.Contains(text, expected.Message, StringComparison.Ordinal);
        Assert.Equal(line.StartsWith("size:", StringComparison.Ordinal) ? 7 : 8, expected.Line);
    }

    [Fact]
    public void List_AndVersions_AreImported_WithoutDescriptions()
    {
        var written = Import("widgets-v2-list.yaml");

        Assert.Equal(["example.com_v1alpha1_Gadget.json", "example.com_v1_Gadget.json"], written.Select(Path.GetFileName).ToList());
        using var compiled = JsonDocument.Parse(File.ReadAllText(written[1]));
        var root = compiled.RootElement;
        Assert.Equal(1, root.GetProperty("compiledSchema").GetInt32());
        Assert.Equal("crd", root.GetProperty("flavor").GetString());
        var properties = root.GetProperty("schema").GetProperty("properties").GetProperty("spec").GetProperty("properties");
        Assert.False(properties.GetProperty("colour").TryGetProperty("description", out _));
        Assert.True(properties.TryGetProperty("description", out _), "a property named description is kept");

        var store = SchemaStore.BuiltIn.WithDirectories([_dir]);
        var findings = ValidationFixtureTests.Validate("g.yaml", "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n  color: red\n", store);
        Assert.Contains("did you mean \"colour\"", Assert.Single(findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiDocumentStream_IsImported()
    {
        var text = File.ReadAllText(TestPaths.Fixture("validation", "crds", "widgets.example.com.yaml")) + "---\n"
            + File.ReadAllText(TestPaths.Fixture("validation", "crds", "llamastack-newer-operator.yaml"));

        var written = SchemaImporter.Import("stdin", text, _dir);

        Assert.Equal(2, written.Count);
    }

    [Fact]
    public void OpenApiDocument_IsImported_WithReferencedDefinitionsOnly()
    {
        var written = Import("mini-openapi.json");

        var file = Assert.Single(written);
        Assert.EndsWith("example.com_v1_Sprocket.json", file, StringComparison.Ordinal);
        using var compiled = JsonDocument.Parse(File.ReadAllText(file));
        var definitions = compiled.RootElement.GetProperty("definitions").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["com.example.v1.IntOrString", "com.example.v1.Meta", "com.example.v1.Sprocket", "com.example.v1.SprocketSpec"], definitions);

        var store = SchemaStore.BuiltIn.WithDirectories([_dir]);
        var findings = ValidationFixtureTests.Validate("s.yaml", "apiVersion: example.com/v1\nkind: Sprocket\nmetadata:\n  name: s\nspec:\n  port: true\n", store);
        Assert.Equal(
            [("schema-required", "spec.teeth"), ("schema-type", "spec.port")],
            findings.Select(f => (f.RuleId, f.Path)).ToList());
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n", "bad.yaml:1:1: expected a CustomResourceDefinition (or a List of them), found v1 ConfigMap")]
    [InlineData("kind: CustomResourceDefinition\nspec: [unclosed\n", "bad.yaml:3:1: invalid YAML")]
    [InlineData("", "bad.yaml: no CustomResourceDefinition found")]
    [InlineData("- a\n- b\n", "expected a CustomResourceDefinition, found array")]
    [InlineData("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x.example.com\nspec:\n  group: example.com\n  names:\n    kind: X\n  versions:\n    - name: v1\n", "has no version with a schema")]
    [InlineData("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x.example.com\nspec:\n  group: example.com\n  names:\n    kind: X\n  versions:\n    - name: v1\n      schema:\n        openAPIV3Schema:\n          $ref: '#/nowhere'\n", "cannot be used: $ref \"#/nowhere\" does not resolve")]
    [InlineData("{\"openapi\": \"3.0.0\", \"components\": {\"schemas\": {}}}", "no component has an x-kubernetes-group-version-kind")]
    public void BadInput_GivesClearMessage_AndWritesNothing(string text, string expected)
    {
        var ex = Assert.Throws<SchemaImportException>(() => SchemaImporter.Import("bad.yaml", text, _dir));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir) && Directory.EnumerateFiles(_dir).Any());
    }

    [Theory]
    [InlineData("--out", "error: unknown option --out (schemas import takes FILE... and --into DIR)")]
    [InlineData("/nonexistent/crd.yaml", "error: cannot read /nonexistent/crd.yaml")]
    [InlineData("/tmp", "error: cannot read /tmp: it is a directory (name the CRD files)")]
    public void ImportCommand_ABadArgumentAfterAGoodFile_WritesNothing(string bad, string expected)
    {
        var good = TestPaths.Fixture("validation", "crds", "widgets.example.com.yaml");

        var result = CliRunner.Run("schemas", "import", good, bad, "--into", _dir);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir) && Directory.EnumerateFiles(_dir).Any());
    }

    [Fact]
    public void ImportCommand_ADocumentThatDoesNotConvertAfterAGoodOne_WritesNothing()
    {
        var bad = Path.Combine(Directory.CreateTempSubdirectory().FullName, "configmap.yaml");
        File.WriteAllText(bad, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");

        var result = CliRunner.Run("schemas", "import", TestPaths.Fixture("validation", "crds", "widgets.example.com.yaml"), bad, "--into", _dir);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {bad}:1:1: expected a CustomResourceDefinition", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir) && Directory.EnumerateFiles(_dir).Any());
    }

    [Fact]
    public void UnwritableDirectory_IsAnImportError()
    {
        Directory.CreateDirectory(_dir);
        var blocked = Path.Combine(_dir, "file-not-directory");
        File.WriteAllText(blocked, "x");

        var ex = Assert.Throws<SchemaImportException>(() =>
            SchemaImporter.Import("widgets.yaml", File.ReadAllText(TestPaths.Fixture("validation", "crds", "widgets.example.com.yaml")), blocked));

        Assert.StartsWith($"cannot write the compiled schemas into {blocked}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DamagedCompiledFile_IsReportedAsAnError_NotACrash()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "example.com_v1_Widget.json"), "{ not json");
        var store = SchemaStore.BuiltIn.WithDirectories([_dir]);

        var finding = Assert.Single(ValidationFixtureTests.Validate("w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n", store));

        Assert.Equal(("schema-unknown-kind", Severity.Error), (finding.RuleId, finding.Severity));
        Assert.Contains("could not be loaded", finding.Message, StringComparison.Ordinal);
    }

    private List<string> Import(string fixture) =>
        [.. SchemaImporter.Import(fixture, File.ReadAllText(TestPaths.Fixture("validation", "crds", fixture)), _dir)];

    private static List<Finding> Validate(StructuralValidator validator, string text)
    {
        var stream = Generator.Yaml.YamlReader.Parse("w.yaml", text);
        return [.. stream.Documents.Select(d => Generator.Documents.Manifest.FromDocument(d, out _)!).SelectMany(validator.Validate)];
    }
}
