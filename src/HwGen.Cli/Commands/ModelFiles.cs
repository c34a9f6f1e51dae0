using HwGen.Model;

namespace HwGen.Cli.Commands;

/// <summary>Loads the model a command was given, with a clear message when the file is not there.</summary>
internal static class ModelFiles
{
    public static ModelWeights Load(FileInfo file)
    {
        RequireExists(file);
        return SafeTensors.Load(file.FullName);
    }

    /// <summary>Throws the one-line "not found" error unless the model file exists.</summary>
    public static void RequireExists(FileInfo file) => RequireExists(file, CommonOptions.DefaultModelPath);

    /// <param name="file">The --model value.</param>
    /// <param name="defaultPath">The shipped default model's path, to tell "not built yet" from a wrong path.</param>
    public static void RequireExists(FileInfo file, string defaultPath)
    {
        file.Refresh();
        if (file.Exists)
            return;
        if (string.Equals(file.FullName, Path.GetFullPath(defaultPath), StringComparison.Ordinal))
            throw new HwGenException($"{file.FullName}: the default model {CommonOptions.DefaultModelFile} is not there (it has not been trained and shipped yet); give a model with --model FILE.");
        throw new HwGenException($"{file.FullName}: model file not found; check the --model path.");
    }
}
