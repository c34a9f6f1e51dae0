namespace HwGen.Tools;

/// <summary>
/// An exclusive lock on one cache entry, held by keeping a lock file open with no sharing (an
/// advisory lock that other HwGen processes and threads respect). The file stays behind, empty.
/// </summary>
internal sealed class CacheLock : IDisposable
{
    private readonly FileStream _stream;

    private CacheLock(FileStream stream) => _stream = stream;

    /// <summary>Waits for the lock on <paramref name="path"/>, polling until <paramref name="timeout"/>.</summary>
    public static CacheLock Acquire(string path, TimeSpan timeout, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new CacheLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                cancellation.ThrowIfCancellationRequested();
            }
            catch (IOException e)
            {
                throw new HwGenException($"The build cache entry {path} stayed locked for {timeout.TotalSeconds:0} s. If no other HwGen is running, delete that file.", e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
