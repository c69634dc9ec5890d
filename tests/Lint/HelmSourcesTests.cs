using Generator.Findings;
using Generator.Lint;
using Generator.Yaml;

namespace Generator.Tests.Lint;

public sealed class HelmSourcesTests
{
    private const string Output = """
        ---
        # Source: demo/templates/configmaps.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
        ---
        # Source: demo/templates/configmaps.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: b
        ---
        # Source: demo/charts/sub/templates/service.yaml
        # a comment the template wrote
        apiVersion: v1
        kind: Service

        """;

    private static HelmSources Sources(string text, string file = "-") => HelmSources.Of([YamlReader.Parse(file, text)]);

    private static Finding At(int line, string file = "-") => new("rule", Severity.Error, file, line, 3, "metadata.name", "message");

    [Fact]
    public void Map_CountsLinesFromTheLineAfterTheSourceComment()
    {
        var mapped = Sources(Output).Map(At(16));

        Assert.Equal(("demo/charts/sub/templates/service.yaml", 2, 3), (mapped.File, mapped.Line, mapped.Column));
        Assert.Equal("message [rendered by template demo/charts/sub/templates/service.yaml; -:16:3 of the helm template output]", mapped.Message);
    }

    [Fact]
    public void Map_SaysWhichDocumentOfATemplateRenderingSeveral()
    {
        var mapped = Sources(Output).Map(At(12));

        Assert.Equal(("demo/templates/configmaps.yaml", 4), (mapped.File, mapped.Line));
        Assert.Contains("template demo/templates/configmaps.yaml (document 2 of 2 it rendered); -:12:3", mapped.Message);
    }

    [Theory]
    [InlineData(0)] // a finding about the whole file
    [InlineData(1)] // the first ---, before any template's output
    public void Map_LeavesFindingsOutsideEveryRenderedDocument(int line)
    {
        Assert.Equal(At(line), Sources(Output).Map(At(line)));
    }

    [Fact]
    public void Map_LeavesOtherFilesAndPlainManifests()
    {
        const string plain = "# Source: notes, not helm's header (no --- above it)\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";

        Assert.Equal(At(4), Sources(plain).Map(At(4)));
        Assert.Equal(At(4, "other.yaml"), Sources(Output).Map(At(4, "other.yaml")));
    }
}
