namespace HwGen.Rtl;

/// <summary>One file of a generated design: a path relative to the design folder, and its text.</summary>
public sealed record GeneratedFile(string Path, string Content);
