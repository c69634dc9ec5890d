namespace Generator.Tests.Support;

/// <summary>Locations of the repository and its fixtures, found from the test assembly.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "Fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);
}
