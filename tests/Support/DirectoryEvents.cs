using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace Generator.Tests.Support;

/// <summary>
/// Reports names created, moved in and deleted in one directory as the kernel's inotify queues them, on a thread of its
/// own. Written by hand over the system calls because FileSystemWatcher reports such events milliseconds late (it
/// batches them and pairs renames), too late to kill a process at a chosen point after them.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class DirectoryEvents : IDisposable
{
    public enum Change
    {
        Created,
        MovedIn,
        Deleted,
    }

    private const uint InCreate = 0x100;
    private const uint InMovedTo = 0x80;
    private const uint InDelete = 0x200;
    private const uint InIgnored = 0x8000;
    private const int InCloseOnExec = 0x80000;
    private const int HeaderSize = 16;
    private const int Interrupted = 4;

    private readonly int descriptor;
    private readonly int watch;
    private readonly Thread reader;

    /// <param name="onChange">Called on the reader thread, in the kernel's order; it may block (later events wait).</param>
    public DirectoryEvents(string directory, Action<Change, string> onChange)
    {
        descriptor = InotifyInit(InCloseOnExec);
        if (descriptor < 0)
        {
            throw new IOException("inotify_init1: " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        }

        watch = InotifyAddWatch(descriptor, directory, InCreate | InMovedTo | InDelete);
        if (watch < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            _ = Close(descriptor);
            throw new IOException($"inotify_add_watch {directory}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        reader = new Thread(() => Read(onChange)) { IsBackground = true, Name = "inotify " + directory };
        reader.Start();
    }

    /// <summary>Stops the reader (removing the watch queues a last event that wakes it) and closes the descriptor.</summary>
    public void Dispose()
    {
        _ = InotifyRemoveWatch(descriptor, watch);
        reader.Join();
        _ = Close(descriptor);
    }

    private void Read(Action<Change, string> onChange)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var length = (int)ReadEvents(descriptor, buffer, buffer.Length);
            if (length < 0 && Marshal.GetLastPInvokeError() == Interrupted)
            {
                continue;
            }

            if (length <= 0)
            {
                return;
            }

            for (var offset = 0; offset < length;)
            {
                var mask = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 4));
                var nameLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 12));
                var name = Encoding.UTF8.GetString(buffer, offset + HeaderSize, nameLength).TrimEnd('\0');
                offset += HeaderSize + nameLength;
                if ((mask & InIgnored) != 0)
                {
                    return;
                }

                if ((mask & InCreate) != 0)
                {
                    onChange(Change.Created, name);
                }
                else if ((mask & InMovedTo) != 0)
                {
                    onChange(Change.MovedIn, name);
                }
                else if ((mask & InDelete) != 0)
                {
                    onChange(Change.Deleted, name);
                }
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "inotify_init1", SetLastError = true)]
    private static partial int InotifyInit(int flags);

    [LibraryImport("libc", EntryPoint = "inotify_add_watch", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int InotifyAddWatch(int descriptor, string path, uint mask);

    [LibraryImport("libc", EntryPoint = "inotify_rm_watch", SetLastError = true)]
    private static partial int InotifyRemoveWatch(int descriptor, int watch);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadEvents(int descriptor, [Out] byte[] buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
