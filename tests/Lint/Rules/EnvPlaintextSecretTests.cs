using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class EnvPlaintextSecretTests
{
    private readonly EnvPlaintextSecret _rule = new();

    [Theory]
    [InlineData("POSTGRES_PASSWORD", true)]
    [InlineData("API_KEY", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("db_passwd", true)]
    [InlineData("CLIENT_SECRET", true)]
    [InlineData("DB_CREDENTIALS", true)]
    [InlineData("OPENAI_APIKEY", true)]
    [InlineData("KEYCLOAK_URL", false)]
    [InlineData("TOKENIZER_MODEL", false)]
    [InlineData("SSL_KEY_FILE", false)]
    [InlineData("JWT_SECRET_NAME", false)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", false)]
    public void Check_SecretLookingNames_AreWordsBetweenUnderscores(string name, bool fires)
    {
        var findings = Check(_rule, App("tracing", (name, "s3cr3t-value")));

        Assert.Equal(fires ? 1 : 0, findings.Count);
        Assert.All(findings, f => Assert.DoesNotContain("s3cr3t-value", f.Message));
    }

    [Fact]
    public void Check_EmptyValue_IsNotASecret()
    {
        Assert.Empty(Check(_rule, App("tracing", ("API_KEY", string.Empty))));
    }
}
