using System.Text.RegularExpressions;
using Generator.Tests.Support;

namespace Generator.Tests.Cli;

public sealed class RenderCommandTests
{
    [Fact]
    public void Render_Defaults_WritesChartAndManifestsAndExitsZero()
    {
        var outDir = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");

        var result = CliRunner.Run("render", "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "chart", "llamastack-tracing", "Chart.yaml")));
        Assert.True(File.Exists(Path.Combine(outDir, "chart", "llamastack-tracing", "values.schema.json")));
        foreach (var file in new[] { "tempo-monolithic.yaml", "otel-collector.yaml", "tracing-patch-configmap.yaml", "llamastack-distribution.yaml", "kustomization.yaml" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, "manifests", file)), file);
        }
    }

    [Fact]
    public void Render_ReplacesWiringLikeTheChartAndManifests_AndKeepsOtherEntries()
    {
        var outDir = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "WIRING.md"), "stale picture\n");
        File.WriteAllText(Path.Combine(outDir, "notes.md"), "mine\n");

        var result = CliRunner.Run("render", "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["WIRING.md", "chart", "manifests", "notes.md"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("# Wiring of the rendered stack\n", File.ReadAllText(Path.Combine(outDir, "WIRING.md")));
        Assert.Contains("```mermaid\nflowchart LR\n", File.ReadAllText(Path.Combine(outDir, "WIRING.md")));
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(outDir, "notes.md")));
        Assert.Matches($@"^render: wrote {Regex.Escape(outDir)}/chart/llamastack-tracing \(\d+ files\), {Regex.Escape(outDir)}/manifests \(5 files\) and {Regex.Escape(outDir)}/WIRING\.md\.\n$", result.Stdout);
    }

    [Fact]
    public void Render_Twice_ProducesByteIdenticalFilesWithLfEndings()
    {
        var first = Path.Combine(Directory.CreateTempSubdirectory().FullName, "a");
        var second = Path.Combine(Directory.CreateTempSubdirectory().FullName, "b");

        Assert.Equal(0, CliRunner.Run("render", "--out", first, "--set", "profile=cluster-observability").ExitCode);
        Assert.Equal(0, CliRunner.Run("render", "--out", second, "--set", "profile=cluster-observability").ExitCode);

        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order());
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(first, file));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(second, file)));
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    [Fact]
    public void Render_BadOptions_ExitsTwoWithLocationAndWritesNothing()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var options = Path.Combine(dir, "options.yaml");
        File.WriteAllText(options, "collector:\n  replicas: many\n");
        var outDir = Path.Combine(dir, "out");

        var result = CliRunner.Run("render", "--options", options, "--out", outDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{options}:2:13: error: collector.replicas: expected an integer", result.Stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("collector:\n  replcas: 2\n", ":2:3: error: collector.replcas: unknown option \"replcas\"; did you mean \"replicas\"?")]
    [InlineData("collector:\n  replicas: two\n", ":2:13: error: collector.replicas: expected an integer, got string \"two\"")]
    [InlineData("patch:\n  strategy: sidecar\n", ":2:13: error: patch.strategy: unsupported value \"sidecar\": allowed values are auto, sitecustomize, subPath, initContainer, none")]
    [InlineData("llamaStack:\n  port: 0\n", ":2:9: error: llamaStack.port: invalid value 0: must be between 1 and 65535")]
    [InlineData("tempo:\n  name: Tracing\n", ":2:9: error: tempo.name: invalid value \"Tracing\": must be a DNS-1123 label")]
    [InlineData("tempo:\n  jaegerUi: true\n", ":2:13: error: tempo.jaegerUi: expected an object with keys enabled, route, ingress, got boolean")]
    [InlineData("collector: [1,\n", ":2:1: error: invalid YAML")]
    [InlineData("- a\n- b\n", ":1:1: error: the options file must be a mapping of options, not array")]
    [InlineData("tempo:\n  storage:\n    backend: s3\n", ":2:3: error: tempo.storage.secret: the s3 backend needs the name of a Secret")]
    public void Render_EachKindOfBadOptionsFile_ExitsTwoWithItsLocationAndMessage(string options, string expected)
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var file = Path.Combine(dir, "options.yaml");
        File.WriteAllText(file, options);

        var result = CliRunner.Run("render", "--options", file, "--out", Path.Combine(dir, "out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(file + expected, result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Theory]
    [InlineData("--set llamaStack.version=0.4.2 --set patch.strategy=none", "--set patch.strategy=none: warning render-caveat: patch.strategy: nothing in LlamaStack 0.4.2 installs a tracer provider")]
    [InlineData("--set llamaStack.version=0.2.10", "--set llamaStack.version=0.2.10: warning render-caveat: llamaStack.version: no span leaves LlamaStack 0.2.10")]
    [InlineData("--set llamaStack.version=0.7.1 --set llamaStack.metrics=none", "--set llamaStack.metrics=none: warning render-caveat: llamaStack.metrics: RHOAI 3.4's image passes --metrics_exporter=otlp")]
    public void Render_ValidOptionsWhoseServerSendsNothing_WritesAndWarnsAtTheOption(string sets, string expected)
    {
        var outDir = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");

        var result = CliRunner.Run(["render", .. sets.Split(' '), "--out", outDir]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Stdout + result.Stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "WIRING.md")));
    }

    [Fact]
    public void Render_OwnOtelTraceSinkOn0214_WarnsAtTheEnvEntryThatTheServerWillNotStart()
    {
        var options = Path.Combine(Directory.CreateTempSubdirectory().FullName, "options.yaml");
        File.WriteAllText(options, "llamaStack:\n  version: 0.2.14\n  extraEnv:\n    - name: TELEMETRY_SINKS\n      value: console,otel_trace\n");

        var result = CliRunner.Run("render", "--options", options, "--out", Path.Combine(Directory.CreateTempSubdirectory().FullName, "out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{options}:3:3: warning render-caveat: llamaStack.extraEnv: LlamaStack 0.2.14 with otel_trace in TELEMETRY_SINKS refuses to start", result.Stdout + result.Stderr);
        Assert.DoesNotContain("no span leaves", result.Stdout + result.Stderr);
    }

    [Fact]
    public void Render_Defaults_HaveNoCaveat()
    {
        var outDir = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");

        var result = CliRunner.Run("render", "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "WIRING.md")));
        Assert.Contains("render: wrote", result.Stdout + result.Stderr);
        Assert.DoesNotContain("render-caveat", result.Stdout + result.Stderr);
    }

    [Fact]
    public void Render_MissingOptionsFile_ExitsTwo()
    {
        var result = CliRunner.Run("render", "--options", "/nonexistent/options.yaml", "--out", Directory.CreateTempSubdirectory().FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/options.yaml: error: cannot read the options file", result.Stderr);
    }

    [Theory]
    [InlineData("llamaStack.storage.size=0Gi")]
    [InlineData("tempo.storage.size=0Mi")]
    [InlineData("llamaStack.storage.size=0.0Mi")]
    public void Render_AVolumeOfSizeZero_IsRefused(string set)
    {
        var result = CliRunner.Run("render", "--set", set, "--out", Directory.CreateTempSubdirectory().FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must be a Kubernetes quantity above zero such as 512Mi or 20Gi", result.Stderr);
        Assert.Equal(0, CliRunner.Run("render", "--set", set.Split('=')[0] + "=512Mi", "--out", Path.Combine(Directory.CreateTempSubdirectory().FullName, "out")).ExitCode);
    }

    [Fact]
    public void Render_BadSet_ExitsTwoNamingTheArgument()
    {
        var result = CliRunner.Run("render", "--set", "tempo.storage.backend=minio", "--out", Directory.CreateTempSubdirectory().FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--set tempo.storage.backend=minio: error: tempo.storage.backend: unsupported value \"minio\"", result.Stderr);
    }

    [Fact]
    public void Render_InitContainerAgainstTheRealCrd_ExitsOneAndKeepsOutUnchanged()
    {
        var outDir = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");
        Assert.Equal(0, CliRunner.Run("render", "--out", outDir).ExitCode);
        var before = Snapshot(outDir);

        var result = CliRunner.Run(
            "render", "--out", outDir,
            "--set", "patch.strategy=initContainer",
            "--set", "patch.file=" + TestPaths.Fixture("patch", "tracing.py"),
            "--set", "llamaStack.distribution.name=",
            "--set", "llamaStack.distribution.image=quay.io/opendatahub/llama-stack:rhoai-3.2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec.server.podOverrides.initContainers", result.Stderr);
        Assert.Contains("spec.server.containerSpec.volumeMounts", result.Stderr);
        Assert.Contains("use patch.strategy=sitecustomize", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nothing was written", result.Stderr);
        Assert.Equal(before, Snapshot(outDir));
    }

    [Fact]
    public void Render_AfterKilledRenders_RemovesTheirDebrisButKeepsALiveRendersStaging()
    {
        var parent = Directory.CreateTempSubdirectory().FullName;
        var outDir = Path.Combine(parent, "out");
        Assert.Equal(0, CliRunner.Run("render", "--out", outDir).ExitCode);
        var before = Snapshot(outDir);
        StagingDebris.Legacy(outDir);
        var abandoned = StagingDebris.Sibling(outDir, StagingDebris.ExitedPid());
        using var running = new StagingDebris.RunningProcess();
        var live = StagingDebris.Sibling(outDir, running.Id);

        var result = CliRunner.Run("render", "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(before, Snapshot(outDir));
        Assert.False(Directory.Exists(abandoned));
        Assert.True(File.Exists(Path.Combine(live, "manifests", "half.yaml")));
        Assert.Equal([Path.GetFileName(live), "out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Render_OutputPathIsAFile_ExitsTwoSayingSoWithoutAStackTrace()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");
        File.WriteAllText(file, "a file\n");

        var result = CliRunner.Run("render", "--out", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"render: cannot write {file}: {file} exists and is not a directory; {file} is unchanged.", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("a file\n", File.ReadAllText(file));
    }

    [Fact]
    public void Render_UnknownFlag_ExitsTwo()
    {
        var result = CliRunner.Run("render", "--no-such-flag");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-flag", result.Stderr);
    }

    [Fact]
    public void Render_MissingSchemaDirectory_ExitsTwo()
    {
        var result = CliRunner.Run("render", "--schemas", "/nonexistent/schemas", "--out", Directory.CreateTempSubdirectory().FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such directory", result.Stderr);
    }

    [Fact]
    public void Render_Verbose_SaysWhichSourceValidatedEachKind()
    {
        var result = CliRunner.Run("render", "--verbose", "--out", Directory.CreateTempSubdirectory().FullName);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("schema tempo.grafana.com/v1alpha1 TempoMonolithic: built-in", result.Stderr);
        Assert.Contains("schema apps/v1 Deployment: built-in", result.Stderr);
    }

    internal static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText);
}
