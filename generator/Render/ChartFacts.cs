using System.Globalization;
using System.Text.Json;
using Generator.Facts;
using Generator.Model;

namespace Generator.Render;

/// <summary>
/// The constants the chart's templates need, taken from the same C# definitions the raw manifests use, and emitted into
/// templates/_facts.tpl as <c>define</c>s (<c>include "llamastack-tracing.fact.&lt;key&gt;" .</c>). Structured facts are JSON
/// (<c>fromJson</c>/<c>fromJsonArray</c> in the templates).
/// </summary>
public static class ChartFacts
{
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
            ["tempoOtlpGrpcPort"] = Int(TempoFacts.OtlpGrpcPort),
            ["tempoServiceCaFile"] = TempoFacts.ServiceCaFile,
            ["tempoTokenFile"] = TempoFacts.ServiceAccountTokenFile,
            ["tempoTenantApiGroup"] = TempoFacts.TenantApiGroup,
            ["tempoApiVersion"] = TempoFacts.ApiVersion,
            ["llamaStackApiVersion"] = LlamaStackFacts.ApiVersion,
            ["telemetryPackage"] = LlamaStackFacts.TelemetryPackage,
            ["tracingModuleFile"] = LlamaStackFacts.TracingModuleFile,
            ["sitecustomizeFile"] = LlamaStackFacts.SitecustomizeFile,
            ["fixAppliedLogLine"] = LlamaStackFacts.FixAppliedLogLine,
            ["patchVolume"] = PatchWiring.PatchVolume,
            ["packageVolume"] = PatchWiring.PackageVolume,
            ["initContainerName"] = PatchWiring.InitContainerName,
            ["initPatchDirectory"] = PatchWiring.InitPatchDirectory,
            ["initPackageDirectory"] = PatchWiring.InitPackageDirectory,
            ["otlpHttpProtobuf"] = OtlpFacts.HttpProtobuf,
            ["otlpGrpc"] = OtlpFacts.Grpc,
            ["renames"] = JsonSerializer.Serialize(CollectorCatalog.Renames.Select(r => new Dictionary<string, string>
            {
                ["kind"] = r.Kind.ToString().ToLowerInvariant(),
                ["old"] = r.OldType,
                ["new"] = r.NewType,
                ["since"] = r.Since.ToString(),
            })),
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
}
