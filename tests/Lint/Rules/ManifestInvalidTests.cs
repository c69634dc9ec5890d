using Generator.Documents;
using Generator.Lint;
using Generator.Lint.Rules;
using Generator.Yaml;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class ManifestInvalidTests
{
    private readonly ManifestInvalid _rule = new();

    [Theory]
    [InlineData("apiversion", "apiVersion")]
    [InlineData("ApiVersion", "apiVersion")]
    [InlineData("APIVERSION", "apiVersion")]
    [InlineData("api_version", "apiVersion")]
    [InlineData("api-version", "apiVersion")]
    [InlineData("apiVerison", "apiVersion")]
    [InlineData("apiVersions", "apiVersion")]
    [InlineData("apVersion", "apiVersion")]
    [InlineData("Kind", "kind")]
    [InlineData("KIND", "kind")]
    [InlineData("kinds", "kind")]
    [InlineData("knid", "kind")]
    [InlineData("kin", "kind")]
    public void IsNearMiss_CaseSeparatorsOrOneEdit(string key, string name)
    {
        Assert.True(IdentityKeys.IsNearMiss(key, name));
    }

    [Theory]
    [InlineData("apiVersion", "apiVersion")]
    [InlineData("kind", "kind")]
    [InlineData("bind", "kind")]
    [InlineData("find", "kind")]
    [InlineData("kindly", "kind")]
    [InlineData("version", "apiVersion")]
    [InlineData("api", "apiVersion")]
    [InlineData("", "kind")]
    public void IsNearMiss_NotTheNameItselfNorOrdinaryKeys(string key, string name)
    {
        Assert.False(IdentityKeys.IsNearMiss(key, name));
    }

    [Theory]
    [InlineData("kind: ConfigMap\nmetadata: {name: a}\n", "the object has kind but no apiVersion")]
    [InlineData("apiVersion: v1\nmetadata: {name: a}\n", "the object has apiVersion but no kind")]
    [InlineData("apiVersion: v1\nKind: ConfigMap\n", "the object has apiVersion but no kind (\"Kind\" is not \"kind\")")]
    [InlineData("ApiVersion: v1\nKIND: ConfigMap\n", "the object has no apiVersion (\"ApiVersion\" is not \"apiVersion\") and no kind (\"KIND\" is not \"kind\")")]
    [InlineData("apiVersion: \"\"\nkind: ConfigMap\n", "the object has kind but an empty apiVersion")]
    [InlineData("apiVersion: v1\nkind: [ConfigMap]\n", "the object has apiVersion but a non-string kind (an array)")]
    [InlineData("- apiVersion: v1\n  kind: ConfigMap\n", "a Kubernetes object must be a mapping, not array; its items look like objects")]
    public void Check_DocumentMeantAsAnObject_SaysWhatIsWrong(string document, string expected)
    {
        var finding = Assert.Single(Check(_rule, document));

        Assert.StartsWith(expected, finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, finding.Line);
    }

    [Theory]
    [InlineData("services:\n  tempo:\n    image: grafana/tempo:2.8.1\n")]
    [InlineData("bind: 0.0.0.0\nport: 8080\n")]
    [InlineData("just a sentence\n")]
    [InlineData("- one\n- two\n")]
    [InlineData("- name: play\n  hosts: all\n")]
    public void Check_OtherToolsYaml_IsSkippedNotReported(string document)
    {
        var stream = YamlReader.Parse("other.yaml", document);

        var lenient = LintInput.Objects([stream], strict: false);
        var strict = LintInput.Objects([stream], strict: true);

        Assert.Empty(Check(_rule, document));
        Assert.Empty(lenient.Invalid);
        Assert.Single(lenient.Skipped);
        Assert.Single(strict.Invalid);
        Assert.Empty(strict.Skipped);
    }

    [Fact]
    public void Objects_ChartMetadata_IsSkippedThoughItHasAnApiVersion()
    {
        var chart = YamlReader.Parse(Path.Combine("chart", LintInput.ChartFile), "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
        var elsewhere = YamlReader.Parse("chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n");

        var objects = LintInput.Objects([chart, elsewhere], strict: false);

        Assert.Equal(chart.Documents, objects.Skipped);
        Assert.Equal("the object has apiVersion but no kind", Assert.Single(objects.Invalid).Problem);
    }

    [Fact]
    public void Objects_EmptyDocuments_AreNeitherLintedNorSkipped()
    {
        var objects = LintInput.Objects([YamlReader.Parse("empty.yaml", "---\n# only a comment\n---\n~\n")], strict: false);

        Assert.Empty(objects.Manifests);
        Assert.Empty(objects.Invalid);
        Assert.Empty(objects.Skipped);
    }
}
