using Generator.Facts;

namespace Generator.Options;

/// <summary>
/// Checks that span several options (what a per-option type check cannot see): profile-dependent requirements, the
/// collector image versus the components the stack needs, patch strategy inputs, env var clashes and secrets.
/// </summary>
public static class OptionsValidator
{
    private static readonly CollectorVersion DebugExporterSince = CollectorVersion.Of(0, 86);

    public static IReadOnlyList<OptionsError> Validate(GeneratorOptions options, OptionsSources sources)
    {
        var errors = new List<OptionsError>();
        void Fail(string path, string message, params string[] causes) => errors.Add(sources.ErrorAt(path, message, causes));

        ValidateTempo(options.Tempo, Fail);
        ValidateCollector(options, Fail);
        ValidateLlamaStack(options, Fail);
        ValidatePatch(options, Fail);
        return errors;
    }

    private static void ValidateTempo(TempoOptions tempo, Action<string, string, string[]> fail)
    {
        if (tempo.Multitenancy.Enabled == true && tempo.Multitenancy.Tenants.Count == 0)
        {
            fail("tempo.multitenancy.tenants", "multitenancy needs at least one tenant (the gateway is only created with tenants)", ["tempo.multitenancy.enabled", "profile"]);
        }

        var duplicate = tempo.Multitenancy.Tenants.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            fail("tempo.multitenancy.tenants", $"tenant name \"{duplicate.Key}\" is given more than once", []);
        }

        if (!tempo.Ingestion.OtlpGrpc)
        {
            fail("tempo.ingestion.otlpGrpc", "the collector exports to Tempo with OTLP/gRPC (port 4317); this must stay true", []);
        }

        var ui = tempo.JaegerUi;
        if (ui.Route.Enabled && ui.Ingress.Enabled)
        {
            fail("tempo.jaegerUi.ingress.enabled", "expose the Jaeger UI with a Route or an Ingress, not both (the operator gives both the same name)", ["tempo.jaegerUi.route.enabled"]);
        }

        if (!ui.Enabled && (ui.Route.Enabled || ui.Ingress.Enabled))
        {
            fail(ui.Route.Enabled ? "tempo.jaegerUi.route.enabled" : "tempo.jaegerUi.ingress.enabled",
                "a Route or Ingress needs tempo.jaegerUi.enabled: true (the operator's webhook rejects it otherwise)", ["tempo.jaegerUi.enabled"]);
        }

        var storage = tempo.Storage;
        var objectStorage = storage.Backend is StorageBackend.S3 or StorageBackend.Gcs or StorageBackend.Azure;
        if (objectStorage && storage.Secret.Length == 0)
        {
            fail("tempo.storage.secret", $"the {EnumNames.Wire(storage.Backend!)} backend needs the name of a Secret with its credentials", ["tempo.storage.backend"]);
        }

        if (!objectStorage && storage.Secret.Length > 0)
        {
            fail("tempo.storage.secret", $"a secret only applies to the s3, gcs and azure backends, not {EnumNames.Wire(storage.Backend!)}", ["tempo.storage.backend", "profile"]);
        }

        if (objectStorage && !string.IsNullOrEmpty(storage.Size))
        {
            fail("tempo.storage.size", "size only applies to the memory and pv backends", ["tempo.storage.backend"]);
        }
    }

    private static void ValidateCollector(GeneratorOptions options, Action<string, string, string[]> fail)
    {
        var collector = options.Collector;
        var distribution = collector.EffectiveDistribution();
        if (distribution is null)
        {
            fail("collector.distribution", $"cannot tell which collector distribution \"{collector.Image.Repository}\" is; set collector.distribution to core, contrib, k8s or redhat", ["collector.image.repository"]);
        }

        var version = collector.EffectiveVersion();
        if (collector.Image.Tag == "latest")
        {
            fail("collector.image.tag", "pin a collector version instead of latest: component names change between releases", []);
        }
        else if (version is null)
        {
            fail(collector.Version.Length > 0 ? "collector.version" : "collector.image.tag",
                $"cannot read a collector version from \"{collector.Image.Tag}\"; set collector.version (x.y.z): component names depend on it", []);
        }
        else if (collector.DebugExporter.Enabled && version < DebugExporterSince)
        {
            fail("collector.debugExporter.enabled", $"the debug exporter exists since collector {DebugExporterSince}; {version} is older", ["collector.image.tag", "collector.version"]);
        }

        if (distribution is { } d && !CollectorCatalog.Contains(d, ComponentKind.Extension, "bearertokenauth") && options.Tempo.Multitenancy.Enabled == true)
        {
            fail("collector.image.repository", $"Tempo multitenancy needs the bearertokenauth extension, which the {EnumNames.Wire(d)} collector image \"{collector.Image.Repository}\" does not contain; use otel/opentelemetry-collector-contrib (or the k8s or Red Hat build)", ["tempo.multitenancy.enabled", "profile"]);
        }

        if (distribution is { } d2 && collector.K8sAttributes.Enabled == true && !CollectorCatalog.Contains(d2, ComponentKind.Processor, "k8sattributes"))
        {
            fail("collector.k8sAttributes.enabled", $"the k8sattributes processor is not in the {EnumNames.Wire(d2)} collector image \"{collector.Image.Repository}\"; use otel/opentelemetry-collector-contrib (or the k8s or Red Hat build)", ["collector.image.repository", "profile"]);
        }

        if (!collector.Receivers.Http.Enabled && !collector.Receivers.Grpc.Enabled)
        {
            fail("collector.receivers", "enable at least one OTLP receiver protocol (http or grpc)", []);
        }

        var ports = new List<(string Path, long Port)> { ("collector.healthCheck.port", collector.HealthCheck.Port) };
        if (collector.Receivers.Http.Enabled)
        {
            ports.Add(("collector.receivers.http.port", collector.Receivers.Http.Port));
        }

        if (collector.Receivers.Grpc.Enabled)
        {
            ports.Add(("collector.receivers.grpc.port", collector.Receivers.Grpc.Port));
        }

        foreach (var clash in ports.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            fail(clash.Last().Path, $"port {clash.Key} is also used by {clash.First().Path}", []);
        }

        var tenants = options.Tempo.Multitenancy.Tenants;
        if (collector.Tenant.Length > 0 && tenants.All(t => t.Name != collector.Tenant))
        {
            fail("collector.tenant", $"no tenant named \"{collector.Tenant}\"; tenants are {string.Join(", ", tenants.Select(t => t.Name))}", []);
        }
    }

    private static void ValidateLlamaStack(GeneratorOptions options, Action<string, string, string[]> fail)
    {
        var llama = options.LlamaStack;
        if ((llama.Distribution.Name.Length > 0) == (llama.Distribution.Image.Length > 0))
        {
            fail("llamaStack.distribution", "set exactly one of name and image (the CRD rejects both, the operator needs one)", []);
        }

        if (llama.Autoscaling.Enabled && llama.Autoscaling.MinReplicas > llama.Autoscaling.MaxReplicas)
        {
            fail("llamaStack.autoscaling.minReplicas", $"minReplicas ({llama.Autoscaling.MinReplicas}) is larger than maxReplicas ({llama.Autoscaling.MaxReplicas})", ["llamaStack.autoscaling.maxReplicas"]);
        }

        var builtIn = LlamaStackFacts.ServerEnvNames;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < llama.ExtraEnv.Count; i++)
        {
            var env = llama.ExtraEnv[i];
            var path = $"llamaStack.extraEnv[{i}]";
            var sources = (env.Value is not null ? 1 : 0) + (env.SecretKeyRef is not null ? 1 : 0) + (env.ConfigMapKeyRef is not null ? 1 : 0);
            if (sources != 1)
            {
                fail(path, $"{env.Name}: set exactly one of value, secretKeyRef and configMapKeyRef", []);
            }

            if (builtIn.Contains(env.Name))
            {
                fail(path + ".name", $"{env.Name} is set by the generator from other options; change those options instead", []);
            }

            if (!seen.Add(env.Name))
            {
                fail(path + ".name", $"{env.Name} is given more than once", []);
            }

            if (env.Value is not null && SecretEnvNames.LooksSecret(env.Name))
            {
                fail(path + ".value", $"{env.Name} looks like a secret; take it from a Secret with secretKeyRef instead of a plain value", []);
            }

            if (env.Name == LlamaStackFacts.PythonPathEnv && env.Value is null && options.Patch.Strategy == PatchStrategy.Sitecustomize)
            {
                fail(path, "the sitecustomize strategy appends its directory to PYTHONPATH, which needs a plain value here", ["patch.strategy"]);
            }
        }
    }

    private static void ValidatePatch(GeneratorOptions options, Action<string, string, string[]> fail)
    {
        var patch = options.Patch;
        if (patch.Strategy is PatchStrategy.SubPath or PatchStrategy.InitContainer && patch.File.Length == 0)
        {
            fail("patch.file", $"the {EnumNames.Wire(patch.Strategy)} strategy mounts your own patched tracing.py; give its path in patch.file (or use the sitecustomize strategy, which needs no file)", ["patch.strategy"]);
        }

        if (patch.Strategy is not (PatchStrategy.SubPath or PatchStrategy.InitContainer) && patch.File.Length > 0)
        {
            fail("patch.file", $"patch.file is only used by the subPath and initContainer strategies, not {EnumNames.Wire(patch.Strategy)}", ["patch.strategy"]);
        }

        if (patch.Strategy == PatchStrategy.InitContainer && options.LlamaStack.Distribution.Image.Length == 0)
        {
            fail("llamaStack.distribution.image", "the initContainer strategy copies the telemetry package out of the server image, so the image must be known: set llamaStack.distribution.image (and clear name)", ["patch.strategy"]);
        }
    }
}
