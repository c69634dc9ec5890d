using System.Text.Json;
using Generator.Tests.Chart;
using Generator.Tests.Support;

namespace Generator.Tests.Cli;

public sealed class LintCommandTests
{
    private static string Seed => TestPaths.Fixture("seed");

    [Fact]
    public void Lint_SeedManifests_ReportsPrunedFieldsAsTextAndExitsOne()
    {
        var result = CliRunner.Run("lint", Seed);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"llamastack-distribution-postgres-otel\.yaml:\d+:\d+: error schema-pruned-field: spec\.server\.podOverrides\.initContainers: ", result.Stdout);
        Assert.Matches(@"\d+ errors?, \d+ warnings?, \d+ info in 4 files \(\d+ documents\)\n$", result.Stdout);
    }

    [Fact]
    public void Lint_CleanFile_ExitsZero()
    {
        var file = Write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n  namespace: llamastack\ndata:\n  a: b\n");

        var result = CliRunner.Run("lint", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 info in 1 file (1 document)\n", result.Stdout);
    }

    [Fact]
    public void Lint_Json_PrintsExactlyOneObjectWithTheContractFields()
    {
        var result = CliRunner.Run("lint", "--format", "json", Seed);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["findings", "summary"], root.EnumerateObject().Select(p => p.Name));
        var finding = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("path").GetString() == "spec.server.podOverrides.initContainers");
        Assert.Equal(["rule", "severity", "file", "line", "column", "path", "message"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("schema-pruned-field", finding.GetProperty("rule").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.True(finding.GetProperty("line").GetInt32() > 1);
        var summary = root.GetProperty("summary");
        Assert.Equal(["files", "documents", "errors", "warnings", "skippedDocuments", "skippedHelmTemplates"], summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, summary.GetProperty("files").GetInt32());
        Assert.Equal(0, summary.GetProperty("skippedDocuments").GetInt32());
        Assert.Equal(0, summary.GetProperty("skippedHelmTemplates").GetInt32());
    }

    [Fact]
    public void Lint_Sarif_IsValidForTheRealSarifMultitoolAndPointsAtTheKey()
    {
        var result = CliRunner.Run("lint", "--format", "sarif", Seed);

        Assert.Equal(1, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var initContainers = run.GetProperty("results").EnumerateArray()
            .First(r => r.GetProperty("message").GetProperty("text").GetString()!.StartsWith("spec.server.podOverrides.initContainers", StringComparison.Ordinal));
        var region = initContainers.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        var line = File.ReadAllLines(Path.Combine(Seed, "llamastack-distribution-postgres-otel.yaml"))[region.GetProperty("startLine").GetInt32() - 1];
        Assert.Equal("initContainers:", line[(region.GetProperty("startColumn").GetInt32() - 1)..].Trim());
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "schema-pruned-field" && r.TryGetProperty("help", out _));

        Assert.Empty(SarifValidationResults(result.Stdout));
    }

    [Fact]
    public void SarifMultitool_FlagsAResultWithoutRegion_SoTheValidityCheckCanFail()
    {
        var sarif = CliRunner.Run("lint", "--format", "sarif", Seed).Stdout;
        var broken = System.Text.Json.Nodes.JsonNode.Parse(sarif)!;
        broken["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!.AsObject().Remove("region");

        Assert.NotEmpty(SarifValidationResults(broken.ToJsonString()));
    }

    [Fact]
    public void Lint_StandardInput_IsOneMoreFileOfTheBundle()
    {
        var result = CliRunner.RunWithInput("apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad_Name\nspec:\n  ports:\n    - port: 80\n", "lint", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("-:4:9: error schema-metadata", result.Stdout);
    }

    [Fact]
    public void Lint_BrokenYaml_IsAFindingWithLineNotACrash()
    {
        var file = Write("apiVersion: v1\nkind: ConfigMap\ndata: [1, 2\nmetadata: {}\n");

        var result = CliRunner.Run("lint", "--format", "json", file);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("yaml-parse", finding.GetProperty("rule").GetString());
        Assert.True(finding.GetProperty("line").GetInt32() >= 3);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint", "/nonexistent/path.yaml")]
    [InlineData("lint", "--severity", "fatal", ".")]
    [InlineData("lint", "--format", "xml", ".")]
    [InlineData("lint", "--explain", "no-such-rule")]
    public void Lint_UsageErrors_ExitTwo(params string[] args)
    {
        Assert.Equal(2, CliRunner.Run(args).ExitCode);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("graph")]
    public void EmptyStandardInput_ExitsTwoSayingSo_SoAFailedHelmTemplateIsNotAPass(string command)
    {
        var empty = CliRunner.RunWithInput(string.Empty, command, "-");
        var newline = CliRunner.RunWithInput("\n", command, "-");

        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("standard input is empty", empty.Stderr);
        Assert.Equal(0, newline.ExitCode);
    }

    [Fact]
    public void Lint_SeverityThreshold_HidesLowerFindingsButKeepsTheExitCode()
    {
        var result = CliRunner.Run("lint", "--severity", "error", "--format", "json", Seed);
        var unfiltered = CliRunner.Run("lint", "--severity", "info", "--format", "json", Seed);

        using var json = JsonDocument.Parse(result.Stdout);
        using var all = JsonDocument.Parse(unfiltered.Stdout);
        var shown = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, f => Assert.Equal("error", f.GetProperty("severity").GetString()));
        Assert.Contains(all.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "warning");
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Lint_VerboseWithImportedSchemas_SaysWhichSourceWonPerKind()
    {
        var schemas = Path.Combine(Directory.CreateTempSubdirectory().FullName, "schemas");
        Assert.Equal(0, CliRunner.Run("schemas", "import", TestPaths.Fixture("crds", "llamastackdistribution-with-init-containers.yaml"), "--into", schemas).ExitCode);

        var result = CliRunner.Run("lint", "--verbose", "--schemas", schemas, Seed);

        Assert.Contains("schema llamastack.io/v1alpha1 LlamaStackDistribution: directory " + schemas, result.Stderr);
        Assert.Contains("schema tempo.grafana.com/v1alpha1 TempoMonolithic: built-in", result.Stderr);
        Assert.DoesNotContain("schema-pruned-field: spec.server.podOverrides.initContainers:", result.Stdout);
        Assert.Contains("schema-pruned-field: spec.server.podOverrides.initContainers:", CliRunner.Run("lint", Seed).Stdout);
    }

    [Fact]
    public void Lint_ListRules_And_Explain()
    {
        var list = CliRunner.Run("lint", "--list-rules");
        var explain = CliRunner.Run("lint", "--explain", "schema-pruned-field");

        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"(?m)^schema-pruned-field\s+error\s+\S", list.Stdout);
        Assert.Matches(@"(?m)^yaml-parse\s+error\s+\S", list.Stdout);
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("schema-pruned-field (error)\n", explain.Stdout);
        Assert.Contains("preserve-unknown-fields", explain.Stdout);
    }

    [Fact]
    public void Lint_IgnoreComment_AboveTheKey_SuppressesThatRuleOnly()
    {
        var file = Write("""
            apiVersion: tempo.grafana.com/v1alpha1
            kind: TempoMonolithic
            metadata:
              name: tracing
              namespace: openshift-tempo-operator
            spec:
              # lint-ignore: schema-pruned-field kept for the old operator we still run
              queryFrontend: {}
              storage:
                traces:
                  backend: memory
              bogus: true
            """);

        var result = CliRunner.Run("lint", "--format", "json", "--severity", "error", file);

        using var json = JsonDocument.Parse(result.Stdout);
        var paths = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.DoesNotContain("spec.queryFrontend", paths);
        Assert.Contains("spec.bogus", paths);
    }

    [Fact]
    public void Lint_IgnoreComment_AboveTheDocument_CoversTheWholeDocument()
    {
        var file = Write("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: first
              namespace: llamastack
            ---
            # lint-ignore: schema-pruned-field legacy object
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: second
              namespace: llamastack
              extra: 1
            spec: {}
            """);

        var result = CliRunner.Run("lint", file);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Lint_ConfigFile_DisablesAndDemotesRules()
    {
        var config = Write("rules:\n  schema-pruned-field: warning\n  tempo-memory-storage: off\n", "lint.yaml");
        var tempo = Path.Combine(Seed, "tempo-monolithic.yaml");
        Assert.Equal(1, CliRunner.Run("lint", tempo).ExitCode);

        var result = CliRunner.Run("lint", "--config", config, "--format", "json", tempo);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "schema-pruned-field" && f.GetProperty("severity").GetString() == "warning");
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString() == "tempo-memory-storage");
    }

    [Theory]
    [InlineData("rules:\n  no-such-rule: off\n", "unknown rule \"no-such-rule\"")]
    [InlineData("rules:\n  schema-pruned-field: loud\n", "expected off, error, warning or info")]
    [InlineData("ruels: {}\n", "unknown key \"ruels\"")]
    public void Lint_BadConfigFile_ExitsTwoWithLocation(string text, string message)
    {
        var config = Write(text, "lint.yaml");

        var result = CliRunner.Run("lint", "--config", config, Seed);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(config + ":", result.Stderr);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void Lint_OtherToolsYamlAsPreCommitPassesIt_IsSkippedAndCounted()
    {
        var repo = WriteTree(OtherToolsYaml.Append(("k8s/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n  namespace: llamastack\n")));
        string[] files = [.. OtherToolsYaml.Select(f => Path.Combine(repo, f.Path)), Path.Combine(repo, "k8s", "configmap.yaml")];

        var text = CliRunner.Run(["lint", .. files]);
        var json = CliRunner.Run(["lint", "--format", "json", .. files]);

        Assert.Equal(0, text.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 info in 5 files (1 document, 4 skipped: not Kubernetes objects)\n", text.Stdout);
        Assert.Equal(0, json.ExitCode);
        using var report = JsonDocument.Parse(json.Stdout);
        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("documents").GetInt32());
        Assert.Equal(4, summary.GetProperty("skippedDocuments").GetInt32());
        Assert.Equal(0, summary.GetProperty("skippedHelmTemplates").GetInt32());
    }

    [Fact]
    public void Lint_NearMissOfApiVersion_IsManifestInvalidNamingTheKey()
    {
        var file = Write("apiversion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n  namespace: llamastack\n");

        var result = CliRunner.Run("lint", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"{file}:1:1: error manifest-invalid: the object has kind but no apiVersion (\"apiversion\" is not \"apiVersion\")\n1 error, 0 warnings, 0 info in 1 file (1 document)\n",
            result.Stdout);
    }

    [Fact]
    public void Lint_StrictKinds_MakesAWorkflowFileAnError()
    {
        var workflow = Path.Combine(WriteTree(OtherToolsYaml), ".github", "workflows", "ci.yml");

        var lenient = CliRunner.Run("lint", workflow);
        var strict = CliRunner.Run("lint", "--strict-kinds", workflow);

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 info in 1 file (0 documents, 1 skipped: not a Kubernetes object)\n", lenient.Stdout);
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal($"{workflow}:1:1: error manifest-invalid: the object has no apiVersion and no kind\n1 error, 0 warnings, 0 info in 1 file (1 document)\n", strict.Stdout);
    }

    [Theory]
    [InlineData("services:\n  tempo:\n    image: grafana/tempo:2.8.1\n    image: grafana/tempo:2.9.0\n", ":4:5: error yaml-duplicate-key:")]
    [InlineData("services:\n  tempo:\n    ? [a, b]\n    : c\n", ":3:7: error yaml-parse: a mapping or sequence used as a key")]
    public void Lint_YamlKubernetesRejectsInOtherToolsYaml_IsNotReportedUnlessStrict(string text, string finding)
    {
        var compose = Write(text, "docker-compose.yml");

        var lenient = CliRunner.Run("lint", compose);
        var strict = CliRunner.Run("lint", "--strict-kinds", compose);

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 info in 1 file (0 documents, 1 skipped: not a Kubernetes object)\n", lenient.Stdout);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(compose + finding, strict.Stdout);
    }

    [Theory]
    [InlineData("templates/deployment.yaml", "0 files (0 documents)")]
    [InlineData("", "2 files (0 documents, 2 skipped: not Kubernetes objects)")]
    public void Lint_HelmChartTemplate_IsNotParsedButNoted(string path, string linted)
    {
        var chart = WriteTree(HelmChart);
        var template = Path.Combine(chart, "templates", "deployment.yaml");
        Assert.Contains("error yaml-parse:", CliRunner.RunWithInput(File.ReadAllText(template), "lint", "-").Stdout);

        var result = CliRunner.Run("lint", Path.Combine(chart, path));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"0 errors, 0 warnings, 0 info in {linted}\n", result.Stdout);
        Assert.Equal(HelmTemplateNote, result.Stderr);
    }

    [Fact]
    public void Lint_HelmChartTemplate_StaysSkippedWithStrictKinds_WhileTheChartsOtherYamlIsAnError()
    {
        var chart = WriteTree(HelmChart);

        var result = CliRunner.Run("lint", "--strict-kinds", chart);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"{chart}/Chart.yaml:1:1: error manifest-invalid: the object has apiVersion but no kind\n"
            + $"{chart}/values.yaml:1:1: error manifest-invalid: the object has no apiVersion and no kind\n"
            + "2 errors, 0 warnings, 0 info in 2 files (2 documents)\n",
            result.Stdout);
        Assert.Equal(HelmTemplateNote, result.Stderr);
    }

    [Fact]
    public void Lint_ValuesFilesOfAChart_AreSkippedEvenWithATopLevelKind()
    {
        const string values = "kind: DaemonSet\nreplicaCount: 1\n";
        var chart = WriteTree([("Chart.yaml", "apiVersion: v2\nname: fb\nversion: 0.1.0\n"), ("values.yaml", values), ("values-prod.yaml", values)]);
        var loose = WriteTree([("values.yaml", values)]);

        var inChart = CliRunner.Run("lint", chart);
        var outside = CliRunner.Run("lint", loose);

        Assert.Equal(0, inChart.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 info in 3 files (0 documents, 3 skipped: not Kubernetes objects)\n", inChart.Stdout);
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("values.yaml:1:1: error manifest-invalid: the object has kind but no apiVersion", outside.Stdout);
    }

    [Fact]
    public void Lint_DirectoryWithSymlinkLoops_ReadsEachFileOnceAndEnds()
    {
        var root = WriteTree([("manifests/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n  namespace: llamastack\n"), ("manifests/sub/other.yaml", "a: 1\n")]);
        var manifests = Path.Combine(root, "manifests");
        Directory.CreateSymbolicLink(Path.Combine(manifests, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(manifests, "sub", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(manifests, "again"), manifests);

        var result = CliRunner.Run("lint", manifests);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 info in 2 files (1 document, 1 skipped: not a Kubernetes object)\n", result.Stdout);
    }

    [Fact]
    public void Lint_LinksToAnAncestorOfThePathAndToFiles_ReadEachFileOnceUnderItsOwnName()
    {
        var root = WriteTree([("tree/real/deep/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad_Name\n  namespace: tracing\nspec:\n  ports:\n    - port: 80\n")]);
        var tree = Path.Combine(root, "tree");
        Directory.CreateSymbolicLink(Path.Combine(tree, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(tree, "real", "deep", "grand"), "../..");
        Directory.CreateSymbolicLink(Path.Combine(tree, "alias"), "real/deep");
        Directory.CreateSymbolicLink(Path.Combine(tree, "slash"), Path.Combine(tree, "real") + "/");
        File.CreateSymbolicLink(Path.Combine(tree, "current.yaml"), "real/deep/service.yaml");

        var result = CliRunner.Run("lint", tree, Path.Combine(tree, "alias", "service.yaml"));

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(" in 1 file (1 document)\n", result.Stdout);
        Assert.StartsWith($"{tree}/real/deep/service.yaml:4:9: error", result.Stdout);
    }

    [Fact]
    public void Lint_TemplatesDirectoryOutsideAChart_IsLinted()
    {
        var dir = WriteTree([("templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n  namespace: llamastack\n")]);

        var result = CliRunner.Run("lint", dir);

        Assert.Equal("0 errors, 0 warnings, 0 info in 1 file (1 document)\n", result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Lint_HelmTemplateNoteAdvice_LintsTheRenderedChart()
    {
        var chart = WriteTree(HelmChart);
        var rendered = Helm.Succeed("template", "demo", chart, "--namespace", "tracing");

        var result = CliRunner.RunWithInput(rendered.Stdout, "lint", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("in 1 file (1 document)\n", result.Stdout);
        Assert.Contains("demo/templates/deployment.yaml:17:11: warning security-context-restricted:", result.Stdout);
        Assert.Contains("[rendered by template demo/templates/deployment.yaml; -:19:11 of the helm template output]", result.Stdout);
    }

    [Fact]
    public void Lint_SuppressionWrittenInATemplate_HoldsForItsRenderedOutput()
    {
        var chart = WriteTree(HelmChart.Select(f => f.Path == "templates/deployment.yaml"
            ? (f.Path, f.Text.Replace("        - name: app\n", "        # lint-ignore: security-context-restricted the image runs as root by design\n        - name: app\n", StringComparison.Ordinal))
            : f));
        var rendered = Helm.Succeed("template", "demo", chart, "--namespace", "tracing");

        var result = CliRunner.RunWithInput(rendered.Stdout, "lint", "-");

        Assert.Contains("# lint-ignore: security-context-restricted", rendered.Stdout);
        Assert.DoesNotContain("security-context-restricted", result.Stdout);
    }

    [Fact]
    public void Lint_SkippedCounts_AreInTheSarifRunWithANotificationForTheTemplates()
    {
        var chart = WriteTree(HelmChart);

        var result = CliRunner.Run("lint", "--format", "sarif", chart);

        Assert.Equal(0, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(2, run.GetProperty("properties").GetProperty("skippedDocuments").GetInt32());
        Assert.Equal(1, run.GetProperty("properties").GetProperty("skippedHelmTemplates").GetInt32());
        var notification = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("note", notification.GetProperty("level").GetString());
        Assert.Equal(HelmTemplateNote["lint: ".Length..^1], notification.GetProperty("message").GetProperty("text").GetString());
        var location = Assert.Single(notification.GetProperty("locations").EnumerateArray());
        Assert.Equal(new Uri(Path.Combine(chart, "templates", "deployment.yaml")).AbsoluteUri, location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Empty(SarifValidationResults(result.Stdout));
    }

    private const string HelmTemplateNote =
        "lint: skipped 1 Helm template file (chart templates are Go templates, not YAML; lint the rendered chart instead: helm template RELEASE CHART | llamastack-tracing lint -)\n";

    /// <summary>YAML files of other tools that pre-commit's files: \.(ya?ml)$ hands the linter.</summary>
    private static readonly (string Path, string Text)[] OtherToolsYaml =
    [
        (".github/workflows/ci.yml", """
            name: CI
            on:
              push:
                branches: [main]
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: tests/run.sh
            """),
        ("docker-compose.yml", """
            x-restart: &restart
              restart: unless-stopped
            services:
              tempo:
                <<: *restart
                image: grafana/tempo:2.8.1
                ports: ["4318:4318"]
            """),
        (".pre-commit-config.yaml", """
            repos:
              - repo: https://github.com/llamastack-tracing/generator
                rev: v0.1.0
                hooks:
                  - id: llamastack-tracing-lint
            """),
        ("chart/values.yaml", "replicas: 1\nimage: example.com/app:1.0\n"),
    ];

    /// <summary>A Helm chart whose one template is not YAML until helm renders it.</summary>
    private static readonly (string Path, string Text)[] HelmChart =
    [
        ("Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n"),
        ("values.yaml", "replicas: 1\nimage: example.com/app:1.0\nresources:\n  requests: {cpu: 100m, memory: 64Mi}\n  limits: {cpu: 500m, memory: 128Mi}\n"),
        ("templates/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}
              namespace: {{ .Release.Namespace }}
            spec:
              replicas: {{ .Values.replicas }}
              selector:
                matchLabels:
                  app: {{ .Release.Name }}
              template:
                metadata:
                  labels:
                    app: {{ .Release.Name }}
                spec:
                  containers:
                    - name: app
                      image: "{{ .Values.image }}"
                      {{- with .Values.resources }}
                      resources:
                        {{- toYaml . | nindent 12 }}
                      {{- end }}
            """),
    ];

    /// <summary>What the real SARIF Multitool's validate says about a SARIF log (empty when valid).</summary>
    internal static IReadOnlyList<JsonElement> SarifValidationResults(string sarif)
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var input = Path.Combine(dir, "lint.sarif");
        var output = Path.Combine(dir, "validation.sarif");
        File.WriteAllText(input, sarif);

        var run = ExternalTool.Run("Sarif.Multitool", ["validate", input, "--output", output, "--log", "ForceOverwrite"]);

        Assert.True(run.Succeeded, run.ToString());
        using var validation = JsonDocument.Parse(File.ReadAllText(output));
        return [.. validation.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.Clone())];
    }

    /// <summary>Writes the files (paths relative, with /) under a new temporary directory and returns it.</summary>
    private static string WriteTree(IEnumerable<(string Path, string Text)> files)
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        foreach (var (path, text) in files)
        {
            var file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text.EndsWith('\n') ? text : text + "\n");
        }

        return root;
    }

    private static string Write(string text, string name = "input.yaml")
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
