namespace HwGen.Rendering;

/// <summary>One file of a <see cref="BuildPlan"/>: its path relative to the output folder ('/'-separated) and its exact bytes.</summary>
public sealed record PlannedFile(string Path, byte[] Content);
