using System.Text.Json;
using Generator.Yaml;

namespace Generator.Tests.Chart;

/// <summary>
/// The chart's llamastack-tracing.yamlString helper writes a string scalar exactly as YamlWriter does (plain or
/// double-quoted), which the byte-identical collector config and its checksum rely on. Each string below sits on one of
/// the writer's quoting rules, or just beside one.
/// </summary>
public sealed class YamlStringHelperTests
{
    private const string Probe = "templates/yaml-string-probe.yaml";

    private static readonly string[] Strings =
    [
        "", " lead", "trail ", "colon:", "a: b", "a:b", "a #b", "a#b", "-", "- a", "-a", "?x", "!x", "%x", "@x", "`x", "&x", "*x",
        "|x", ">x", "'x", "\"x", "[x", "{x", ",x", "x'y", "x\"y", "a\\b", "tab\tx", "é", "\u00e9t\u00e9",
        "null", "Null", "~", "yes", "No", "on", "OFF", "y", "N", "true", "TRUE", "<<", "=",
        "0", "007", "08", "0x1F", "0X1f", "0x", "0b101", "0b2", "0o17", "0o8", "1_000", "_1", "1_", "+", "-1", "+1", "-0x1",
        "1e5", "1e", "e1", "1.", ".5", "1.5", "1.2.3", "0.159.0", "+.inf", "-.Inf", ".nan", ".NaN", ".x",
        "2024-01-01", "2024-1-1x", "202-01-01", "5s", "200ms", "/", "/healthz", "0.0.0.0:4318",
        "tempo-tracing-gateway.openshift-tempo-operator.svc.cluster.local:4317", "otlp_grpc/tempo", "dev", "team-b",
    ];

    [Fact]
    public void YamlString_QuotesExactlyLikeYamlWriter()
    {
        using var chart = RenderedChart.Create(null);
        File.WriteAllText(Path.Combine(chart.ChartDirectory, Probe),
            "probe:\n{{- range .Values.strings }}\n  - {{ include \"llamastack-tracing.yamlString\" . }}\n{{- end }}\n");
        var values = Path.Combine(chart.Root, "strings.json");
        File.WriteAllText(values, JsonSerializer.Serialize(new { strings = Strings }));

        var run = Helm.Succeed("template", "probe", chart.ChartDirectory, "--show-only", Probe,
            "--values", values, "--skip-schema-validation", "--set", "chart.capabilityChecks=false");

        var written = run.Stdout.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
        var expected = Strings.Select(YamlWriter.FormatString).ToList();
        var mismatches = Strings.Zip(expected, written).Where(t => t.Second != t.Third)
            .Select(t => $"{YamlWriter.Quote(t.First)}: YamlWriter {t.Second}, chart {t.Third}");
        Assert.Equal(expected.Count, written.Count);
        Assert.True(!mismatches.Any(), "the chart quotes differently:\n" + string.Join("\n", mismatches));
    }
}
