using Generator.Options;
using Generator.Tests.Support;

namespace Generator.Tests.Options;

/// <summary>Each kind of bad options input: the message names the option, where it is, and what is expected.</summary>
public sealed class OptionsLoaderTests
{
    [Fact]
    public void Defaults_ReproduceTheSeedDeployment()
    {
        var options = OptionsLoader.Load(null, []).Options;

        Assert.Equal(Profile.Jaeger, options.Profile);
        Assert.Equal("llamastack", options.Namespaces.Application);
        Assert.Equal("openshift-tempo-operator", options.Namespaces.Tempo);
        Assert.Equal("tracing", options.Tempo.Name);
        Assert.False(options.Tempo.Multitenancy.Enabled);
        Assert.Equal(StorageBackend.Memory, options.Tempo.Storage.Backend);
        Assert.Equal("otel/opentelemetry-collector", options.Collector.Image.Repository);
        Assert.Equal("llamastack-rhoai32-postgres-otel", options.LlamaStack.Name);
        Assert.Equal(ServerKind.LlamaStackDistribution, options.LlamaStack.Kind);
        Assert.Equal("0.3.5", options.LlamaStack.Version);
        Assert.Equal(MetricsTarget.Collector, options.LlamaStack.Metrics);
        Assert.Equal(PatchStrategy.Auto, options.Patch.Strategy);
    }

    [Fact]
    public void OgxProfile_IsClusterObservabilityWithAnOgxServer()
    {
        var options = OptionsLoader.Load(null, ["profile=ogx"]).Options;
        var clusterObservability = OptionsLoader.Load(null, ["profile=cluster-observability"]).Options;

        Assert.Equal(ServerKind.OgxServer, options.LlamaStack.Kind);
        Assert.Equal("1.3.0", options.LlamaStack.Version);
        Assert.Equal("starter", options.LlamaStack.Distribution.Name);
        Assert.Equal("ogx-postgres-otel", options.LlamaStack.Name);
        Assert.Equal(string.Empty, options.LlamaStack.Storage.MountPath);
        Assert.Equal(Generator.Facts.LlamaStackGenerations.Ogx.Id, Rendering.Render(null, "profile=ogx").Resolve(Generator.Model.Generation.Id));
        Assert.True(options.Tempo.Multitenancy.Enabled);
        Assert.Equal(clusterObservability.Tempo.Storage, options.Tempo.Storage);
        Assert.Equal(clusterObservability.Collector.Image, options.Collector.Image);
        Assert.Equal(clusterObservability.Collector.K8sAttributes, options.Collector.K8sAttributes);
        Assert.Equal(PatchStrategy.Auto, options.Patch.Strategy);
    }

    [Fact]
    public void ClusterObservabilityProfile_FillsItsDefaultsButKeepsExplicitOptions()
    {
        var options = OptionsLoader.Load(null, ["profile=cluster-observability", "tempo.storage.size=5Gi"]).Options;

        Assert.True(options.Tempo.Multitenancy.Enabled);
        Assert.Equal(StorageBackend.Pv, options.Tempo.Storage.Backend);
        Assert.Equal("5Gi", options.Tempo.Storage.Size);
        Assert.Equal("otel/opentelemetry-collector-contrib", options.Collector.Image.Repository);
        Assert.True(options.Collector.K8sAttributes.Enabled);
    }

    [Fact]
    public void File_UnknownKey_IsRejectedAtItsLineWithTheAcceptedKeys()
    {
        var error = LoadFileExpectingOneError("collector:\n  replicas: 2\n  replcas: 3\n");

        Assert.Equal(new Generator.Yaml.Mark(3, 3), error.Mark);
        Assert.Equal("collector.replcas", error.Path);
        Assert.Contains("unknown option \"replcas\"", error.Message);
        Assert.Contains("did you mean \"replicas\"", error.Message);
        Assert.Contains("collector accepts name, mode, autoscaler, image", error.Message);
    }

    [Fact]
    public void File_WrongType_NamesTheExpectedType()
    {
        var error = LoadFileExpectingOneError("collector:\n  replicas: two\n");

        Assert.Equal(new Generator.Yaml.Mark(2, 13), error.Mark);
        Assert.Contains("expected an integer, got string \"two\"", error.Message);
    }

    [Fact]
    public void File_BadEnumValue_ListsTheAllowedValues()
    {
        var error = LoadFileExpectingOneError("tempo:\n  storage:\n    backend: minio\n");

        Assert.Equal("tempo.storage.backend", error.Path);
        Assert.Contains("unsupported value \"minio\": allowed values are memory, pv, s3, gcs, azure", error.Message);
    }

    [Fact]
    public void File_OutOfBounds_NamesTheRange()
    {
        var error = LoadFileExpectingOneError("collector:\n  receivers:\n    http:\n      port: 70000\n");

        Assert.Contains("must be between 1 and 65535", error.Message);
    }

    [Fact]
    public void File_PatternViolation_ExplainsTheSyntax()
    {
        var error = LoadFileExpectingOneError("namespaces:\n  application: Llama_Stack\n");

        Assert.Contains("must be a DNS-1123 label", error.Message);
    }

    [Fact]
    public void File_NumberWhereAStringIsExpected_SuggestsQuoting()
    {
        var error = LoadFileExpectingOneError("collector:\n  image:\n    tag: 1.0\n");

        Assert.Contains("expected a string, got number 1.0 (quote it: \"1.0\")", error.Message);
    }

    [Fact]
    public void File_BrokenYaml_IsReportedWithPosition()
    {
        var error = LoadFileExpectingOneError("collector: [1, 2\n");

        Assert.True(error.Mark.Line >= 1);
        Assert.Contains("invalid YAML", error.Message);
    }

    [Fact]
    public void File_Missing_IsReported()
    {
        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load("/nonexistent/options.yaml", []));

        Assert.Contains("cannot read the options file", Assert.Single(ex.Errors).Message);
    }

    [Fact]
    public void File_ListItemMissingRequiredKey_IsReported()
    {
        var error = LoadFileExpectingOneError("tempo:\n  multitenancy:\n    tenants:\n      - name: prod\n");

        Assert.Equal("tempo.multitenancy.tenants[0]", error.Path);
        Assert.Contains("\"id\" is required", error.Message);
    }

    [Fact]
    public void Json_OptionsFile_IsAccepted()
    {
        var file = WriteTemp("{\"collector\": {\"replicas\": 3}, \"patch\": {\"strategy\": \"none\"}}", ".json");

        var options = OptionsLoader.Load(file, []).Options;

        Assert.Equal(3, options.Collector.Replicas);
        Assert.Equal(PatchStrategy.None, options.Patch.Strategy);
    }

    [Theory]
    [InlineData("collector.replicas=abc", "collector.replicas", "expected an integer")]
    [InlineData("collector.replicass=2", "collector.replicass", "unknown option \"replicass\"")]
    [InlineData("patch.strategy=sidecar", "patch.strategy", "allowed values are auto, sitecustomize, subPath, initContainer, none")]
    [InlineData("noequals", "", "expected path=value")]
    [InlineData("a..b=1", "a..b", "malformed option path")]
    [InlineData("llamaStack.extraEnv[3].name=X", "llamaStack.extraEnv[3]", "past the end of the list")]
    public void Set_BadOverride_NamesTheArgument(string argument, string path, string message)
    {
        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load(null, [argument]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("--set " + argument, error.Source);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Set_OverridesTheFileAndAppendsListItems()
    {
        var file = WriteTemp("collector:\n  replicas: 2\n");

        var options = OptionsLoader.Load(file, ["collector.replicas=4", "llamaStack.extraEnv[0].name=LOG_LEVEL", "llamaStack.extraEnv[0].value=debug"]).Options;

        Assert.Equal(4, options.Collector.Replicas);
        var env = Assert.Single(options.LlamaStack.ExtraEnv);
        Assert.Equal(("LOG_LEVEL", "debug"), (env.Name, env.Value));
    }

    [Theory]
    [InlineData(new[] { "profile=cluster-observability", "collector.image.repository=otel/opentelemetry-collector" }, "collector.image.repository", "bearertokenauth")]
    [InlineData(new[] { "collector.k8sAttributes.enabled=true" }, "collector.k8sAttributes.enabled", "k8sattributes processor is not in the core collector image")]
    [InlineData(new[] { "tempo.jaegerUi.ingress.enabled=true" }, "tempo.jaegerUi.ingress.enabled", "not both")]
    [InlineData(new[] { "tempo.storage.backend=s3" }, "tempo.storage.secret", "needs the name of a Secret")]
    [InlineData(new[] { "patch.strategy=subPath" }, "patch.file", "give its path in patch.file")]
    [InlineData(new[] { "patch.strategy=initContainer", "patch.file=x.py" }, "llamaStack.distribution.image", "set llamaStack.distribution.image")]
    [InlineData(new[] { "llamaStack.distribution.image=quay.io/x/y:1" }, "llamaStack.distribution", "exactly one of name and image")]
    [InlineData(new[] { "collector.image.tag=latest" }, "collector.image.tag", "pin a collector version instead of latest")]
    [InlineData(new[] { "collector.image.tag=stable" }, "collector.image.tag", "cannot read a collector version")]
    [InlineData(new[] { "collector.receivers.http.enabled=false" }, "collector.receivers", "at least one OTLP receiver")]
    [InlineData(new[] { "collector.receivers.grpc.enabled=true", "collector.receivers.grpc.port=4318" }, "collector.receivers.grpc.port", "port 4318 is also used")]
    [InlineData(new[] { "llamaStack.extraEnv[0].name=API_TOKEN", "llamaStack.extraEnv[0].value=abc" }, "llamaStack.extraEnv[0].value", "looks like a secret")]
    [InlineData(new[] { "llamaStack.extraEnv[0].name=VLLM_URL", "llamaStack.extraEnv[0].value=x" }, "llamaStack.extraEnv[0].name", "set by the generator")]
    [InlineData(new[] { "tempo.ingestion.otlpGrpc=false" }, "tempo.ingestion.otlpGrpc", "OTLP/gRPC")]
    public void CrossOptionChecks_PointAtTheOptionThatMustChange(string[] sets, string path, string message)
    {
        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load(null, sets));

        var error = Assert.Single(ex.Errors, e => e.Path == path);
        Assert.Contains(message, error.Message);
        Assert.StartsWith("--set ", error.Source);
    }

    [Theory]
    [InlineData("SSL_KEY_FILE", "/etc/tls/tls.key")]
    [InlineData("JWT_SECRET_NAME", "jwt-signing")]
    public void ExtraEnv_NamingWhereASecretIs_IsNotASecret(string name, string value)
    {
        // What the env-plaintext-secret rule accepts in the rendered manifests, the options accept too.
        var options = OptionsLoader.Load(null, [$"llamaStack.extraEnv[0].name={name}", $"llamaStack.extraEnv[0].value={value}"]).Options;

        Assert.Equal((name, value), (options.LlamaStack.ExtraEnv[0].Name, options.LlamaStack.ExtraEnv[0].Value));
    }

    [Fact]
    public void CrossOptionCheck_OnAFileValue_PointsAtItsLine()
    {
        var file = WriteTemp("tempo:\n  storage:\n    backend: gcs\n");

        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load(file, []));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(file, error.Source);
        Assert.Equal("tempo.storage.secret", error.Path);
        Assert.Equal(2, error.Mark.Line);
    }

    [Fact]
    public void SubPathStrategy_ReadsThePatchFileRelativeToTheOptionsFile()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "my-tracing.py"), "# patched\r\nX = 1\r\n");
        var file = Path.Combine(dir, "options.yaml");
        File.WriteAllText(file, "patch:\n  strategy: subPath\n  file: my-tracing.py\n");

        var loaded = OptionsLoader.Load(file, []);

        Assert.Equal("# patched\nX = 1\n", loaded.PatchFileText);
    }

    [Theory]
    [InlineData("collector:\n  replicas: 1.0\n", "collector.replicas", "expected an integer, got number \"1.0\"")]
    [InlineData("collector:\n  image:\n    tag: .inf\n", "collector.image.tag", "expected a string, got number .inf (quote it: \".inf\")")]
    public void File_FloatThatJsonCannotTellApart_IsStillTheWrongType(string yaml, string path, string message)
    {
        // JSON Schema sees 1.0 as the integer 1 and .inf as a string; the options take neither.
        var error = LoadFileExpectingOneError(yaml);

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Set_AppendedListItemWithoutItsRequiredKey_IsReported()
    {
        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load(null, ["llamaStack.extraEnv[0].value=debug"]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("--set llamaStack.extraEnv[0].value=debug", "llamaStack.extraEnv[0]"), (error.Source, error.Path));
        Assert.Contains("\"name\" is required", error.Message);
    }

    [Fact]
    public void Set_IntoTheDefaultListItem_KeepsItsOtherKeys()
    {
        var options = OptionsLoader.Load(null, ["tempo.multitenancy.tenants[0].name=prod"]).Options;

        var tenant = Assert.Single(options.Tempo.Multitenancy.Tenants);
        Assert.Equal(("prod", new TenantOptions().Id), (tenant.Name, tenant.Id));
    }

    [Fact]
    public void NullOnAProfileDecidedOption_KeepsTheProfilesDefault()
    {
        var file = WriteTemp("profile: cluster-observability\ntempo:\n  storage:\n    backend: null\n");

        var options = OptionsLoader.Load(file, []).Options;

        Assert.Equal(StorageBackend.Pv, options.Tempo.Storage.Backend);
    }

    [Fact]
    public void CrossOptionRule_OnListItemsInTheFile_PointsAtEachItemInFileOrder()
    {
        var file = WriteTemp("llamaStack:\n  extraEnv:\n    - name: DB_PASSWORD\n      value: hunter2\n    - name: INFERENCE_MODEL\n      value: x\n    - name: LOG_LEVEL\n");

        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load(file, []));

        Assert.Equal(
            [
                $"{file}:4:7: error: llamaStack.extraEnv[0].value: DB_PASSWORD looks like a secret; take it from a Secret with secretKeyRef instead of a plain value",
                $"{file}:5:7: error: llamaStack.extraEnv[1].name: INFERENCE_MODEL is set by the generator from other options; change those options instead",
                $"{file}:7:7: error: llamaStack.extraEnv[2]: LOG_LEVEL: set exactly one of value, secretKeyRef and configMapKeyRef",
            ],
            ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void CrossOptionRule_WithAnExplicitDistribution_NamesItNotTheDerivedOne()
    {
        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load(null, ["collector.distribution=core", "collector.k8sAttributes.enabled=true"]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("--set collector.k8sAttributes.enabled=true", error.Source);
        Assert.Contains("the k8sattributes processor is not in the core collector image \"otel/opentelemetry-collector\"", error.Message);
    }

    [Fact]
    public void CollectorAutoscaler_MinAboveMax_IsReportedAtMinReplicas()
    {
        var error = LoadFileExpectingOneError("collector:\n  mode: operator\n  autoscaler:\n    enabled: true\n    minReplicas: 4\n    maxReplicas: 2\n");

        Assert.Equal(("collector.autoscaler.minReplicas", new Generator.Yaml.Mark(5, 5)), (error.Path, error.Mark));
        Assert.Contains("minReplicas (4) is larger than maxReplicas (2)", error.Message);
        OptionsLoader.Load(WriteTemp("collector:\n  autoscaler:\n    minReplicas: 4\n    maxReplicas: 2\n"), []);
    }

    [Fact]
    public void TempoStack_WithTheProfilesLocalStorage_NamesTheBackendAndTheKind()
    {
        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load(null, ["profile=cluster-observability", "tempo.kind=TempoStack"]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("tempo.storage.backend", error.Path);
        Assert.Contains("a TempoStack keeps traces in object storage: set tempo.storage.backend to s3, gcs or azure", error.Message);
    }

    private static OptionsError LoadFileExpectingOneError(string yaml)
    {
        var file = WriteTemp(yaml);
        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.Load(file, []));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(file, error.Source);
        return error;
    }

    private static string WriteTemp(string text, string extension = ".yaml")
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "options" + extension);
        File.WriteAllText(path, text);
        return path;
    }
}
