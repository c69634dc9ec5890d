using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class TempoStorageSecretTests
{
    private readonly TempoStorageSecret _rule = new();

    [Fact]
    public void Check_SecretNotInTheFiles_IsNamed()
    {
        var finding = Assert.Single(Check(_rule, TempoStack()));

        Assert.Equal("spec.storage.secret.name", finding.Path);
        Assert.Contains("TempoStack observability/tracing keeps traces in s3 with Secret \"tempo-s3\", which is not in the linted files", finding.Message);
    }

    [Fact]
    public void Check_SecretInAnotherNamespace_DoesNotCount()
    {
        Assert.Single(Check(_rule, TempoStack(), Secret("tempo-s3", "elsewhere", "bucket", "endpoint", "access_key_id", "access_key_secret")));
    }

    [Fact]
    public void Check_StaticS3Keys_AllRequired()
    {
        var finding = Assert.Single(Check(_rule, TempoStack(), Secret("tempo-s3", "observability", "bucket", "endpoint")));

        Assert.Contains("with Secret observability/tempo-s3, which lacks access_key_id, access_key_secret (it has bucket, endpoint)", finding.Message);
        Assert.Empty(Check(_rule, TempoStack(), Secret("tempo-s3", "observability", "bucket", "endpoint", "access_key_id", "access_key_secret")));
    }

    [Fact]
    public void Check_ShortLivedS3Keys_AreTheirOwnSet()
    {
        Assert.Empty(Check(_rule, TempoStack(), Secret("tempo-s3", "observability", "bucket", "region", "role_arn")));
        Assert.Contains("lacks role_arn", Assert.Single(Check(_rule, TempoStack(), Secret("tempo-s3", "observability", "bucket", "region"))).Message);
    }

    [Fact]
    public void Check_AzureAndMonolithicObjectStorage_AreJudgedToo()
    {
        var azure = TempoStack(storage: "secret:\n  name: tempo-azure\n  type: azure");
        Assert.Contains("lacks account_key", Assert.Single(Check(_rule, azure, Secret("tempo-azure", "observability", "container", "account_name"))).Message);

        var monolithic = Tempo("storage:\n  traces:\n    backend: gcs\n    gcs:\n      secret: tempo-gcs\n");
        Assert.Equal("spec.storage.traces.gcs.secret", Assert.Single(Check(_rule, monolithic)).Path);
        Assert.Empty(Check(_rule, monolithic, Secret("tempo-gcs", "observability", "key.json", "bucketname")));
    }

    [Fact]
    public void Check_LocalStorage_NeedsNoSecret()
    {
        Assert.Empty(Check(_rule, Tempo("storage:\n  traces:\n    backend: pv\n")));
        Assert.Empty(Check(_rule, Tempo()));
    }

    [Fact]
    public void Check_EmptySecretName_IsReported()
    {
        var finding = Assert.Single(Check(_rule, TempoStack(storage: "secret:\n  name: \"\"\n  type: gcs")));

        Assert.Contains("keeps traces in gcs but names no storage Secret", finding.Message);
    }
}
