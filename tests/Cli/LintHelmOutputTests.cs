using System.Text.Json;
using Generator.Tests.Chart;
using Generator.Tests.Support;

namespace Generator.Tests.Cli;

/// <summary>
/// <c>helm template … | lint -</c> with the real helm: findings name the chart template that rendered their document
/// (helm's <c># Source:</c>), with the line inside that rendered document, in every output format.
/// </summary>
public sealed class LintHelmOutputTests : IDisposable
{
    private const string Template = "llamastack-tracing/templates/llamastack-distribution.yaml";
    private const string Misspelt = "http://otel-colector.llamastack.svc.cluster.local:4318/v1/traces";

    private readonly RenderedChart _chart = RenderedChart.Create(null);

    /// <summary>The generated chart with a traces endpoint whose host misses the collector's Service by one letter.</summary>
    private string Rendered(params string[] extra) => Helm.Succeed([
        "template", "tracing", _chart.ChartDirectory, "--namespace", "llamastack", "--set", "chart.capabilityChecks=false",
        "--set", "llamaStack.extraEnv[0].name=OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "--set", "llamaStack.extraEnv[0].value=" + Misspelt, .. extra]).Stdout;

    [Fact]
    public void Text_NamesTheTemplateAndALineOfItsRenderedDocument()
    {
        var result = CliRunner.RunWithInput(Rendered(), "lint", "--severity", "error", "-");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n'), l => l.Contains(" error reference-typo: ", StringComparison.Ordinal));
        var match = System.Text.RegularExpressions.Regex.Match(line, @"^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): ");
        Assert.True(match.Success, line);
        Assert.Equal(Template, match.Groups["file"].Value);
        Assert.Matches(@"\[rendered by template llamastack-tracing/templates/llamastack-distribution\.yaml; -:\d+:\d+ of the helm template output\]$", line);

        // helm's own rendering of that one template: "---", "# Source: …", then the document whose line the finding names.
        var shown = Helm.Succeed([
            "template", "tracing", _chart.ChartDirectory, "--namespace", "llamastack", "--set", "chart.capabilityChecks=false", "--show-only", "templates/llamastack-distribution.yaml",
            "--set", "llamaStack.extraEnv[0].name=OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "--set", "llamaStack.extraEnv[0].value=" + Misspelt]).Stdout.Split('\n');
        Assert.Equal("# Source: " + Template, shown[1]);
        var document = shown[2..];
        var offending = document[int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
        Assert.Equal("value: \"" + Misspelt + "\"", offending[(int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1 - "value: ".Length)..].Trim());
    }

    [Fact]
    public void JsonAndSarif_CarryTheTemplateAsTheFile()
    {
        var stdin = Rendered();

        using var json = JsonDocument.Parse(CliRunner.RunWithInput(stdin, "lint", "--format", "json", "-").Stdout);
        var sarif = CliRunner.RunWithInput(stdin, "lint", "--format", "sarif", "-");

        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "reference-typo");
        Assert.Equal(Template, finding.GetProperty("file").GetString());
        Assert.Equal(1, sarif.ExitCode);
        using var log = JsonDocument.Parse(sarif.Stdout);
        var result = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "reference-typo");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(Template, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(finding.GetProperty("line").GetInt32(), location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Empty(LintCommandTests.SarifValidationResults(sarif.Stdout));
    }

    [Fact]
    public void SavedOutputFile_IsMappedLikeStandardInput()
    {
        var file = Path.Combine(_chart.Root, "rendered.yaml");
        var stdin = Rendered();
        File.WriteAllText(file, stdin);

        var fromFile = CliRunner.Run("lint", file).Stdout;
        var fromStdin = CliRunner.RunWithInput(stdin, "lint", "-").Stdout;

        Assert.Equal(fromStdin.Replace("; -:", $"; {file}:", StringComparison.Ordinal), fromFile);
        Assert.Contains(Template + ":", fromFile);
    }

    [Fact]
    public void CleanRender_ExitsZero_WithEveryFindingInATemplate()
    {
        var result = CliRunner.RunWithInput(Helm.Succeed("template", "tracing", _chart.ChartDirectory, "--namespace", "llamastack", "--set", "chart.capabilityChecks=false").Stdout,
            "lint", "--severity", "warning", "-");

        Assert.Equal(0, result.ExitCode);
        var findings = result.Stdout.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(findings); // tempo-memory-storage: the default profile keeps traces in memory
        Assert.All(findings, f => Assert.StartsWith("llamastack-tracing/templates/", f));
    }

    public void Dispose() => _chart.Dispose();
}
