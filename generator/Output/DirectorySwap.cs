namespace Generator.Output;

/// <summary>
/// Puts a complete staged directory in the place of the output directory. On Linux one renameat2(RENAME_EXCHANGE) swaps
/// the two names at once: every reader, and every moment a process can die at, sees either the old tree or the new one
/// at the output path. Elsewhere, or where the file system lacks the exchange (ENOSYS, EINVAL), two renames do it; that
/// leaves a window between them in which the output path does not exist and the old tree sits beside it (removed as
/// abandoned by the next render, which writes a new one).
/// </summary>
internal static class DirectorySwap
{
    private const int CrossDevice = 18;
    private const int Busy = 16;

    /// <summary>Moves <paramref name="staging"/> to <paramref name="target"/>; returns where the replaced tree is now (to delete), or null if there was none.</summary>
    public static string? Replace(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return null;
        }

        if (OperatingSystem.IsLinux())
        {
            var errno = LinuxFileSystem.Exchange(staging, target);
            if (errno == 0)
            {
                return staging;
            }

            if (errno is CrossDevice or Busy)
            {
                throw new IOException(
                    $"{target} cannot be replaced in one step: it is a mount point, or its file system will not rename it (as overlayfs will not an image layer's directory); "
                    + "use an output directory whose parent is writable on the same file system (mount the parent, not the output directory)",
                    LinuxFileSystem.Failure("renameat2", target, errno));
            }

            if (errno is not (LinuxFileSystem.NoSuchSystemCall or LinuxFileSystem.InvalidArgument))
            {
                throw LinuxFileSystem.Failure("renameat2", target, errno);
            }
        }

        return ReplaceByTwoRenames(staging, target);
    }

    /// <summary>The fallback: the old tree out of the way, then the new one in; the old one is put back if the second rename fails.</summary>
    public static string ReplaceByTwoRenames(string staging, string target)
    {
        var aside = staging + "-old";
        Directory.Move(target, aside);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(aside, target);
            throw;
        }

        return aside;
    }

}
