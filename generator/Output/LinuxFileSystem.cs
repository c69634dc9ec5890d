using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Generator.Output;

/// <summary>
/// The few Linux system calls the output writer needs that .NET does not expose: an atomic exchange of two directories
/// (renameat2 with RENAME_EXCHANGE) and hard links (link). Source-generated
/// interop ([LibraryImport]), so it works under NativeAOT; the runtime maps the name "libc" to the system's C library.
/// </summary>
[SupportedOSPlatform("linux")]
internal static partial class LinuxFileSystem
{
    private const string LibC = "libc";
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 1 << 1;

    // errno values, identical on every architecture .NET supports on Linux.
    public const int NoSuchSystemCall = 38;
    public const int InvalidArgument = 22;

    /// <summary>Exchanges two existing paths in one step; returns 0, or the errno.</summary>
    public static int Exchange(string first, string second)
    {
        try
        {
            return RenameAt2(AtCurrentDirectory, first, AtCurrentDirectory, second, RenameExchange) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.28 has no wrapper for the call.
            return NoSuchSystemCall;
        }
    }

    /// <summary>Makes <paramref name="link"/> a second name of the file <paramref name="existing"/>; false when the file system refuses.</summary>
    public static bool TryHardLink(string existing, string link) => LinkFile(existing, link) == 0;

    public static IOException Failure(string call, string path, int errno) =>
        new($"{call} {path}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);

    [LibraryImport(LibC, EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    [LibraryImport(LibC, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkFile(string existing, string link);

}
