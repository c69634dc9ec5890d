using System.Diagnostics;
using Generator.Findings;
using Generator.Lint;
using Generator.Schemas;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Robustness;

/// <summary>
/// Feeds the linter thousands of damaged versions of every YAML file of the repository's tests and out/: no input may
/// crash it (a rule failing shows up as a lint-internal finding, which counts as a crash here), take more than 2 s, or
/// produce a finding without a line. Inputs that once failed are kept in tests/Fixtures/fuzz-regressions and linted on
/// every run. FUZZ_ITERATIONS and FUZZ_SEED change the run's size and seed.
/// </summary>
public sealed class LintFuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private static readonly LintRunner Runner = new(new StructuralValidator(SchemaStore.BuiltIn), RuleCatalog.Rules);

    [Fact]
    public void MutatedInputs_NeverCrashHangOrLoseTheirPosition()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out var n) ? n : 10_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261126;
        var corpus = SeedCorpus();
        var mutator = new YamlMutator(new Random(seed));
        var failures = new List<string>();

        for (var i = 0; i < iterations && failures.Count < 5; i++)
        {
            var (name, original) = corpus[i % corpus.Count];
            var mutated = mutator.Mutate(original);
            if (Check($"fuzz-{i}.yaml", mutated) is { } failure)
            {
                failures.Add($"iteration {i} (seed {seed}, from {name}): {failure}");
                Keep(mutated, $"seed{seed}-iteration{i}.yaml");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string> Regressions =>
        [.. Directory.GetFiles(TestPaths.Fixture("fuzz-regressions"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Regressions))]
    public void OnceCrashingInput_IsNowAFindingWithALine(string file)
    {
        Assert.Null(Check(file, File.ReadAllBytes(TestPaths.Fixture("fuzz-regressions", file))));
    }

    /// <summary>What is wrong with the linter's answer to an input, or null when it answered well.</summary>
    private static string? Check(string name, byte[] input)
    {
        var clock = Stopwatch.StartNew();
        LintReport report;
        try
        {
            report = Runner.Run([YamlReader.Parse(name, input)], LintConfig.Empty, Severity.Info);
        }
        catch (Exception ex)
        {
            return $"unhandled {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}";
        }

        if (clock.Elapsed > Budget)
        {
            return $"took {clock.Elapsed.TotalSeconds:F1} s";
        }

        if (report.Findings.FirstOrDefault(f => f.RuleId == RuleCatalog.Internal.Id) is { } crash)
        {
            return "a rule crashed: " + crash.Message;
        }

        return report.Findings.FirstOrDefault(f => f.Line <= 0) is { } unplaced ? $"finding without a line: {unplaced.RuleId}: {unplaced.Message}" : null;
    }

    private static List<(string Name, byte[] Bytes)> SeedCorpus() =>
        [.. new[] { Path.Combine(TestPaths.RepoRoot, "tests"), Path.Combine(TestPaths.RepoRoot, "out") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.y*ml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(TestPaths.RepoRoot, f), File.ReadAllBytes(f)))];

    /// <summary>Keeps a failing input as a regression case (not under CI, which must not change the tree).</summary>
    private static void Keep(byte[] input, string name)
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllBytes(TestPaths.Fixture("fuzz-regressions", name), input);
        }
    }
}
