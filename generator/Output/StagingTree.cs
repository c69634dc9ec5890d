using System.Text;

namespace Generator.Output;

/// <summary>
/// A complete new output directory, built at its staging path before it is swapped in: the rendered files, and the
/// entries of the current output directory that the render does not own, carried over as hard links (Linux; no data is
/// copied and the file stays the same file) or as copies where the file system refuses a link. Nothing is flushed to the
/// disk: the files are complete in the page cache before the swap, which a killed process cannot undo; only a power cut
/// could lose them, and flushing each file (about 0.25 ms apiece) would cost a sixth of a render.
/// </summary>
internal sealed class StagingTree
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string root;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    /// <summary>Modes applied when the tree is complete, so a read-only directory can still be filled first.</summary>
    private readonly List<(string Path, UnixFileMode Mode)> modes = [];

    /// <param name="root">The staging path; must not exist.</param>
    /// <param name="modeOf">The directory whose permissions the new root takes (the current output directory), if any.</param>
    public StagingTree(string root, string? modeOf)
    {
        this.root = root;
        CreateDirectory(root, modeOf);
    }

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        EnsureDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(Utf8.GetBytes(content));
    }

    /// <summary>Carries a top-level entry of the current output directory (file, directory tree or symbolic link) over.</summary>
    public void Carry(string source) => Carry(source, Path.Combine(root, Path.GetFileName(source)));

    /// <summary>Applies the carried permissions (last, so a directory its owner may not write can still be filled first).</summary>
    public void Complete()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var (path, mode) in modes)
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private void Carry(string source, string destination)
    {
        var entry = new FileInfo(source);
        if (entry.LinkTarget is { } target)
        {
            if (Directory.Exists(source))
            {
                Directory.CreateSymbolicLink(destination, target);
            }
            else
            {
                File.CreateSymbolicLink(destination, target);
            }
        }
        else if (entry.Attributes.HasFlag(FileAttributes.Directory))
        {
            CreateDirectory(destination, source);
            foreach (var child in Directory.EnumerateFileSystemEntries(source).Order(StringComparer.Ordinal))
            {
                Carry(child, Path.Combine(destination, Path.GetFileName(child)));
            }
        }
        else if (!(OperatingSystem.IsLinux() && LinuxFileSystem.TryHardLink(source, destination)))
        {
            File.Copy(source, destination);
        }
    }

    private void EnsureDirectory(string path)
    {
        if (path == root || known.Contains(path))
        {
            return;
        }

        EnsureDirectory(Path.GetDirectoryName(path)!);
        CreateDirectory(path, modeOf: null);
    }

    private void CreateDirectory(string path, string? modeOf)
    {
        Directory.CreateDirectory(path);
        known.Add(path);
        if (modeOf is not null && !OperatingSystem.IsWindows())
        {
            modes.Add((path, File.GetUnixFileMode(modeOf)));
        }
    }
}
