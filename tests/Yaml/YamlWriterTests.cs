using Generator.Yaml;

namespace Generator.Tests.Yaml;

public sealed class YamlWriterTests
{
    [Fact]
    public void Write_NestedStructure_UsesIndentedBlockStyle()
    {
        var root = new YamlMapping
        {
            ["kind"] = "ConfigMap",
            ["list"] = new YamlSequence { new YamlMapping { ["name"] = "a", ["value"] = "b" }, "plain" },
            ["empty"] = new YamlMapping(),
        };

        var text = YamlWriter.Write(root);

        Assert.Equal("kind: ConfigMap\nlist:\n  - name: a\n    value: b\n  - plain\nempty: {}\n", text);
    }

    [Theory]
    [InlineData("true", "\"true\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("8321", "\"8321\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("", "\"\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("# x", "\"# x\"")]
    [InlineData("- x", "\"- x\"")]
    [InlineData("2024-01-01", "\"2024-01-01\"")]
    [InlineData("20Gi", "20Gi")]
    [InlineData("--config=/conf/config.yaml", "--config=/conf/config.yaml")]
    [InlineData("http://otel:4318", "http://otel:4318")]
    [InlineData("tab\there", "\"tab\\there\"")]
    public void FormatString_QuotesOnlyWhatWouldBeMisread(string value, string expected)
    {
        Assert.Equal(expected, YamlWriter.FormatString(value));
    }

    [Theory]
    [InlineData("line1\nline2\n")]
    [InlineData("line1\nline2")]
    [InlineData("line1\n\n\n")]
    [InlineData("  indented\nsecond\n")]
    [InlineData("\n  indented after an empty line\nsecond\n")]
    [InlineData("line\u2028separator\nnext line\n")]
    [InlineData("on\n")]
    [InlineData("x\r\ny\n")]
    [InlineData("quote \" and \\ and \u00e9 and \u0001")]
    public void Write_ThenRead_RoundTripsStrings(string value)
    {
        var root = new YamlMapping { ["data"] = new YamlMapping { ["key"] = value }, ["list"] = new YamlSequence { value } };

        var text = YamlWriter.Write(root);
        var back = (YamlMapping)YamlReader.Parse("rt.yaml", text).Documents[0].Root!;

        var scalar = back.GetMapping("data")!.GetScalar("key")!;
        Assert.Equal(ScalarKind.String, scalar.Kind);
        Assert.Equal(value, scalar.Text);
        Assert.Equal(value, ((YamlScalar)back.GetSequence("list")![0]).Text);
    }
}
