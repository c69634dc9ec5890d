using System.Text.Json;
using Generator.Options;
using Generator.Tests.Support;

namespace Generator.Tests.Options;

public sealed class OptionsSchemaTests
{
    [Fact]
    public void CommittedOptionsSchema_IsWhatTheOptionTypesGenerate()
    {
        var committed = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "schemas", "options.schema.json"));

        Assert.True(committed == OptionsSchemaGenerator.OptionsSchema(),
            "schemas/options.schema.json is stale; regenerate it: dotnet run --project generator -- schemas options > schemas/options.schema.json");
    }

    [Fact]
    public void ValuesSchema_LeavesOutGeneratorOnlyOptionsAndAcceptsGlobal()
    {
        using var schema = JsonDocument.Parse(OptionsSchemaGenerator.ValuesSchema());
        var properties = schema.RootElement.GetProperty("properties");

        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
        Assert.True(properties.TryGetProperty("global", out _));
        Assert.False(properties.TryGetProperty("profile", out _));
        Assert.False(properties.TryGetProperty("instance", out _));
        Assert.False(properties.GetProperty("patch").GetProperty("properties").TryGetProperty("file", out _));
        Assert.Equal("boolean", properties.GetProperty("tempo").GetProperty("properties").GetProperty("multitenancy").GetProperty("properties").GetProperty("enabled").GetProperty("type").GetString());
    }

    [Fact]
    public void OptionsSchema_DescribesEveryOptionWithTypeAndDefault()
    {
        using var schema = JsonDocument.Parse(OptionsSchemaGenerator.OptionsSchema());
        var replicas = schema.RootElement.GetProperty("properties").GetProperty("collector").GetProperty("properties").GetProperty("replicas");

        Assert.Equal("integer", replicas.GetProperty("type").GetString());
        Assert.Equal(1, replicas.GetProperty("default").GetInt64());
        Assert.Equal(0, replicas.GetProperty("minimum").GetInt64());
        var strategy = schema.RootElement.GetProperty("properties").GetProperty("patch").GetProperty("properties").GetProperty("strategy");
        Assert.Equal(["auto", "sitecustomize", "subPath", "initContainer", "none"], strategy.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("auto", strategy.GetProperty("default").GetString());
        var kind = schema.RootElement.GetProperty("properties").GetProperty("llamaStack").GetProperty("properties").GetProperty("kind");
        // null keeps the profile's default.
        Assert.Equal(["LlamaStackDistribution", "OGXServer", null], kind.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.EndsWith("Default: LlamaStackDistribution with profiles jaeger and cluster-observability, OGXServer with profile ogx.", kind.GetProperty("description").GetString(), StringComparison.Ordinal);
        AssertEveryPropertyHasADescription(schema.RootElement, "");
    }

    [Fact]
    public void ValuesSchema_CarriesTheRulesOnChartValues_AndNotThoseOnGeneratorOnlyOptions()
    {
        var options = OptionsSchemaGenerator.RulesOf(forValues: false).Values.ToList();
        var values = OptionsSchemaGenerator.RulesOf(forValues: true).Values.ToList();

        Assert.Equal(OptionRules.All.Count, options.Count);
        Assert.Contains(options, r => r.Path == "patch.file");
        Assert.DoesNotContain(values, r => r.Options().Any(o => o.StartsWith("patch.file", StringComparison.Ordinal)));
        Assert.Equal(options.Count(r => r.IsChartRule), values.Count);
    }

    /// <summary>Helm 3.17 (gojsonschema) silently ignores keywords newer than draft-07, so the schemas use none.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Schemas_UseOnlyDraft07Keywords(bool forValues)
    {
        using var schema = JsonDocument.Parse(forValues ? OptionsSchemaGenerator.ValuesSchema() : OptionsSchemaGenerator.OptionsSchema());

        Assert.Equal("http://json-schema.org/draft-07/schema#", schema.RootElement.GetProperty("$schema").GetString());
        var keywords = new SortedSet<string>(StringComparer.Ordinal);
        CollectKeywords(schema.RootElement, keywords);
        Assert.Empty(keywords.Except(Draft07Keywords));
        Assert.Superset(new SortedSet<string>(["if", "then", "not", "oneOf", "anyOf", "allOf", "const", "pattern"]), keywords);
    }

    [Theory]
    [InlineData("{\"llamaStack\": {\"distribution\": {\"name\": \"\"}}}", false)]
    [InlineData("{\"llamaStack\": {\"distribution\": {\"image\": \"quay.io/x/y:1\"}}}", false)]
    [InlineData("{\"llamaStack\": {\"distribution\": {\"image\": \"quay.io/x/y:1\", \"name\": \"\"}}}", true)]
    [InlineData("{\"tempo\": {\"jaegerUi\": {\"ingress\": {\"enabled\": true}}}}", false)]
    [InlineData("{\"tempo\": {\"jaegerUi\": {\"ingress\": {\"enabled\": true}, \"route\": {\"enabled\": false}}}}", true)]
    [InlineData("{\"tempo\": {\"storage\": {\"secret\": \"tempo-s3\"}}}", false)]
    [InlineData("{\"collector\": {\"receivers\": {\"http\": {\"enabled\": false}}}}", false)]
    [InlineData("{\"collector\": {\"receivers\": {\"http\": {\"enabled\": false}, \"grpc\": {\"enabled\": true}}}}", false)]
    [InlineData("{\"collector\": {\"receivers\": {\"http\": {\"enabled\": false}, \"grpc\": {\"enabled\": true}}}, \"llamaStack\": {\"version\": \"0.7.1\"}}", true)]
    [InlineData("{\"llamaStack\": {\"kind\": \"OGXServer\"}}", false)]
    [InlineData("{\"llamaStack\": {\"kind\": \"OGXServer\", \"version\": \"1.3.0\"}}", true)]
    public void OptionsSchema_OnAPartialOptionsFile_JudgesWhatIsLeftOutByItsDefault(string options, bool valid)
    {
        // What an editor sees with schemas/options.schema.json: only the keys written, the defaults implied.
        using var document = JsonDocument.Parse(options);

        Assert.Equal(valid, OptionsSchemaValidator.Build(OptionsSchemaGenerator.OptionsSchema()).Evaluate(document.RootElement).IsValid);
    }

    private static readonly string[] Draft07Keywords =
    [
        "$schema", "$id", "$ref", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly",
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "items", "additionalItems", "maxItems", "minItems", "uniqueItems", "contains",
        "maxProperties", "minProperties", "required", "properties", "patternProperties", "additionalProperties",
        "dependencies", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not", "format", "definitions",
    ];

    /// <summary>The keywords of a schema and of its subschemas (values of properties, enum, const and default are data).</summary>
    private static void CollectKeywords(JsonElement schema, ISet<string> keywords)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            keywords.Add(keyword.Name);
            switch (keyword.Name)
            {
                case "properties" or "definitions":
                    foreach (var property in keyword.Value.EnumerateObject())
                    {
                        CollectKeywords(property.Value, keywords);
                    }

                    break;
                case "allOf" or "anyOf" or "oneOf":
                    foreach (var item in keyword.Value.EnumerateArray())
                    {
                        CollectKeywords(item, keywords);
                    }

                    break;
                case "items" or "additionalProperties" or "if" or "then" or "else" or "not":
                    CollectKeywords(keyword.Value, keywords);
                    break;
            }
        }
    }

    private static void AssertEveryPropertyHasADescription(JsonElement schema, string path)
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return;
        }

        foreach (var property in properties.EnumerateObject())
        {
            Assert.True(property.Value.TryGetProperty("description", out var description) && description.GetString()!.Length > 0, $"{path}.{property.Name} has no description");
            AssertEveryPropertyHasADescription(property.Value, $"{path}.{property.Name}");
            if (property.Value.TryGetProperty("items", out var items))
            {
                AssertEveryPropertyHasADescription(items, $"{path}.{property.Name}[]");
            }
        }
    }
}
