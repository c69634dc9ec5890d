using System.Globalization;
using Generator.Facts;
using Generator.Json;
using Generator.Model;
using Generator.Options;
using Generator.Yaml;

namespace Generator.Render;

/// <summary>
/// The constants the chart's templates need, taken from the same C# definitions the raw manifests use, and emitted into
/// templates/_facts.tpl as <c>define</c>s (<c>include "llamastack-tracing.fact.&lt;key&gt;" .</c>). Structured facts are JSON
/// (<c>fromJson</c>/<c>fromJsonArray</c> in the templates).
/// </summary>
public static class ChartFacts
{
    /// <summary>
    /// Stands for the site-packages directory in <c>initContainerCommand</c>: the command is rendered by the same code as the
    /// raw manifests' init container, and the chart puts the value in (with trailing slashes trimmed, as that code does).
    /// </summary>
    private const string SitePackagesPlaceholder = "@SITE_PACKAGES@";

    /// <summary>A name for deriving the operator's naming rules (prefix and suffixes) from <see cref="TempoFacts"/>.</summary>
    private const string Probe = "probe";

    public static IReadOnlyDictionary<string, string> Build()
    {
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["toolVersion"] = ToolInfo.Version,
            ["partOf"] = ToolInfo.Name,
            ["anyAddress"] = CollectorConfigBuilder.AnyAddress,
            ["collectorConfigKey"] = CollectorModel.ConfigKey,
            ["collectorConfigDirectory"] = CollectorModel.ConfigDirectory,
            ["collectorConfigVolume"] = CollectorModel.ConfigVolume,
            ["collectorHttpPortName"] = CollectorModel.HttpPortName,
            ["collectorGrpcPortName"] = CollectorModel.GrpcPortName,
            ["collectorHealthPortName"] = CollectorModel.HealthPortName,
            ["collectorConfigMapSuffix"] = CollectorModel.ConfigMapSuffix,
            ["collectorConfigFlag"] = CollectorModel.ConfigFlag,
            ["collectorTempoExporterName"] = CollectorModel.TempoExporterName,
            ["k8sAttributesMetadata"] = Json(Strings(CollectorConfigBuilder.K8sMetadata)),
            ["defaultPostgresService"] = LlamaStackEnv.DefaultPostgresService,
            ["tempoTenancyMode"] = TempoFacts.OpenShiftTenancyMode,
            ["tempoTenantHeader"] = TempoFacts.TenantHeader,
            ["tempoOtlpGrpcPort"] = Int(TempoFacts.OtlpGrpcPort),
            ["tempoJaegerUiPort"] = Int(TempoFacts.JaegerUiPort),
            ["tempoServiceCaFile"] = TempoFacts.ServiceCaFile,
            ["tempoTokenFile"] = TempoFacts.ServiceAccountTokenFile,
            ["tempoTenantApiGroup"] = TempoFacts.TenantApiGroup,
            ["tempoApiVersion"] = TempoFacts.ApiVersion,
            ["tempoKind"] = TempoFacts.Kind,
            ["tempoServicePrefix"] = TempoFacts.ServiceName(string.Empty),
            ["tempoGatewaySuffix"] = After(TempoFacts.GatewayServiceName(Probe), TempoFacts.ServiceName(Probe)),
            ["tempoJaegerUiSuffix"] = After(TempoFacts.JaegerUiServiceName(Probe), TempoFacts.ServiceName(Probe)),
            ["tempoPodSuffix"] = After(TempoFacts.PodName(Probe), TempoFacts.ServiceName(Probe)),
            ["clusterDomainSuffix"] = After(TempoFacts.ClusterHost(Probe, Probe), Probe + "." + Probe),
            ["llamaStackApiVersion"] = LlamaStackFacts.ApiVersion,
            ["llamaStackKind"] = LlamaStackFacts.Kind,
            ["telemetryPackage"] = LlamaStackFacts.TelemetryPackage,
            ["tracingModuleFile"] = LlamaStackFacts.TracingModuleFile,
            ["sitecustomizeFile"] = LlamaStackFacts.SitecustomizeFile,
            ["fixAppliedLogLine"] = LlamaStackFacts.FixAppliedLogLine,
            ["patchVolume"] = PatchWiring.PatchVolume,
            ["packageVolume"] = PatchWiring.PackageVolume,
            ["initContainerName"] = PatchWiring.InitContainerName,
            ["initPatchDirectory"] = PatchWiring.InitPatchDirectory,
            ["initPackageDirectory"] = PatchWiring.InitPackageDirectory,
            ["initContainerCommand"] = Json(InitContainerCommand()),
            ["sitePackagesPlaceholder"] = SitePackagesPlaceholder,
            ["restrictedPodSecurityContext"] = Json(Security.RestrictedPod()),
            ["restrictedContainerSecurityContext"] = Json(Security.RestrictedContainer()),
            ["otlpHttpProtobuf"] = OtlpFacts.HttpProtobuf,
            ["otlpGrpc"] = OtlpFacts.Grpc,
            ["otlpEndpointEnv"] = OtlpFacts.EndpointEnv,
            ["otlpServiceNameEnv"] = OtlpFacts.ServiceNameEnv,
            ["otlpProtocolEnv"] = OtlpFacts.ProtocolEnv,
            ["pythonPathEnv"] = LlamaStackEnv.PythonPath,
            ["bearerTokenAuthDistributions"] = DistributionsWith(ComponentKind.Extension, "bearertokenauth"),
            ["k8sAttributesDistributions"] = DistributionsWith(ComponentKind.Processor, "k8sattributes"),
            ["renames"] = Json(new YamlSequence(CollectorCatalog.Renames.Select(r => (YamlNode)new YamlMapping
            {
                ["kind"] = r.Kind.ToString().ToLowerInvariant(),
                ["old"] = r.OldType,
                ["new"] = r.NewType,
                ["since"] = r.Since.ToString(),
            }))),
        };

        foreach (var component in Enum.GetValues<StackComponent>())
        {
            var key = char.ToLowerInvariant(component.ToString()[0]) + component.ToString()[1..];
            facts[key + "Name"] = Labels.NameOf(component);
            facts[key + "Component"] = Labels.ComponentOf(component);
        }

        return facts;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rest of <paramref name="whole"/> after <paramref name="prefix"/> (a naming rule's suffix).</summary>
    private static string After(string whole, string prefix) =>
        whole.StartsWith(prefix, StringComparison.Ordinal)
            ? whole[prefix.Length..]
            : throw new InvalidOperationException($"\"{whole}\" does not start with \"{prefix}\"");

    /// <summary>The init container's command as the raw manifests write it, with the site-packages directory left open.</summary>
    private static YamlNode InitContainerCommand()
    {
        var options = new GeneratorOptions
        {
            Patch = new PatchOptions { Strategy = PatchStrategy.InitContainer, SitePackages = SitePackagesPlaceholder },
        };
        return PatchWiring.Build(options, patchFileText: null).InitContainers.Single()["command"]!;
    }

    /// <summary>The wire names of the collector distributions whose image contains a component type.</summary>
    private static string DistributionsWith(ComponentKind kind, string type) =>
        Json(Strings(Enum.GetValues<CollectorDistribution>()
            .Where(d => d != CollectorDistribution.Auto && CollectorCatalog.Contains(d, kind, type))
            .Select(d => EnumNames.Wire(d))));

    private static YamlSequence Strings(IEnumerable<string> values) => new(values.Select(v => (YamlNode)v));

    private static string Json(YamlNode node) => JsonText.Write(json => YamlJson.Write(json, node), indented: false);
}
