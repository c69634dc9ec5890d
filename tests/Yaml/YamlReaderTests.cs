using Generator.Yaml;

namespace Generator.Tests.Yaml;

public sealed class YamlReaderTests
{
    [Fact]
    public void Parse_MultiDocumentStream_KeepsKeyAndValuePositions()
    {
        var stream = YamlReader.Parse("a.yaml", "a: 1\nb:\n  - x\n---\nkind: Service\n");

        Assert.Empty(stream.Problems);
        Assert.Equal(2, stream.Documents.Count);
        var first = Assert.IsType<YamlMapping>(stream.Documents[0].Root);
        var b = first.Find("b")!;
        Assert.Equal(new Mark(2, 1), b.Key.Start);
        Assert.Equal(new Mark(3, 5), ((YamlSequence)b.Value)[0].Start);
        Assert.Equal(5, stream.Documents[1].Root!.Start.Line);
    }

    [Theory]
    [InlineData("on", ScalarKind.Boolean)]
    [InlineData("yes", ScalarKind.Boolean)]
    [InlineData("'on'", ScalarKind.String)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("0x1F", ScalarKind.Integer)]
    [InlineData("0755", ScalarKind.Integer)]
    [InlineData("1_000", ScalarKind.Integer)]
    [InlineData("1e3", ScalarKind.Float)]
    [InlineData(".inf", ScalarKind.Float)]
    [InlineData("20Gi", ScalarKind.String)]
    [InlineData("5s", ScalarKind.String)]
    [InlineData("\"8321\"", ScalarKind.String)]
    public void Parse_PlainScalars_ResolveLikeKubectl(string text, ScalarKind expected)
    {
        var stream = YamlReader.Parse("s.yaml", "v: " + text + "\n");

        var value = Assert.IsType<YamlScalar>(((YamlMapping)stream.Documents[0].Root!)["v"]);
        Assert.Equal(expected, value.Kind);
    }

    [Fact]
    public void Parse_DuplicateKey_ReportsSecondKeyAndKeepsLaterValue()
    {
        var stream = YamlReader.Parse("d.yaml", "a: 1\nb: 2\na: 3\n");

        var problem = Assert.Single(stream.Problems);
        Assert.Equal(YamlProblemKind.DuplicateKey, problem.Kind);
        Assert.Equal(new Mark(3, 1), problem.Mark);
        Assert.Equal("3", ((YamlMapping)stream.Documents[0].Root!).GetString("a"));
    }

    [Fact]
    public void Parse_BrokenFlowSequence_IsAProblemWithPositionNotAnException()
    {
        var stream = YamlReader.Parse("broken.yaml", "ok: 1\n---\na: [1, 2\nb: c\n");

        var problem = Assert.Single(stream.Problems);
        Assert.Equal(YamlProblemKind.Syntax, problem.Kind);
        Assert.True(problem.Mark.Line >= 3, $"line {problem.Mark.Line}");
        Assert.Single(stream.Documents);
    }

    [Fact]
    public void Parse_BillionLaughs_StopsAtTheExpansionLimit()
    {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i < 12; i++)
        {
            text += $"{(char)('a' + i)}: &{(char)('a' + i)} [" + string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i - 1), 10)) + "]\n";
        }

        var stream = YamlReader.Parse("bomb.yaml", text);

        var problem = Assert.Single(stream.Problems);
        Assert.Equal(YamlProblemKind.Limit, problem.Kind);
        Assert.Contains("billion laughs", problem.Message);
    }

    [Fact]
    public void Parse_DeepNesting_StopsAtTheDepthLimit()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);

        var stream = YamlReader.Parse("deep.yaml", text);

        Assert.Equal(YamlProblemKind.Limit, Assert.Single(stream.Problems).Kind);
    }

    [Fact]
    public void Parse_InvalidUtf8_ReportsTheLineOfTheBadByte()
    {
        var bytes = "a: 1\nb: \u00e9\n"u8.ToArray();
        bytes[8] = 0xFF;

        var stream = YamlReader.Parse("bad.yaml", bytes);

        var problem = Assert.Single(stream.Problems);
        Assert.Equal(2, problem.Mark.Line);
        Assert.Contains("UTF-8", problem.Message);
    }

    [Fact]
    public void Parse_MergeKey_ExplicitKeysWin()
    {
        var stream = YamlReader.Parse("m.yaml", "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n");

        var derived = ((YamlMapping)stream.Documents[0].Root!).GetMapping("derived")!;
        Assert.Equal("1", derived.GetString("x"));
        Assert.Equal("3", derived.GetString("y"));
    }
}
