using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Robustness;

/// <summary>
/// Hostile inputs end quickly in one clear yaml-parse finding (with a line) and exit code 1, never in exhausted memory,
/// a hang or a stack trace: alias bombs, nesting depth, file size and document count each have a limit.
/// </summary>
public sealed class InputLimitTests
{
    [Fact]
    public void BillionLaughs_FailsFastWithAFinding()
    {
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\n  namespace: default\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append($"lol{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        var finding = LintExpectingOneParseFinding(text.ToString(), out var elapsed);

        Assert.Contains("billion laughs", finding.GetProperty("message").GetString());
        Assert.True(finding.GetProperty("line").GetInt32() >= 7);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed}");
    }

    [Fact]
    public void DeepNesting_IsALimitFinding()
    {
        var finding = LintExpectingOneParseFinding("apiVersion: v1\nkind: ConfigMap\ndata: " + new string('[', 50_000) + new string(']', 50_000) + "\n", out _);

        Assert.Contains($"nesting deeper than {YamlLimits.Default.MaxDepth} levels", finding.GetProperty("message").GetString());
        Assert.Equal(3, finding.GetProperty("line").GetInt32());
    }

    [Fact]
    public void OversizedFile_IsALimitFindingWithoutReadingIt()
    {
        var file = Temp("huge.yaml");
        using (var stream = File.Create(file))
        {
            stream.SetLength(YamlLimits.Default.MaxFileBytes + 1);
        }

        var finding = LintExpectingOneParseFinding(file, out _, isPath: true);

        Assert.Contains($"more than the limit of {YamlLimits.Default.MaxFileBytes} bytes", finding.GetProperty("message").GetString());
        Assert.Equal(1, finding.GetProperty("line").GetInt32());
    }

    [Fact]
    public void TooManyDocuments_IsALimitFinding()
    {
        var finding = LintExpectingOneParseFinding(string.Concat(Enumerable.Repeat("--- {}\n", YamlLimits.Default.MaxDocuments + 1)), out _);

        Assert.Contains($"more than {YamlLimits.Default.MaxDocuments} documents", finding.GetProperty("message").GetString());
        Assert.Equal(YamlLimits.Default.MaxDocuments + 1, finding.GetProperty("line").GetInt32());
    }

    [Fact]
    public void LongLineAndBinaryGarbage_AreFindingsNotCrashes()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  long: " + new string('x', 5_000_000) + "\n").Concat(new byte[] { 0, 0xFF, 0xFE }).ToArray();
        var file = Temp("garbage.yaml");
        File.WriteAllBytes(file, bytes);

        var finding = LintExpectingOneParseFinding(file, out _, isPath: true);

        Assert.Contains("invalid UTF-8", finding.GetProperty("message").GetString());
        Assert.Equal(7, finding.GetProperty("line").GetInt32());
    }

    private static JsonElement LintExpectingOneParseFinding(string input, out TimeSpan elapsed, bool isPath = false)
    {
        var file = isPath ? input : Temp("input.yaml");
        if (!isPath)
        {
            File.WriteAllText(file, input);
        }

        var clock = Stopwatch.StartNew();
        var result = CliRunner.Run("lint", "--format", "json", file);
        elapsed = clock.Elapsed;

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "yaml-parse").ToList();
        return Assert.Single(findings).Clone();
    }

    private static string Temp(string name) => Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
}
