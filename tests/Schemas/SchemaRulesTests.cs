using System.Text.RegularExpressions;
using Generator.Findings;
using Generator.Schemas;

namespace Generator.Tests.Schemas;

public sealed class SchemaRulesTests
{
    [Fact]
    public void Catalog_ListsEveryFindingId_Once_WithUsableText()
    {
        var ids = SchemaRules.All.Select(r => r.Id).ToList();

        Assert.Equal(
            [
                "schema-pruned-field", "schema-type", "schema-required", "schema-enum", "schema-format", "schema-pattern", "schema-range",
                "schema-list-map-duplicate", "schema-list-set-duplicate", "schema-metadata", "schema-cel", "schema-cel-not-evaluated", "schema-null-dropped", "schema-unknown-kind",
                "schema-value-validation",
            ],
            ids);
        Assert.All(SchemaRules.All, r =>
        {
            Assert.Matches(new Regex("^[a-z]+(-[a-z]+)+$"), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Summary));
            Assert.EndsWith(".", r.Remediation, StringComparison.Ordinal);
        });
        Assert.Equal(Severity.Info, SchemaRules.All.Single(r => r.Id == "schema-cel-not-evaluated").DefaultSeverity);
        Assert.Equal(Severity.Warning, SchemaRules.All.Single(r => r.Id == "schema-null-dropped").DefaultSeverity);
        Assert.Equal(Severity.Warning, SchemaRules.All.Single(r => r.Id == "schema-unknown-kind").DefaultSeverity);
        Assert.Equal(15, SchemaRules.All.Count(r => r.Id.StartsWith("schema-", StringComparison.Ordinal) && (r.DefaultSeverity == Severity.Error) == !(r.Id is "schema-cel-not-evaluated" or "schema-null-dropped" or "schema-unknown-kind")));
    }
}
