using System.Text;

namespace Generator.Tests.Support;

/// <summary>
/// Approved-file snapshots: readable YAML under tests/Snapshots, reviewed like code. A missing or different snapshot
/// fails (locally and under CI) and leaves a <c>.received.yaml</c> beside it to diff; snapshots are only written when
/// the developer asks with <c>UPDATE_SNAPSHOTS=1 dotnet test tests</c>, and never under <c>CI=true</c>.
/// Written here instead of using Snapshooter.Xunit, which stores JSON serializations of objects (we want the YAML a
/// reviewer reads in the manifests) and creates missing snapshots silently on first run.
/// </summary>
public static class Snapshot
{
    public static string Directory => Path.Combine(TestPaths.RepoRoot, "tests", "Snapshots");

    public static void Match(string name, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        var approved = Path.Combine(Directory, name + ".yaml");
        var received = Path.Combine(Directory, name + ".received.yaml");
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && !ci;
        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : null;

        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (update)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(approved, actual);
            File.Delete(received);
            return;
        }

        if (!ci)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(received, actual);
        }

        var reason = expected is null ? "is missing" : "differs from the approved file" + FirstDifference(expected, actual);
        Assert.Fail($"snapshot {name} {reason}.\nApproved: {approved}\nTo accept the new output: UPDATE_SNAPSHOTS=1 dotnet test tests");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
            {
                return new StringBuilder().Append(" at line ").Append(i + 1).Append(":\n  approved: ").Append(left).Append("\n  received: ").Append(right).ToString();
            }
        }

        return string.Empty;
    }
}
