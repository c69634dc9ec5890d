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
        Assert.Empty(Check(_rule, TempoStack(), StaticS3()));
    }

    private static string StaticS3(string endpoint = "https://s3.eu-west-1.amazonaws.com", string bucket = "traces") =>
        Secret("tempo-s3", "observability", ("bucket", bucket), ("endpoint", endpoint), ("access_key_id", "AKIA"), ("access_key_secret", "s3cr3t"));

    [Fact]
    public void Check_S3EndpointWithoutScheme_IsRejected()
    {
        var finding = Assert.Single(Check(_rule, TempoStack(), StaticS3(endpoint: "s3.amazonaws.com")));

        Assert.Contains("gives endpoint \"s3.amazonaws.com\" without a URL scheme (https:// for TLS, http:// without)", finding.Message);
    }

    [Fact]
    public void Check_EmptyRequiredValue_IsRejected()
    {
        Assert.Contains("holds bucket empty", Assert.Single(Check(_rule, TempoStack(), StaticS3(bucket: ""))).Message);
    }

    [Fact]
    public void Check_ValuesUnderData_AreReadDecoded()
    {
        var secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tempo-s3\n  namespace: observability\ndata:\n"
            + "  bucket: dHJhY2Vz\n  endpoint: czMuYW1hem9uYXdzLmNvbQ==\n  access_key_id: QUtJQQ==\n  access_key_secret: czNjcjN0\n";

        Assert.Contains("gives endpoint \"s3.amazonaws.com\" without a URL scheme", Assert.Single(Check(_rule, TempoStack(), secret)).Message);
    }

    [Fact]
    public void Check_StaticAndShortLivedS3KeysMixed_IsRejected()
    {
        var mixed = Secret("tempo-s3", "observability", "bucket", "region", "endpoint", "access_key_id", "access_key_secret");

        Assert.Contains("mixes short-lived (STS) keys with the static ones endpoint, access_key_id, access_key_secret", Assert.Single(Check(_rule, TempoStack(), mixed)).Message);
    }

    [Fact]
    public void Check_ShortLivedS3Keys_AreTheirOwnSet()
    {
        Assert.Empty(Check(_rule, TempoStack(), Secret("tempo-s3", "observability", "bucket", "region", "role_arn")));
        Assert.Contains("lacks role_arn (it has bucket, region): unless the cluster is OpenShift with the Cloud Credential Operator, whose mode needs only bucket and region, the operator rejects",
            Assert.Single(Check(_rule, TempoStack(), Secret("tempo-s3", "observability", "bucket", "region"))).Message);
        Assert.Contains("lacks region", Assert.Single(Check(_rule, TempoStack(), Secret("tempo-s3", "observability", "bucket", "role_arn"))).Message);
    }

    [Fact]
    public void Check_AzureAndMonolithicObjectStorage_AreJudgedToo()
    {
        var azure = TempoStack(storage: "secret:\n  name: tempo-azure\n  type: azure");
        Assert.Contains("lacks account_key", Assert.Single(Check(_rule, azure, Secret("tempo-azure", "observability", "container", "account_name"))).Message);

        var monolithic = Tempo("storage:\n  traces:\n    backend: gcs\n    gcs:\n      secret: tempo-gcs\n");
        Assert.Equal("spec.storage.traces.gcs.secret", Assert.Single(Check(_rule, monolithic)).Path);
        Assert.Empty(Check(_rule, monolithic, Secret("tempo-gcs", "observability", ("key.json", "{\"type\": \"service_account\"}"), ("bucketname", "traces"))));
        Assert.Contains("holds a key.json that is not JSON", Assert.Single(Check(_rule, monolithic, Secret("tempo-gcs", "observability", "key.json", "bucketname"))).Message);
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
