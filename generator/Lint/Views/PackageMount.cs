using System.Text.RegularExpressions;

namespace Generator.Lint.Views;

/// <summary>
/// A volume mounted at or under a Python <c>site-packages</c> (or <c>dist-packages</c>) directory in a main container:
/// where a tracing patch lands. <see cref="Package"/> is the path below site-packages (null for site-packages itself),
/// <see cref="PythonVersion"/> the <c>X.Y</c> of a <c>pythonX.Y/site-packages</c> path.
/// </summary>
public sealed partial record PackageMount(Workload Workload, ContainerView Container, MountView Mount, VolumeView? Volume, string? Package, string? PythonVersion)
{
    [GeneratedRegex(@"^(?<root>.*?/(?:python(?<version>\d+\.\d+)/)?(?:site|dist)-packages)(?:/(?<package>.*?))?/*$", RegexOptions.CultureInvariant)]
    private static partial Regex SitePackagesPath();

    /// <summary>Whether the mount replaces a whole directory (no subPath), hiding what the image has there.</summary>
    public bool HidesDirectory => Mount.SubPath is null;

    /// <summary>The image of the mounting container (for the LlamaStack server, the distribution image); null when the operator picks it.</summary>
    public string? ContainerImage => Workload.ImageOf(Container);

    /// <summary>Init containers that mount the same volume, i.e. write into what the main container sees.</summary>
    public IEnumerable<ContainerView> FillingInitContainers => Workload.InitContainers.Where(i => i.VolumeMounts.Any(m => m.Name == Mount.Name));

    /// <summary>The volume, described for messages: <c>emptyDir volume "x"</c>, <c>ConfigMap volume "x" (ConfigMap y)</c>.</summary>
    public string VolumeDescription => Volume switch
    {
        { IsEmptyDir: true } => $"emptyDir volume \"{Mount.Name}\"",
        { ConfigMapName: { } configMap } => $"volume \"{Mount.Name}\" (ConfigMap {configMap})",
        _ => $"volume \"{Mount.Name}\"",
    };

    /// <summary>The Python version of a <c>pythonX.Y/site-packages</c> path; null for other paths.</summary>
    public static string? PythonVersionOf(string path) =>
        SitePackagesPath().Match(path) is { Success: true } match && match.Groups["version"].Success ? match.Groups["version"].Value : null;

    /// <summary>The mounts of every workload in the bundle that replace a whole package directory.</summary>
    public static IEnumerable<PackageMount> HidingDirectories(LintContext context) =>
        context.Workloads.SelectMany(In).Where(m => m.HidesDirectory);

    public static IEnumerable<PackageMount> In(Workload workload) =>
        from container in workload.Containers
        from mount in container.VolumeMounts
        let match = SitePackagesPath().Match(mount.MountPath)
        where match.Success
        select new PackageMount(
            workload,
            container,
            mount,
            workload.VolumeOf(mount),
            match.Groups["package"].Success && match.Groups["package"].Length > 0 ? match.Groups["package"].Value : null,
            match.Groups["version"].Success ? match.Groups["version"].Value : null);
}
