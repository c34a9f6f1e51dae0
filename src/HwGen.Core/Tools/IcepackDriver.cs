namespace HwGen.Tools;

/// <summary>Runs icepack: a placed and routed iCE40 design (.asc) to a bitstream (.bin).</summary>
public sealed class IcepackDriver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public IcepackDriver(ToolInfo icepack) => Icepack = icepack;

    /// <summary>Finds icepack (HWGEN_ICEPACK, then PATH).</summary>
    public static IcepackDriver Create(ToolLocator? locator = null) =>
        new((locator ?? ToolLocator.Default).Find(KnownTools.Icepack));

    /// <summary>The icepack used.</summary>
    public ToolInfo Icepack { get; }

    /// <summary>Packs <paramref name="asc"/> into <paramref name="bin"/>; returns the bitstream's path.</summary>
    /// <exception cref="ToolFailure">icepack failed or wrote no bitstream.</exception>
    public string Pack(string asc, string bin, string? logFile = null, CancellationToken cancellation = default)
    {
        var result = ProcessRunner.Run(new ProcessSpec(Icepack.Path, [asc, bin], Timeout: Timeout, LogFile: logFile), cancellation);
        if (!result.Succeeded || !File.Exists(bin))
            throw new ToolFailure("icepack", result, []);
        return Path.GetFullPath(bin);
    }
}
