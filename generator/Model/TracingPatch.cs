using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// How the start-up hook reaches the LlamaStack pod (<c>patch.strategy</c>), as pieces of the LlamaStackDistribution spec and
/// the ConfigMap that carries the fix. Only <c>podOverrides.volumes</c> and <c>podOverrides.volumeMounts</c> exist in the
/// real CRD; the initContainer strategy also needs <c>podOverrides.initContainers</c> and <c>containerSpec.volumeMounts</c>,
/// which validation then reports.
/// </summary>
public static class TracingPatch
{
    /// <summary>The embedded resource holding the fix (the chart ships it as files/sitecustomize.py).</summary>
    public const string SitecustomizeResource = "templates/tracing-fix/sitecustomize.py";

    public const string PatchVolume = "tracing-patch";
    public const string PackageVolume = "telemetry-package";
    public const string InitContainerName = "apply-tracing-patch";
    public const string InitPatchDirectory = "/patch";
    public const string InitPackageDirectory = "/patched";

    /// <summary>
    /// The strategy in use: patch.strategy, where auto means sitecustomize for the generations the hook serves (the
    /// tracing fix for 0.2.x and 0.3.x, a tracer provider for 0.4 to 0.6) and none for the auto-instrumented ones.
    /// </summary>
    public static readonly Str Strategy = V.Str("patch.strategy").Is("auto").Then((Generation.TracingFix | Generation.TracerProvider).Then("sitecustomize", "none"), V.Str("patch.strategy"))
        .Named("patch.strategy", "The patch strategy in use: patch.strategy, or for auto sitecustomize where the start-up hook serves the LlamaStack generation (0.2 to 0.6) and none where it is auto-instrumented.");

    public static readonly Flag Sitecustomize = Strategy.Is("sitecustomize");
    public static readonly Flag SubPath = Strategy.Is("subPath");
    public static readonly Flag InitContainer = Strategy.Is("initContainer");
    public static readonly Flag Enabled = Strategy.IsNot("none");

    public static readonly Str ConfigMapName = V.Str("patch.configMapName");
    public static readonly Str MountPath = V.Str("patch.mountPath");

    /// <summary>The ConfigMap key (and chart file) of the strategy: our fix module, or the user's patched tracing.py.</summary>
    public static readonly Str FileName = Sitecustomize.Then(LlamaStackFacts.SitecustomizeFile, LlamaStackFacts.TracingModuleFile)
        .Named("patch.file", "The ConfigMap key (and chart file under files/) holding the tracing fix of the patch strategy.");

    /// <summary>The directory of the package the fix patches, in the LlamaStack image.</summary>
    public static readonly Str TelemetryDirectory = (V.Str("patch.sitePackages").Replace("/+$", string.Empty) + "/" + LlamaStackFacts.TelemetryPackage)
        .Named("patch.telemetryDirectory", "The directory of the package the tracing fix patches, in the LlamaStack image.");

    public static Resource Resource()
    {
        var configMap = Common.Object("v1", "ConfigMap", StackComponent.TracingPatch, ConfigMapName, Common.ApplicationNamespace);
        var content = Sitecustomize.Then(V.File(LlamaStackFacts.SitecustomizeFile), V.File(LlamaStackFacts.TracingModuleFile));
        configMap.Add("data", new Map { { FileName, new Text(content) } });
        return new Resource("tracing-patch-configmap.yaml", "tracing-patch-configmap.yaml", configMap, Enabled);
    }

    /// <summary>The pod's volumes: the fix's ConfigMap, and for the initContainer strategy the volume it fills.</summary>
    public static Seq PodVolumes() => new()
    {
        new Map { { "name", PatchVolume }, { "configMap", new Map { { "name", ConfigMapName } } } },
        { InitContainer, new Map { { "name", PackageVolume }, { "emptyDir", new Map() } } },
    };

    /// <summary>Mounts of the server container that podOverrides adds.</summary>
    public static Seq PodVolumeMounts()
    {
        // Only the one file is replaced; the rest of the installed package stays.
        var subPathMount = Common.Mount(PatchVolume, TelemetryDirectory + "/" + LlamaStackFacts.TracingModuleFile);
        subPathMount.Add("subPath", LlamaStackFacts.TracingModuleFile);
        return new Seq
        {
            { Sitecustomize, Common.Mount(PatchVolume, MountPath) },
            { SubPath, subPathMount },
        };
    }

    /// <summary>
    /// The seed's init container, without its two defects: it runs the same image as the server and first copies the
    /// whole original package (so the emptyDir does not hide the package's other modules), then overlays tracing.py.
    /// </summary>
    public static Map InitContainerSpec(Str image)
    {
        var file = LlamaStackFacts.TracingModuleFile;
        Str script = "set -e; echo 'Applying tracing patch...'; cp -a " + TelemetryDirectory + $"/. {InitPackageDirectory}/; "
            + $"cp {InitPatchDirectory}/{file} {InitPackageDirectory}/{file}; echo 'Tracing patch applied successfully'";
        return new Map
        {
            { "name", InitContainerName },
            { "image", image },
            { "command", new Seq { "sh", "-c", script } },
            { "volumeMounts", new Seq { Common.Mount(PatchVolume, InitPatchDirectory), Common.Mount(PackageVolume, InitPackageDirectory, readOnly: false) } },
            { "securityContext", Common.RestrictedContainer() },
        };
    }

    /// <summary>The initContainer strategy's mount over the package directory (it hides the image's copy).</summary>
    public static Seq ContainerVolumeMounts() => new() { Common.Mount(PackageVolume, TelemetryDirectory, readOnly: false) };
}
