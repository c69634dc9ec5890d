using Generator.Facts;
using static Generator.Options.OptionCondition;

namespace Generator.Options;

/// <summary>
/// The cross-option rules JSON Schema can state, each with its message and the options it concerns: the one place they
/// are written. <see cref="OptionsSchemaGenerator"/> writes them into the options schema (and, those on chart values,
/// into the chart's values.schema.json, so helm enforces them too); the generator (OptionsSchemaValidator) reports a
/// failing one with its message. What JSON Schema cannot state (comparing two values, uniqueness by a key, version
/// order) is in <see cref="OptionsValidator"/>.
/// </summary>
public static class OptionRules
{
    private static readonly object[] ObjectStorage = [StorageBackend.S3, StorageBackend.Gcs, StorageBackend.Azure];
    private static readonly object[] LocalStorage = [StorageBackend.Memory, StorageBackend.Pv];
    private static readonly object[] OwnTracingFile = [PatchStrategy.SubPath, PatchStrategy.InitContainer];
    private static readonly object[] Known = [.. CollectorCatalog.RepositoryPatterns.Select(p => p.Distribution).Order()];

    private static readonly object[] NoPatch = [PatchStrategy.Auto, PatchStrategy.None];

    private const string Kind = "llamaStack.kind";
    private const string Release = "llamaStack.version";
    private const string Strategy = "patch.strategy";

    /// <summary>The releases whose image has the tracing module (0.2.x, 0.3.x), which subPath and initContainer replace.</summary>
    private static readonly string TracingModuleReleases = Releases(g => g.TracingModule);

    /// <summary>The releases whose span exporter is OTLP/HTTP whatever the protocol variable says.</summary>
    private static readonly string HttpOnlyReleases = Releases(g => g.HttpOnly);

    /// <summary>The releases the start-up hook serves (auto means sitecustomize there).</summary>
    private static readonly string HookReleases = Releases(g => g.Hook != StartupHook.None);

    private const string Repository = "collector.image.repository";
    private const string Tag = "collector.image.tag";
    private const string Version = "collector.version";

    public static IReadOnlyList<OptionRule> All { get; } =
    [
        new("collector.autoscaler.enabled", "the autoscaler is the OpenTelemetry Operator's (spec.autoscaler): set collector.mode to operator, or scale with collector.replicas",
            Is("collector.mode", CollectorMode.Operator))
        {
            When = Is("collector.autoscaler.enabled", true),
            Causes = ["collector.mode"],
        },
        new("collector.name", $"in operator mode the OpenTelemetry Operator names the collector's Service <name>{OpenTelemetryOperatorFacts.CollectorSuffix}, which must fit {OpenTelemetryOperatorFacts.MaxObjectName} characters: use at most {OpenTelemetryOperatorFacts.MaxNameForWholeServiceName}",
            Matches("collector.name", $"^.{{0,{OpenTelemetryOperatorFacts.MaxNameForWholeServiceName}}}$"))
        {
            When = Is("collector.mode", CollectorMode.Operator),
            Causes = ["collector.mode"],
        },
        new("tempo.storage.backend", $"a TempoStack keeps traces in object storage: set tempo.storage.backend to {WireList(ObjectStorage, "or")}, and tempo.storage.secret to the Secret with its credentials",
            Is("tempo.storage.backend", ObjectStorage))
        {
            When = Is("tempo.kind", TempoKind.Stack),
            Causes = ["tempo.kind", "profile"],
        },
        new("tempo.name", $"a TempoStack's longest Service name is {TempoFacts.ServicePrefix}<name>{TempoFacts.LongestStackServiceSuffix}, which must fit {TempoFacts.MaxServiceName} characters: use at most {TempoFacts.MaxStackName}",
            Matches("tempo.name", $"^.{{0,{TempoFacts.MaxStackName}}}$"))
        {
            When = Is("tempo.kind", TempoKind.Stack),
            Causes = ["tempo.kind"],
        },
        new("tempo.uiPlugin.enabled", "the console's tracing UI (UIPlugin distributed-tracing) lists only multi-tenant Tempo (tenants in mode openshift, behind the gateway): turn on tempo.multitenancy.enabled, and for a TempoStack keep tempo.stack.gateway on",
            All(Is("tempo.multitenancy.enabled", true), Any(Is("tempo.kind", TempoKind.Monolithic), Is("tempo.stack.gateway", true))))
        {
            When = Is("tempo.uiPlugin.enabled", true),
            Causes = ["tempo.multitenancy.enabled", "tempo.stack.gateway", "tempo.kind", "profile"],
        },
        new("tempo.multitenancy.tenants", "multitenancy needs at least one tenant (the gateway is only created with tenants)",
            NonEmpty("tempo.multitenancy.tenants"))
        {
            When = Is("tempo.multitenancy.enabled", true),
            Causes = ["tempo.multitenancy.enabled", "profile"],
        },
        new("tempo.ingestion.otlpGrpc", "the collector exports to Tempo with OTLP/gRPC (port 4317); this must stay true",
            Is("tempo.ingestion.otlpGrpc", true)),
        new("tempo.jaegerUi.ingress.enabled", "expose the Jaeger UI with a Route or an Ingress, not both (the operator gives both the same name)",
            Is("tempo.jaegerUi.ingress.enabled", false))
        {
            When = Is("tempo.jaegerUi.route.enabled", true),
            Causes = ["tempo.jaegerUi.route.enabled"],
        },
        new("tempo.jaegerUi.route.enabled", JaegerUiNeeded, Is("tempo.jaegerUi.enabled", true))
        {
            When = Is("tempo.jaegerUi.route.enabled", true),
            Causes = ["tempo.jaegerUi.enabled"],
        },
        new("tempo.jaegerUi.ingress.enabled", JaegerUiNeeded, Is("tempo.jaegerUi.enabled", true))
        {
            // With a Route too, the rule above already says it (and the one before: not both).
            When = All(Is("tempo.jaegerUi.ingress.enabled", true), Not(Is("tempo.jaegerUi.route.enabled", true))),
            Causes = ["tempo.jaegerUi.enabled"],
        },
        new("tempo.storage.secret", "the {tempo.storage.backend} backend needs the name of a Secret with its credentials",
            NonEmpty("tempo.storage.secret"))
        {
            When = Is("tempo.storage.backend", ObjectStorage),
            Causes = ["tempo.storage.backend"],
        },
        new("tempo.storage.secret", $"a secret only applies to the {WireList(ObjectStorage)} backends, not {{tempo.storage.backend}}",
            Not(NonEmpty("tempo.storage.secret")))
        {
            When = Is("tempo.storage.backend", LocalStorage),
            Causes = ["tempo.storage.backend", "profile"],
        },
        new("tempo.storage.size", $"a TempoMonolithic's size only applies to the {WireList(LocalStorage)} backends", Not(NonEmpty("tempo.storage.size")))
        {
            When = All(Is("tempo.kind", TempoKind.Monolithic), Is("tempo.storage.backend", ObjectStorage)),
            Causes = ["tempo.storage.backend", "tempo.kind"],
        },
        new("collector.distribution", $"cannot tell which collector distribution \"{{{Repository}}}\" is; set collector.distribution to {WireList(Known, "or")}",
            Any([.. CollectorCatalog.RepositoryPatterns.Select(p => Matches(Repository, p.Pattern))]))
        {
            When = Is("collector.distribution", CollectorDistribution.Auto),
            Causes = [Repository],
        },
        .. Without(ComponentKind.Extension, "bearertokenauth").Select(d => new OptionRule(Repository,
            $"Tempo multitenancy behind the gateway needs the bearertokenauth extension, which the {EnumNames.Wire(d)} collector image \"{{{Repository}}}\" does not contain; use otel/opentelemetry-collector-contrib (or the k8s or Red Hat build)",
            Not(IsDistribution(d)))
        {
            When = All(Is("tempo.multitenancy.enabled", true), Any(Is("tempo.kind", TempoKind.Monolithic), Is("tempo.stack.gateway", true))),
            Causes = ["tempo.multitenancy.enabled", "profile"],
        }),
        .. Without(ComponentKind.Processor, "k8sattributes").Select(d => new OptionRule("collector.k8sAttributes.enabled",
            $"the k8sattributes processor is not in the {EnumNames.Wire(d)} collector image \"{{{Repository}}}\"; use otel/opentelemetry-collector-contrib (or the k8s or Red Hat build)",
            Not(IsDistribution(d)))
        {
            When = Is("collector.k8sAttributes.enabled", true),
            Causes = [Repository, "profile"],
        }),
        new(Tag, "pin a collector version instead of latest: component names change between releases", Not(Is(Tag, "latest"))),
        new(Tag, VersionUnreadable, Matches(Tag, CollectorVersion.TagPattern))
        {
            When = All(Not(NonEmpty(Version)), Not(Is(Tag, "latest"))),
        },
        new(Version, VersionUnreadable, Matches(Version, CollectorVersion.TagPattern))
        {
            When = All(NonEmpty(Version), Not(Is(Tag, "latest"))),
        },
        new("collector.receivers", "enable at least one OTLP receiver protocol (http or grpc)",
            Any(Is("collector.receivers.http.enabled", true), Is("collector.receivers.grpc.enabled", true))),
        new("llamaStack.distribution", "set exactly one of name and image (the CRD rejects both, the operator needs one)",
            ExactlyOne(NonEmpty("llamaStack.distribution.name"), NonEmpty("llamaStack.distribution.image"))),
        new("llamaStack.extraEnv[*]", "{llamaStack.extraEnv[*].name}: set exactly one of value, secretKeyRef and configMapKeyRef",
            Each("llamaStack.extraEnv", ExactlyOne(Given("value"), Given("secretKeyRef"), Given("configMapKeyRef")))),
        new("llamaStack.extraEnv[*].name", "{llamaStack.extraEnv[*].name} is set by the generator from other options; change those options instead",
            Each("llamaStack.extraEnv", Not(Is("name", [.. Facts.LlamaStackFacts.ServerEnvNames.Order(StringComparer.Ordinal)])))),
        new("llamaStack.extraEnv[*].value", "{llamaStack.extraEnv[*].name} looks like a secret; take it from a Secret with secretKeyRef instead of a plain value",
            Each("llamaStack.extraEnv", Implies(All(Matches("name", SecretEnvNames.SecretWordPattern), Not(Matches("name", SecretEnvNames.ReferenceWordPattern))), Not(Given("value"))))),
        new("llamaStack.extraEnv[*]", "the sitecustomize strategy appends its directory to PYTHONPATH, which needs a plain value here",
            Each("llamaStack.extraEnv", Implies(Is("name", Facts.LlamaStackFacts.PythonPathEnv), Given("value"))))
        {
            When = Any(Is(Strategy, PatchStrategy.Sitecustomize), All(Is(Strategy, PatchStrategy.Auto), Is(Kind, ServerKind.LlamaStackDistribution), Matches(Release, HookReleases))),
            Causes = [Strategy, Release],
        },
        new("llamaStack.extraEnv[*]", $"LlamaStack 0.2.15 and later 0.2.x export spans only with {LlamaStackGenerations.OtelTraceSink} among TELEMETRY_SINKS, which the generator appends to yours: it needs a plain value here",
            Each("llamaStack.extraEnv", Implies(Is("name", LlamaStackGenerations.TelemetrySinksEnv), Given("value"))))
        {
            When = All(Is(Kind, ServerKind.LlamaStackDistribution), Matches(Release, LlamaStackGenerations.TelemetrySinksPattern)),
            Causes = [Release],
        },
        new("llamaStack.extraEnv[*].name", $"{{llamaStack.extraEnv[*].name}} is set by the generator from llamaStack.metrics=none; change that option instead",
            Each("llamaStack.extraEnv", Not(Is("name", LlamaStackGenerations.MetricsExporterEnv))))
        {
            When = Is("llamaStack.metrics", MetricsTarget.None),
            Causes = ["llamaStack.metrics"],
        },
        new(Release, "an OGXServer runs OGX, whose releases come after llama-stack 0.7; {llamaStack.version} is older: set llamaStack.version to the OGX release its image runs",
            Matches(Release, LlamaStackGenerations.AutoInstrumentedPattern))
        {
            When = Is(Kind, ServerKind.OgxServer),
            Causes = [Kind, "profile"],
        },
        new(Strategy, "an OGXServer's image runs the server under opentelemetry-instrument, which traces it: there is nothing to patch; use patch.strategy auto or none",
            Is(Strategy, NoPatch))
        {
            When = Is(Kind, ServerKind.OgxServer),
            Causes = [Kind, "profile"],
        },
        new(Strategy, "the {patch.strategy} strategy replaces tracing.py, which LlamaStack {llamaStack.version} does not have (only 0.2.x and 0.3.x do): use patch.strategy auto",
            Matches(Release, TracingModuleReleases))
        {
            When = All(Is(Kind, ServerKind.LlamaStackDistribution), Is(Strategy, OwnTracingFile)),
            Causes = [Release],
        },
        new(Strategy, "LlamaStack {llamaStack.version} runs under opentelemetry-instrument, whose own sitecustomize comes first on PYTHONPATH, so the hook would never be imported: use patch.strategy auto or none",
            Not(Matches(Release, LlamaStackGenerations.AutoInstrumentedPattern)))
        {
            When = All(Is(Kind, ServerKind.LlamaStackDistribution), Is(Strategy, PatchStrategy.Sitecustomize)),
            Causes = [Release],
        },
        new("llamaStack.metrics", "LlamaStack {llamaStack.version} (0.3.x) exports metrics whenever OTEL_EXPORTER_OTLP_ENDPOINT is set, and no variable turns that off: keep llamaStack.metrics=collector (a metrics pipeline in the collector)",
            Any(Is(Kind, ServerKind.OgxServer), Not(Matches(Release, LlamaStackGenerations.TelemetryAdapterPattern))))
        {
            When = Is("llamaStack.metrics", MetricsTarget.None),
            Causes = [Release],
        },
        new("collector.receivers.http.enabled", "LlamaStack {llamaStack.version} exports OTLP/HTTP only (its own exporter, or on 0.4 to 0.6 the start-up hook's, is the HTTP one, whatever OTEL_EXPORTER_OTLP_PROTOCOL says): enable collector.receivers.http",
            Any(Is(Kind, ServerKind.OgxServer), Not(Matches(Release, HttpOnlyReleases))))
        {
            When = Is("collector.receivers.http.enabled", false),
            Causes = [Release, Kind],
        },
        new("patch.file", "the {patch.strategy} strategy mounts your own patched tracing.py; give its path in patch.file (or use the sitecustomize strategy, which needs no file)",
            NonEmpty("patch.file"))
        {
            When = Is("patch.strategy", OwnTracingFile),
            Causes = ["patch.strategy"],
        },
        new("patch.file", $"patch.file is only used by the {WireList(OwnTracingFile)} strategies, not {{patch.strategy}}", Not(NonEmpty("patch.file")))
        {
            When = Not(Is("patch.strategy", OwnTracingFile)),
            Causes = ["patch.strategy"],
        },
        new("llamaStack.distribution.image", "the initContainer strategy copies the telemetry package out of the server image, so the image must be known: set llamaStack.distribution.image (and clear name)",
            NonEmpty("llamaStack.distribution.image"))
        {
            When = Is("patch.strategy", PatchStrategy.InitContainer),
            Causes = ["patch.strategy"],
        },
    ];

    private const string JaegerUiNeeded = "a Route or Ingress needs tempo.jaegerUi.enabled: true (the operator's webhook rejects it otherwise)";

    private const string VersionUnreadable = "cannot read a collector version from \"{" + Tag + "}\"; set collector.version (x.y.z): component names depend on it";

    /// <summary>The releases of the generations that satisfy <paramref name="holds"/>, as one pattern.</summary>
    private static string Releases(Func<LlamaStackGeneration, bool> holds) =>
        string.Join("|", LlamaStackGenerations.All.Where(holds).Select(g => g.VersionPattern));

    /// <summary>The distributions whose image lacks a component.</summary>
    private static IEnumerable<CollectorDistribution> Without(ComponentKind kind, string type) =>
        Known.Cast<CollectorDistribution>().Where(d => !CollectorCatalog.Contains(d, kind, type));

    /// <summary>The collector is distribution <paramref name="distribution"/>: set explicitly, or derived from the repository.</summary>
    private static OptionCondition IsDistribution(CollectorDistribution distribution)
    {
        var patterns = CollectorCatalog.RepositoryPatterns;
        var index = patterns.Select(p => p.Distribution).ToList().IndexOf(distribution);
        var derived = All([Matches(Repository, patterns[index].Pattern), .. patterns.Take(index).Select(p => Not(Matches(Repository, p.Pattern)))]);
        return Any(Is("collector.distribution", distribution), All(Is("collector.distribution", CollectorDistribution.Auto), derived));
    }

    private static string WireList(object[] members, string conjunction = "and")
    {
        var names = members.Select(EnumNames.Wire).ToList();
        return string.Join(", ", names[..^1]) + $" {conjunction} " + names[^1];
    }
}
