namespace HwGen.Model;

/// <summary>
/// Everything read from one safetensors model file: the weights (widened to double), each
/// tensor's stored dtype, the metadata beyond the model config, and the file's SHA-256.
/// </summary>
/// <param name="Weights">The model, its config taken from <c>__metadata__</c>.</param>
/// <param name="DTypes">The dtype each tensor is stored in, by tensor name.</param>
/// <param name="ExtraMetadata">
/// The <c>__metadata__</c> entries other than the config keys (<see cref="SafeTensors.ConfigKeys"/>),
/// in file order; pass them to <see cref="SafeTensors.Save"/> to keep them.
/// </param>
/// <param name="Sha256">SHA-256 of the whole file, lowercase hex.</param>
public sealed record SafeTensorsFile(
    ModelWeights Weights,
    IReadOnlyDictionary<string, SafeTensorsDType> DTypes,
    IReadOnlyDictionary<string, string> ExtraMetadata,
    string Sha256);
