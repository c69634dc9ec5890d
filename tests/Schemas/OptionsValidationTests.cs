using Generator.Schemas;
using Generator.Yaml;

namespace Generator.Tests.Schemas;

/// <summary>The options flavour: a plain draft-07 JSON Schema, "unknown option" wording and options-* rule ids.</summary>
public sealed class OptionsValidationTests
{
    private static readonly OptionsSchema Schema = OptionsSchema.Parse("""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "additionalProperties": false,
          "required": ["namespace"],
          "properties": {
            "namespace": { "type": "string", "pattern": "^[a-z0-9-]+$", "maxLength": 63, "description": "Where everything goes." },
            "profile": { "type": "string", "enum": ["dev", "production"], "default": "dev" },
            "collector": {
              "type": ["object", "null"],
              "additionalProperties": false,
              "properties": {
                "replicas": { "type": "integer", "minimum": 1, "maximum": 10 },
                "image": { "type": ["string", "null"], "minLength": 1 },
                "exporters": { "type": "array", "items": { "type": "string" }, "minItems": 1, "maxItems": 3 }
              }
            },
            "extra": { "type": "object", "additionalProperties": { "type": "string" } },
            "level": { "type": ["string", "null"], "enum": ["debug", "info", null] }
          }
        }
        """);

    [Fact]
    public void ValidOptions_HaveNoFindings()
    {
        Assert.Empty(Validate("namespace: llamastack\nprofile: production\ncollector:\n  replicas: 2\n  image: null\n  exporters: [otlp]\nextra:\n  a: b\nlevel: null\n"));
        Assert.Empty(Validate("namespace: llamastack\ncollector: null\n"));
    }

    [Theory]
    [InlineData("namespace: a\ncolector: {}\n", "options-unknown", "colector", 2, "unknown option \"colector\"; the options file accepts namespace, profile, collector, extra, level (did you mean \"collector\"?)")]
    [InlineData("namespace: a\ncollector:\n  replica: 2\n", "options-unknown", "collector.replica", 3, "unknown option \"replica\"; collector accepts replicas, image, exporters (did you mean \"replicas\"?)")]
    [InlineData("namespace: a\ncollector:\n  replicas: two\n", "options-type", "collector.replicas", 3, "must be of type integer")]
    [InlineData("namespace: a\ncollector:\n  replicas: 2.0\n", "options-type", "collector.replicas", 3, "must be of type integer")]
    [InlineData("namespace: a\nextra:\n  a: 1\n", "options-type", "extra.a", 3, "quote it: \"1\"")]
    [InlineData("namespace: null\n", "options-type", "namespace", 1, "must be of type string")]
    [InlineData("namespace: a\nprofile: prod\n", "options-enum", "profile", 2, "supported values: \"dev\", \"production\"")]
    [InlineData("namespace: a\nlevel: trace\n", "options-enum", "level", 2, "supported values: \"debug\", \"info\", null")]
    [InlineData("namespace: Bad_NS\n", "options-invalid", "namespace", 1, "should match '^[a-z0-9-]+$'")]
    [InlineData("namespace: a\ncollector:\n  replicas: 11\n", "options-invalid", "collector.replicas", 3, "less than or equal to 10")]
    [InlineData("namespace: a\ncollector:\n  exporters: []\n", "options-invalid", "collector.exporters", 3, "at least 1 items")]
    [InlineData("namespace: a\ncollector:\n  image: ''\n", "options-invalid", "collector.image", 3, "at least 1 characters")]
    [InlineData("profile: dev\n", "options-invalid", "namespace", 1, "Required value: \"namespace\" is required")]
    public void EachConstraint_IsReportedWithItsRule(string yaml, string rule, string path, int line, string text)
    {
        var finding = Assert.Single(Validate(yaml));

        Assert.Equal((rule, path, line), (finding.RuleId, finding.Path, finding.Line));
        Assert.Contains(text, finding.Message, StringComparison.Ordinal);
        Assert.Equal("options.yaml", finding.File);
    }

    [Fact]
    public void BrokenSchema_IsRejected()
    {
        Assert.Throws<SchemaCompileException>(() => OptionsSchema.Parse("{ not json"));
        Assert.Throws<SchemaCompileException>(() => OptionsSchema.Parse("[]"));
    }

    private static IReadOnlyList<Generator.Output.Finding> Validate(string yaml) =>
        StructuralValidator.ValidateOptions(YamlReader.Parse("options.yaml", yaml).Documents[0].Root!, "options.yaml", Schema);
}
