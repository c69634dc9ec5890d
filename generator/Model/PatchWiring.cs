using Generator.Facts;
using Generator.Options;
using Generator.Resources;
using Generator.Yaml;

namespace Generator.Model;

/// <summary>
/// How the tracing fix gets into the LlamaStack pod, as pieces of the LlamaStackDistribution spec. Only
/// <c>podOverrides.volumes</c> and <c>podOverrides.volumeMounts</c> exist in the real CRD; the initContainer strategy also
/// needs <c>podOverrides.initContainers</c> and <c>containerSpec.volumeMounts</c>, which validation then reports.
/// </summary>
public sealed record PatchWiring(
    PatchStrategy Strategy,
    string? ConfigMapName,
    string? ConfigMapKey,
    string? ConfigMapContent,
    IReadOnlyList<YamlMapping> PodVolumes,
    IReadOnlyList<YamlMapping> PodVolumeMounts,
    IReadOnlyList<YamlMapping> InitContainers,
    IReadOnlyList<YamlMapping> ContainerVolumeMounts,
    string? PythonPathEntry)
{
    public const string SitecustomizeResource = "templates/tracing-fix/sitecustomize.py";
    public const string PatchVolume = "tracing-patch";
    public const string PackageVolume = "telemetry-package";
    public const string InitContainerName = "apply-tracing-patch";
    public const string InitPatchDirectory = "/patch";
    public const string InitPackageDirectory = "/patched";

    public static PatchWiring Build(GeneratorOptions options, string? patchFileText)
    {
        var patch = options.Patch;
        var telemetryDir = $"{patch.SitePackages.TrimEnd('/')}/{LlamaStackFacts.TelemetryPackage}";
        var configMapVolume = new YamlMapping
        {
            ["name"] = PatchVolume,
            ["configMap"] = new YamlMapping { ["name"] = patch.ConfigMapName },
        };

        switch (patch.Strategy)
        {
            case PatchStrategy.Sitecustomize:
                return new PatchWiring(
                    patch.Strategy,
                    patch.ConfigMapName,
                    LlamaStackFacts.SitecustomizeFile,
                    EmbeddedFiles.ReadText(SitecustomizeResource),
                    [configMapVolume],
                    [Mount(PatchVolume, patch.MountPath)],
                    [],
                    [],
                    patch.MountPath);

            case PatchStrategy.SubPath:
                var subPathMount = Mount(PatchVolume, $"{telemetryDir}/{LlamaStackFacts.TracingModuleFile}");
                subPathMount["subPath"] = LlamaStackFacts.TracingModuleFile;
                return new PatchWiring(
                    patch.Strategy,
                    patch.ConfigMapName,
                    LlamaStackFacts.TracingModuleFile,
                    patchFileText,
                    [configMapVolume],
                    [subPathMount],
                    [],
                    [],
                    null);

            case PatchStrategy.InitContainer:
                var packageVolume = new YamlMapping { ["name"] = PackageVolume, ["emptyDir"] = new YamlMapping() };
                return new PatchWiring(
                    patch.Strategy,
                    patch.ConfigMapName,
                    LlamaStackFacts.TracingModuleFile,
                    patchFileText,
                    [configMapVolume, packageVolume],
                    [],
                    [InitContainer(options.LlamaStack.Distribution.Image, telemetryDir)],
                    [Mount(PackageVolume, telemetryDir, readOnly: false)],
                    null);

            default:
                return new PatchWiring(patch.Strategy, null, null, null, [], [], [], [], null);
        }
    }

    /// <summary>
    /// The seed's init container, without its two defects: it first copies the whole original package out of the same
    /// image as the server (so the emptyDir does not hide the package's other modules), then overlays tracing.py.
    /// </summary>
    private static YamlMapping InitContainer(string image, string telemetryDir) => new()
    {
        ["name"] = InitContainerName,
        ["image"] = image,
        ["command"] = new YamlSequence
        {
            "sh",
            "-c",
            $"set -e; echo 'Applying tracing patch...'; cp -a {telemetryDir}/. {InitPackageDirectory}/; "
            + $"cp {InitPatchDirectory}/{LlamaStackFacts.TracingModuleFile} {InitPackageDirectory}/{LlamaStackFacts.TracingModuleFile}; "
            + "echo 'Tracing patch applied successfully'",
        },
        ["volumeMounts"] = new YamlSequence
        {
            Mount(PatchVolume, InitPatchDirectory),
            Mount(PackageVolume, InitPackageDirectory, readOnly: false),
        },
        ["securityContext"] = Security.RestrictedContainer(),
    };

    private static YamlMapping Mount(string volume, string path, bool readOnly = true)
    {
        var mount = new YamlMapping { ["name"] = volume, ["mountPath"] = path };
        if (readOnly)
        {
            mount["readOnly"] = true;
        }

        return mount;
    }
}
