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
        Assert.Equal(["sitecustomize", "subPath", "initContainer", "none"], strategy.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("sitecustomize", strategy.GetProperty("default").GetString());
        AssertEveryPropertyHasADescription(schema.RootElement, "");
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
