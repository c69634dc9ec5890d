using Generator.Yaml;

namespace Generator.Tests.Chart;

/// <summary>The parity tests' comparison sees what the API server would see, and nothing helm adds on purpose.</summary>
public sealed class ObjectDiffTests
{
    [Fact]
    public void Compare_QuotedNumberAgainstNumber_ReportsTheTypes()
    {
        var differences = ObjectDiff.Compare(Parse("env:\n  - value: \"5432\"\n"), Parse("env:\n  - value: 5432\n"));

        Assert.Equal(["env[0].value: raw string \"5432\", helm integer 5432"], differences);
    }

    [Fact]
    public void Compare_KeysInAnotherOrderAndEqualScalarsWrittenDifferently_AreEqual()
    {
        Assert.Empty(ObjectDiff.Compare(Parse("a: 1\nb: yes\nc: x\n"), Parse("c: \"x\"\nb: true\na: 0x1\n")));
    }

    [Fact]
    public void Compare_HelmOnlyLabels_AreIgnoredOnlyWhereHelmSetsThem()
    {
        const string raw = "metadata:\n  labels:\n    app.kubernetes.io/managed-by: generator\nspec:\n  template:\n    metadata:\n      labels: {}\n  selector: {}\n";
        const string helm = "metadata:\n  labels:\n    app.kubernetes.io/managed-by: Helm\n    helm.sh/chart: c-1\nspec:\n  template:\n    metadata:\n      labels:\n        helm.sh/chart: c-1\n  selector:\n    helm.sh/chart: c-1\n";

        Assert.Equal(["spec.selector[helm.sh/chart]: only in helm's output (string \"c-1\")"], ObjectDiff.Compare(Parse(raw), Parse(helm)));
    }

    [Fact]
    public void Compare_MissingAndExtraItems_AreReportedWithTheirPaths()
    {
        var differences = ObjectDiff.Compare(Parse("ports:\n  - 1\n  - 2\nname: a\n"), Parse("ports:\n  - 1\nextra: {}\n"));

        Assert.Equal(["ports[1]: missing in helm's output (raw: integer 2)", "name: missing in helm's output (raw: string \"a\")", "extra: only in helm's output (mapping with keys [])"], differences);
    }

    private static YamlNode Parse(string text) => YamlReader.Parse("test", text).Documents.Single().Root!;
}
